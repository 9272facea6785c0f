/* forward.S - back-to-back dependent instructions: results used by the next 1, 2, 3 instructions as rs1 and rs2,
 * long dependency chains, mul/div results used at once, lui/auipc/jal link values used at once. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1                     /* chain of 16 dependent adds */
    li a0, 1
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    add a0, a0, a0
    CHECK a0, 0x10000

    TEST_CASE 2                     /* distance 1, 2, 3 as rs1 */
    li a1, 5
    addi a2, a1, 1                  /* 6 */
    nop
    addi a3, a1, 2                  /* 7, distance 3 from li a1 */
    addi a4, a2, 10                 /* 16, distance 2 from a2 */
    addi a5, a4, 100                /* 116, distance 1 */
    CHECK a2, 6
    CHECK a3, 7
    CHECK a4, 16
    CHECK a5, 116

    TEST_CASE 3                     /* distance 1, 2, 3 as rs2 */
    li a1, 3
    li a2, 100
    sub a3, a2, a1                  /* 97 */
    sub a4, a2, a3                  /* 3 */
    sub a5, a2, a4                  /* 97 */
    sub a6, a2, a3                  /* 3 (distance 3) */
    CHECK a3, 97
    CHECK a4, 3
    CHECK a5, 97
    CHECK a6, 3

    TEST_CASE 4                     /* the newest value wins when a register is written twice in a row */
    li a1, 1
    li a1, 2
    li a1, 3
    add a0, a1, a1
    CHECK a0, 6
    li a1, 10
    addi a1, a1, 1
    addi a1, a1, 1
    nop
    add a0, a1, x0
    CHECK a0, 12

    TEST_CASE 5                     /* both operands forwarded from different distances */
    li a1, 0x100
    li a2, 0x23
    or a0, a1, a2
    xor a3, a0, a1                  /* 0x23 */
    add a4, a3, a0                  /* 0x23 + 0x123 = 0x146 */
    CHECK a4, 0x146

    TEST_CASE 6                     /* mul / div results used immediately */
    li a1, 1234
    li a2, 5678
    mul a0, a1, a2
    addi a0, a0, 1
    CHECK a0, 7006653
    mul a0, a1, a2
    mul a0, a0, a1
    CHECK a0, 56273976
    li a1, 1000
    li a2, 7
    div a0, a1, a2
    rem a3, a1, a2
    mul a4, a0, a2
    add a4, a4, a3
    CHECK a4, 1000
    divu a0, a1, a2
    sub a0, a1, a0                  /* 1000 - 142 */
    CHECK a0, 858

    TEST_CASE 7                     /* lui / auipc results used at once */
    lui a0, 0x12345
    addi a0, a0, 0x678
    CHECK a0, 0x12345678
.L7:
    auipc a0, 0
    sub a0, a0, a0
    CHECK a0, 0

    TEST_CASE 8                     /* link register used by the first instruction at the target */
.Lj8:
    jal a0, .Lt8
.Lt8:
    addi a0, a0, 4
    CHECK_LABEL a0, .Lj8 + 8

    TEST_CASE 9                     /* result feeds a branch at once */
    li a1, 5
    addi a1, a1, -5
    beqz a1, .Lok9
    j fail
.Lok9:
    li a1, 1
    slli a1, a1, 31
    bltz a1, .Lok9b
    j fail
.Lok9b:

    TEST_CASE 10                    /* result feeds jalr at once */
    la a1, .Lt10 - 4
    addi a1, a1, 4
    jalr a0, 0(a1)
    j fail
.Lt10:

    TEST_CASE 11                    /* result feeds store data and store address at once */
    la a1, buf
    li a2, 0x55
    addi a2, a2, 1
    sw a2, 0(a1)
    addi a1, a1, 4
    sw a2, 0(a1)
    la a1, buf
    lw a0, 0(a1)
    CHECK a0, 0x56
    lw a0, 4(a1)
    CHECK a0, 0x56

    TEST_CASE 12                    /* CSR read used at once, and a CSR written then read back */
    li a1, 0x5a5a
    csrw mtval, a1
    csrr a0, mtval
    addi a0, a0, 1
    CHECK a0, 0x5a5b
    addi a1, a1, 2
    csrrw a0, mtval, a1
    csrr a2, mtval
    CHECK a0, 0x5a5a
    CHECK a2, 0x5a5c
    TEST_PASS

    .data
    .balign 4
buf:
    .word 0, 0
