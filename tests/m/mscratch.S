/* mscratch.S - mscratch holds any 32-bit value, and the swap idiom (csrrw rd, mscratch, rs) exchanges values. */
#include "test.h"
TEST_MAIN
    csrr s0, mscratch               /* the handler's save area: put back at the end */
    TEST_CASE 1
    li a0, 0xffffffff
    csrw mscratch, a0
    CHECK_CSR mscratch, 0xffffffff
    csrw mscratch, zero
    CHECK_CSR mscratch, 0
    li a0, 0x80000001
    csrw mscratch, a0
    CHECK_CSR mscratch, 0x80000001
    TEST_CASE 2                     /* swap twice restores both */
    li a0, 0x11111111
    li a1, 0x22222222
    csrw mscratch, a0
    csrrw a1, mscratch, a1
    CHECK a1, 0x11111111
    csrrw a1, mscratch, a1
    CHECK a1, 0x22222222
    CHECK_CSR mscratch, 0x11111111
    TEST_CASE 3                     /* a trap does not touch mscratch beyond what the handler restores */
    csrw mscratch, s0
    EXPECT_TRAP .Lr3
    ecall
.Lr3:
    csrr a0, mscratch
    CHECK_EQ a0, s0
    TEST_PASS
