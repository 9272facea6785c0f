/* wfi.S - wfi in M-mode: with an interrupt already pending and enabled in mie it completes at once (MIE = 0: no
 * trap); it waits for a timer interrupt and the interrupt is taken on the next instruction (mepc = wfi pc + 4);
 * with MIE = 0 it wakes up on a pending-and-enabled interrupt without taking it.
 * docs/core.md lets the ISS treat wfi as a nop (BOARD_ID 1): there the wfi sits in a loop and the interrupt may
 * arrive at the wfi or after it; every other board must take it exactly at wfi + 4. */
#include "test.h"
TEST_MAIN
    csrw mie, zero
    li s0, CLINT_BASE
    li s2, CLINT_BASE + CLINT_MTIME

    TEST_CASE 1                     /* pending (MSIP) and enabled in mie, MIE = 0: wfi falls through, no trap */
    li a0, 1
    sw a0, CLINT_MSIP(s0)
    csrsi mie, MIP_MSIP
    wfi
    CHECK_TRAP_COUNT 0
    sw zero, CLINT_MSIP(s0)
    csrw mie, zero

    TEST_CASE 2                     /* wait for the timer with MIE = 1: taken with mepc = wfi + 4 */
    li s1, CLINT_BASE + CLINT_MTIMECMP
    li a0, -1
    sw a0, 0(s1)
    sw zero, 4(s1)
    lw a1, 0(s2)
    addi a1, a1, 500
    sw a1, 0(s1)                    /* mtimecmp = now + 500 */
    li a0, MIP_MTIP
    csrw mie, a0
    EXPECT_TRAP .Lr2
    csrsi mstatus, MSTATUS_MIE
.Lw2:
    wfi
.Ln2:
    j .Lw2
.Lr2:
    CHECK_TRAP CAUSE_INTR | IRQ_MTI
    la a0, trap_vars
    lw a0, TV_EPC(a0)
    la a1, .Ln2
    beq a0, a1, 3f                  /* mepc = wfi + 4: right for everyone */
    li a2, SYSCTL_BASE
    lw a2, SYSCTL_BOARD_ID(a2)
    li a3, 1
    bne a2, a3, .Lbad               /* not the ISS: must have been wfi + 4 */
    la a1, .Lw2
    bne a0, a1, .Lbad
3:
    lw a0, 0(s2)
    lw a1, 0(s1)
    bltu a0, a1, .Lbad

    TEST_CASE 3                     /* MIE = 0: wfi wakes up on the timer, nothing is taken, MTIP is pending */
    li a0, -1
    sw a0, 0(s1)
    lw a1, 0(s2)
    addi a1, a1, 500
    sw a1, 0(s1)
    CHECK_CSR_MASK mip, MIP_MTIP, 0
    RESET_TRAP_COUNT
    wfi
    li a2, 100000                   /* an implementation may wake early (wfi as a hint): wait for MTIP */
1:  csrr a0, mip
    andi a0, a0, MIP_MTIP
    bnez a0, 2f
    addi a2, a2, -1
    bnez a2, 1b
    j fail
2:  CHECK_TRAP_COUNT 0

    li a0, -1
    sw a0, 4(s1)
    sw a0, 0(s1)
    csrw mie, zero
    TEST_PASS
.Lbad:
    j fail
