/* mret_sret.S - privilege transitions: mret to M/S/U (priv = MPP, MIE = MPIE, MPIE = 1, MPP = U, MPRV cleared
 * when leaving M), sret to S/U from S and from M (priv = SPP, SIE = SPIE, SPIE = 1, SPP = U, MPRV cleared), trap
 * entry recording MPP/SPP/xPIE, and MPP = 2 (reserved) leaving MPP unchanged. The current mode is probed with a
 * CSR access that traps below the mode (mstatus: M only; sstatus: S and M). */
#include "test.h"
TEST_MAIN
    csrw mie, zero
    INIT_S

    TEST_CASE 1                     /* mret M -> M: MPP becomes U, MPRV kept */
    li a0, MSTATUS_MPP_M | MSTATUS_MPRV
    csrs mstatus, a0
    la a0, .Lt1
    csrw mepc, a0
    mret
    j fail
.Lt1:
    CHECK_CSR_MASK mstatus, MSTATUS_MPP | MSTATUS_MPRV, MSTATUS_MPRV
    li a0, MSTATUS_MPRV
    csrc mstatus, a0

    TEST_CASE 2                     /* MPP = 2 is reserved: the write leaves MPP unchanged */
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    li a0, MSTATUS_MPP_S
    csrs mstatus, a0                /* MPP = S */
    csrr a0, mstatus
    li a1, MSTATUS_MPP
    not a1, a1
    and a0, a0, a1
    li a1, 0x1000                   /* MPP = 2 */
    or a0, a0, a1
    csrw mstatus, a0
    CHECK_CSR_MASK mstatus, MSTATUS_MPP, MSTATUS_MPP_S

    TEST_CASE 3                     /* mret M -> S: in S (sstatus fine, mstatus traps); MPRV cleared; MIE = MPIE */
    li a0, MSTATUS_MPRV | MSTATUS_MPIE
    csrs mstatus, a0
    GOTO_PRIV PRV_S, .Ls3
.Ls3:
    csrr a0, sstatus
    EXPECT_TRAP .Lr3
    csrr a0, mstatus
    j fail
.Lr3:
    CHECK_TRAP CAUSE_ILLEGAL_INSN
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP_S | MSTATUS_MPIE

    TEST_CASE 4                     /* mret M -> U: sstatus traps; the trap records MPP = U */
    csrci mstatus, MSTATUS_MIE
    GOTO_PRIV PRV_U, .Lu4
.Lu4:
    EXPECT_TRAP .Lr4
    csrr a0, sstatus
    j fail
.Lr4:
    CHECK_TRAP CAUSE_ILLEGAL_INSN
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPIE

    TEST_CASE 5                     /* sret S -> U: SPP = U afterwards, SIE = SPIE, SPIE = 1 */
    li a0, MSTATUS_SPP | MSTATUS_SIE
    csrc mstatus, a0
    li a0, MSTATUS_SPIE
    csrs mstatus, a0
    GOTO_PRIV PRV_S, .Ls5
.Ls5:
    la a0, .Lu5
    csrw sepc, a0
    sret                            /* SPP = U */
    j fail
.Lu5:
    EXPECT_TRAP .Lr5
    csrr a0, sstatus                /* in U: traps */
    j fail
.Lr5:
    CHECK_TRAP CAUSE_ILLEGAL_INSN
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPIE | MSTATUS_SIE

    TEST_CASE 6                     /* sret S -> S with SPIE = 0: SIE = 0, SPIE = 1, SPP = U */
    li a0, MSTATUS_SPIE | MSTATUS_SIE
    csrc mstatus, a0
    li a0, MSTATUS_SPP
    csrs mstatus, a0
    GOTO_PRIV PRV_S, .Ls6
.Ls6:
    la a0, .Ls6b
    csrw sepc, a0
    sret
    j fail
.Ls6b:
    csrr s1, sstatus                /* still S: no trap */
    TO_M
    andi s1, s1, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
    CHECK s1, MSTATUS_SPIE

    TEST_CASE 7                     /* sret executed in M: goes to SPP (S), clears MPRV */
    li a0, MSTATUS_SPP | MSTATUS_MPRV
    csrs mstatus, a0
    li a0, MSTATUS_MPP_M
    csrs mstatus, a0                /* MPRV with MPP = M: no effect on M's own accesses */
    la a0, .Ls7
    csrw sepc, a0
    sret
    j fail
.Ls7:
    csrr a0, sstatus
    EXPECT_TRAP .Lr7
    csrr a0, mscratch               /* S: traps */
    j fail
.Lr7:
    CHECK_TRAP CAUSE_ILLEGAL_INSN
    CHECK_TRAP_STATUS MSTATUS_MPRV | MSTATUS_MPP | MSTATUS_SPP, MSTATUS_MPP_S

    TEST_CASE 8                     /* trap from S into S (delegated): SPP = S, SPIE = SIE, SIE = 0 */
    li a0, 1 << CAUSE_BREAKPOINT
    csrw medeleg, a0
    li a0, MSTATUS_SPP | MSTATUS_SPIE
    csrc mstatus, a0
    GOTO_PRIV PRV_S, .Ls8
.Ls8:
    EXPECT_STRAP .Lsr8
    csrsi sstatus, MSTATUS_SIE      /* no S interrupt is enabled in sie: harmless */
.Lb8:
    ebreak
    j fail
.Lsr8:
    TO_M
    CHECK_TRAP CAUSE_BREAKPOINT, PRV_S
    CHECK_TRAP_EPC .Lb8
    CHECK_TRAP_STATUS MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE

    TEST_CASE 9                     /* trap from U into S: SPP = U */
    GOTO_PRIV PRV_U, .Lu9
.Lu9:
    EXPECT_STRAP .Lsr9
.Lb9:
    ebreak
    j fail
.Lsr9:
    TO_M
    CHECK_TRAP CAUSE_BREAKPOINT, PRV_S
    CHECK_TRAP_EPC .Lb9
    CHECK_TRAP_STATUS MSTATUS_SPP, 0
    csrw medeleg, zero

    TEST_CASE 10                    /* trap from S into M: MPP = S; MIE = 0, MPIE = old MIE */
    csrsi mstatus, MSTATUS_MIE
    GOTO_PRIV PRV_S, .Ls10
.Ls10:
    EXPECT_TRAP .Lr10
    ebreak
.Lr10:
    CHECK_TRAP CAUSE_BREAKPOINT
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP_S | MSTATUS_MPIE
    TEST_PASS
