/* srai.S - srai: shift amounts 0..31 of positive and negative values; rd aliasing, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_IMM 1, srai, 0x00000001, 0x00000001, 0
    TEST_IMM 2, srai, 0x00000000, 0x00000001, 1
    TEST_IMM 3, srai, 0x00000000, 0x00000001, 2
    TEST_IMM 4, srai, 0x00000000, 0x00000001, 7
    TEST_IMM 5, srai, 0x00000000, 0x00000001, 8
    TEST_IMM 6, srai, 0x00000000, 0x00000001, 15
    TEST_IMM 7, srai, 0x00000000, 0x00000001, 16
    TEST_IMM 8, srai, 0x00000000, 0x00000001, 17
    TEST_IMM 9, srai, 0x00000000, 0x00000001, 30
    TEST_IMM 10, srai, 0x00000000, 0x00000001, 31
    TEST_IMM 11, srai, 0x80000000, 0x80000000, 0
    TEST_IMM 12, srai, 0xc0000000, 0x80000000, 1
    TEST_IMM 13, srai, 0xe0000000, 0x80000000, 2
    TEST_IMM 14, srai, 0xff000000, 0x80000000, 7
    TEST_IMM 15, srai, 0xff800000, 0x80000000, 8
    TEST_IMM 16, srai, 0xffff0000, 0x80000000, 15
    TEST_IMM 17, srai, 0xffff8000, 0x80000000, 16
    TEST_IMM 18, srai, 0xffffc000, 0x80000000, 17
    TEST_IMM 19, srai, 0xfffffffe, 0x80000000, 30
    TEST_IMM 20, srai, 0xffffffff, 0x80000000, 31
    TEST_IMM 21, srai, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM 22, srai, 0x3fffffff, 0x7fffffff, 1
    TEST_IMM 23, srai, 0x1fffffff, 0x7fffffff, 2
    TEST_IMM 24, srai, 0x00ffffff, 0x7fffffff, 7
    TEST_IMM 25, srai, 0x007fffff, 0x7fffffff, 8
    TEST_IMM 26, srai, 0x0000ffff, 0x7fffffff, 15
    TEST_IMM 27, srai, 0x00007fff, 0x7fffffff, 16
    TEST_IMM 28, srai, 0x00003fff, 0x7fffffff, 17
    TEST_IMM 29, srai, 0x00000001, 0x7fffffff, 30
    TEST_IMM 30, srai, 0x00000000, 0x7fffffff, 31
    TEST_IMM 31, srai, 0xffffffff, 0xffffffff, 0
    TEST_IMM 32, srai, 0xffffffff, 0xffffffff, 1
    TEST_IMM 33, srai, 0xffffffff, 0xffffffff, 2
    TEST_IMM 34, srai, 0xffffffff, 0xffffffff, 7
    TEST_IMM 35, srai, 0xffffffff, 0xffffffff, 8
    TEST_IMM 36, srai, 0xffffffff, 0xffffffff, 15
    TEST_IMM 37, srai, 0xffffffff, 0xffffffff, 16
    TEST_IMM 38, srai, 0xffffffff, 0xffffffff, 17
    TEST_IMM 39, srai, 0xffffffff, 0xffffffff, 30
    TEST_IMM 40, srai, 0xffffffff, 0xffffffff, 31
    TEST_IMM 41, srai, 0x12345678, 0x12345678, 0
    TEST_IMM 42, srai, 0x091a2b3c, 0x12345678, 1
    TEST_IMM 43, srai, 0x048d159e, 0x12345678, 2
    TEST_IMM 44, srai, 0x002468ac, 0x12345678, 7
    TEST_IMM 45, srai, 0x00123456, 0x12345678, 8
    TEST_IMM 46, srai, 0x00002468, 0x12345678, 15
    TEST_IMM 47, srai, 0x00001234, 0x12345678, 16
    TEST_IMM 48, srai, 0x0000091a, 0x12345678, 17
    TEST_IMM 49, srai, 0x00000000, 0x12345678, 30
    TEST_IMM 50, srai, 0x00000000, 0x12345678, 31
    TEST_IMM 51, srai, 0x87654321, 0x87654321, 0
    TEST_IMM 52, srai, 0xc3b2a190, 0x87654321, 1
    TEST_IMM 53, srai, 0xe1d950c8, 0x87654321, 2
    TEST_IMM 54, srai, 0xff0eca86, 0x87654321, 7
    TEST_IMM 55, srai, 0xff876543, 0x87654321, 8
    TEST_IMM 56, srai, 0xffff0eca, 0x87654321, 15
    TEST_IMM 57, srai, 0xffff8765, 0x87654321, 16
    TEST_IMM 58, srai, 0xffffc3b2, 0x87654321, 17
    TEST_IMM 59, srai, 0xfffffffe, 0x87654321, 30
    TEST_IMM 60, srai, 0xffffffff, 0x87654321, 31
    TEST_CASE 61
    li a1, 0x12345678
    srai x0, a1, 5
    CHECK x0, 0
    TEST_CASE 62
    srai a0, x0, 5
    CHECK a0, 0x00000000
    TEST_PASS
