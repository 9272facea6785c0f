# tohost.S - vsim harness test: store TOHOST_VALUE (-D on the command line) to the `tohost` symbol, then spin.
    .section .text
    .globl _start
_start:
    la   t0, tohost
    li   t1, TOHOST_VALUE
    sw   t1, 0(t0)
    sw   zero, 4(t0)
1:  j    1b

    .section .data
    .balign 64
    .globl tohost
tohost: .dword 0
