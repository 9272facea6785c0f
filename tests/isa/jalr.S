/* jalr.S - jalr: target = (rs1 + imm) & ~1, link = pc + 4, rd = rs1 (target from the old value), rd = x0,
 * positive and negative offsets, bit 0 of the target ignored, computed return through ra. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    la a1, .Lt1
.Lj1:
    jalr ra, 0(a1)
    j fail
.Lt1:
    CHECK_LABEL ra, .Lj1 + 4

    TEST_CASE 2                     /* positive offset */
    la a1, .Lt2 - 8
.Lj2:
    jalr a0, 8(a1)
    j fail
    j fail
.Lt2:
    CHECK_LABEL a0, .Lj2 + 4

    TEST_CASE 3                     /* negative offset */
    la a1, .Lt3 + 2044
.Lj3:
    jalr a0, -2044(a1)
    j fail
.Lt3:
    CHECK_LABEL a0, .Lj3 + 4

    TEST_CASE 4                     /* bit 0 of the sum is cleared: no trap */
    la a1, .Lt4
    addi a1, a1, 1
.Lj4:
    jalr a0, 0(a1)
    j fail
.Lt4:
    CHECK_LABEL a0, .Lj4 + 4
    la a1, .Lt4b
.Lj4b:
    jalr a0, 1(a1)
    j fail
.Lt4b:
    CHECK_LABEL a0, .Lj4b + 4

    TEST_CASE 5                     /* rd == rs1: target from the old value, then the link */
    la a1, .Lt5
.Lj5:
    jalr a1, 0(a1)
    j fail
.Lt5:
    CHECK_LABEL a1, .Lj5 + 4

    TEST_CASE 6                     /* rd = x0 */
    la a1, .Lt6
    jalr x0, 0(a1)
    j fail
.Lt6:
    CHECK x0, 0

    TEST_CASE 7                     /* call and return through a subroutine */
    li a0, 5
    jal ra, sub_double
    CHECK a0, 10
    jal ra, sub_double
    CHECK a0, 20

    TEST_CASE 8                     /* backward jalr */
    j .Lgo8
.Lt8:
    CHECK_LABEL a0, .Lj8 + 4
    j .Ld8
.Lgo8:
    la a1, .Lt8
.Lj8:
    jalr a0, 0(a1)
    j fail
.Ld8:

    TEST_CASE 9                     /* target loaded from memory, used at once */
    la a1, jump_table
    lw a2, 4(a1)
    jalr a0, 0(a2)
    j fail
.Lt9:
    CHECK_LABEL a0, .Lt9 - 4
    TEST_PASS

sub_double:
    add a0, a0, a0
    jalr x0, 0(ra)

    .data
    .balign 4
jump_table:
    .word fail, .Lt9, fail
