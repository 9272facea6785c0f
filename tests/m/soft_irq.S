/* soft_irq.S - machine software interrupt: CLINT MSIP bit 0 drives mip.MSIP (read back through the CLINT too),
 * mip.MSIP is not writable by csr instructions, taken when mie.MSIE and mstatus.MIE are set (cause 0x80000003,
 * mtval 0), and clearing MSIP clears mip.MSIP. */
#include "test.h"
TEST_MAIN
    csrw mie, zero
    li s0, CLINT_BASE
    TEST_CASE 1
    lw a0, CLINT_MSIP(s0)
    CHECK a0, 0
    CHECK_CSR_MASK mip, MIP_MSIP, 0
    csrsi mip, MIP_MSIP             /* read-only bit: ignored */
    CHECK_CSR_MASK mip, MIP_MSIP, 0

    TEST_CASE 2
    li a0, 1
    sw a0, CLINT_MSIP(s0)
    lw a0, CLINT_MSIP(s0)
    andi a0, a0, 1
    CHECK a0, 1
    CHECK_CSR_MASK mip, MIP_MSIP, MIP_MSIP
    csrci mip, MIP_MSIP
    CHECK_CSR_MASK mip, MIP_MSIP, MIP_MSIP

    TEST_CASE 3                     /* not enabled: not taken */
    csrsi mstatus, MSTATUS_MIE
    nop
    csrci mstatus, MSTATUS_MIE
    csrsi mie, MIP_MSIP
    nop
    CHECK_TRAP_COUNT 0

    TEST_CASE 4                     /* enabled: taken after the enabling instruction */
    EXPECT_TRAP .Lr4
    csrsi mstatus, MSTATUS_MIE
.Ln4:
    j fail
.Lr4:
    CHECK_TRAP CAUSE_INTR | IRQ_MSI
    CHECK_TRAP_EPC .Ln4
    CHECK_TRAP_TVAL 0

    TEST_CASE 5                     /* enabled first, then raised by the store: taken right after the store */
    sw zero, CLINT_MSIP(s0)
    CHECK_CSR_MASK mip, MIP_MSIP, 0
    csrsi mstatus, MSTATUS_MIE
    li a0, 1
    EXPECT_TRAP .Lr5
    sw a0, CLINT_MSIP(s0)
    li a1, 100
1:  addi a1, a1, -1
    bnez a1, 1b
    j fail
.Lr5:
    CHECK_TRAP CAUSE_INTR | IRQ_MSI
    sw zero, CLINT_MSIP(s0)
    CHECK_CSR_MASK mip, MIP_MSIP, 0
    csrw mie, zero
    CHECK_TRAP_COUNT 2
    TEST_PASS
