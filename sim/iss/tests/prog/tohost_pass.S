/* tohost_pass.S - riscv-tests style end-to-end test: a few checks, then tohost = 1 (pass). Also checks that a
 * store of an even value to tohost does not end the run. */
    .section .text.init
    .globl _start
_start:
    li      a0, 6
    li      a1, 7
    mul     a2, a0, a1
    li      a3, 42
    bne     a2, a3, fail
    la      t0, tohost
    li      t1, 2               /* even: ignored */
    sw      t1, 0(t0)
    li      t1, 1
    sw      t1, 0(t0)
1:  j       1b
fail:
    la      t0, tohost
    li      t1, (1 << 1) | 1
    sw      t1, 0(t0)
2:  j       2b

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0
