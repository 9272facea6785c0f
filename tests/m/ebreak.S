/* ebreak.S - ebreak in M-mode: cause 3, mepc = mtval = the pc of the ebreak, registers preserved. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    li a0, 77
    EXPECT_TRAP .Lr1
.Lb1:
    ebreak
    j fail
.Lr1:
    CHECK_TRAP CAUSE_BREAKPOINT
    CHECK_TRAP_EPC .Lb1
    CHECK_TRAP_TVAL_LABEL .Lb1
    CHECK a0, 77
    TEST_CASE 2
    EXPECT_TRAP .Lr2
    nop
.Lb2:
    ebreak
    j fail
.Lr2:
    CHECK_TRAP CAUSE_BREAKPOINT
    CHECK_TRAP_EPC .Lb2
    CHECK_TRAP_TVAL_LABEL .Lb2
    CHECK_CSR mcause, CAUSE_BREAKPOINT
    CHECK_TRAP_COUNT 2
    TEST_PASS
