/* div.S - div: signed division, rounding toward zero, division by zero (-1) and overflow (-2^31 / -1 = -2^31). */
#include "test.h"
TEST_MAIN
    TEST_RR 1, div, 0x00000003, 0x00000007, 0x00000002
    TEST_RR 2, div, 0xfffffffd, 0xfffffff9, 0x00000002
    TEST_RR 3, div, 0xfffffffd, 0x00000007, 0xfffffffe
    TEST_RR 4, div, 0x00000003, 0xfffffff9, 0xfffffffe
    TEST_RR 5, div, 0x00000000, 0x00000000, 0x00000005
    TEST_RR 6, div, 0xffffffff, 0x00000005, 0x00000000
    TEST_RR 7, div, 0xffffffff, 0x00000000, 0x00000000
    TEST_RR 8, div, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR 9, div, 0xffffffff, 0x80000000, 0x00000000
    TEST_RR 10, div, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR 11, div, 0x80000000, 0x80000000, 0x00000001
    TEST_RR 12, div, 0x80000001, 0x7fffffff, 0xffffffff
    TEST_RR 13, div, 0xc0000000, 0x80000000, 0x00000002
    TEST_RR 14, div, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR 15, div, 0x00000001, 0xffffffff, 0xffffffff
    TEST_RR 16, div, 0x0000000e, 0x00000064, 0x00000007
    TEST_RR 17, div, 0xfffffff2, 0xffffff9c, 0x00000007
    TEST_RR 18, div, 0xfffffff2, 0x00000064, 0xfffffff9
    TEST_RR 19, div, 0x00010004, 0x12345678, 0x00001234
    TEST_RR 20, div, 0xffedcbaa, 0xfedcba98, 0x00000010
    TEST_RR 21, div, 0xffffffff, 0x00000001, 0xffffffff
    TEST_RR 22, div, 0x7fffffff, 0x80000001, 0xffffffff
    TEST_RR 23, div, 0x00000002, 0x00000006, 0x00000003
    TEST_RR 24, div, 0xfffffffe, 0xfffffffa, 0x00000003
    TEST_RR 25, div, 0x00000001, 0x00000005, 0x00000005
    TEST_RR 26, div, 0x00000000, 0x00000003, 0x00000007
    TEST_RR 27, div, 0x00000000, 0xfffffffd, 0x00000007
    TEST_RR_SAME 28, div, 0xffffffff, 0x00000000
    TEST_RR_SAME 29, div, 0x00000001, 0x00000001
    TEST_RR_SAME 30, div, 0x00000001, 0x80000000
    TEST_RR_SAME 31, div, 0x00000001, 0xffffffff
    TEST_RR_SAME 32, div, 0x00000001, 0x12345678
    TEST_RR_SAME 33, div, 0x00000001, 0x00000007
    TEST_CASE 34
    li a1, 0x12345678
    li a2, 0x0f0f0f0f
    div x0, a1, a2
    CHECK x0, 0
    TEST_CASE 35
    li a1, 0x12345678
    div a0, x0, a1
    CHECK a0, 0x00000000
    div a0, a1, x0
    CHECK a0, 0xffffffff
    TEST_PASS
