/* mscratch.S - mscratch holds any 32-bit value, and the swap idiom (csrrw rd, mscratch, rs) exchanges values.
 * mscratch points at the trap handler's save area, so every value is read into a register and the pointer put
 * back (s0) before it is checked: a failing check must still reach the handler. */
#include "test.h"
TEST_MAIN
    csrr s0, mscratch
    TEST_CASE 1
    li a0, 0xffffffff
    csrw mscratch, a0
    csrrw a1, mscratch, zero        /* a1 = all ones, mscratch = 0 */
    csrrw a2, mscratch, s0          /* a2 = 0, pointer back */
    CHECK a1, 0xffffffff
    CHECK a2, 0
    li a0, 0x80000001
    csrw mscratch, a0
    csrrw a1, mscratch, s0
    CHECK a1, 0x80000001
    TEST_CASE 2                     /* swap twice restores both */
    li a0, 0x11111111
    li a1, 0x22222222
    csrw mscratch, a0
    csrrw a1, mscratch, a1
    csrrw a3, mscratch, a1          /* a3 = 0x22222222, mscratch = 0x11111111 */
    csrrw a4, mscratch, s0
    CHECK a1, 0x11111111
    CHECK a3, 0x22222222
    CHECK a4, 0x11111111
    TEST_CASE 3                     /* a trap leaves mscratch as it was */
    EXPECT_TRAP .Lr3
    ecall
.Lr3:
    csrr a0, mscratch
    CHECK_EQ a0, s0
    TEST_PASS
