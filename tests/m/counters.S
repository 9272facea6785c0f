/* counters.S - mcycle/minstret: minstret counts exactly the retired instructions (a csrr sees the instructions
 * before it), a write takes effect instead of that instruction's increment, the 64-bit carry into the high
 * half, trapping instructions (ecall, ebreak, illegal) do not retire, mcycle advances at least as fast as
 * minstret and can be written. */
#include "test.h"

/* Minimal handler: s3 = minstret at entry, skip the trapping instruction. */
.macro COUNT_HANDLER_INSTALL
    la a0, count_handler
    csrw mtvec, a0
.endm

TEST_MAIN
    TEST_CASE 1                     /* back-to-back reads differ by 1; three instructions between -> 4 */
    csrr a0, minstret
    csrr a1, minstret
    sub a2, a1, a0
    CHECK a2, 1
    csrr a0, minstret
    nop
    addi a3, a3, 1
    nop
    csrr a1, minstret
    sub a2, a1, a0
    CHECK a2, 4

    TEST_CASE 2                     /* a taken branch and a jump count once each */
    csrr a0, minstret
    j 1f
1:  beq x0, x0, 2f
2:  csrr a1, minstret
    sub a2, a1, a0
    CHECK a2, 3

    TEST_CASE 3                     /* write, then read: the written value, no increment for the write */
    li a0, 1000
    csrw minstret, a0
    csrr a1, minstret
    CHECK a1, 1000
    csrw minstret, a0
    nop
    csrr a1, minstret
    CHECK a1, 1001

    TEST_CASE 4                     /* carry into minstreth */
    li a0, 7
    csrw minstreth, a0
    li a0, 0xfffffffd
    csrw minstret, a0
    nop                             /* -> fffffffe */
    nop                             /* -> ffffffff */
    nop                             /* -> 0, carry */
    csrr a1, minstreth
    csrr a2, minstret
    CHECK a1, 8
    CHECK a2, 1
    csrr a1, instreth               /* the user view agrees */
    CHECK a1, 8

    TEST_CASE 5                     /* ecall, ebreak and an illegal instruction do not retire */
    COUNT_HANDLER_INSTALL
    csrr s2, minstret
    ecall
    sub s4, s3, s2                  /* only the csrr before the ecall: 1 */
    csrr s2, minstret
    nop
    ebreak
    sub s5, s3, s2                  /* 2 */
    csrr s2, minstret
    .word 0
    sub s6, s3, s2                  /* 1 */
    la a0, m_trap_vector            /* the standard handler back before checking */
    csrw mtvec, a0
    CHECK s4, 1
    CHECK s5, 2
    CHECK s6, 1

    TEST_CASE 6                     /* mcycle moves, at least one per retired instruction */
    csrr a0, mcycle
    csrr s2, minstret
    li a2, 100
1:  addi a2, a2, -1
    bnez a2, 1b
    csrr a1, mcycle
    csrr s3, minstret
    sub a0, a1, a0                  /* cycles elapsed */
    sub s2, s3, s2                  /* instructions retired */
    bltu a0, s2, .Lbad6
    li a2, 200
    bltu a0, a2, .Lbad6

    TEST_CASE 7                     /* write mcycle: it restarts from the written value */
    csrw mcycle, zero
    csrr a0, mcycle
    li a1, 100
    bgeu a0, a1, .Lbad6
    li a0, 3
    csrw mcycleh, a0
    li a0, 0xffffffe0
    csrw mcycle, a0
    .rept 40
    nop
    .endr
    csrr a1, mcycleh
    csrr a2, mcycle
    CHECK a1, 4
    li a3, 8
    bltu a2, a3, .Lbad6             /* at least 40 - 32 = 8 past the carry */
    csrr a1, cycleh                 /* the user view agrees */
    CHECK a1, 4
    TEST_PASS
.Lbad6:
    j fail

    .balign 4
count_handler:
    csrr s3, minstret
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret
