# inject.S - the difftest self-test program: correct code that executes `sltu` with rs1 == 5 once, at the
# label inject_here. On a correct core it passes (finisher 0x5555); the fault-injection build of vsim
# (+define+IR_INJECT_FAULT=1) computes that sltu wrongly, and `vsim --difftest` must stop exactly there.
#include "iridium_soc.h"
    .section .text
    .globl _start
_start:
    li   t0, 5
    li   t1, 10
    li   t3, 0
    addi t3, t3, 1
    .globl inject_here
inject_here:
    sltu t2, t0, t1             # 5 < 10: t2 = 1
    li   t4, 1
    bne  t2, t4, fail
    li   t0, IR_SYSCTL_BASE + IR_SYSCTL_FINISHER
    li   t1, IR_FINISH_PASS
    sw   t1, 0(t0)
1:  j    1b
fail:
    li   t0, IR_SYSCTL_BASE + IR_SYSCTL_FINISHER
    li   t1, (1 << 16) | IR_FINISH_FAIL
    sw   t1, 0(t0)
2:  j    2b
