/* s_interrupts.S - supervisor interrupts raised by M through mip (SSIP, STIP, SEIP) and delegated with mideleg:
 * taken into S in S only when sstatus.SIE is set, in U whatever SIE says, never while in M; scause =
 * 0x80000001/5/9, stval 0, sepc = the interrupted instruction; not delegated they go to M (from S/U whatever
 * MIE says, from M only with MIE). */
#include "test.h"

/* Raise `bit` in mip (pending and enabled in mie, delegated if deleg = 1). */
.macro RAISE bit, deleg
    li a0, \bit
    csrw mie, a0
    .if \deleg
    csrw mideleg, a0
    .else
    csrw mideleg, zero
    .endif
    csrs mip, a0
.endm

.macro QUIET
    csrw mie, zero
    csrw mip, zero
    csrw mideleg, zero
.endm

TEST_MAIN
    INIT_S
    QUIET
    csrci mstatus, MSTATUS_MIE | MSTATUS_SIE

    TEST_CASE 1                     /* delegated SSI pending while in M with MIE and SIE: never taken in M */
    RAISE MIP_SSIP, 1
    csrsi mstatus, MSTATUS_MIE | MSTATUS_SIE
    nop
    nop
    csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
    CHECK_TRAP_COUNT 0

    TEST_CASE 2                     /* in S with SIE = 0: not taken */
    GOTO_PRIV PRV_S, .Ls2
.Ls2:
    nop
    nop
    TO_M
    CHECK_TRAP_COUNT 0

    TEST_CASE 3                     /* in S, setting SIE: taken into S right after the csrs */
    EXPECT_STRAP .Lsr3
    GOTO_PRIV PRV_S, .Ls3
.Ls3:
    csrsi sstatus, MSTATUS_SIE
.Ln3:
    j fail
.Lsr3:
    TO_M
    CHECK_TRAP CAUSE_INTR | IRQ_SSI, PRV_S
    CHECK_TRAP_EPC .Ln3
    CHECK_TRAP_TVAL 0
    CHECK_TRAP_STATUS MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE
    CHECK_CSR scause, CAUSE_INTR | IRQ_SSI

    TEST_CASE 4                     /* in U: taken whatever SIE says (SIE = 0 here) */
    csrci mstatus, MSTATUS_SIE
    EXPECT_STRAP .Lsr4, PRV_S
    GOTO_PRIV PRV_U, .Lu4
.Lu4:
.Lw4:
    nop
    j .Lw4
.Lsr4:
    TO_M
    CHECK_TRAP CAUSE_INTR | IRQ_SSI, PRV_S
    CHECK_TRAP_STATUS MSTATUS_SPP, 0
    QUIET

    TEST_CASE 5                     /* STI delegated, from U */
    RAISE MIP_STIP, 1
    EXPECT_STRAP .Lsr5, PRV_S
    GOTO_PRIV PRV_U, .Lu5
.Lu5:
.Lw5:
    nop
    j .Lw5
.Lsr5:
    TO_M
    CHECK_TRAP CAUSE_INTR | IRQ_STI, PRV_S
    QUIET

    TEST_CASE 6                     /* SEI delegated, from S with SIE */
    RAISE MIP_SEIP, 1
    csrsi mstatus, MSTATUS_SIE
    EXPECT_STRAP .Lsr6
    GOTO_PRIV PRV_S, .Ls6
.Ls6:
.Lw6:
    nop
    j .Lw6
.Lsr6:
    TO_M
    CHECK_TRAP CAUSE_INTR | IRQ_SEI, PRV_S
    QUIET
    csrci mstatus, MSTATUS_SIE

    TEST_CASE 7                     /* not delegated: an S-level interrupt goes to M from S even with MIE = 0 */
    RAISE MIP_STIP, 0
    li a0, MSTATUS_MPIE             /* MIE = 0 in S after the mret */
    csrc mstatus, a0
    EXPECT_TRAP .Lr7
    GOTO_PRIV PRV_S, .Ls7
.Ls7:
.Lw7:
    nop
    j .Lw7
.Lr7:
    CHECK_TRAP CAUSE_INTR | IRQ_STI, PRV_M
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPIE, MSTATUS_MPP_S
    QUIET

    TEST_CASE 8                     /* not delegated, in M: only with MIE */
    RESET_TRAP_COUNT
    RAISE MIP_SEIP, 0
    nop
    CHECK_TRAP_COUNT 0
    EXPECT_TRAP .Lr8
    csrsi mstatus, MSTATUS_MIE
.Ln8:
    j fail
.Lr8:
    CHECK_TRAP CAUSE_INTR | IRQ_SEI, PRV_M
    CHECK_TRAP_EPC .Ln8
    QUIET

    TEST_CASE 9                     /* delegated but disabled in sie (= mie bit): not taken in U */
    RESET_TRAP_COUNT
    li a0, MIP_SSIP
    csrw mideleg, a0
    csrs mip, a0
    csrw mie, zero
    GOTO_PRIV PRV_U, .Lu9
.Lu9:
    nop
    nop
    TO_M
    CHECK_TRAP_COUNT 0
    QUIET

    TEST_CASE 10                    /* S software interrupt raised by S itself through sip */
    li a0, MIP_SSIP
    csrw mideleg, a0
    csrw mie, a0
    csrsi mstatus, MSTATUS_SIE
    EXPECT_STRAP .Lsr10
    GOTO_PRIV PRV_S, .Ls10
.Ls10:
    csrsi sip, MIP_SSIP
.Ln10:
    j fail
.Lsr10:
    csrci sip, MIP_SSIP
    TO_M
    CHECK_TRAP CAUSE_INTR | IRQ_SSI, PRV_S
    CHECK_TRAP_EPC .Ln10
    CHECK_CSR_MASK mip, MIP_SSIP, 0
    QUIET
    csrci mstatus, MSTATUS_SIE
    TEST_PASS
