/* illegal_priv.S - illegal instruction by privilege (cause 2 into M, mtval = the instruction bits): M CSRs from
 * S and U, S CSRs from U, mret in S and U, sret in U, sret in S with TSR, satp and sfence.vma in S with TVM,
 * sfence.vma in U, wfi in U and in S with TW; the same instructions are legal without those bits. */
#include "test.h"

/* In mode `priv`, run `insn` (one instruction) and expect an illegal-instruction trap into M with mtval = its
 * encoding (read back from memory), mepc = it, MPP = priv. Ends in M. */
.macro ILLEGAL_IN priv, insn:vararg
    GOTO_PRIV \priv, .Lgo_\@
.Lgo_\@:
    EXPECT_TRAP .Lr_\@
.Li_\@:
    \insn
    j fail
.Lr_\@:
    CHECK_TRAP CAUSE_ILLEGAL_INSN
    CHECK_TRAP_EPC .Li_\@
    la a0, .Li_\@
    lw a0, 0(a0)
    CHECK_TRAP_TVAL_REG a0
    CHECK_TRAP_STATUS MSTATUS_MPP, (\priv << 11)
.endm

/* In mode `priv`, `insn` must not trap; back to M afterwards. */
.macro LEGAL_IN priv, insn:vararg
    RESET_TRAP_COUNT
    GOTO_PRIV \priv, .Lgo_\@
.Lgo_\@:
    \insn
    TO_M
    CHECK_TRAP_COUNT 0
.endm

TEST_MAIN
    csrw mie, zero
    TEST_CASE 1                     /* M CSRs from S */
    ILLEGAL_IN PRV_S, csrr a0, mstatus
    ILLEGAL_IN PRV_S, csrw mscratch, a0
    ILLEGAL_IN PRV_S, csrr a0, mepc
    ILLEGAL_IN PRV_S, csrr a0, mhartid
    ILLEGAL_IN PRV_S, csrr a0, mcycle
    ILLEGAL_IN PRV_S, csrr a0, medeleg
    ILLEGAL_IN PRV_S, csrr a0, pmpcfg0
    TEST_CASE 2                     /* M and S CSRs from U */
    ILLEGAL_IN PRV_U, csrr a0, mstatus
    ILLEGAL_IN PRV_U, csrr a0, sstatus
    ILLEGAL_IN PRV_U, csrw sscratch, a0
    ILLEGAL_IN PRV_U, csrr a0, satp
    ILLEGAL_IN PRV_U, csrr a0, stvec
    ILLEGAL_IN PRV_U, csrr a0, sip
    TEST_CASE 3                     /* mret below M, sret in U */
    ILLEGAL_IN PRV_S, mret
    ILLEGAL_IN PRV_U, mret
    ILLEGAL_IN PRV_U, sret
    TEST_CASE 4                     /* sfence.vma and wfi in U */
    ILLEGAL_IN PRV_U, sfence.vma
    ILLEGAL_IN PRV_U, sfence.vma a0, a1
    ILLEGAL_IN PRV_U, wfi
    TEST_CASE 5                     /* S CSRs, sfence.vma, satp are fine in S without TVM */
    LEGAL_IN PRV_S, csrr a0, sstatus
    LEGAL_IN PRV_S, csrr a0, satp
    LEGAL_IN PRV_S, csrw satp, zero
    LEGAL_IN PRV_S, sfence.vma
    LEGAL_IN PRV_S, csrr a0, scounteren
    TEST_CASE 6                     /* TVM */
    li a0, MSTATUS_TVM
    csrs mstatus, a0
    ILLEGAL_IN PRV_S, csrr a0, satp
    ILLEGAL_IN PRV_S, csrw satp, zero
    ILLEGAL_IN PRV_S, sfence.vma
    LEGAL_IN PRV_S, csrr a0, sstatus
    csrr a0, satp                   /* M is not affected */
    sfence.vma
    li a0, MSTATUS_TVM
    csrc mstatus, a0
    TEST_CASE 7                     /* TSR */
    li a0, MSTATUS_TSR
    csrs mstatus, a0
    ILLEGAL_IN PRV_S, sret
    li a0, MSTATUS_TSR
    csrc mstatus, a0
    TEST_CASE 8                     /* TW: wfi in S traps at once; without TW it completes (an S interrupt is
                                       pending and enabled in mie, delegated, SIE = 0: not taken) */
    li a0, MSTATUS_TW
    csrs mstatus, a0
    ILLEGAL_IN PRV_S, wfi
    li a0, MSTATUS_TW
    csrc mstatus, a0
    li a0, MIP_SSIP
    csrw mideleg, a0
    csrw mie, a0
    csrs mip, a0
    csrci mstatus, MSTATUS_SIE
    LEGAL_IN PRV_S, wfi
    csrw mie, zero
    csrw mip, zero
    csrw mideleg, zero
    TEST_CASE 9                     /* TSR / TVM / TW do not affect M */
    li a0, MSTATUS_TSR | MSTATUS_TVM | MSTATUS_TW
    csrs mstatus, a0
    csrr a0, satp
    sfence.vma
    li a0, MSTATUS_SPP
    csrs mstatus, a0
    la a0, .Ls9
    csrw sepc, a0
    sret                            /* legal in M even with TSR */
    j fail
.Ls9:
    TO_M
    li a0, MSTATUS_TSR | MSTATUS_TVM | MSTATUS_TW
    csrc mstatus, a0
    TEST_PASS
