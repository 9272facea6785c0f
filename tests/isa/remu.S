/* remu.S - remu: unsigned remainder, by zero (dividend). */
#include "test.h"
TEST_MAIN
    TEST_RR 1, remu, 0x00000001, 0x00000007, 0x00000002
    TEST_RR 2, remu, 0x00000001, 0xfffffff9, 0x00000002
    TEST_RR 3, remu, 0x00000007, 0x00000007, 0xfffffffe
    TEST_RR 4, remu, 0xfffffff9, 0xfffffff9, 0xfffffffe
    TEST_RR 5, remu, 0x00000000, 0x00000000, 0x00000005
    TEST_RR 6, remu, 0x00000005, 0x00000005, 0x00000000
    TEST_RR 7, remu, 0x00000000, 0x00000000, 0x00000000
    TEST_RR 8, remu, 0xffffffff, 0xffffffff, 0x00000000
    TEST_RR 9, remu, 0x80000000, 0x80000000, 0x00000000
    TEST_RR 10, remu, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR 11, remu, 0x00000000, 0x80000000, 0x00000001
    TEST_RR 12, remu, 0x7fffffff, 0x7fffffff, 0xffffffff
    TEST_RR 13, remu, 0x00000000, 0x80000000, 0x00000002
    TEST_RR 14, remu, 0x00000000, 0xffffffff, 0x00000001
    TEST_RR 15, remu, 0x00000000, 0xffffffff, 0xffffffff
    TEST_RR 16, remu, 0x00000002, 0x00000064, 0x00000007
    TEST_RR 17, remu, 0x00000002, 0xffffff9c, 0x00000007
    TEST_RR 18, remu, 0x00000064, 0x00000064, 0xfffffff9
    TEST_RR 19, remu, 0x00000da8, 0x12345678, 0x00001234
    TEST_RR 20, remu, 0x00000008, 0xfedcba98, 0x00000010
    TEST_RR 21, remu, 0x00000001, 0x00000001, 0xffffffff
    TEST_RR 22, remu, 0x80000001, 0x80000001, 0xffffffff
    TEST_RR 23, remu, 0x00000000, 0x00000006, 0x00000003
    TEST_RR 24, remu, 0x00000001, 0xfffffffa, 0x00000003
    TEST_RR 25, remu, 0x00000000, 0x00000005, 0x00000005
    TEST_RR 26, remu, 0x00000003, 0x00000003, 0x00000007
    TEST_RR 27, remu, 0x00000001, 0xfffffffd, 0x00000007
    TEST_RR_SAME 28, remu, 0x00000000, 0x00000000
    TEST_RR_SAME 29, remu, 0x00000000, 0x00000001
    TEST_RR_SAME 30, remu, 0x00000000, 0x80000000
    TEST_RR_SAME 31, remu, 0x00000000, 0xffffffff
    TEST_RR_SAME 32, remu, 0x00000000, 0x12345678
    TEST_RR_SAME 33, remu, 0x00000000, 0x00000007
    TEST_CASE 34
    li a1, 0x12345678
    li a2, 0x0f0f0f0f
    remu x0, a1, a2
    CHECK x0, 0
    TEST_CASE 35
    li a1, 0x12345678
    remu a0, x0, a1
    CHECK a0, 0x00000000
    remu a0, a1, x0
    CHECK a0, 0x12345678
    TEST_PASS
