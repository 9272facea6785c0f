/* irq_priority.S - several machine interrupts pending at once are taken in the order MEI (11), MSI (3), MTI (7);
 * an interrupt pending but disabled in mie does not block a lower-priority enabled one. */
#include "test.h"

/* Enable MIE, expect one interrupt right away, check its cause (the handler resumes with MIE = 0). */
.macro TAKE_ONE cause
    EXPECT_TRAP .Lr_\@
    csrsi mstatus, MSTATUS_MIE
    j fail
.Lr_\@:
    CHECK_TRAP \cause
.endm

TEST_MAIN
    csrw mie, zero
    li s0, CLINT_BASE
    li s1, UART_BASE
    li s2, CLINT_BASE + CLINT_MTIMECMP

    TEST_CASE 1                     /* raise all three */
    sw zero, 4(s2)
    sw zero, 0(s2)                  /* MTIP */
    li a0, 1
    sw a0, CLINT_MSIP(s0)           /* MSIP */
    li a0, 2
    sw a0, UART_IE(s1)              /* MEIP (TX ready) */
    CHECK_CSR_MASK mip, MIP_MEIP | MIP_MSIP | MIP_MTIP, MIP_MEIP | MIP_MSIP | MIP_MTIP
    li a0, MIP_MEIP | MIP_MSIP | MIP_MTIP
    csrw mie, a0

    TEST_CASE 2
    TAKE_ONE CAUSE_INTR | IRQ_MEI
    sw zero, UART_IE(s1)
    TEST_CASE 3
    TAKE_ONE CAUSE_INTR | IRQ_MSI
    sw zero, CLINT_MSIP(s0)
    TEST_CASE 4
    TAKE_ONE CAUSE_INTR | IRQ_MTI

    TEST_CASE 5                     /* MTI and MSI pending, only MTI enabled: MTI */
    li a0, 1
    sw a0, CLINT_MSIP(s0)
    li a0, MIP_MTIP
    csrw mie, a0
    TAKE_ONE CAUSE_INTR | IRQ_MTI

    TEST_CASE 6                     /* all pending, MEI disabled: MSI first */
    li a0, 2
    sw a0, UART_IE(s1)
    li a0, MIP_MSIP | MIP_MTIP
    csrw mie, a0
    TAKE_ONE CAUSE_INTR | IRQ_MSI

    TEST_CASE 7                     /* MTI and MEI pending and enabled: MEI */
    sw zero, CLINT_MSIP(s0)
    li a0, MIP_MEIP | MIP_MTIP
    csrw mie, a0
    TAKE_ONE CAUSE_INTR | IRQ_MEI

    csrw mie, zero
    sw zero, UART_IE(s1)
    li a0, -1
    sw a0, 0(s2)
    sw a0, 4(s2)
    CHECK_TRAP_COUNT 6
    TEST_PASS
