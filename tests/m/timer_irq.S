/* timer_irq.S - machine timer interrupt from the CLINT: mip.MTIP = (mtime >= mtimecmp), cleared only by writing
 * mtimecmp; taken only when both mie.MTIE and mstatus.MIE are set; cause 0x80000007, mtval 0, MPIE = 1, MPP = M;
 * taken right after the instruction that enables it; a future compare value fires after mtime reaches it. */
#include "test.h"

/* mtimecmp = hi:lo without a spurious intermediate value. Clobbers t0, t1. */
.macro SET_MTIMECMP hi, lo
    li t0, CLINT_BASE + CLINT_MTIMECMP
    li t1, -1
    sw t1, 0(t0)
    li t1, \hi
    sw t1, 4(t0)
    li t1, \lo
    sw t1, 0(t0)
.endm

TEST_MAIN
    csrw mie, zero
    TEST_CASE 1                     /* reset value all ones: nothing pending */
    li a1, CLINT_BASE + CLINT_MTIMECMP
    lw a0, 4(a1)
    CHECK a0, 0xffffffff
    CHECK_CSR_MASK mip, MIP_MTIP, 0

    TEST_CASE 2                     /* mtimecmp = 0: pending at once, visible in mip; read-back */
    SET_MTIMECMP 0, 0
    lw a0, 0(a1)
    CHECK a0, 0
    lw a0, 4(a1)
    CHECK a0, 0
    CHECK_CSR_MASK mip, MIP_MTIP, MIP_MTIP
    li a0, MIP_MTIP
    csrc mip, a0                    /* not writable through mip */
    CHECK_CSR_MASK mip, MIP_MTIP, MIP_MTIP

    TEST_CASE 3                     /* pending but MIE = 0 or MTIE = 0: not taken */
    csrsi mstatus, MSTATUS_MIE      /* MIE = 1, MTIE = 0 */
    nop
    nop
    csrci mstatus, MSTATUS_MIE
    li a0, MIP_MTIP                 /* MTIE = 1, MIE = 0 */
    csrw mie, a0
    nop
    nop
    CHECK_TRAP_COUNT 0

    TEST_CASE 4                     /* both set: taken right after the enabling instruction */
    EXPECT_TRAP .Lr4
    csrsi mstatus, MSTATUS_MIE
.Lnext4:
    j fail
.Lr4:
    CHECK_TRAP CAUSE_INTR | IRQ_MTI
    CHECK_TRAP_EPC .Lnext4
    CHECK_TRAP_TVAL 0
    CHECK_TRAP_STATUS MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_M
    CHECK_CSR_MASK mstatus, MSTATUS_MIE, 0  /* the handler resumed with interrupts off */

    TEST_CASE 5                     /* writing mtimecmp is what clears MTIP */
    SET_MTIMECMP 0xffffffff, 0xffffffff
    CHECK_CSR_MASK mip, MIP_MTIP, 0

    TEST_CASE 6                     /* a compare value in the future: not pending yet, fires later */
    li s0, CLINT_BASE + CLINT_MTIME
    lw a0, 0(s0)                    /* assumes mtime < 2^32 - 10000 here (it counts from reset) */
    lw a1, 4(s0)
    CHECK a1, 0
    li a2, 2000
    add s1, a0, a2                  /* target */
    li t0, CLINT_BASE + CLINT_MTIMECMP
    sw zero, 4(t0)
    sw s1, 0(t0)
    CHECK_CSR_MASK mip, MIP_MTIP, 0
    EXPECT_TRAP .Lr6
    csrsi mstatus, MSTATUS_MIE
    li a3, 1000000
1:  addi a3, a3, -1
    bnez a3, 1b
    j fail                          /* never came */
.Lr6:
    CHECK_TRAP CAUSE_INTR | IRQ_MTI
    lw a0, 0(s0)
    bltu a0, s1, .Lbad              /* mtime reached mtimecmp */
    CHECK_CSR_MASK mip, MIP_MTIP, MIP_MTIP

    TEST_CASE 7                     /* mtimecmp high word alone decides too */
    SET_MTIMECMP 1, 0
    CHECK_CSR_MASK mip, MIP_MTIP, 0
    SET_MTIMECMP 0, 0
    CHECK_CSR_MASK mip, MIP_MTIP, MIP_MTIP
    SET_MTIMECMP 0xffffffff, 0xffffffff
    csrw mie, zero
    CHECK_TRAP_COUNT 2
    TEST_PASS
.Lbad:
    j fail
