/* devices.S - the system controller and device-register access rules: CLOCK_HZ, RAM_BYTES, BOARD_ID (0 vsim or 1
 * iss), VERSION 1.0, the finisher reads 0; byte and halfword reads extract from the 32-bit register, byte and
 * halfword writes update only the selected bytes (CLINT mtimecmp); UART BAUDDIV read/write. */
#include "test.h"
TEST_MAIN
    li s0, SYSCTL_BASE
    TEST_CASE 1
    lw a0, SYSCTL_VERSION(s0)
    CHECK a0, 0x00010000
    lw a0, SYSCTL_CLOCK_HZ(s0)
    CHECK a0, 50000000
    lw a0, SYSCTL_FINISHER(s0)
    CHECK a0, 0
    lw a0, SYSCTL_BOARD_ID(s0)
    li a1, 2
    bgeu a0, a1, .Lbad
    TEST_CASE 2                     /* RAM size: a non-zero multiple of 1 MiB, and the image fits */
    lw a0, SYSCTL_RAM_BYTES(s0)
    beqz a0, .Lbad
    li a1, 0xfffff
    and a1, a0, a1
    bnez a1, .Lbad
    la a1, _end
    li a2, RAM_BASE
    sub a1, a1, a2
    bltu a0, a1, .Lbad
    TEST_CASE 3                     /* sub-word reads of a device register */
    lbu a0, SYSCTL_VERSION + 2(s0)
    CHECK a0, 1
    lhu a0, SYSCTL_VERSION + 2(s0)
    CHECK a0, 1
    lb a0, SYSCTL_VERSION(s0)
    CHECK a0, 0
    lhu a0, SYSCTL_CLOCK_HZ(s0)     /* 50000000 = 0x02faf080 */
    CHECK a0, 0xf080
    lb a0, SYSCTL_CLOCK_HZ(s0)
    CHECK a0, 0xffffff80
    lbu a0, SYSCTL_CLOCK_HZ + 3(s0)
    CHECK a0, 0x02
    TEST_CASE 4                     /* sub-word writes to the CLINT mtimecmp */
    li s1, CLINT_BASE + CLINT_MTIMECMP
    li a0, -1
    sw a0, 4(s1)                    /* keep the compare far away while playing with the low word */
    li a0, 0x11223344
    sw a0, 0(s1)
    li a0, 0xaa
    sb a0, 1(s1)
    lw a1, 0(s1)
    CHECK a1, 0x1122aa44
    li a0, 0xbeef
    sh a0, 2(s1)
    lw a1, 0(s1)
    CHECK a1, 0xbeefaa44
    lbu a1, 3(s1)
    CHECK a1, 0xbe
    li a0, -1
    sw a0, 0(s1)
    TEST_CASE 5                     /* UART BAUDDIV is read/write */
    li s2, UART_BASE
    lw s3, UART_BAUDDIV(s2)
    li a0, 1234
    sw a0, UART_BAUDDIV(s2)
    lw a1, UART_BAUDDIV(s2)
    CHECK a1, 1234
    sw s3, UART_BAUDDIV(s2)
    TEST_CASE 6                     /* the UART prints (visible in the log) */
    li a0, 'o'
    sw a0, UART_TXDATA(s2)
    li a0, 'k'
    sw a0, UART_TXDATA(s2)
    li a0, '\n'
    sw a0, UART_TXDATA(s2)
    CHECK_TRAP_COUNT 0
    TEST_PASS
.Lbad:
    j fail
