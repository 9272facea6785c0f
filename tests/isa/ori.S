/* ori.S - ori with a sign-extended 12-bit immediate (edges 0, 1, -1, 2047, -2048); rd aliasing, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_IMM 1, ori, 0x00000000, 0x00000000, 0
    TEST_IMM 2, ori, 0x00000001, 0x00000000, 1
    TEST_IMM 3, ori, 0xffffffff, 0x00000000, -1
    TEST_IMM 4, ori, 0x000007ff, 0x00000000, 2047
    TEST_IMM 5, ori, 0xfffff800, 0x00000000, -2048
    TEST_IMM 6, ori, 0x00000555, 0x00000000, 1365
    TEST_IMM 7, ori, 0xfffffaaa, 0x00000000, -1366
    TEST_IMM 8, ori, 0x000007f0, 0x00000000, 2032
    TEST_IMM 9, ori, 0xfffffffe, 0x00000000, -2
    TEST_IMM 10, ori, 0x00000001, 0x00000001, 0
    TEST_IMM 11, ori, 0x00000001, 0x00000001, 1
    TEST_IMM 12, ori, 0xffffffff, 0x00000001, -1
    TEST_IMM 13, ori, 0x000007ff, 0x00000001, 2047
    TEST_IMM 14, ori, 0xfffff801, 0x00000001, -2048
    TEST_IMM 15, ori, 0x00000555, 0x00000001, 1365
    TEST_IMM 16, ori, 0xfffffaab, 0x00000001, -1366
    TEST_IMM 17, ori, 0x000007f1, 0x00000001, 2032
    TEST_IMM 18, ori, 0xffffffff, 0x00000001, -2
    TEST_IMM 19, ori, 0xffffffff, 0xffffffff, 0
    TEST_IMM 20, ori, 0xffffffff, 0xffffffff, 1
    TEST_IMM 21, ori, 0xffffffff, 0xffffffff, -1
    TEST_IMM 22, ori, 0xffffffff, 0xffffffff, 2047
    TEST_IMM 23, ori, 0xffffffff, 0xffffffff, -2048
    TEST_IMM 24, ori, 0xffffffff, 0xffffffff, 1365
    TEST_IMM 25, ori, 0xffffffff, 0xffffffff, -1366
    TEST_IMM 26, ori, 0xffffffff, 0xffffffff, 2032
    TEST_IMM 27, ori, 0xffffffff, 0xffffffff, -2
    TEST_IMM 28, ori, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM 29, ori, 0x7fffffff, 0x7fffffff, 1
    TEST_IMM 30, ori, 0xffffffff, 0x7fffffff, -1
    TEST_IMM 31, ori, 0x7fffffff, 0x7fffffff, 2047
    TEST_IMM 32, ori, 0xffffffff, 0x7fffffff, -2048
    TEST_IMM 33, ori, 0x7fffffff, 0x7fffffff, 1365
    TEST_IMM 34, ori, 0xffffffff, 0x7fffffff, -1366
    TEST_IMM 35, ori, 0x7fffffff, 0x7fffffff, 2032
    TEST_IMM 36, ori, 0xffffffff, 0x7fffffff, -2
    TEST_IMM 37, ori, 0x80000000, 0x80000000, 0
    TEST_IMM 38, ori, 0x80000001, 0x80000000, 1
    TEST_IMM 39, ori, 0xffffffff, 0x80000000, -1
    TEST_IMM 40, ori, 0x800007ff, 0x80000000, 2047
    TEST_IMM 41, ori, 0xfffff800, 0x80000000, -2048
    TEST_IMM 42, ori, 0x80000555, 0x80000000, 1365
    TEST_IMM 43, ori, 0xfffffaaa, 0x80000000, -1366
    TEST_IMM 44, ori, 0x800007f0, 0x80000000, 2032
    TEST_IMM 45, ori, 0xfffffffe, 0x80000000, -2
    TEST_IMM 46, ori, 0x12345678, 0x12345678, 0
    TEST_IMM 47, ori, 0x12345679, 0x12345678, 1
    TEST_IMM 48, ori, 0xffffffff, 0x12345678, -1
    TEST_IMM 49, ori, 0x123457ff, 0x12345678, 2047
    TEST_IMM 50, ori, 0xfffffe78, 0x12345678, -2048
    TEST_IMM 51, ori, 0x1234577d, 0x12345678, 1365
    TEST_IMM 52, ori, 0xfffffefa, 0x12345678, -1366
    TEST_IMM 53, ori, 0x123457f8, 0x12345678, 2032
    TEST_IMM 54, ori, 0xfffffffe, 0x12345678, -2
    TEST_IMM 55, ori, 0xfffff800, 0xfffff800, 0
    TEST_IMM 56, ori, 0xfffff801, 0xfffff800, 1
    TEST_IMM 57, ori, 0xffffffff, 0xfffff800, -1
    TEST_IMM 58, ori, 0xffffffff, 0xfffff800, 2047
    TEST_IMM 59, ori, 0xfffff800, 0xfffff800, -2048
    TEST_IMM 60, ori, 0xfffffd55, 0xfffff800, 1365
    TEST_IMM 61, ori, 0xfffffaaa, 0xfffff800, -1366
    TEST_IMM 62, ori, 0xfffffff0, 0xfffff800, 2032
    TEST_IMM 63, ori, 0xfffffffe, 0xfffff800, -2
    TEST_IMM 64, ori, 0x000007ff, 0x000007ff, 0
    TEST_IMM 65, ori, 0x000007ff, 0x000007ff, 1
    TEST_IMM 66, ori, 0xffffffff, 0x000007ff, -1
    TEST_IMM 67, ori, 0x000007ff, 0x000007ff, 2047
    TEST_IMM 68, ori, 0xffffffff, 0x000007ff, -2048
    TEST_IMM 69, ori, 0x000007ff, 0x000007ff, 1365
    TEST_IMM 70, ori, 0xffffffff, 0x000007ff, -1366
    TEST_IMM 71, ori, 0x000007ff, 0x000007ff, 2032
    TEST_IMM 72, ori, 0xffffffff, 0x000007ff, -2
    TEST_IMM 73, ori, 0x00000800, 0x00000800, 0
    TEST_IMM 74, ori, 0x00000801, 0x00000800, 1
    TEST_IMM 75, ori, 0xffffffff, 0x00000800, -1
    TEST_IMM 76, ori, 0x00000fff, 0x00000800, 2047
    TEST_IMM 77, ori, 0xfffff800, 0x00000800, -2048
    TEST_IMM 78, ori, 0x00000d55, 0x00000800, 1365
    TEST_IMM 79, ori, 0xfffffaaa, 0x00000800, -1366
    TEST_IMM 80, ori, 0x00000ff0, 0x00000800, 2032
    TEST_IMM 81, ori, 0xfffffffe, 0x00000800, -2
    TEST_IMM 82, ori, 0xfedcba98, 0xfedcba98, 0
    TEST_IMM 83, ori, 0xfedcba99, 0xfedcba98, 1
    TEST_IMM 84, ori, 0xffffffff, 0xfedcba98, -1
    TEST_IMM 85, ori, 0xfedcbfff, 0xfedcba98, 2047
    TEST_IMM 86, ori, 0xfffffa98, 0xfedcba98, -2048
    TEST_IMM 87, ori, 0xfedcbfdd, 0xfedcba98, 1365
    TEST_IMM 88, ori, 0xfffffaba, 0xfedcba98, -1366
    TEST_IMM 89, ori, 0xfedcbff8, 0xfedcba98, 2032
    TEST_IMM 90, ori, 0xfffffffe, 0xfedcba98, -2
    TEST_CASE 91
    li a1, 0x12345678
    ori x0, a1, 5
    CHECK x0, 0
    TEST_CASE 92
    ori a0, x0, 5
    CHECK a0, 0x00000005
    TEST_PASS
