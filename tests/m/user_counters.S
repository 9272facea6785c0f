/* user_counters.S - the user-level counters read from M-mode: cycle/instret(h) follow mcycle/minstret, time(h)
 * follows the CLINT mtime and advances; mtime can be written through the CLINT; the counters are read-only CSRs. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1                     /* instret = minstret of the instruction before + 1 */
    csrr a0, minstret
    csrr a1, instret
    sub a2, a1, a0
    CHECK a2, 1
    csrr a0, minstreth
    csrr a1, instreth
    CHECK_EQ a0, a1

    TEST_CASE 2                     /* cycle moves with mcycle */
    csrr a0, mcycle
    csrr a1, cycle
    bltu a1, a0, .Lbad
    sub a2, a1, a0
    li a3, 100
    bgeu a2, a3, .Lbad
    csrr a0, mcycleh
    csrr a1, cycleh
    CHECK_EQ a0, a1

    TEST_CASE 3                     /* time = mtime from the CLINT */
    li s0, CLINT_BASE + CLINT_MTIME
    lw a0, 0(s0)
    csrr a1, time
    bltu a1, a0, .Lbad
    sub a2, a1, a0
    li a3, 1000
    bgeu a2, a3, .Lbad
    lw a0, 4(s0)
    csrr a1, timeh
    CHECK_EQ a0, a1

    TEST_CASE 4                     /* time advances */
    csrr a0, time
    li a2, 200
1:  addi a2, a2, -1
    bnez a2, 1b
    csrr a1, time
    bgeu a0, a1, .Lbad

    TEST_CASE 5                     /* writing mtime through the CLINT moves time */
    li a0, 0x12345
    sw zero, 0(s0)
    sw a0, 4(s0)
    csrr a1, timeh
    CHECK a1, 0x12345
    csrr a1, time
    li a3, 1000
    bgeu a1, a3, .Lbad
    li a0, 0xfffffff0               /* carry from mtime low into high */
    sw a0, 0(s0)
    li a2, 100
1:  addi a2, a2, -1
    bnez a2, 1b
    csrr a1, timeh
    CHECK a1, 0x12346
    lw a1, 4(s0)
    CHECK a1, 0x12346
    sw zero, 4(s0)                  /* back to a small time */

    TEST_CASE 6                     /* read-only */
    TRAP_INSN CAUSE_ILLEGAL_INSN, csrw cycle, zero
    TRAP_INSN CAUSE_ILLEGAL_INSN, csrw time, zero
    TRAP_INSN CAUSE_ILLEGAL_INSN, csrs instreth, a0
    TRAP_INSN CAUSE_ILLEGAL_INSN, csrwi timeh, 1
    TEST_PASS
.Lbad:
    j fail
