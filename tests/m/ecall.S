/* ecall.S - ecall in M-mode: cause 11, mepc = the ecall, mtval = 0, mstatus.MPP = M and MPIE = the old MIE at
 * the trap, registers preserved; twice in a row. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    li a0, 0x1234
    csrw mtval, a0                  /* must be overwritten with 0 */
    EXPECT_TRAP .Lr1
.Le1:
    ecall
    j fail
.Lr1:
    CHECK_TRAP CAUSE_ECALL_M
    CHECK_TRAP_EPC .Le1
    CHECK_TRAP_TVAL 0
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP_M
    CHECK a0, 0x1234

    TEST_CASE 2                     /* with MIE = 1 (no interrupt enabled in mie): MPIE = 1, MIE = 0 at the trap */
    csrw mie, zero
    csrsi mstatus, MSTATUS_MIE
    EXPECT_TRAP .Lr2
.Le2:
    ecall
    j fail
.Lr2:
    CHECK_TRAP CAUSE_ECALL_M
    CHECK_TRAP_EPC .Le2
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP_M | MSTATUS_MPIE

    TEST_CASE 3                     /* mcause / mepc CSRs themselves */
    EXPECT_TRAP .Lr3
.Le3:
    ecall
.Lr3:
    CHECK_CSR mcause, CAUSE_ECALL_M
    CHECK_CSR mtval, 0
    CHECK_TRAP_COUNT 3
    TEST_PASS
