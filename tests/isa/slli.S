/* slli.S - slli: shift amounts 0..31 of positive and negative values; rd aliasing, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_IMM 1, slli, 0x00000001, 0x00000001, 0
    TEST_IMM 2, slli, 0x00000002, 0x00000001, 1
    TEST_IMM 3, slli, 0x00000004, 0x00000001, 2
    TEST_IMM 4, slli, 0x00000080, 0x00000001, 7
    TEST_IMM 5, slli, 0x00000100, 0x00000001, 8
    TEST_IMM 6, slli, 0x00008000, 0x00000001, 15
    TEST_IMM 7, slli, 0x00010000, 0x00000001, 16
    TEST_IMM 8, slli, 0x00020000, 0x00000001, 17
    TEST_IMM 9, slli, 0x40000000, 0x00000001, 30
    TEST_IMM 10, slli, 0x80000000, 0x00000001, 31
    TEST_IMM 11, slli, 0x80000000, 0x80000000, 0
    TEST_IMM 12, slli, 0x00000000, 0x80000000, 1
    TEST_IMM 13, slli, 0x00000000, 0x80000000, 2
    TEST_IMM 14, slli, 0x00000000, 0x80000000, 7
    TEST_IMM 15, slli, 0x00000000, 0x80000000, 8
    TEST_IMM 16, slli, 0x00000000, 0x80000000, 15
    TEST_IMM 17, slli, 0x00000000, 0x80000000, 16
    TEST_IMM 18, slli, 0x00000000, 0x80000000, 17
    TEST_IMM 19, slli, 0x00000000, 0x80000000, 30
    TEST_IMM 20, slli, 0x00000000, 0x80000000, 31
    TEST_IMM 21, slli, 0x7fffffff, 0x7fffffff, 0
    TEST_IMM 22, slli, 0xfffffffe, 0x7fffffff, 1
    TEST_IMM 23, slli, 0xfffffffc, 0x7fffffff, 2
    TEST_IMM 24, slli, 0xffffff80, 0x7fffffff, 7
    TEST_IMM 25, slli, 0xffffff00, 0x7fffffff, 8
    TEST_IMM 26, slli, 0xffff8000, 0x7fffffff, 15
    TEST_IMM 27, slli, 0xffff0000, 0x7fffffff, 16
    TEST_IMM 28, slli, 0xfffe0000, 0x7fffffff, 17
    TEST_IMM 29, slli, 0xc0000000, 0x7fffffff, 30
    TEST_IMM 30, slli, 0x80000000, 0x7fffffff, 31
    TEST_IMM 31, slli, 0xffffffff, 0xffffffff, 0
    TEST_IMM 32, slli, 0xfffffffe, 0xffffffff, 1
    TEST_IMM 33, slli, 0xfffffffc, 0xffffffff, 2
    TEST_IMM 34, slli, 0xffffff80, 0xffffffff, 7
    TEST_IMM 35, slli, 0xffffff00, 0xffffffff, 8
    TEST_IMM 36, slli, 0xffff8000, 0xffffffff, 15
    TEST_IMM 37, slli, 0xffff0000, 0xffffffff, 16
    TEST_IMM 38, slli, 0xfffe0000, 0xffffffff, 17
    TEST_IMM 39, slli, 0xc0000000, 0xffffffff, 30
    TEST_IMM 40, slli, 0x80000000, 0xffffffff, 31
    TEST_IMM 41, slli, 0x12345678, 0x12345678, 0
    TEST_IMM 42, slli, 0x2468acf0, 0x12345678, 1
    TEST_IMM 43, slli, 0x48d159e0, 0x12345678, 2
    TEST_IMM 44, slli, 0x1a2b3c00, 0x12345678, 7
    TEST_IMM 45, slli, 0x34567800, 0x12345678, 8
    TEST_IMM 46, slli, 0x2b3c0000, 0x12345678, 15
    TEST_IMM 47, slli, 0x56780000, 0x12345678, 16
    TEST_IMM 48, slli, 0xacf00000, 0x12345678, 17
    TEST_IMM 49, slli, 0x00000000, 0x12345678, 30
    TEST_IMM 50, slli, 0x00000000, 0x12345678, 31
    TEST_IMM 51, slli, 0x87654321, 0x87654321, 0
    TEST_IMM 52, slli, 0x0eca8642, 0x87654321, 1
    TEST_IMM 53, slli, 0x1d950c84, 0x87654321, 2
    TEST_IMM 54, slli, 0xb2a19080, 0x87654321, 7
    TEST_IMM 55, slli, 0x65432100, 0x87654321, 8
    TEST_IMM 56, slli, 0xa1908000, 0x87654321, 15
    TEST_IMM 57, slli, 0x43210000, 0x87654321, 16
    TEST_IMM 58, slli, 0x86420000, 0x87654321, 17
    TEST_IMM 59, slli, 0x40000000, 0x87654321, 30
    TEST_IMM 60, slli, 0x80000000, 0x87654321, 31
    TEST_CASE 61
    li a1, 0x12345678
    slli x0, a1, 5
    CHECK x0, 0
    TEST_CASE 62
    slli a0, x0, 5
    CHECK a0, 0x00000000
    TEST_PASS
