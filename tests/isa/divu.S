/* divu.S - divu: unsigned division, division by zero (all ones). */
#include "test.h"
TEST_MAIN
    TEST_RR 1, divu, 0x00000003, 0x00000007, 0x00000002
    TEST_RR 2, divu, 0x7ffffffc, 0xfffffff9, 0x00000002
    TEST_RR 3, divu, 0x00000000, 0x00000007, 0xfffffffe
    TEST_RR 4, divu, 0x00000000, 0xfffffff9, 0xfffffffe
    TEST_RR 5, divu, 0x00000000, 0x00000000, 0x00000005
    TEST_RR 6, divu, 0xffffffff, 0x00000005, 0x00000000
    TEST_RR 7, divu, 0xffffffff, 0x00000000, 0x00000000
    TEST_RR 8, divu, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR 9, divu, 0xffffffff, 0x80000000, 0x00000000
    TEST_RR 10, divu, 0x00000000, 0x80000000, 0xffffffff
    TEST_RR 11, divu, 0x80000000, 0x80000000, 0x00000001
    TEST_RR 12, divu, 0x00000000, 0x7fffffff, 0xffffffff
    TEST_RR 13, divu, 0x40000000, 0x80000000, 0x00000002
    TEST_RR 14, divu, 0xffffffff, 0xffffffff, 0x00000001
    TEST_RR 15, divu, 0x00000001, 0xffffffff, 0xffffffff
    TEST_RR 16, divu, 0x0000000e, 0x00000064, 0x00000007
    TEST_RR 17, divu, 0x24924916, 0xffffff9c, 0x00000007
    TEST_RR 18, divu, 0x00000000, 0x00000064, 0xfffffff9
    TEST_RR 19, divu, 0x00010004, 0x12345678, 0x00001234
    TEST_RR 20, divu, 0x0fedcba9, 0xfedcba98, 0x00000010
    TEST_RR 21, divu, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR 22, divu, 0x00000000, 0x80000001, 0xffffffff
    TEST_RR 23, divu, 0x00000002, 0x00000006, 0x00000003
    TEST_RR 24, divu, 0x55555553, 0xfffffffa, 0x00000003
    TEST_RR 25, divu, 0x00000001, 0x00000005, 0x00000005
    TEST_RR 26, divu, 0x00000000, 0x00000003, 0x00000007
    TEST_RR 27, divu, 0x24924924, 0xfffffffd, 0x00000007
    TEST_RR_SAME 28, divu, 0xffffffff, 0x00000000
    TEST_RR_SAME 29, divu, 0x00000001, 0x00000001
    TEST_RR_SAME 30, divu, 0x00000001, 0x80000000
    TEST_RR_SAME 31, divu, 0x00000001, 0xffffffff
    TEST_RR_SAME 32, divu, 0x00000001, 0x12345678
    TEST_RR_SAME 33, divu, 0x00000001, 0x00000007
    TEST_CASE 34
    li a1, 0x12345678
    li a2, 0x0f0f0f0f
    divu x0, a1, a2
    CHECK x0, 0
    TEST_CASE 35
    li a1, 0x12345678
    divu a0, x0, a1
    CHECK a0, 0x00000000
    divu a0, a1, x0
    CHECK a0, 0xffffffff
    TEST_PASS
