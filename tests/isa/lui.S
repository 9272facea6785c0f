/* lui.S - lui: upper 20 bits loaded, low 12 bits cleared, all bit patterns of the immediate edges; rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    lui a0, 0
    CHECK a0, 0
    TEST_CASE 2
    lui a0, 0xfffff
    CHECK a0, 0xfffff000
    TEST_CASE 3
    lui a0, 0x80000
    CHECK a0, 0x80000000
    TEST_CASE 4
    lui a0, 0x7ffff
    CHECK a0, 0x7ffff000
    TEST_CASE 5
    lui a0, 0x12345
    CHECK a0, 0x12345000
    TEST_CASE 6                     /* low bits are replaced, not kept */
    li a0, -1
    lui a0, 0x00001
    CHECK a0, 0x00001000
    TEST_CASE 7                     /* rd = x0 is not written */
    lui x0, 0xabcde
    CHECK x0, 0
    TEST_CASE 8                     /* lui + addi builds constants whose low part is negative */
    lui a0, 0x12346
    addi a0, a0, -0x800
    CHECK a0, 0x12345800
    TEST_PASS
