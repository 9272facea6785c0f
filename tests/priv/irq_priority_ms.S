/* irq_priority_ms.S - priority between interrupts of both levels: in U with everything pending and enabled, the
 * M-level ones (MEI > MSI > MTI, not delegated) come first into M, then the delegated S-level ones into S in the
 * order SEI > SSI > STI; an S-level interrupt that is not delegated competes at its own rank into M. */
#include "test.h"

/* In U, wait for one interrupt into M (the handler resumes in M). */
.macro TAKE_M cause
    EXPECT_TRAP .Lr_\@
    GOTO_PRIV PRV_U, .Lu_\@
.Lu_\@:
1:  nop
    j 1b
.Lr_\@:
    CHECK_TRAP \cause, PRV_M
.endm

/* In U, wait for one interrupt into S (the S handler resumes in S, SIE = 0, which goes back to M). */
.macro TAKE_S cause
    EXPECT_STRAP .Lr_\@, PRV_S
    GOTO_PRIV PRV_U, .Lu_\@
.Lu_\@:
1:  nop
    j 1b
.Lr_\@:
    TO_M
    CHECK_TRAP \cause, PRV_S
.endm

TEST_MAIN
    INIT_S
    csrw mie, zero
    li s0, CLINT_BASE
    li s1, UART_BASE
    li s2, CLINT_BASE + CLINT_MTIMECMP

    TEST_CASE 1                     /* everything pending */
    li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw mideleg, a0
    csrw mip, a0
    sw zero, 4(s2)
    sw zero, 0(s2)
    li a0, 1
    sw a0, CLINT_MSIP(s0)
    li a0, 2
    sw a0, UART_IE(s1)
    li a0, 0xaaa
    csrw mie, a0
    TEST_CASE 2
    TAKE_M CAUSE_INTR | IRQ_MEI
    sw zero, UART_IE(s1)
    TEST_CASE 3
    TAKE_M CAUSE_INTR | IRQ_MSI
    sw zero, CLINT_MSIP(s0)
    TEST_CASE 4
    TAKE_M CAUSE_INTR | IRQ_MTI
    li a0, -1
    sw a0, 0(s2)
    sw a0, 4(s2)
    TEST_CASE 5
    TAKE_S CAUSE_INTR | IRQ_SEI
    li a0, MIP_SEIP
    csrc mip, a0
    TEST_CASE 6
    TAKE_S CAUSE_INTR | IRQ_SSI
    csrci mip, MIP_SSIP
    TEST_CASE 7
    TAKE_S CAUSE_INTR | IRQ_STI
    li a0, MIP_STIP
    csrc mip, a0

    TEST_CASE 8                     /* STI not delegated beats delegated SEI: M-level first */
    li a0, MIP_SEIP
    csrw mideleg, a0
    li a0, MIP_SEIP | MIP_STIP
    csrw mip, a0
    TAKE_M CAUSE_INTR | IRQ_STI
    li a0, MIP_STIP
    csrc mip, a0
    TAKE_S CAUSE_INTR | IRQ_SEI

    TEST_CASE 9                     /* neither delegated: SEI before SSI before STI, all into M */
    csrw mideleg, zero
    li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw mip, a0
    TAKE_M CAUSE_INTR | IRQ_SEI
    li a0, MIP_SEIP
    csrc mip, a0
    TAKE_M CAUSE_INTR | IRQ_SSI
    csrci mip, MIP_SSIP
    TAKE_M CAUSE_INTR | IRQ_STI
    csrw mip, zero
    csrw mie, zero
    TEST_PASS
