/* sv32.S - end-to-end test of Sv32 in S-mode (also the workload of the difftest self-test).
 * M-mode builds page tables, turns on translation and drops to S-mode. Mappings:
 *   0x40000000 megapage -> itself (RWX, A, D): code and data, S-mode
 *   0x80000000 megapage -> itself (RW, A, D): devices (the UART)
 *   0x00400000 -> data_page (RW, A, D)      0x00401000 -> data_page with A = 0 (load: page fault)
 *   0x00402000 -> data_page R only, D = 0   0x00403000 -> data_page as a U page (needs SUM)
 * Every trap goes to M-mode, which records mcause in last_cause and skips the instruction; an ecall from S ends the
 * test: a0 = 0 pass, else FAIL code a0. */
    .section .text.init
    .globl _start
_start:
    la      t0, m_trap
    csrw    mtvec, t0
    /* root table: entry 1 -> l0 table, entry 0x100 (VA 0x40000000) and 0x200 (0x80000000) megapages */
    la      s0, root
    la      t0, l0
    srli    t0, t0, 12
    slli    t0, t0, 10
    ori     t0, t0, 0x01            /* V: pointer */
    sw      t0, 4(s0)
    li      t0, (0x40000 << 10) | 0xcf   /* V R W X A D */
    li      t1, 0x100 * 4
    add     t1, t1, s0
    sw      t0, 0(t1)
    li      t0, (0x80000 << 10) | 0xc7   /* V R W A D */
    li      t1, 0x200 * 4
    add     t1, t1, s0
    sw      t0, 0(t1)
    la      s1, l0
    la      t0, data_page
    srli    t0, t0, 12
    slli    t0, t0, 10
    ori     t1, t0, 0xc7            /* V R W A D */
    sw      t1, 0(s1)
    ori     t1, t0, 0x87            /* V R W D, A = 0 */
    sw      t1, 4(s1)
    ori     t1, t0, 0x43            /* V R A, D = 0 */
    sw      t1, 8(s1)
    ori     t1, t0, 0xd7            /* V R W U A D */
    sw      t1, 12(s1)
    /* satp = Sv32 | root PPN; enter S at s_code */
    srli    t0, s0, 12
    li      t1, 0x80000000
    or      t0, t0, t1
    csrw    satp, t0
    sfence.vma
    li      t0, 0x1800
    csrc    mstatus, t0
    li      t0, 0x0800              /* MPP = S */
    csrs    mstatus, t0
    la      t0, s_code
    csrw    mepc, t0
    mret

s_code:
    li      s2, 0x00400000
    li      s4, 0x00401000
    li      s5, 0x00402000
    li      s6, 0x00403000
    la      s3, last_cause
    li      t1, 0x1234
    sw      t1, 0(s2)
    lw      t2, 0(s2)
    li      a0, 1
    bne     t2, t1, s_end
    /* A = 0: load page fault */
    sw      zero, 0(s3)
    lw      t3, 0(s4)
    lw      t4, 0(s3)
    li      t5, 13
    li      a0, 2
    bne     t4, t5, s_end
    /* D = 0: store page fault; the load works */
    sw      zero, 0(s3)
    sw      t1, 0(s5)
    lw      t4, 0(s3)
    li      t5, 15
    li      a0, 3
    bne     t4, t5, s_end
    lw      t3, 0(s5)
    li      a0, 4
    bne     t3, t1, s_end
    /* U page from S: fault without SUM, fine with it */
    sw      zero, 0(s3)
    lw      t3, 0(s6)
    lw      t4, 0(s3)
    li      t5, 13
    li      a0, 5
    bne     t4, t5, s_end
    li      t0, 1 << 18
    csrs    sstatus, t0
    lw      t3, 0(s6)
    li      a0, 6
    bne     t3, t1, s_end
    /* the UART through its mapping */
    li      t0, 0x80000000
    li      t1, 'S'
    sw      t1, 4(t0)
    li      t1, 'v'
    sw      t1, 4(t0)
    li      t1, '\n'
    sw      t1, 4(t0)
    li      a0, 0
s_end:
    ecall

m_trap:                             /* uses only s8/s9, which the S-mode code leaves alone */
    csrr    s8, mcause
    li      s9, 9
    beq     s8, s9, m_done
    la      s9, last_cause
    sw      s8, 0(s9)
    csrr    s8, mepc
    addi    s8, s8, 4
    csrw    mepc, s8
    mret
m_done:
    li      t0, 0x80001000
    bnez    a0, 1f
    li      t1, 0x5555
    sw      t1, 0(t0)
1:  slli    a0, a0, 16
    li      t1, 0x3333
    or      a0, a0, t1
    sw      a0, 0(t0)
2:  j       2b

    .data
    .align 12
root:       .space 4096
l0:         .space 4096
data_page:  .space 4096
last_cause: .word 0
