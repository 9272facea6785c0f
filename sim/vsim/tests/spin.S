# spin.S - vsim harness test: an endless loop (for --max-cycles, tracing and speed measurements).
    .section .text
    .globl _start
_start:
    li   t0, 0
1:  addi t0, t0, 1
    j    1b
