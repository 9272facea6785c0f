/* xori.S - xori with a sign-extended 12-bit immediate (edges 0, 1, -1, 2047, -2048); rd aliasing, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_IMM 1, xori, 0x00000000, 0x00000000, 0
    TEST_IMM 2, xori, 0x00000001, 0x00000000, 1
    TEST_IMM 3, xori, 0xffffffff, 0x00000000, -1
    TEST_IMM 4, xori, 0x000007ff, 0x00000000, 2047
    TEST_IMM 5, xori, 0xfffff800, 0x00000000, -2048
    TEST_IMM 6, xori, 0x00000555, 0x00000000, 1365
    TEST_IMM 7, xori, 0xfffffaaa, 0x00000000, -1366
    TEST_IMM 8, xori, 0x000007f0, 0x00000000, 2032
    TEST_IMM 9, xori, 0xfffffffe, 0x00000000, -2
    TEST_IMM 10, xori, 0x00000001, 0x00000001, 0
    TEST_IMM 11, xori, 0x00000000, 0x00000001, 1
    TEST_IMM 12, xori, 0xfffffffe, 0x00000001, -1
    TEST_IMM 13, xori, 0x000007fe, 0x00000001, 2047
    TEST_IMM 14, xori, 0xfffff801, 0x00000001, -2048
    TEST_IMM 15, xori, 0x00000554, 0x00000001, 1365
    TEST_IMM 16, xori, 0xfffffaab, 0x00000001, -1366
    TEST_IMM 17, xori, 0x000007f1, 0x00000001, 2032
    TEST_IMM 18, xori, 0xffffffff, 0x00000001, -2
    TEST_IMM 19, xori, 0xffffffff, 0xffffffff, 0
    TEST_IMM 20, xori, 0xfffffffe, 0xffffffff, 1
    TEST_IMM 21, xori, 0x00000000, 0xffffffff, -1
    TEST_IMM 22, xori, 0xfffff800, 0xffffffff, 2047
    TEST_IMM 23, xori, 0x000007ff, 0xffffffff, -2048
    TEST_IMM 24, xori, 0xfffffaaa, 0xffffffff, 1365
    TEST_IMM 25, xori, 0x00000555, 0xffffffff, -1366
    TEST_IMM 26, xori, 0xfffff80f, 0xffffffff, 2032
    TEST_IMM 27, xori, 0x00000001, 0xffffffff, -2
    TEST_IMM 28, xori, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM 29, xori, 0x7ffffffe, 0x7fffffff, 1
    TEST_IMM 30, xori, 0x80000000, 0x7fffffff, -1
    TEST_IMM 31, xori, 0x7ffff800, 0x7fffffff, 2047
    TEST_IMM 32, xori, 0x800007ff, 0x7fffffff, -2048
    TEST_IMM 33, xori, 0x7ffffaaa, 0x7fffffff, 1365
    TEST_IMM 34, xori, 0x80000555, 0x7fffffff, -1366
    TEST_IMM 35, xori, 0x7ffff80f, 0x7fffffff, 2032
    TEST_IMM 36, xori, 0x80000001, 0x7fffffff, -2
    TEST_IMM 37, xori, 0x80000000, 0x80000000, 0
    TEST_IMM 38, xori, 0x80000001, 0x80000000, 1
    TEST_IMM 39, xori, 0x7fffffff, 0x80000000, -1
    TEST_IMM 40, xori, 0x800007ff, 0x80000000, 2047
    TEST_IMM 41, xori, 0x7ffff800, 0x80000000, -2048
    TEST_IMM 42, xori, 0x80000555, 0x80000000, 1365
    TEST_IMM 43, xori, 0x7ffffaaa, 0x80000000, -1366
    TEST_IMM 44, xori, 0x800007f0, 0x80000000, 2032
    TEST_IMM 45, xori, 0x7ffffffe, 0x80000000, -2
    TEST_IMM 46, xori, 0x12345678, 0x12345678, 0
    TEST_IMM 47, xori, 0x12345679, 0x12345678, 1
    TEST_IMM 48, xori, 0xedcba987, 0x12345678, -1
    TEST_IMM 49, xori, 0x12345187, 0x12345678, 2047
    TEST_IMM 50, xori, 0xedcbae78, 0x12345678, -2048
    TEST_IMM 51, xori, 0x1234532d, 0x12345678, 1365
    TEST_IMM 52, xori, 0xedcbacd2, 0x12345678, -1366
    TEST_IMM 53, xori, 0x12345188, 0x12345678, 2032
    TEST_IMM 54, xori, 0xedcba986, 0x12345678, -2
    TEST_IMM 55, xori, 0xfffff800, 0xfffff800, 0
    TEST_IMM 56, xori, 0xfffff801, 0xfffff800, 1
    TEST_IMM 57, xori, 0x000007ff, 0xfffff800, -1
    TEST_IMM 58, xori, 0xffffffff, 0xfffff800, 2047
    TEST_IMM 59, xori, 0x00000000, 0xfffff800, -2048
    TEST_IMM 60, xori, 0xfffffd55, 0xfffff800, 1365
    TEST_IMM 61, xori, 0x000002aa, 0xfffff800, -1366
    TEST_IMM 62, xori, 0xfffffff0, 0xfffff800, 2032
    TEST_IMM 63, xori, 0x000007fe, 0xfffff800, -2
    TEST_IMM 64, xori, 0x000007ff, 0x000007ff, 0
    TEST_IMM 65, xori, 0x000007fe, 0x000007ff, 1
    TEST_IMM 66, xori, 0xfffff800, 0x000007ff, -1
    TEST_IMM 67, xori, 0x00000000, 0x000007ff, 2047
    TEST_IMM 68, xori, 0xffffffff, 0x000007ff, -2048
    TEST_IMM 69, xori, 0x000002aa, 0x000007ff, 1365
    TEST_IMM 70, xori, 0xfffffd55, 0x000007ff, -1366
    TEST_IMM 71, xori, 0x0000000f, 0x000007ff, 2032
    TEST_IMM 72, xori, 0xfffff801, 0x000007ff, -2
    TEST_IMM 73, xori, 0x00000800, 0x00000800, 0
    TEST_IMM 74, xori, 0x00000801, 0x00000800, 1
    TEST_IMM 75, xori, 0xfffff7ff, 0x00000800, -1
    TEST_IMM 76, xori, 0x00000fff, 0x00000800, 2047
    TEST_IMM 77, xori, 0xfffff000, 0x00000800, -2048
    TEST_IMM 78, xori, 0x00000d55, 0x00000800, 1365
    TEST_IMM 79, xori, 0xfffff2aa, 0x00000800, -1366
    TEST_IMM 80, xori, 0x00000ff0, 0x00000800, 2032
    TEST_IMM 81, xori, 0xfffff7fe, 0x00000800, -2
    TEST_IMM 82, xori, 0xfedcba98, 0xfedcba98, 0
    TEST_IMM 83, xori, 0xfedcba99, 0xfedcba98, 1
    TEST_IMM 84, xori, 0x01234567, 0xfedcba98, -1
    TEST_IMM 85, xori, 0xfedcbd67, 0xfedcba98, 2047
    TEST_IMM 86, xori, 0x01234298, 0xfedcba98, -2048
    TEST_IMM 87, xori, 0xfedcbfcd, 0xfedcba98, 1365
    TEST_IMM 88, xori, 0x01234032, 0xfedcba98, -1366
    TEST_IMM 89, xori, 0xfedcbd68, 0xfedcba98, 2032
    TEST_IMM 90, xori, 0x01234566, 0xfedcba98, -2
    TEST_CASE 91
    li a1, 0x12345678
    xori x0, a1, 5
    CHECK x0, 0
    TEST_CASE 92
    xori a0, x0, 5
    CHECK a0, 0x00000005
    TEST_PASS
