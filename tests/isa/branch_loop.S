/* branch_loop.S - branch-heavy loops with data-dependent, hard-to-predict branches: total Collatz steps for
 * 1..300, a sieve of Eratosthenes below 2000 (loads/stores in loops), and a bubble sort with a checksum. */
#include "test.h"

#define COLLATZ_TOTAL 14167       /* computed offline */
#define SORT_CHECKSUM 0x24fafdf4  /* sum of (i+1) * sorted[i], computed offline */
TEST_MAIN
    TEST_CASE 1                     /* sum over n = 1..300 of the Collatz steps to reach 1 */
    li s0, 1                        /* n */
    li s1, 0                        /* total steps */
    li s3, 301
.Lnext1:
    mv a0, s0
.Lstep1:
    li a1, 1
    beq a0, a1, .Ldone1
    andi a1, a0, 1
    bnez a1, .Lodd1
    srli a0, a0, 1
    addi s1, s1, 1
    j .Lstep1
.Lodd1:
    slli a1, a0, 1
    add a0, a0, a1
    addi a0, a0, 1
    addi s1, s1, 1
    j .Lstep1
.Ldone1:
    addi s0, s0, 1
    bne s0, s3, .Lnext1
    CHECK s1, COLLATZ_TOTAL

    TEST_CASE 2                     /* sieve: number of primes below 2000 */
    la s0, sieve
    li s1, 2000
    li a0, 0
.Lclr2:
    add a1, s0, a0
    sb zero, 0(a1)
    addi a0, a0, 1
    bltu a0, s1, .Lclr2
    li a0, 2                        /* candidate */
    li s2, 0                        /* primes found */
.Lcand2:
    add a1, s0, a0
    lbu a2, 0(a1)
    bnez a2, .Lnotp2
    addi s2, s2, 1
    add a3, a0, a0                  /* mark multiples */
.Lmark2:
    bgeu a3, s1, .Lnotp2
    add a1, s0, a3
    li a2, 1
    sb a2, 0(a1)
    add a3, a3, a0
    j .Lmark2
.Lnotp2:
    addi a0, a0, 1
    bltu a0, s1, .Lcand2
    CHECK s2, 303

    TEST_CASE 3                     /* bubble sort of 32 pseudo-random words, signed order, then checks */
    la s0, array
    li s1, 32
    li a0, 0x12345678               /* xorshift32 fill */
    li a1, 0
.Lfill3:
    slli a2, a0, 13
    xor a0, a0, a2
    srli a2, a0, 17
    xor a0, a0, a2
    slli a2, a0, 5
    xor a0, a0, a2
    slli a3, a1, 2
    add a3, a3, s0
    sw a0, 0(a3)
    addi a1, a1, 1
    bne a1, s1, .Lfill3
    addi s2, s1, -1                 /* passes */
.Lpass3:
    li a1, 0
    mv a3, s0
.Linner3:
    lw a4, 0(a3)
    lw a5, 4(a3)
    bge a5, a4, .Lnoswap3
    sw a5, 0(a3)
    sw a4, 4(a3)
.Lnoswap3:
    addi a3, a3, 4
    addi a1, a1, 1
    bne a1, s2, .Linner3
    addi s2, s2, -1
    bnez s2, .Lpass3
    /* sorted? */
    mv a3, s0
    li a1, 1
.Lchk3:
    lw a4, 0(a3)
    lw a5, 4(a3)
    blt a5, a4, .Lbad3
    addi a3, a3, 4
    addi a1, a1, 1
    bne a1, s1, .Lchk3
    /* checksum: sum of (i+1) * a[i] */
    li a1, 0
    li a2, 0
    mv a3, s0
.Lsum3:
    lw a4, 0(a3)
    addi a1, a1, 1
    mul a4, a4, a1
    add a2, a2, a4
    addi a3, a3, 4
    bne a1, s1, .Lsum3
    CHECK a2, SORT_CHECKSUM
    TEST_PASS
.Lbad3:
    j fail

    .bss
sieve:
    .space 2000
    .balign 4
array:
    .space 128
