/* mcounteren.S - mcounteren holds bits 2:0 (CY, TM, IR) and nothing else, and does not restrict M-mode. (What it
 * does for S and U is in tests/priv/counteren.S.) */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    li a0, -1
    csrw mcounteren, a0
    CHECK_CSR mcounteren, 7
    csrw mcounteren, zero
    CHECK_CSR mcounteren, 0
    li a0, 5
    csrw mcounteren, a0
    CHECK_CSR mcounteren, 5
    li a0, 0xfffffff8
    csrs mcounteren, a0
    CHECK_CSR mcounteren, 5
    TEST_CASE 2                     /* M reads every counter whatever mcounteren says */
    csrw mcounteren, zero
    csrr a0, cycle
    csrr a0, time
    csrr a0, instret
    csrr a0, cycleh
    csrr a0, timeh
    csrr a0, instreth
    CHECK_TRAP_COUNT 0
    TEST_PASS
