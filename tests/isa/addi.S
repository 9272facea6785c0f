/* addi.S - addi with a sign-extended 12-bit immediate (edges 0, 1, -1, 2047, -2048); rd aliasing, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_IMM 1, addi, 0x00000000, 0x00000000, 0
    TEST_IMM 2, addi, 0x00000001, 0x00000000, 1
    TEST_IMM 3, addi, 0xffffffff, 0x00000000, -1
    TEST_IMM 4, addi, 0x000007ff, 0x00000000, 2047
    TEST_IMM 5, addi, 0xfffff800, 0x00000000, -2048
    TEST_IMM 6, addi, 0x00000555, 0x00000000, 1365
    TEST_IMM 7, addi, 0xfffffaaa, 0x00000000, -1366
    TEST_IMM 8, addi, 0x000007f0, 0x00000000, 2032
    TEST_IMM 9, addi, 0xfffffffe, 0x00000000, -2
    TEST_IMM 10, addi, 0x00000001, 0x00000001, 0
    TEST_IMM 11, addi, 0x00000002, 0x00000001, 1
    TEST_IMM 12, addi, 0x00000000, 0x00000001, -1
    TEST_IMM 13, addi, 0x00000800, 0x00000001, 2047
    TEST_IMM 14, addi, 0xfffff801, 0x00000001, -2048
    TEST_IMM 15, addi, 0x00000556, 0x00000001, 1365
    TEST_IMM 16, addi, 0xfffffaab, 0x00000001, -1366
    TEST_IMM 17, addi, 0x000007f1, 0x00000001, 2032
    TEST_IMM 18, addi, 0xffffffff, 0x00000001, -2
    TEST_IMM 19, addi, 0xffffffff, 0xffffffff, 0
    TEST_IMM 20, addi, 0x00000000, 0xffffffff, 1
    TEST_IMM 21, addi, 0xfffffffe, 0xffffffff, -1
    TEST_IMM 22, addi, 0x000007fe, 0xffffffff, 2047
    TEST_IMM 23, addi, 0xfffff7ff, 0xffffffff, -2048
    TEST_IMM 24, addi, 0x00000554, 0xffffffff, 1365
    TEST_IMM 25, addi, 0xfffffaa9, 0xffffffff, -1366
    TEST_IMM 26, addi, 0x000007ef, 0xffffffff, 2032
    TEST_IMM 27, addi, 0xfffffffd, 0xffffffff, -2
    TEST_IMM 28, addi, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM 29, addi, 0x80000000, 0x7fffffff, 1
    TEST_IMM 30, addi, 0x7ffffffe, 0x7fffffff, -1
    TEST_IMM 31, addi, 0x800007fe, 0x7fffffff, 2047
    TEST_IMM 32, addi, 0x7ffff7ff, 0x7fffffff, -2048
    TEST_IMM 33, addi, 0x80000554, 0x7fffffff, 1365
    TEST_IMM 34, addi, 0x7ffffaa9, 0x7fffffff, -1366
    TEST_IMM 35, addi, 0x800007ef, 0x7fffffff, 2032
    TEST_IMM 36, addi, 0x7ffffffd, 0x7fffffff, -2
    TEST_IMM 37, addi, 0x80000000, 0x80000000, 0
    TEST_IMM 38, addi, 0x80000001, 0x80000000, 1
    TEST_IMM 39, addi, 0x7fffffff, 0x80000000, -1
    TEST_IMM 40, addi, 0x800007ff, 0x80000000, 2047
    TEST_IMM 41, addi, 0x7ffff800, 0x80000000, -2048
    TEST_IMM 42, addi, 0x80000555, 0x80000000, 1365
    TEST_IMM 43, addi, 0x7ffffaaa, 0x80000000, -1366
    TEST_IMM 44, addi, 0x800007f0, 0x80000000, 2032
    TEST_IMM 45, addi, 0x7ffffffe, 0x80000000, -2
    TEST_IMM 46, addi, 0x12345678, 0x12345678, 0
    TEST_IMM 47, addi, 0x12345679, 0x12345678, 1
    TEST_IMM 48, addi, 0x12345677, 0x12345678, -1
    TEST_IMM 49, addi, 0x12345e77, 0x12345678, 2047
    TEST_IMM 50, addi, 0x12344e78, 0x12345678, -2048
    TEST_IMM 51, addi, 0x12345bcd, 0x12345678, 1365
    TEST_IMM 52, addi, 0x12345122, 0x12345678, -1366
    TEST_IMM 53, addi, 0x12345e68, 0x12345678, 2032
    TEST_IMM 54, addi, 0x12345676, 0x12345678, -2
    TEST_IMM 55, addi, 0xfffff800, 0xfffff800, 0
    TEST_IMM 56, addi, 0xfffff801, 0xfffff800, 1
    TEST_IMM 57, addi, 0xfffff7ff, 0xfffff800, -1
    TEST_IMM 58, addi, 0xffffffff, 0xfffff800, 2047
    TEST_IMM 59, addi, 0xfffff000, 0xfffff800, -2048
    TEST_IMM 60, addi, 0xfffffd55, 0xfffff800, 1365
    TEST_IMM 61, addi, 0xfffff2aa, 0xfffff800, -1366
    TEST_IMM 62, addi, 0xfffffff0, 0xfffff800, 2032
    TEST_IMM 63, addi, 0xfffff7fe, 0xfffff800, -2
    TEST_IMM 64, addi, 0x000007ff, 0x000007ff, 0
    TEST_IMM 65, addi, 0x00000800, 0x000007ff, 1
    TEST_IMM 66, addi, 0x000007fe, 0x000007ff, -1
    TEST_IMM 67, addi, 0x00000ffe, 0x000007ff, 2047
    TEST_IMM 68, addi, 0xffffffff, 0x000007ff, -2048
    TEST_IMM 69, addi, 0x00000d54, 0x000007ff, 1365
    TEST_IMM 70, addi, 0x000002a9, 0x000007ff, -1366
    TEST_IMM 71, addi, 0x00000fef, 0x000007ff, 2032
    TEST_IMM 72, addi, 0x000007fd, 0x000007ff, -2
    TEST_IMM 73, addi, 0x00000800, 0x00000800, 0
    TEST_IMM 74, addi, 0x00000801, 0x00000800, 1
    TEST_IMM 75, addi, 0x000007ff, 0x00000800, -1
    TEST_IMM 76, addi, 0x00000fff, 0x00000800, 2047
    TEST_IMM 77, addi, 0x00000000, 0x00000800, -2048
    TEST_IMM 78, addi, 0x00000d55, 0x00000800, 1365
    TEST_IMM 79, addi, 0x000002aa, 0x00000800, -1366
    TEST_IMM 80, addi, 0x00000ff0, 0x00000800, 2032
    TEST_IMM 81, addi, 0x000007fe, 0x00000800, -2
    TEST_IMM 82, addi, 0xfedcba98, 0xfedcba98, 0
    TEST_IMM 83, addi, 0xfedcba99, 0xfedcba98, 1
    TEST_IMM 84, addi, 0xfedcba97, 0xfedcba98, -1
    TEST_IMM 85, addi, 0xfedcc297, 0xfedcba98, 2047
    TEST_IMM 86, addi, 0xfedcb298, 0xfedcba98, -2048
    TEST_IMM 87, addi, 0xfedcbfed, 0xfedcba98, 1365
    TEST_IMM 88, addi, 0xfedcb542, 0xfedcba98, -1366
    TEST_IMM 89, addi, 0xfedcc288, 0xfedcba98, 2032
    TEST_IMM 90, addi, 0xfedcba96, 0xfedcba98, -2
    TEST_CASE 91
    li a1, 0x12345678
    addi x0, a1, 5
    CHECK x0, 0
    TEST_CASE 92
    addi a0, x0, 5
    CHECK a0, 0x00000005
    TEST_PASS
