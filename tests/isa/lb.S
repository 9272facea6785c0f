/* lb.S - lb (sign-extended byte) at every aligned offset, positive and negative displacements, rd = base, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    la a1, ld_data
    lb a0, 0(a1)
    CHECK a0, 0x00000001
    la a1, ld_end
    lb a0, -16(a1)
    CHECK a0, 0x00000001
    la a1, ld_data + 2048
    lb a0, -2048(a1)
    CHECK a0, 0x00000001
    la a1, ld_data + 0
    lb a1, 0(a1)
    CHECK a1, 0x00000001
    TEST_CASE 2
    la a1, ld_data
    lb a0, 1(a1)
    CHECK a0, 0xffffff82
    la a1, ld_end
    lb a0, -15(a1)
    CHECK a0, 0xffffff82
    la a1, ld_data + 2049
    lb a0, -2048(a1)
    CHECK a0, 0xffffff82
    la a1, ld_data + 1
    lb a1, 0(a1)
    CHECK a1, 0xffffff82
    TEST_CASE 3
    la a1, ld_data
    lb a0, 2(a1)
    CHECK a0, 0x0000007f
    la a1, ld_end
    lb a0, -14(a1)
    CHECK a0, 0x0000007f
    la a1, ld_data + 2050
    lb a0, -2048(a1)
    CHECK a0, 0x0000007f
    la a1, ld_data + 2
    lb a1, 0(a1)
    CHECK a1, 0x0000007f
    TEST_CASE 4
    la a1, ld_data
    lb a0, 3(a1)
    CHECK a0, 0xffffffff
    la a1, ld_end
    lb a0, -13(a1)
    CHECK a0, 0xffffffff
    la a1, ld_data + 2051
    lb a0, -2048(a1)
    CHECK a0, 0xffffffff
    la a1, ld_data + 3
    lb a1, 0(a1)
    CHECK a1, 0xffffffff
    TEST_CASE 5
    la a1, ld_data
    lb a0, 4(a1)
    CHECK a0, 0xffffff80
    la a1, ld_end
    lb a0, -12(a1)
    CHECK a0, 0xffffff80
    la a1, ld_data + 2052
    lb a0, -2048(a1)
    CHECK a0, 0xffffff80
    la a1, ld_data + 4
    lb a1, 0(a1)
    CHECK a1, 0xffffff80
    TEST_CASE 6
    la a1, ld_data
    lb a0, 5(a1)
    CHECK a0, 0x00000000
    la a1, ld_end
    lb a0, -11(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 2053
    lb a0, -2048(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 5
    lb a1, 0(a1)
    CHECK a1, 0x00000000
    TEST_CASE 7
    la a1, ld_data
    lb a0, 6(a1)
    CHECK a0, 0x00000034
    la a1, ld_end
    lb a0, -10(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 2054
    lb a0, -2048(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 6
    lb a1, 0(a1)
    CHECK a1, 0x00000034
    TEST_CASE 8
    la a1, ld_data
    lb a0, 7(a1)
    CHECK a0, 0x00000012
    la a1, ld_end
    lb a0, -9(a1)
    CHECK a0, 0x00000012
    la a1, ld_data + 2055
    lb a0, -2048(a1)
    CHECK a0, 0x00000012
    la a1, ld_data + 7
    lb a1, 0(a1)
    CHECK a1, 0x00000012
    TEST_CASE 9
    la a1, ld_data
    lb a0, 8(a1)
    CHECK a0, 0xffffffff
    la a1, ld_end
    lb a0, -8(a1)
    CHECK a0, 0xffffffff
    la a1, ld_data + 2056
    lb a0, -2048(a1)
    CHECK a0, 0xffffffff
    la a1, ld_data + 8
    lb a1, 0(a1)
    CHECK a1, 0xffffffff
    TEST_CASE 10
    la a1, ld_data
    lb a0, 9(a1)
    CHECK a0, 0xffffffff
    la a1, ld_end
    lb a0, -7(a1)
    CHECK a0, 0xffffffff
    la a1, ld_data + 2057
    lb a0, -2048(a1)
    CHECK a0, 0xffffffff
    la a1, ld_data + 9
    lb a1, 0(a1)
    CHECK a1, 0xffffffff
    TEST_CASE 11
    la a1, ld_data
    lb a0, 10(a1)
    CHECK a0, 0x00000000
    la a1, ld_end
    lb a0, -6(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 2058
    lb a0, -2048(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 10
    lb a1, 0(a1)
    CHECK a1, 0x00000000
    TEST_CASE 12
    la a1, ld_data
    lb a0, 11(a1)
    CHECK a0, 0xffffff80
    la a1, ld_end
    lb a0, -5(a1)
    CHECK a0, 0xffffff80
    la a1, ld_data + 2059
    lb a0, -2048(a1)
    CHECK a0, 0xffffff80
    la a1, ld_data + 11
    lb a1, 0(a1)
    CHECK a1, 0xffffff80
    TEST_CASE 13
    la a1, ld_data
    lb a0, 12(a1)
    CHECK a0, 0x00000078
    la a1, ld_end
    lb a0, -4(a1)
    CHECK a0, 0x00000078
    la a1, ld_data + 2060
    lb a0, -2048(a1)
    CHECK a0, 0x00000078
    la a1, ld_data + 12
    lb a1, 0(a1)
    CHECK a1, 0x00000078
    TEST_CASE 14
    la a1, ld_data
    lb a0, 13(a1)
    CHECK a0, 0x00000056
    la a1, ld_end
    lb a0, -3(a1)
    CHECK a0, 0x00000056
    la a1, ld_data + 2061
    lb a0, -2048(a1)
    CHECK a0, 0x00000056
    la a1, ld_data + 13
    lb a1, 0(a1)
    CHECK a1, 0x00000056
    TEST_CASE 15
    la a1, ld_data
    lb a0, 14(a1)
    CHECK a0, 0x00000034
    la a1, ld_end
    lb a0, -2(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 2062
    lb a0, -2048(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 14
    lb a1, 0(a1)
    CHECK a1, 0x00000034
    TEST_CASE 16
    la a1, ld_data
    lb a0, 15(a1)
    CHECK a0, 0xffffff92
    la a1, ld_end
    lb a0, -1(a1)
    CHECK a0, 0xffffff92
    la a1, ld_data + 2063
    lb a0, -2048(a1)
    CHECK a0, 0xffffff92
    la a1, ld_data + 15
    lb a1, 0(a1)
    CHECK a1, 0xffffff92
    TEST_CASE 17
    la a1, ld_data + 4
    lb x0, 0(a1)
    CHECK x0, 0
    TEST_CASE 18
    la a1, ld_data - 2044
    lb a0, 2044(a1)
    CHECK a0, 0x00000001
    TEST_PASS
    .data
    .balign 16
ld_data:
    .byte 0x01, 0x82, 0x7f, 0xff, 0x80, 0x00, 0x34, 0x12, 0xff, 0xff, 0x00, 0x80, 0x78, 0x56, 0x34, 0x92
ld_end:

