/* misaligned_fetch.S - IALIGN = 32: a taken jal / jalr / branch to an address with bit 1 set raises cause 0 on
 * the jump itself (mepc = the jump, mtval = the target) and writes no register; jalr clears bit 0 first (no
 * trap for an odd sum that is otherwise aligned); a not-taken branch to a misaligned target does not trap. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1                     /* jal */
    li a0, 0x1234
    EXPECT_TRAP .Lr1
.Lj1:
    jal a0, tgt + 2
    j fail
.Lr1:
    CHECK_TRAP CAUSE_MISALIGNED_FETCH
    CHECK_TRAP_EPC .Lj1
    CHECK_TRAP_TVAL_LABEL tgt, 2
    CHECK a0, 0x1234

    TEST_CASE 2                     /* jalr, offset 2 */
    la a1, tgt
    li a0, 0x1234
    EXPECT_TRAP .Lr2
.Lj2:
    jalr a0, 2(a1)
    j fail
.Lr2:
    CHECK_TRAP CAUSE_MISALIGNED_FETCH
    CHECK_TRAP_EPC .Lj2
    CHECK_TRAP_TVAL_LABEL tgt, 2
    CHECK a0, 0x1234

    TEST_CASE 3                     /* jalr: sum = tgt + 3, bit 0 cleared -> tgt + 2, still misaligned */
    la a1, tgt + 1
    li a0, 0x1234
    EXPECT_TRAP .Lr3
.Lj3:
    jalr a0, 2(a1)
    j fail
.Lr3:
    CHECK_TRAP CAUSE_MISALIGNED_FETCH
    CHECK_TRAP_EPC .Lj3
    CHECK_TRAP_TVAL_LABEL tgt, 2
    CHECK a0, 0x1234

    TEST_CASE 4                     /* jalr with rd == rs1: rs1 keeps its value */
    la a1, tgt + 2
    EXPECT_TRAP .Lr4
.Lj4:
    jalr a1, 0(a1)
    j fail
.Lr4:
    CHECK_TRAP CAUSE_MISALIGNED_FETCH
    CHECK_TRAP_EPC .Lj4
    CHECK_TRAP_TVAL_LABEL tgt, 2
    CHECK_LABEL a1, tgt + 2

    TEST_CASE 5                     /* taken branches, forward and backward */
    li a1, 1
    EXPECT_TRAP .Lr5
.Lj5:
    beq a1, a1, tgt + 2
    j fail
.Lr5:
    CHECK_TRAP CAUSE_MISALIGNED_FETCH
    CHECK_TRAP_EPC .Lj5
    CHECK_TRAP_TVAL_LABEL tgt, 2
    EXPECT_TRAP .Lr5b
.Lj5b:
    bltu x0, a1, back_tgt + 2
    j fail
.Lr5b:
    CHECK_TRAP CAUSE_MISALIGNED_FETCH
    CHECK_TRAP_EPC .Lj5b
    CHECK_TRAP_TVAL_LABEL back_tgt, 2

    TEST_CASE 6                     /* not-taken branch to a misaligned target: nothing happens */
    RESET_TRAP_COUNT
    li a1, 1
    bne a1, a1, tgt + 2
    bge x0, a1, tgt + 2
    CHECK_TRAP_COUNT 0

    TEST_CASE 7                     /* jalr with bit 0 set only: no trap, link written */
    la a1, .Lt7
    addi a1, a1, 1
.Lj7:
    jalr a0, 0(a1)
    j fail
.Lt7:
    CHECK_LABEL a0, .Lj7 + 4
    CHECK_TRAP_COUNT 0
    TEST_PASS

back_tgt:
    j fail
    j fail
tgt:
    j fail
    j fail
