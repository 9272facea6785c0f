/* x0.S - x0 always reads zero: written by every kind of instruction (ALU, lui/auipc, jal/jalr, loads, mul/div,
 * CSR reads), read right after the write (no forwarding of the discarded value) and as every operand. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    li a1, 0x12345678
    addi x0, a1, 1
    add a0, x0, x0
    CHECK a0, 0
    add x0, a1, a1
    mv a0, x0
    CHECK a0, 0
    xori x0, x0, -1
    sub a0, x0, x0
    CHECK a0, 0

    TEST_CASE 2
    lui x0, 0x12345
    addi a0, x0, 0
    CHECK a0, 0
    auipc x0, 1
    or a0, x0, x0
    CHECK a0, 0

    TEST_CASE 3
    la a1, word
    lw x0, 0(a1)
    add a0, x0, zero
    CHECK a0, 0
    lb x0, 3(a1)
    addi a0, x0, 0
    CHECK a0, 0

    TEST_CASE 4
    li a1, 7
    li a2, 9
    mul x0, a1, a2
    add a0, x0, x0
    CHECK a0, 0
    div x0, a2, a1
    add a0, x0, x0
    CHECK a0, 0
    mulhu x0, a1, a1
    sltu a0, x0, a1                 /* 0 < 7 */
    CHECK a0, 1

    TEST_CASE 5
    csrr x0, mtval                  /* csrrs x0, mtval, x0: reads, writes nothing */
    add a0, x0, x0
    CHECK a0, 0
    csrrw x0, mtval, x0             /* writes 0 to mtval, rd = x0 */
    csrr a0, mtval
    CHECK a0, 0

    TEST_CASE 6
    la a1, .Lt6
    jalr x0, 0(a1)
    j fail
.Lt6:
    jal x0, .Lt6b
    j fail
.Lt6b:
    add a0, x0, x0
    CHECK a0, 0

    TEST_CASE 7                     /* x0 as store data and base */
    la a1, word
    sw x0, 4(a1)
    lw a0, 4(a1)
    CHECK a0, 0
    TEST_CASE 8                     /* branches on x0 */
    bne x0, zero, .Lbad8
    blt x0, x0, .Lbad8
    bltu x0, x0, .Lbad8
    j .Lok8
.Lbad8:
    j fail
.Lok8:
    TEST_PASS

    .data
    .balign 4
word:
    .word 0xdeadbeef, 0x11111111
