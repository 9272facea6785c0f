# reset.S - vsim harness test: count starts in a RAM word that survives the system reset; request a reset
# (finisher 0x7777) until the count reaches 3, then print the count as a digit and power off with success.
#include "iridium_soc.h"
    .section .text
    .globl _start
_start:
    la   t0, count
    lw   t1, 0(t0)
    addi t1, t1, 1
    sw   t1, 0(t0)
    li   t2, IR_SYSCTL_BASE + IR_SYSCTL_FINISHER
    li   t3, 3
    blt  t1, t3, again
    li   s0, IR_UART_BASE
    addi t1, t1, '0'
    sw   t1, IR_UART_TXDATA(s0)
    li   t1, IR_FINISH_PASS
    sw   t1, 0(t2)
1:  j    1b
again:
    li   t1, IR_FINISH_RESET
    sw   t1, 0(t2)
2:  j    2b

    .section .bss
    .balign 4
count: .word 0
