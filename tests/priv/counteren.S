/* counteren.S - counter access from S and U: cycle/time/instret (and their h halves) need mcounteren bit
 * CY/TM/IR in S, and both mcounteren and scounteren bits in U; otherwise illegal instruction into M.
 * hpmcounterN needs bit N, which is never writable (bits 2:0 only), so they always trap below M. */
#include "test.h"

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
.endm

.macro LEGAL_IN priv, insn:vararg
    RESET_TRAP_COUNT
    GOTO_PRIV \priv, .Lgo_\@
.Lgo_\@:
    \insn
    TO_M
    CHECK_TRAP_COUNT 0
.endm

/* mcounteren, scounteren */
.macro COUNTEREN m, s
    li a0, \m
    csrw mcounteren, a0
    li a0, \s
    csrw scounteren, a0
.endm

TEST_MAIN
    TEST_CASE 1                     /* nothing enabled */
    COUNTEREN 0, 7
    ILLEGAL_IN PRV_S, csrr a0, cycle
    ILLEGAL_IN PRV_S, csrr a0, time
    ILLEGAL_IN PRV_S, csrr a0, instret
    ILLEGAL_IN PRV_U, csrr a0, cycleh
    ILLEGAL_IN PRV_U, csrr a0, timeh
    ILLEGAL_IN PRV_U, csrr a0, instreth
    TEST_CASE 2                     /* mcounteren only: S reads, U does not */
    COUNTEREN 7, 0
    LEGAL_IN PRV_S, csrr a0, cycle
    LEGAL_IN PRV_S, csrr a0, timeh
    LEGAL_IN PRV_S, csrr a0, instret
    ILLEGAL_IN PRV_U, csrr a0, cycle
    ILLEGAL_IN PRV_U, csrr a0, time
    ILLEGAL_IN PRV_U, csrr a0, instreth
    TEST_CASE 3                     /* both: U reads */
    COUNTEREN 7, 7
    LEGAL_IN PRV_U, csrr a0, cycle
    LEGAL_IN PRV_U, csrr a0, cycleh
    LEGAL_IN PRV_U, csrr a0, time
    LEGAL_IN PRV_U, csrr a0, instret
    LEGAL_IN PRV_U, csrr a0, instreth
    TEST_CASE 4                     /* per bit: TM only */
    COUNTEREN 2, 2
    LEGAL_IN PRV_U, csrr a0, time
    ILLEGAL_IN PRV_U, csrr a0, cycle
    ILLEGAL_IN PRV_U, csrr a0, instret
    ILLEGAL_IN PRV_S, csrr a0, cycle
    COUNTEREN 1, 4                  /* CY in M's, IR in S's: U gets neither */
    ILLEGAL_IN PRV_U, csrr a0, cycle
    ILLEGAL_IN PRV_U, csrr a0, instret
    LEGAL_IN PRV_S, csrr a0, cycle
    ILLEGAL_IN PRV_S, csrr a0, instret
    TEST_CASE 5                     /* hpmcounters below M: always illegal */
    COUNTEREN -1, -1
    ILLEGAL_IN PRV_S, csrr a0, hpmcounter3
    ILLEGAL_IN PRV_U, csrr a0, hpmcounter4
    ILLEGAL_IN PRV_U, csrr a0, hpmcounter31h
    TEST_CASE 6                     /* the counters are read-only in every mode */
    ILLEGAL_IN PRV_S, csrw cycle, zero
    ILLEGAL_IN PRV_U, csrw instret, zero
    TEST_CASE 7                     /* the values U reads are the real counters */
    COUNTEREN 7, 7
    GOTO_PRIV PRV_U, .Lu7
.Lu7:
    csrr s1, instret
    csrr s2, instret
    TO_M
    sub a0, s2, s1
    CHECK a0, 1
    COUNTEREN 0, 0
    TEST_PASS
