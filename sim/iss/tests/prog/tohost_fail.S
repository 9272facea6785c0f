/* tohost_fail.S - riscv-tests style end-to-end test: reports failure of test 3 (tohost = (3 << 1) | 1), which must
 * print "FAIL test 3" and exit 1. */
    .section .text.init
    .globl _start
_start:
    la      t0, tohost
    li      t1, (3 << 1) | 1
    sw      t1, 0(t0)
1:  j       1b

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
