/* timer.S - end-to-end test of the CLINT timer interrupt with a vectored mtvec: mtimecmp = mtime + 500, then wfi
 * in a loop; the handler (at mtvec base + 4 * 7) checks mcause = 0x80000007 and mepc, and passes. A software
 * interrupt through MSIP is checked the same way first. */
    .section .text.init
    .globl _start
_start:
    la      t0, vectors
    ori     t0, t0, 1
    csrw    mtvec, t0
    li      s0, 0x80010000          /* CLINT */
    /* software interrupt */
    li      t0, 1 << 3
    csrw    mie, t0
    csrsi   mstatus, 8
    li      t0, 1
    sw      t0, 0(s0)               /* MSIP = 1: taken right after this store */
msi_next:
    li      a0, 1
    li      t0, 1
    bne     s1, t0, fail            /* s1 set by the MSI handler */
    /* timer */
    li      t0, 1 << 7
    csrw    mie, t0
    li      t0, 0xbff8
    add     t0, t0, s0
    lw      t1, 0(t0)               /* mtime low */
    addi    t1, t1, 500
    li      t0, 0x4000
    add     t0, t0, s0
    sw      t1, 0(t0)
    sw      zero, 4(t0)             /* mtimecmp = mtime + 500 */
    csrsi   mstatus, 8
1:  wfi
    j       1b
fail:
    li      t0, 0x80001000
    slli    a0, a0, 16
    li      t1, 0x3333
    or      a0, a0, t1
    sw      a0, 0(t0)
2:  j       2b

    .align 6
vectors:
    j       fail                    /* 0: exceptions */
    .rept 2
    j       fail
    .endr
    j       msi                     /* 3 */
    .rept 3
    j       fail
    .endr
    j       mti                     /* 7 */
    .rept 8
    j       fail
    .endr
msi:
    sw      zero, 0(s0)             /* MSIP = 0 */
    li      a0, 2
    csrr    t0, mcause
    li      t1, 0x80000003
    bne     t0, t1, fail
    li      s1, 1
    la      t0, msi_next
    csrw    mepc, t0
    mret
mti:
    li      a0, 3
    csrr    t0, mcause
    li      t1, 0x80000007
    bne     t0, t1, fail
    li      a0, 4
    csrr    t0, mstatus
    andi    t0, t0, 8
    bnez    t0, fail                /* MIE cleared on entry */
    li      t0, 0x80001000
    li      t1, 0x5555
    sw      t1, 0(t0)
3:  j       3b
