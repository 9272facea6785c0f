# finish.S - vsim harness test: write FINISH_VALUE (-D on the command line) to the finisher register, then spin.
#include "iridium_soc.h"
    .section .text
    .globl _start
_start:
    li   t0, IR_SYSCTL_BASE + IR_SYSCTL_FINISHER
    li   t1, FINISH_VALUE
    sw   t1, 0(t0)
1:  j    1b
