/* rem.S - rem: signed remainder (sign of the dividend), by zero (dividend), overflow (0). */
#include "test.h"
TEST_MAIN
    TEST_RR 1, rem, 0x00000001, 0x00000007, 0x00000002
    TEST_RR 2, rem, 0xffffffff, 0xfffffff9, 0x00000002
    TEST_RR 3, rem, 0x00000001, 0x00000007, 0xfffffffe
    TEST_RR 4, rem, 0xffffffff, 0xfffffff9, 0xfffffffe
    TEST_RR 5, rem, 0x00000000, 0x00000000, 0x00000005
    TEST_RR 6, rem, 0x00000005, 0x00000005, 0x00000000
    TEST_RR 7, rem, 0x00000000, 0x00000000, 0x00000000
    TEST_RR 8, rem, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR 9, rem, 0x80000000, 0x80000000, 0x00000000
    TEST_RR 10, rem, 0x00000000, 0x80000000, 0xffffffff
    TEST_RR 11, rem, 0x00000000, 0x80000000, 0x00000001
    TEST_RR 12, rem, 0x00000000, 0x7fffffff, 0xffffffff
    TEST_RR 13, rem, 0x00000000, 0x80000000, 0x00000002
    TEST_RR 14, rem, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR 15, rem, 0x00000000, 0xffffffff, 0xffffffff
    TEST_RR 16, rem, 0x00000002, 0x00000064, 0x00000007
    TEST_RR 17, rem, 0xfffffffe, 0xffffff9c, 0x00000007
    TEST_RR 18, rem, 0x00000002, 0x00000064, 0xfffffff9
    TEST_RR 19, rem, 0x00000da8, 0x12345678, 0x00001234
    TEST_RR 20, rem, 0xfffffff8, 0xfedcba98, 0x00000010
    TEST_RR 21, rem, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR 22, rem, 0x00000000, 0x80000001, 0xffffffff
    TEST_RR 23, rem, 0x00000000, 0x00000006, 0x00000003
    TEST_RR 24, rem, 0x00000000, 0xfffffffa, 0x00000003
    TEST_RR 25, rem, 0x00000000, 0x00000005, 0x00000005
    TEST_RR 26, rem, 0x00000003, 0x00000003, 0x00000007
    TEST_RR 27, rem, 0xfffffffd, 0xfffffffd, 0x00000007
    TEST_RR_SAME 28, rem, 0x00000000, 0x00000000
    TEST_RR_SAME 29, rem, 0x00000000, 0x00000001
    TEST_RR_SAME 30, rem, 0x00000000, 0x80000000
    TEST_RR_SAME 31, rem, 0x00000000, 0xffffffff
    TEST_RR_SAME 32, rem, 0x00000000, 0x12345678
    TEST_RR_SAME 33, rem, 0x00000000, 0x00000007
    TEST_CASE 34
    li a1, 0x12345678
    li a2, 0x0f0f0f0f
    rem x0, a1, a2
    CHECK x0, 0
    TEST_CASE 35
    li a1, 0x12345678
    rem a0, x0, a1
    CHECK a0, 0x00000000
    rem a0, a1, x0
    CHECK a0, 0x12345678
    TEST_PASS
