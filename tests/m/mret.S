/* mret.S - mret from M to M: pc = mepc, MIE = MPIE, MPIE = 1; MIE restored as 0 and as 1; mepc is not changed.
 * (MPP after mret = U needs U-mode: tests/priv/mret_mpp.S.) */
#include "test.h"
TEST_MAIN
    csrw mie, zero                  /* no interrupt can be taken in this test */

    TEST_CASE 1                     /* MPIE = 1 -> MIE = 1, MPIE stays 1 */
    csrci mstatus, MSTATUS_MIE
    li a0, MSTATUS_MPIE | MSTATUS_MPP_M
    csrs mstatus, a0
    la a0, .Lt1
    csrw mepc, a0
    mret
    j fail
.Lt1:
    CHECK_CSR_MASK mstatus, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MIE | MSTATUS_MPIE
    csrr a0, mepc
    CHECK_LABEL a0, .Lt1

    TEST_CASE 2                     /* MPIE = 0 -> MIE = 0, MPIE = 1 */
    li a0, MSTATUS_MPIE
    csrc mstatus, a0
    li a0, MSTATUS_MPP_M
    csrs mstatus, a0
    la a0, .Lt2
    csrw mepc, a0
    mret
    j fail
.Lt2:
    CHECK_CSR_MASK mstatus, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE

    TEST_CASE 3                     /* still in M: M-only CSRs accessible without a trap */
    csrr a0, mscratch
    csrr a0, mstatus
    CHECK_TRAP_COUNT 0

    TEST_CASE 4                     /* backward target, with a dependent mepc write right before mret */
    j .Lfwd4
.Lt4:
    j .Ld4
.Lfwd4:
    li a0, MSTATUS_MPP_M            /* the last mret set MPP to the least privileged mode */
    csrs mstatus, a0
    la a0, .Lt4
    csrw mepc, a0
    mret
    j fail
.Ld4:

    TEST_CASE 5                     /* trap, then mret back to the instruction after it by hand */
    la a0, handler5
    csrw mtvec, a0
    li s1, 0
    ecall
    la a0, m_trap_vector            /* the standard handler back before checking */
    csrw mtvec, a0
    CHECK s1, 1
    TEST_PASS

    .balign 4
handler5:
    addi s1, s1, 1
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret
