/* romboot.S - boot ROM image for the end-to-end test (linked at 0, run with --bootrom): print "ROM" through the
 * UART; on the first boot set a marker in RAM and reset the system through the finisher (0x7777); after the
 * reset the marker must still be there (RAM is kept), then print "ag" and pass. Also checks that a store to the
 * ROM raises a store access fault (cause 7). */
    .section .text
    .globl _start
_start:
    li      s0, 0x80000000      /* UART */
    li      t0, 'R'
    sw      t0, 4(s0)
    li      t0, 'O'
    sw      t0, 4(s0)
    li      t0, 'M'
    sw      t0, 4(s0)
    li      t0, '\n'
    sw      t0, 4(s0)
    la      t0, rom_trap
    csrw    mtvec, t0
    sw      zero, 0x100(zero)   /* store to ROM: access fault, rom_trap skips it */
    csrr    t0, mcause
    li      t1, 7
    bne     t0, t1, fail
    li      s1, 0x40000000      /* RAM */
    lw      t0, 0(s1)
    li      t1, 0x12345678
    beq     t0, t1, second
    sw      t1, 0(s1)
    li      t0, 0x80001000
    li      t1, 0x7777
    sw      t1, 0(t0)           /* reset */
1:  j       1b
second:
    li      t0, 'a'
    sw      t0, 4(s0)
    li      t0, 'g'
    sw      t0, 4(s0)
    li      t0, '\n'
    sw      t0, 4(s0)
    li      t0, 0x80001000
    li      t1, 0x5555
    sw      t1, 0(t0)
2:  j       2b
fail:
    li      t0, 0x80001000
    li      t1, (9 << 16) | 0x3333
    sw      t1, 0(t0)
3:  j       3b
rom_trap:
    csrr    t0, mepc
    addi    t0, t0, 4
    csrw    mepc, t0
    mret
