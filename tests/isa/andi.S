/* andi.S - andi with a sign-extended 12-bit immediate (edges 0, 1, -1, 2047, -2048); rd aliasing, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_IMM 1, andi, 0x00000000, 0x00000000, 0
    TEST_IMM 2, andi, 0x00000000, 0x00000000, 1
    TEST_IMM 3, andi, 0x00000000, 0x00000000, -1
    TEST_IMM 4, andi, 0x00000000, 0x00000000, 2047
    TEST_IMM 5, andi, 0x00000000, 0x00000000, -2048
    TEST_IMM 6, andi, 0x00000000, 0x00000000, 1365
    TEST_IMM 7, andi, 0x00000000, 0x00000000, -1366
    TEST_IMM 8, andi, 0x00000000, 0x00000000, 2032
    TEST_IMM 9, andi, 0x00000000, 0x00000000, -2
    TEST_IMM 10, andi, 0x00000000, 0x00000001, 0
    TEST_IMM 11, andi, 0x00000001, 0x00000001, 1
    TEST_IMM 12, andi, 0x00000001, 0x00000001, -1
    TEST_IMM 13, andi, 0x00000001, 0x00000001, 2047
    TEST_IMM 14, andi, 0x00000000, 0x00000001, -2048
    TEST_IMM 15, andi, 0x00000001, 0x00000001, 1365
    TEST_IMM 16, andi, 0x00000000, 0x00000001, -1366
    TEST_IMM 17, andi, 0x00000000, 0x00000001, 2032
    TEST_IMM 18, andi, 0x00000000, 0x00000001, -2
    TEST_IMM 19, andi, 0x00000000, 0xffffffff, 0
    TEST_IMM 20, andi, 0x00000001, 0xffffffff, 1
    TEST_IMM 21, andi, 0xffffffff, 0xffffffff, -1
    TEST_IMM 22, andi, 0x000007ff, 0xffffffff, 2047
    TEST_IMM 23, andi, 0xfffff800, 0xffffffff, -2048
    TEST_IMM 24, andi, 0x00000555, 0xffffffff, 1365
    TEST_IMM 25, andi, 0xfffffaaa, 0xffffffff, -1366
    TEST_IMM 26, andi, 0x000007f0, 0xffffffff, 2032
    TEST_IMM 27, andi, 0xfffffffe, 0xffffffff, -2
    TEST_IMM 28, andi, 0x00000000, 0x7fffffff, 0
    TEST_IMM 29, andi, 0x00000001, 0x7fffffff, 1
    TEST_IMM 30, andi, 0x7fffffff, 0x7fffffff, -1
    TEST_IMM 31, andi, 0x000007ff, 0x7fffffff, 2047
    TEST_IMM 32, andi, 0x7ffff800, 0x7fffffff, -2048
    TEST_IMM 33, andi, 0x00000555, 0x7fffffff, 1365
    TEST_IMM 34, andi, 0x7ffffaaa, 0x7fffffff, -1366
    TEST_IMM 35, andi, 0x000007f0, 0x7fffffff, 2032
    TEST_IMM 36, andi, 0x7ffffffe, 0x7fffffff, -2
    TEST_IMM 37, andi, 0x00000000, 0x80000000, 0
    TEST_IMM 38, andi, 0x00000000, 0x80000000, 1
    TEST_IMM 39, andi, 0x80000000, 0x80000000, -1
    TEST_IMM 40, andi, 0x00000000, 0x80000000, 2047
    TEST_IMM 41, andi, 0x80000000, 0x80000000, -2048
    TEST_IMM 42, andi, 0x00000000, 0x80000000, 1365
    TEST_IMM 43, andi, 0x80000000, 0x80000000, -1366
    TEST_IMM 44, andi, 0x00000000, 0x80000000, 2032
    TEST_IMM 45, andi, 0x80000000, 0x80000000, -2
    TEST_IMM 46, andi, 0x00000000, 0x12345678, 0
    TEST_IMM 47, andi, 0x00000000, 0x12345678, 1
    TEST_IMM 48, andi, 0x12345678, 0x12345678, -1
    TEST_IMM 49, andi, 0x00000678, 0x12345678, 2047
    TEST_IMM 50, andi, 0x12345000, 0x12345678, -2048
    TEST_IMM 51, andi, 0x00000450, 0x12345678, 1365
    TEST_IMM 52, andi, 0x12345228, 0x12345678, -1366
    TEST_IMM 53, andi, 0x00000670, 0x12345678, 2032
    TEST_IMM 54, andi, 0x12345678, 0x12345678, -2
    TEST_IMM 55, andi, 0x00000000, 0xfffff800, 0
    TEST_IMM 56, andi, 0x00000000, 0xfffff800, 1
    TEST_IMM 57, andi, 0xfffff800, 0xfffff800, -1
    TEST_IMM 58, andi, 0x00000000, 0xfffff800, 2047
    TEST_IMM 59, andi, 0xfffff800, 0xfffff800, -2048
    TEST_IMM 60, andi, 0x00000000, 0xfffff800, 1365
    TEST_IMM 61, andi, 0xfffff800, 0xfffff800, -1366
    TEST_IMM 62, andi, 0x00000000, 0xfffff800, 2032
    TEST_IMM 63, andi, 0xfffff800, 0xfffff800, -2
    TEST_IMM 64, andi, 0x00000000, 0x000007ff, 0
    TEST_IMM 65, andi, 0x00000001, 0x000007ff, 1
    TEST_IMM 66, andi, 0x000007ff, 0x000007ff, -1
    TEST_IMM 67, andi, 0x000007ff, 0x000007ff, 2047
    TEST_IMM 68, andi, 0x00000000, 0x000007ff, -2048
    TEST_IMM 69, andi, 0x00000555, 0x000007ff, 1365
    TEST_IMM 70, andi, 0x000002aa, 0x000007ff, -1366
    TEST_IMM 71, andi, 0x000007f0, 0x000007ff, 2032
    TEST_IMM 72, andi, 0x000007fe, 0x000007ff, -2
    TEST_IMM 73, andi, 0x00000000, 0x00000800, 0
    TEST_IMM 74, andi, 0x00000000, 0x00000800, 1
    TEST_IMM 75, andi, 0x00000800, 0x00000800, -1
    TEST_IMM 76, andi, 0x00000000, 0x00000800, 2047
    TEST_IMM 77, andi, 0x00000800, 0x00000800, -2048
    TEST_IMM 78, andi, 0x00000000, 0x00000800, 1365
    TEST_IMM 79, andi, 0x00000800, 0x00000800, -1366
    TEST_IMM 80, andi, 0x00000000, 0x00000800, 2032
    TEST_IMM 81, andi, 0x00000800, 0x00000800, -2
    TEST_IMM 82, andi, 0x00000000, 0xfedcba98, 0
    TEST_IMM 83, andi, 0x00000000, 0xfedcba98, 1
    TEST_IMM 84, andi, 0xfedcba98, 0xfedcba98, -1
    TEST_IMM 85, andi, 0x00000298, 0xfedcba98, 2047
    TEST_IMM 86, andi, 0xfedcb800, 0xfedcba98, -2048
    TEST_IMM 87, andi, 0x00000010, 0xfedcba98, 1365
    TEST_IMM 88, andi, 0xfedcba88, 0xfedcba98, -1366
    TEST_IMM 89, andi, 0x00000290, 0xfedcba98, 2032
    TEST_IMM 90, andi, 0xfedcba98, 0xfedcba98, -2
    TEST_CASE 91
    li a1, 0x12345678
    andi x0, a1, 5
    CHECK x0, 0
    TEST_CASE 92
    andi a0, x0, 5
    CHECK a0, 0x00000000
    TEST_PASS
