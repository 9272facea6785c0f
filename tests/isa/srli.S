/* srli.S - srli: shift amounts 0..31 of positive and negative values; rd aliasing, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_IMM 1, srli, 0x00000001, 0x00000001, 0
    TEST_IMM 2, srli, 0x00000000, 0x00000001, 1
    TEST_IMM 3, srli, 0x00000000, 0x00000001, 2
    TEST_IMM 4, srli, 0x00000000, 0x00000001, 7
    TEST_IMM 5, srli, 0x00000000, 0x00000001, 8
    TEST_IMM 6, srli, 0x00000000, 0x00000001, 15
    TEST_IMM 7, srli, 0x00000000, 0x00000001, 16
    TEST_IMM 8, srli, 0x00000000, 0x00000001, 17
    TEST_IMM 9, srli, 0x00000000, 0x00000001, 30
    TEST_IMM 10, srli, 0x00000000, 0x00000001, 31
    TEST_IMM 11, srli, 0x80000000, 0x80000000, 0
    TEST_IMM 12, srli, 0x40000000, 0x80000000, 1
    TEST_IMM 13, srli, 0x20000000, 0x80000000, 2
    TEST_IMM 14, srli, 0x01000000, 0x80000000, 7
    TEST_IMM 15, srli, 0x00800000, 0x80000000, 8
    TEST_IMM 16, srli, 0x00010000, 0x80000000, 15
    TEST_IMM 17, srli, 0x00008000, 0x80000000, 16
    TEST_IMM 18, srli, 0x00004000, 0x80000000, 17
    TEST_IMM 19, srli, 0x00000002, 0x80000000, 30
    TEST_IMM 20, srli, 0x00000001, 0x80000000, 31
    TEST_IMM 21, srli, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM 22, srli, 0x3fffffff, 0x7fffffff, 1
    TEST_IMM 23, srli, 0x1fffffff, 0x7fffffff, 2
    TEST_IMM 24, srli, 0x00ffffff, 0x7fffffff, 7
    TEST_IMM 25, srli, 0x007fffff, 0x7fffffff, 8
    TEST_IMM 26, srli, 0x0000ffff, 0x7fffffff, 15
    TEST_IMM 27, srli, 0x00007fff, 0x7fffffff, 16
    TEST_IMM 28, srli, 0x00003fff, 0x7fffffff, 17
    TEST_IMM 29, srli, 0x00000001, 0x7fffffff, 30
    TEST_IMM 30, srli, 0x00000000, 0x7fffffff, 31
    TEST_IMM 31, srli, 0xffffffff, 0xffffffff, 0
    TEST_IMM 32, srli, 0x7fffffff, 0xffffffff, 1
    TEST_IMM 33, srli, 0x3fffffff, 0xffffffff, 2
    TEST_IMM 34, srli, 0x01ffffff, 0xffffffff, 7
    TEST_IMM 35, srli, 0x00ffffff, 0xffffffff, 8
    TEST_IMM 36, srli, 0x0001ffff, 0xffffffff, 15
    TEST_IMM 37, srli, 0x0000ffff, 0xffffffff, 16
    TEST_IMM 38, srli, 0x00007fff, 0xffffffff, 17
    TEST_IMM 39, srli, 0x00000003, 0xffffffff, 30
    TEST_IMM 40, srli, 0x00000001, 0xffffffff, 31
    TEST_IMM 41, srli, 0x12345678, 0x12345678, 0
    TEST_IMM 42, srli, 0x091a2b3c, 0x12345678, 1
    TEST_IMM 43, srli, 0x048d159e, 0x12345678, 2
    TEST_IMM 44, srli, 0x002468ac, 0x12345678, 7
    TEST_IMM 45, srli, 0x00123456, 0x12345678, 8
    TEST_IMM 46, srli, 0x00002468, 0x12345678, 15
    TEST_IMM 47, srli, 0x00001234, 0x12345678, 16
    TEST_IMM 48, srli, 0x0000091a, 0x12345678, 17
    TEST_IMM 49, srli, 0x00000000, 0x12345678, 30
    TEST_IMM 50, srli, 0x00000000, 0x12345678, 31
    TEST_IMM 51, srli, 0x87654321, 0x87654321, 0
    TEST_IMM 52, srli, 0x43b2a190, 0x87654321, 1
    TEST_IMM 53, srli, 0x21d950c8, 0x87654321, 2
    TEST_IMM 54, srli, 0x010eca86, 0x87654321, 7
    TEST_IMM 55, srli, 0x00876543, 0x87654321, 8
    TEST_IMM 56, srli, 0x00010eca, 0x87654321, 15
    TEST_IMM 57, srli, 0x00008765, 0x87654321, 16
    TEST_IMM 58, srli, 0x000043b2, 0x87654321, 17
    TEST_IMM 59, srli, 0x00000002, 0x87654321, 30
    TEST_IMM 60, srli, 0x00000001, 0x87654321, 31
    TEST_CASE 61
    li a1, 0x12345678
    srli x0, a1, 5
    CHECK x0, 0
    TEST_CASE 62
    srli a0, x0, 5
    CHECK a0, 0x00000000
    TEST_PASS
