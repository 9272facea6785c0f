/* mtvec.S - mtvec: BASE/MODE read-back (bit 1 reads 0); direct mode sends exceptions and interrupts to BASE;
 * vectored mode sends exceptions to BASE and interrupt i to BASE + 4 * i (software interrupt 3 via the CLINT msip,
 * timer interrupt 7 via mtimecmp). */
#include "test.h"

/* The standard handler back before any check (a failing check ecalls into it). */
.macro RESTORE_MTVEC
    la a0, m_trap_vector
    csrw mtvec, a0
.endm

TEST_MAIN
    csrw mie, zero

    TEST_CASE 1                     /* WARL read-back (values read first, checked with the handler back) */
    li a0, 0x40001001
    csrw mtvec, a0
    csrr s2, mtvec
    li a0, 0x40001003
    csrw mtvec, a0
    csrr s3, mtvec
    li a0, 0x40001002
    csrw mtvec, a0
    csrr s4, mtvec
    li a0, 0xfffffffc
    csrw mtvec, a0
    csrr s5, mtvec
    RESTORE_MTVEC
    CHECK s2, 0x40001001
    CHECK s3, 0x40001001
    CHECK s4, 0x40001000
    CHECK s5, 0xfffffffc

    TEST_CASE 2                     /* direct mode: an exception goes to BASE */
    la a0, direct_handler
    csrw mtvec, a0
    li s1, 0
    ecall
    RESTORE_MTVEC
    CHECK s1, 0x100 + CAUSE_ECALL_M
    la a0, direct_handler
    csrw mtvec, a0

    TEST_CASE 3                     /* direct mode: an interrupt goes to BASE too */
    li s1, 0
    li a0, MIP_MSIP
    csrw mie, a0
    li a1, CLINT_BASE
    li a0, 1
    sw a0, CLINT_MSIP(a1)
    csrsi mstatus, MSTATUS_MIE
    li a0, 1000
1:  addi a0, a0, -1
    beqz a0, 2f
    beqz s1, 1b
2:  csrci mstatus, MSTATUS_MIE
    RESTORE_MTVEC
    CHECK s1, 0x200 + IRQ_MSI

    TEST_CASE 4                     /* vectored mode: an exception goes to BASE */
    la a0, vec_table
    ori a0, a0, 1
    csrw mtvec, a0
    li s1, 0
    ebreak
    RESTORE_MTVEC
    CHECK s1, 0x100 + CAUSE_BREAKPOINT
    la a0, vec_table
    ori a0, a0, 1
    csrw mtvec, a0

    TEST_CASE 5                     /* vectored mode: the software interrupt goes to BASE + 12 */
    li s1, 0
    li a1, CLINT_BASE
    li a0, 1
    sw a0, CLINT_MSIP(a1)
    csrsi mstatus, MSTATUS_MIE
    li a0, 1000
1:  addi a0, a0, -1
    beqz a0, 2f
    beqz s1, 1b
2:  csrci mstatus, MSTATUS_MIE
    RESTORE_MTVEC
    CHECK s1, 0x300 + IRQ_MSI
    la a0, vec_table
    ori a0, a0, 1
    csrw mtvec, a0

    TEST_CASE 6                     /* vectored mode: the timer interrupt goes to BASE + 28 */
    li s1, 0
    li a0, MIP_MTIP
    csrw mie, a0
    li a1, CLINT_BASE + CLINT_MTIMECMP
    sw zero, 4(a1)                  /* mtimecmp = 0: pending at once */
    sw zero, 0(a1)
    csrsi mstatus, MSTATUS_MIE
    li a0, 1000
1:  addi a0, a0, -1
    beqz a0, 2f
    beqz s1, 1b
2:  csrci mstatus, MSTATUS_MIE
    RESTORE_MTVEC
    CHECK s1, 0x300 + IRQ_MTI

    csrw mie, zero
    CHECK_TRAP_COUNT 0
    TEST_PASS

/* Direct-mode handler: s1 = 0x100 + cause for exceptions (skips the instruction), 0x200 + cause for interrupts
 * (silences the source). */
    .balign 64
direct_handler:
    csrr t0, mcause
    bltz t0, 1f
    addi s1, t0, 0x100
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret
1:  slli t0, t0, 1
    srli t0, t0, 1
    addi s1, t0, 0x200
    jal t1, silence
    mret

/* Clear the CLINT sources (msip = 0, mtimecmp = all ones). Return address in t1; clobbers t2, t3. */
silence:
    li t2, CLINT_BASE
    sw zero, CLINT_MSIP(t2)
    li t2, CLINT_BASE + CLINT_MTIMECMP
    li t3, -1
    sw t3, 0(t2)
    sw t3, 4(t2)
    jr t1

/* Vector table: entry 0 = exceptions, entry i = interrupt i. */
    .balign 64
vec_table:
    j vec_exc                       /* 0 */
    j vec_bad                       /* 1 SSI */
    j vec_bad                       /* 2 */
    j vec_msi                       /* 3 MSI */
    j vec_bad                       /* 4 */
    j vec_bad                       /* 5 STI */
    j vec_bad                       /* 6 */
    j vec_mti                       /* 7 MTI */
    j vec_bad                       /* 8 */
    j vec_bad                       /* 9 SEI */
    j vec_bad                       /* 10 */
    j vec_bad                       /* 11 MEI */
vec_exc:
    csrr t0, mcause
    bltz t0, vec_bad
    addi s1, t0, 0x100
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret
vec_msi:
    csrr t0, mcause
    li t1, CAUSE_INTR | IRQ_MSI
    bne t0, t1, vec_bad
    li s1, 0x300 + IRQ_MSI
    jal t1, silence
    mret
vec_mti:
    csrr t0, mcause
    li t1, CAUSE_INTR | IRQ_MTI
    bne t0, t1, vec_bad
    li s1, 0x300 + IRQ_MTI
    jal t1, silence
    mret
vec_bad:
    la t0, m_trap_vector
    csrw mtvec, t0
    j fail
