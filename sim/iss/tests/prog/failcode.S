/* failcode.S - end-to-end test: the finisher failure code ((7 << 16) | 0x3333) must print "FAIL code 7", exit 1. */
    .section .text.init
    .globl _start
_start:
    li      t0, 0x80001000
    li      t1, (7 << 16) | 0x3333
    sw      t1, 0(t0)
1:  j       1b
