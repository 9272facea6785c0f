/* loop.S - end-to-end test: an endless loop, stopped by --max-cycles (exit 124). */
    .section .text.init
    .globl _start
_start:
    addi    t0, t0, 1
    j       _start
