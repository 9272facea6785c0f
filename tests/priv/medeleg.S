/* medeleg.S - exception delegation: each delegable exception (causes 0-9) raised in U and in S goes to the S
 * handler when its medeleg bit is set (scause, sepc, stval, SPP right), to M when it is not, and never to S when
 * raised in M. Page-fault delegation (12, 13, 15) is covered by the Sv32 tests. */
#include "test.h"

/* Delegate `cause` only, run `insn` in `priv`, expect the S handler; it resumes in `rpriv`, which returns to M
 * with TO_M (an ecall that must not itself be delegated). Checks cause, mode, SPP. a1 is preserved for insn. */
.macro DELEG priv, cause, rpriv, insn:vararg
    li a0, 1 << \cause
    csrw medeleg, a0
    GOTO_PRIV \priv, .Lgo_\@
.Lgo_\@:
    EXPECT_STRAP .Lsr_\@, \rpriv
.Li_\@:
    \insn
    j fail
.Lsr_\@:
    TO_M
    csrw medeleg, zero
    CHECK_TRAP \cause, PRV_S
    CHECK_TRAP_STATUS MSTATUS_SPP, (\priv << 8)
    la s1, .Li_\@                   /* where the instruction was */
.endm

TEST_MAIN
    INIT_S
    csrw mie, zero

    TEST_CASE 1                     /* the writable bits */
    li a0, -1
    csrw medeleg, a0
    CHECK_CSR medeleg, 0x0000b3ff
    csrw medeleg, zero

    TEST_CASE 2                     /* 0: misaligned fetch, from U and S */
    DELEG PRV_U, CAUSE_MISALIGNED_FETCH, PRV_U, jal x0, tgt + 2
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL_LABEL tgt, 2
    DELEG PRV_S, CAUSE_MISALIGNED_FETCH, PRV_U, jal x0, tgt + 2
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL_LABEL tgt, 2

    TEST_CASE 3                     /* 1: fetch access fault (epc = tval = the target) */
    li a1, UNMAPPED_ADDR
    DELEG PRV_U, CAUSE_FETCH_ACCESS, PRV_U, jr a1
    CHECK_TRAP_EPC_VAL UNMAPPED_ADDR
    CHECK_TRAP_TVAL UNMAPPED_ADDR
    li a1, UNMAPPED_ADDR + 8
    DELEG PRV_S, CAUSE_FETCH_ACCESS, PRV_U, jr a1
    CHECK_TRAP_EPC_VAL UNMAPPED_ADDR + 8
    CHECK_TRAP_TVAL UNMAPPED_ADDR + 8

    TEST_CASE 4                     /* 2: illegal instruction */
    DELEG PRV_U, CAUSE_ILLEGAL_INSN, PRV_U, .word 0xffffffff
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL 0xffffffff
    DELEG PRV_S, CAUSE_ILLEGAL_INSN, PRV_U, csrr a0, mstatus
    CHECK_TRAP_EPC_REG s1
    lw a0, 0(s1)
    CHECK_TRAP_TVAL_REG a0

    TEST_CASE 5                     /* 3: breakpoint (stval = pc) */
    DELEG PRV_U, CAUSE_BREAKPOINT, PRV_U, ebreak
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL_REG s1
    DELEG PRV_S, CAUSE_BREAKPOINT, PRV_U, ebreak
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL_REG s1

    TEST_CASE 6                     /* 4 and 6: misaligned load and store */
    la a1, buf
    DELEG PRV_U, CAUSE_MISALIGNED_LOAD, PRV_U, lw a0, 1(a1)
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL_LABEL buf, 1
    la a1, buf
    DELEG PRV_S, CAUSE_MISALIGNED_LOAD, PRV_U, lh a0, 3(a1)
    CHECK_TRAP_TVAL_LABEL buf, 3
    la a1, buf
    DELEG PRV_U, CAUSE_MISALIGNED_STORE, PRV_U, sw a0, 2(a1)
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL_LABEL buf, 2
    la a1, buf
    DELEG PRV_S, CAUSE_MISALIGNED_STORE, PRV_U, sh a0, 1(a1)
    CHECK_TRAP_TVAL_LABEL buf, 1

    TEST_CASE 7                     /* 5 and 7: load and store access faults */
    li a1, UNMAPPED_ADDR
    DELEG PRV_U, CAUSE_LOAD_ACCESS, PRV_U, lw a0, 4(a1)
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL UNMAPPED_ADDR + 4
    li a1, RESERVED_ADDR
    DELEG PRV_S, CAUSE_LOAD_ACCESS, PRV_U, lbu a0, 0(a1)
    CHECK_TRAP_TVAL RESERVED_ADDR
    li a1, BOOTROM_BASE
    DELEG PRV_U, CAUSE_STORE_ACCESS, PRV_U, sw a0, 0x10(a1)
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL 0x10
    li a1, UNMAPPED_ADDR
    DELEG PRV_S, CAUSE_STORE_ACCESS, PRV_U, sb a0, 3(a1)
    CHECK_TRAP_TVAL UNMAPPED_ADDR + 3

    TEST_CASE 8                     /* 8 and 9: ecalls (8 resumes in S, whose ecall 9 is not delegated) */
    li a7, 0
    DELEG PRV_U, CAUSE_ECALL_U, PRV_S, ecall
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL 0
    li a7, 0
    DELEG PRV_S, CAUSE_ECALL_S, PRV_U, ecall
    CHECK_TRAP_EPC_REG s1
    CHECK_TRAP_TVAL 0

    TEST_CASE 9                     /* not delegated (every other bit set): goes to M */
    li a0, 0xb3ff & ~(1 << CAUSE_BREAKPOINT)
    csrw medeleg, a0
    GOTO_PRIV PRV_U, .Lu9
.Lu9:
    EXPECT_TRAP .Lr9
    ebreak
    j fail
.Lr9:
    csrw medeleg, zero
    CHECK_TRAP CAUSE_BREAKPOINT, PRV_M
    CHECK_TRAP_STATUS MSTATUS_MPP, 0

    TEST_CASE 10                    /* raised in M: never delegated */
    li a0, 0xb3ff
    csrw medeleg, a0
    EXPECT_TRAP .Lr10a
    ebreak
.Lr10a:
    CHECK_TRAP CAUSE_BREAKPOINT, PRV_M
    EXPECT_TRAP .Lr10b
    .word 0
.Lr10b:
    CHECK_TRAP CAUSE_ILLEGAL_INSN, PRV_M
    li a1, UNMAPPED_ADDR
    EXPECT_TRAP .Lr10c
    lw a0, 0(a1)
.Lr10c:
    CHECK_TRAP CAUSE_LOAD_ACCESS, PRV_M
    csrw medeleg, zero
    TEST_PASS

    .balign 4
tgt:
    j fail
    j fail

    .data
    .balign 8
buf:
    .word 0, 0
