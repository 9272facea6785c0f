/* mulhsu.S - mulhsu: high word of signed rs1 x unsigned rs2. */
#include "test.h"
TEST_MAIN
    TEST_RR 1, mulhsu, 0x00000000, 0x00000000, 0x00000000
    TEST_RR 2, mulhsu, 0x00000000, 0x00000000, 0x00000001
    TEST_RR 3, mulhsu, 0x00000000, 0x00000000, 0xffffffff
    TEST_RR 4, mulhsu, 0x00000000, 0x00000000, 0x7fffffff
    TEST_RR 5, mulhsu, 0x00000000, 0x00000000, 0x80000000
    TEST_RR 6, mulhsu, 0x00000000, 0x00000000, 0x12345678
    TEST_RR 7, mulhsu, 0x00000000, 0x00000000, 0x00000002
    TEST_RR 8, mulhsu, 0x00000000, 0x00000000, 0xfffffffe
    TEST_RR 9, mulhsu, 0x00000000, 0x00000001, 0x00000000
    TEST_RR 10, mulhsu, 0x00000000, 0x00000001, 0x00000001
    TEST_RR 11, mulhsu, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR 12, mulhsu, 0x00000000, 0x00000001, 0x7fffffff
    TEST_RR 13, mulhsu, 0x00000000, 0x00000001, 0x80000000
    TEST_RR 14, mulhsu, 0x00000000, 0x00000001, 0x12345678
    TEST_RR 15, mulhsu, 0x00000000, 0x00000001, 0x00000002
    TEST_RR 16, mulhsu, 0x00000000, 0x00000001, 0xfffffffe
    TEST_RR 17, mulhsu, 0x00000000, 0xffffffff, 0x00000000
    TEST_RR 18, mulhsu, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR 19, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_RR 20, mulhsu, 0xffffffff, 0xffffffff, 0x7fffffff
    TEST_RR 21, mulhsu, 0xffffffff, 0xffffffff, 0x80000000
    TEST_RR 22, mulhsu, 0xffffffff, 0xffffffff, 0x12345678
    TEST_RR 23, mulhsu, 0xffffffff, 0xffffffff, 0x00000002
    TEST_RR 24, mulhsu, 0xffffffff, 0xffffffff, 0xfffffffe
    TEST_RR 25, mulhsu, 0x00000000, 0x00000002, 0x00000000
    TEST_RR 26, mulhsu, 0x00000000, 0x00000002, 0x00000001
    TEST_RR 27, mulhsu, 0x00000001, 0x00000002, 0xffffffff
    TEST_RR 28, mulhsu, 0x00000000, 0x00000002, 0x7fffffff
    TEST_RR 29, mulhsu, 0x00000001, 0x00000002, 0x80000000
    TEST_RR 30, mulhsu, 0x00000000, 0x00000002, 0x12345678
    TEST_RR 31, mulhsu, 0x00000000, 0x00000002, 0x00000002
    TEST_RR 32, mulhsu, 0x00000001, 0x00000002, 0xfffffffe
    TEST_RR 33, mulhsu, 0x00000000, 0x7fffffff, 0x00000000
    TEST_RR 34, mulhsu, 0x00000000, 0x7fffffff, 0x00000001
    TEST_RR 35, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff
    TEST_RR 36, mulhsu, 0x3fffffff, 0x7fffffff, 0x7fffffff
    TEST_RR 37, mulhsu, 0x3fffffff, 0x7fffffff, 0x80000000
    TEST_RR 38, mulhsu, 0x091a2b3b, 0x7fffffff, 0x12345678
    TEST_RR 39, mulhsu, 0x00000000, 0x7fffffff, 0x00000002
    TEST_RR 40, mulhsu, 0x7ffffffe, 0x7fffffff, 0xfffffffe
    TEST_RR 41, mulhsu, 0x00000000, 0x80000000, 0x00000000
    TEST_RR 42, mulhsu, 0xffffffff, 0x80000000, 0x00000001
    TEST_RR 43, mulhsu, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR 44, mulhsu, 0xc0000000, 0x80000000, 0x7fffffff
    TEST_RR 45, mulhsu, 0xc0000000, 0x80000000, 0x80000000
    TEST_RR 46, mulhsu, 0xf6e5d4c4, 0x80000000, 0x12345678
    TEST_RR 47, mulhsu, 0xffffffff, 0x80000000, 0x00000002
    TEST_RR 48, mulhsu, 0x80000001, 0x80000000, 0xfffffffe
    TEST_RR 49, mulhsu, 0x00000000, 0x80000001, 0x00000000
    TEST_RR 50, mulhsu, 0xffffffff, 0x80000001, 0x00000001
    TEST_RR 51, mulhsu, 0x80000001, 0x80000001, 0xffffffff
    TEST_RR 52, mulhsu, 0xc0000000, 0x80000001, 0x7fffffff
    TEST_RR 53, mulhsu, 0xc0000000, 0x80000001, 0x80000000
    TEST_RR 54, mulhsu, 0xf6e5d4c4, 0x80000001, 0x12345678
    TEST_RR 55, mulhsu, 0xffffffff, 0x80000001, 0x00000002
    TEST_RR 56, mulhsu, 0x80000001, 0x80000001, 0xfffffffe
    TEST_RR 57, mulhsu, 0x00000000, 0xfffffffe, 0x00000000
    TEST_RR 58, mulhsu, 0xffffffff, 0xfffffffe, 0x00000001
    TEST_RR 59, mulhsu, 0xfffffffe, 0xfffffffe, 0xffffffff
    TEST_RR 60, mulhsu, 0xffffffff, 0xfffffffe, 0x7fffffff
    TEST_RR 61, mulhsu, 0xffffffff, 0xfffffffe, 0x80000000
    TEST_RR 62, mulhsu, 0xffffffff, 0xfffffffe, 0x12345678
    TEST_RR 63, mulhsu, 0xffffffff, 0xfffffffe, 0x00000002
    TEST_RR 64, mulhsu, 0xfffffffe, 0xfffffffe, 0xfffffffe
    TEST_RR 65, mulhsu, 0x00000000, 0x12345678, 0x00000000
    TEST_RR 66, mulhsu, 0x00000000, 0x12345678, 0x00000001
    TEST_RR 67, mulhsu, 0x12345677, 0x12345678, 0xffffffff
    TEST_RR 68, mulhsu, 0x091a2b3b, 0x12345678, 0x7fffffff
    TEST_RR 69, mulhsu, 0x091a2b3c, 0x12345678, 0x80000000
    TEST_RR 70, mulhsu, 0x014b66dc, 0x12345678, 0x12345678
    TEST_RR 71, mulhsu, 0x00000000, 0x12345678, 0x00000002
    TEST_RR 72, mulhsu, 0x12345677, 0x12345678, 0xfffffffe
    TEST_RR 73, mulhsu, 0x00000000, 0xfedcba98, 0x00000000
    TEST_RR 74, mulhsu, 0xffffffff, 0xfedcba98, 0x00000001
    TEST_RR 75, mulhsu, 0xfedcba98, 0xfedcba98, 0xffffffff
    TEST_RR 76, mulhsu, 0xff6e5d4c, 0xfedcba98, 0x7fffffff
    TEST_RR 77, mulhsu, 0xff6e5d4c, 0xfedcba98, 0x80000000
    TEST_RR 78, mulhsu, 0xffeb4992, 0xfedcba98, 0x12345678
    TEST_RR 79, mulhsu, 0xffffffff, 0xfedcba98, 0x00000002
    TEST_RR 80, mulhsu, 0xfedcba98, 0xfedcba98, 0xfffffffe
    TEST_RR 81, mulhsu, 0x00000000, 0x55555555, 0x00000000
    TEST_RR 82, mulhsu, 0x00000000, 0x55555555, 0x00000001
    TEST_RR 83, mulhsu, 0x55555554, 0x55555555, 0xffffffff
    TEST_RR 84, mulhsu, 0x2aaaaaaa, 0x55555555, 0x7fffffff
    TEST_RR 85, mulhsu, 0x2aaaaaaa, 0x55555555, 0x80000000
    TEST_RR 86, mulhsu, 0x06117227, 0x55555555, 0x12345678
    TEST_RR 87, mulhsu, 0x00000000, 0x55555555, 0x00000002
    TEST_RR 88, mulhsu, 0x55555554, 0x55555555, 0xfffffffe
    TEST_RR 89, mulhsu, 0x00000000, 0xaaaaaaaa, 0x00000000
    TEST_RR 90, mulhsu, 0xffffffff, 0xaaaaaaaa, 0x00000001
    TEST_RR 91, mulhsu, 0xaaaaaaaa, 0xaaaaaaaa, 0xffffffff
    TEST_RR 92, mulhsu, 0xd5555555, 0xaaaaaaaa, 0x7fffffff
    TEST_RR 93, mulhsu, 0xd5555555, 0xaaaaaaaa, 0x80000000
    TEST_RR 94, mulhsu, 0xf9ee8dd7, 0xaaaaaaaa, 0x12345678
    TEST_RR 95, mulhsu, 0xffffffff, 0xaaaaaaaa, 0x00000002
    TEST_RR 96, mulhsu, 0xaaaaaaaa, 0xaaaaaaaa, 0xfffffffe
    TEST_RR_SAME 97, mulhsu, 0x00000000, 0x00000000
    TEST_RR_SAME 98, mulhsu, 0x00000000, 0x00000001
    TEST_RR_SAME 99, mulhsu, 0xc0000000, 0x80000000
    TEST_RR_SAME 100, mulhsu, 0xffffffff, 0xffffffff
    TEST_RR_SAME 101, mulhsu, 0x014b66dc, 0x12345678
    TEST_RR_SAME 102, mulhsu, 0x00000000, 0x00000007
    TEST_CASE 103
    li a1, 0x12345678
    li a2, 0x0f0f0f0f
    mulhsu x0, a1, a2
    CHECK x0, 0
    TEST_CASE 104
    li a1, 0x12345678
    mulhsu a0, x0, a1
    CHECK a0, 0x00000000
    mulhsu a0, a1, x0
    CHECK a0, 0x00000000
    TEST_PASS
