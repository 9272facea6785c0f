/* loaduse.S - load-use hazards: a loaded value used by the very next instruction as rs1, rs2, store data, store
 * address, branch operand, jalr target and load address (pointer chasing); sub-word loads followed by use. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1                     /* rs1 and rs2 */
    la a1, vals
    lw a0, 0(a1)
    addi a2, a0, 1
    CHECK a2, 0x11
    lw a0, 4(a1)
    add a2, a1, a0
    sub a2, a2, a1
    CHECK a2, 0x20
    lw a0, 0(a1)
    lw a3, 4(a1)
    add a2, a0, a3                  /* both operands loaded, second one just before */
    CHECK a2, 0x30

    TEST_CASE 2                     /* loaded value as store data, then store address */
    la a1, vals
    lw a0, 8(a1)
    sw a0, 12(a1)
    lw a2, 12(a1)
    CHECK a2, 0x40
    lw a0, 16(a1)                   /* address of scratch */
    sw a1, 0(a0)
    la a3, scratch
    lw a2, 0(a3)
    CHECK_LABEL a2, vals

    TEST_CASE 3                     /* loaded value in a branch */
    la a1, vals
    lw a0, 0(a1)
    beqz a0, .Lbad3
    lw a0, 20(a1)                   /* 0 */
    bnez a0, .Lbad3
    lb a0, 24(a1)                   /* -1 */
    bgez a0, .Lbad3
    j .Lok3
.Lbad3:
    j fail
.Lok3:

    TEST_CASE 4                     /* loaded value as jalr target */
    la a1, targets
    lw a2, 0(a1)
    jalr a0, 0(a2)
    j fail
.Lt4:

    TEST_CASE 5                     /* pointer chasing: load address from a load */
    la a1, chain
    lw a1, 0(a1)
    lw a1, 0(a1)
    lw a1, 0(a1)
    lw a0, 4(a1)
    CHECK a0, 0xc0ffee

    TEST_CASE 6                     /* sub-word loads then use */
    la a1, vals
    lbu a0, 24(a1)
    addi a0, a0, 1
    CHECK a0, 0x100
    lh a0, 24(a1)
    addi a0, a0, 1
    CHECK a0, 0
    lhu a0, 26(a1)
    add a0, a0, a0
    CHECK a0, 0x2468

    TEST_CASE 7                     /* load, then a store to the same word, then a load */
    la a1, scratch
    li a2, 77
    sw a2, 4(a1)
    lw a0, 4(a1)
    addi a0, a0, 1
    sw a0, 4(a1)
    lw a3, 4(a1)
    CHECK a3, 78

    TEST_CASE 8                     /* load into a register used by mul/div at once */
    la a1, vals
    lw a0, 0(a1)
    mul a2, a0, a0
    CHECK a2, 0x100
    lw a0, 4(a1)
    divu a2, a0, a0
    CHECK a2, 1
    TEST_PASS

    .data
    .balign 4
vals:
    .word 0x10, 0x20, 0x40, 0, scratch, 0
    .word 0x1234ffff
targets:
    .word .Lt4
chain:
    .word chain1
chain1:
    .word chain2
chain2:
    .word chain3
chain3:
    .word 0, 0xc0ffee
scratch:
    .word 0, 0
