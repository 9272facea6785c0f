/* auipc.S - auipc: pc + (imm << 12) for zero, positive, negative and wrapping immediates; rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
.La1:
    auipc a0, 0
    CHECK_LABEL a0, .La1
    TEST_CASE 2
.La2:
    auipc a0, 1
    CHECK_LABEL a0, .La2 + 0x1000
    TEST_CASE 3
.La3:
    auipc a0, 0xfffff               /* -0x1000 */
    CHECK_LABEL a0, .La3 - 0x1000
    TEST_CASE 4
.La4:
    auipc a0, 0x80000               /* wraps around the address space */
    la a1, .La4
    li a2, 0x80000000
    add a1, a1, a2
    CHECK_EQ a0, a1
    TEST_CASE 5
.La5:
    auipc a0, 0x7ffff
    la a1, .La5
    li a2, 0x7ffff000
    add a1, a1, a2
    CHECK_EQ a0, a1
    TEST_CASE 6                     /* two auipc in a row differ by 4 */
    auipc a0, 0
    auipc a1, 0
    sub a1, a1, a0
    CHECK a1, 4
    TEST_CASE 7
    auipc x0, 0x12345
    CHECK x0, 0
    TEST_PASS
