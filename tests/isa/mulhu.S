/* mulhu.S - mulhu: high word of unsigned x unsigned. */
#include "test.h"
TEST_MAIN
    TEST_RR 1, mulhu, 0x00000000, 0x00000000, 0x00000000
    TEST_RR 2, mulhu, 0x00000000, 0x00000000, 0x00000001
    TEST_RR 3, mulhu, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR 4, mulhu, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR 5, mulhu, 0x00000000, 0x00000000, 0x80000000
    TEST_RR 6, mulhu, 0x00000000, 0x00000000, 0x12345678
    TEST_RR 7, mulhu, 0x00000000, 0x00000000, 0x00000002
    TEST_RR 8, mulhu, 0x00000000, 0x00000000, 0xfffffffe
    TEST_RR 9, mulhu, 0x00000000, 0x00000001, 0x00000000
    TEST_RR 10, mulhu, 0x00000000, 0x00000001, 0x00000001
    TEST_RR 11, mulhu, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR 12, mulhu, 0x00000000, 0x00000001, 0x7fffffff
    TEST_RR 13, mulhu, 0x00000000, 0x00000001, 0x80000000
    TEST_RR 14, mulhu, 0x00000000, 0x00000001, 0x12345678
    TEST_RR 15, mulhu, 0x00000000, 0x00000001, 0x00000002
    TEST_RR 16, mulhu, 0x00000000, 0x00000001, 0xfffffffe
    TEST_RR 17, mulhu, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR 18, mulhu, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR 19, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff
    TEST_RR 20, mulhu, 0x7ffffffe, 0xffffffff, 0x7fffffff
    TEST_RR 21, mulhu, 0x7fffffff, 0xffffffff, 0x80000000
    TEST_RR 22, mulhu, 0x12345677, 0xffffffff, 0x12345678
    TEST_RR 23, mulhu, 0x00000001, 0xffffffff, 0x00000002
    TEST_RR 24, mulhu, 0xfffffffd, 0xffffffff, 0xfffffffe
    TEST_RR 25, mulhu, 0x00000000, 0x00000002, 0x00000000
    TEST_RR 26, mulhu, 0x00000000, 0x00000002, 0x00000001
    TEST_RR 27, mulhu, 0x00000001, 0x00000002, 0xffffffff
    TEST_RR 28, mulhu, 0x00000000, 0x00000002, 0x7fffffff
    TEST_RR 29, mulhu, 0x00000001, 0x00000002, 0x80000000
    TEST_RR 30, mulhu, 0x00000000, 0x00000002, 0x12345678
    TEST_RR 31, mulhu, 0x00000000, 0x00000002, 0x00000002
    TEST_RR 32, mulhu, 0x00000001, 0x00000002, 0xfffffffe
    TEST_RR 33, mulhu, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR 34, mulhu, 0x00000000, 0x7fffffff, 0x00000001
    TEST_RR 35, mulhu, 0x7ffffffe, 0x7fffffff, 0xffffffff
    TEST_RR 36, mulhu, 0x3fffffff, 0x7fffffff, 0x7fffffff
    TEST_RR 37, mulhu, 0x3fffffff, 0x7fffffff, 0x80000000
    TEST_RR 38, mulhu, 0x091a2b3b, 0x7fffffff, 0x12345678
    TEST_RR 39, mulhu, 0x00000000, 0x7fffffff, 0x00000002
    TEST_RR 40, mulhu, 0x7ffffffe, 0x7fffffff, 0xfffffffe
    TEST_RR 41, mulhu, 0x00000000, 0x80000000, 0x00000000
    TEST_RR 42, mulhu, 0x00000000, 0x80000000, 0x00000001
    TEST_RR 43, mulhu, 0x7fffffff, 0x80000000, 0xffffffff
    TEST_RR 44, mulhu, 0x3fffffff, 0x80000000, 0x7fffffff
    TEST_RR 45, mulhu, 0x40000000, 0x80000000, 0x80000000
    TEST_RR 46, mulhu, 0x091a2b3c, 0x80000000, 0x12345678
    TEST_RR 47, mulhu, 0x00000001, 0x80000000, 0x00000002
    TEST_RR 48, mulhu, 0x7fffffff, 0x80000000, 0xfffffffe
    TEST_RR 49, mulhu, 0x00000000, 0x80000001, 0x00000000
    TEST_RR 50, mulhu, 0x00000000, 0x80000001, 0x00000001
    TEST_RR 51, mulhu, 0x80000000, 0x80000001, 0xffffffff
    TEST_RR 52, mulhu, 0x3fffffff, 0x80000001, 0x7fffffff
    TEST_RR 53, mulhu, 0x40000000, 0x80000001, 0x80000000
    TEST_RR 54, mulhu, 0x091a2b3c, 0x80000001, 0x12345678
    TEST_RR 55, mulhu, 0x00000001, 0x80000001, 0x00000002
    TEST_RR 56, mulhu, 0x7fffffff, 0x80000001, 0xfffffffe
    TEST_RR 57, mulhu, 0x00000000, 0xfffffffe, 0x00000000
    TEST_RR 58, mulhu, 0x00000000, 0xfffffffe, 0x00000001
    TEST_RR 59, mulhu, 0xfffffffd, 0xfffffffe, 0xffffffff
    TEST_RR 60, mulhu, 0x7ffffffe, 0xfffffffe, 0x7fffffff
    TEST_RR 61, mulhu, 0x7fffffff, 0xfffffffe, 0x80000000
    TEST_RR 62, mulhu, 0x12345677, 0xfffffffe, 0x12345678
    TEST_RR 63, mulhu, 0x00000001, 0xfffffffe, 0x00000002
    TEST_RR 64, mulhu, 0xfffffffc, 0xfffffffe, 0xfffffffe
    TEST_RR 65, mulhu, 0x00000000, 0x12345678, 0x00000000
    TEST_RR 66, mulhu, 0x00000000, 0x12345678, 0x00000001
    TEST_RR 67, mulhu, 0x12345677, 0x12345678, 0xffffffff
    TEST_RR 68, mulhu, 0x091a2b3b, 0x12345678, 0x7fffffff
    TEST_RR 69, mulhu, 0x091a2b3c, 0x12345678, 0x80000000
    TEST_RR 70, mulhu, 0x014b66dc, 0x12345678, 0x12345678
    TEST_RR 71, mulhu, 0x00000000, 0x12345678, 0x00000002
    TEST_RR 72, mulhu, 0x12345677, 0x12345678, 0xfffffffe
    TEST_RR 73, mulhu, 0x00000000, 0xfedcba98, 0x00000000
    TEST_RR 74, mulhu, 0x00000000, 0xfedcba98, 0x00000001
    TEST_RR 75, mulhu, 0xfedcba97, 0xfedcba98, 0xffffffff
    TEST_RR 76, mulhu, 0x7f6e5d4b, 0xfedcba98, 0x7fffffff
    TEST_RR 77, mulhu, 0x7f6e5d4c, 0xfedcba98, 0x80000000
    TEST_RR 78, mulhu, 0x121fa00a, 0xfedcba98, 0x12345678
    TEST_RR 79, mulhu, 0x00000001, 0xfedcba98, 0x00000002
    TEST_RR 80, mulhu, 0xfedcba96, 0xfedcba98, 0xfffffffe
    TEST_RR 81, mulhu, 0x00000000, 0x55555555, 0x00000000
    TEST_RR 82, mulhu, 0x00000000, 0x55555555, 0x00000001
    TEST_RR 83, mulhu, 0x55555554, 0x55555555, 0xffffffff
    TEST_RR 84, mulhu, 0x2aaaaaaa, 0x55555555, 0x7fffffff
    TEST_RR 85, mulhu, 0x2aaaaaaa, 0x55555555, 0x80000000
    TEST_RR 86, mulhu, 0x06117227, 0x55555555, 0x12345678
    TEST_RR 87, mulhu, 0x00000000, 0x55555555, 0x00000002
    TEST_RR 88, mulhu, 0x55555554, 0x55555555, 0xfffffffe
    TEST_RR 89, mulhu, 0x00000000, 0xaaaaaaaa, 0x00000000
    TEST_RR 90, mulhu, 0x00000000, 0xaaaaaaaa, 0x00000001
    TEST_RR 91, mulhu, 0xaaaaaaa9, 0xaaaaaaaa, 0xffffffff
    TEST_RR 92, mulhu, 0x55555554, 0xaaaaaaaa, 0x7fffffff
    TEST_RR 93, mulhu, 0x55555555, 0xaaaaaaaa, 0x80000000
    TEST_RR 94, mulhu, 0x0c22e44f, 0xaaaaaaaa, 0x12345678
    TEST_RR 95, mulhu, 0x00000001, 0xaaaaaaaa, 0x00000002
    TEST_RR 96, mulhu, 0xaaaaaaa8, 0xaaaaaaaa, 0xfffffffe
    TEST_RR_SAME 97, mulhu, 0x00000000, 0x00000000
    TEST_RR_SAME 98, mulhu, 0x00000000, 0x00000001
    TEST_RR_SAME 99, mulhu, 0x40000000, 0x80000000
    TEST_RR_SAME 100, mulhu, 0xfffffffe, 0xffffffff
    TEST_RR_SAME 101, mulhu, 0x014b66dc, 0x12345678
    TEST_RR_SAME 102, mulhu, 0x00000000, 0x00000007
    TEST_CASE 103
    li a1, 0x12345678
    li a2, 0x0f0f0f0f
    mulhu x0, a1, a2
    CHECK x0, 0
    TEST_CASE 104
    li a1, 0x12345678
    mulhu a0, x0, a1
    CHECK a0, 0x00000000
    mulhu a0, a1, x0
    CHECK a0, 0x00000000
    TEST_PASS
