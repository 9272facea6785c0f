/* uart_irq.S - the UART interrupt on mip.MEIP: IE register read-back, TX ready (IE bit 1) raises MEIP while the TX
 * FIFO has room, RX (IE bit 0) does not with an empty receive FIFO; taken as cause 0x8000000b when mie.MEIE and
 * mstatus.MIE are set; clearing IE clears MEIP; MEIP is not writable through mip. Run with stdin empty. */
#include "test.h"
TEST_MAIN
    csrw mie, zero
    li s0, UART_BASE
    TEST_CASE 1
    sw zero, UART_IE(s0)
    lw a0, UART_IE(s0)
    CHECK a0, 0
    CHECK_CSR_MASK mip, MIP_MEIP, 0
    lw a0, UART_STATUS(s0)
    CHECK a0, 2                     /* TX ready, nothing received */
    lw a0, UART_RXDATA(s0)
    CHECK a0, 0x80000000            /* empty */

    TEST_CASE 2                     /* RX interrupt enabled but nothing received */
    li a0, 1
    sw a0, UART_IE(s0)
    lw a0, UART_IE(s0)
    CHECK a0, 1
    CHECK_CSR_MASK mip, MIP_MEIP, 0

    TEST_CASE 3                     /* TX ready interrupt */
    li a0, 2
    sw a0, UART_IE(s0)
    lw a0, UART_IE(s0)
    CHECK a0, 2
    CHECK_CSR_MASK mip, MIP_MEIP, MIP_MEIP
    li a0, MIP_MEIP
    csrc mip, a0                    /* read-only */
    CHECK_CSR_MASK mip, MIP_MEIP, MIP_MEIP
    csrsi mstatus, MSTATUS_MIE      /* not enabled in mie yet */
    nop
    csrci mstatus, MSTATUS_MIE
    CHECK_TRAP_COUNT 0

    TEST_CASE 4
    li a0, MIP_MEIP
    csrw mie, a0
    EXPECT_TRAP .Lr4
    csrsi mstatus, MSTATUS_MIE
.Ln4:
    j fail
.Lr4:
    CHECK_TRAP CAUSE_INTR | IRQ_MEI
    CHECK_TRAP_EPC .Ln4
    CHECK_TRAP_TVAL 0

    TEST_CASE 5                     /* byte write to IE acts on that byte only */
    li a0, 3
    sb a0, UART_IE(s0)
    lw a0, UART_IE(s0)
    CHECK a0, 3
    sw zero, UART_IE(s0)
    CHECK_CSR_MASK mip, MIP_MEIP, 0
    csrw mie, zero
    CHECK_TRAP_COUNT 1
    TEST_PASS
