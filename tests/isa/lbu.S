/* lbu.S - lbu (zero-extended byte) at every aligned offset, positive and negative displacements, rd = base, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    la a1, ld_data
    lbu a0, 0(a1)
    CHECK a0, 0x00000001
    la a1, ld_end
    lbu a0, -16(a1)
    CHECK a0, 0x00000001
    la a1, ld_data + 2048
    lbu a0, -2048(a1)
    CHECK a0, 0x00000001
    la a1, ld_data + 0
    lbu a1, 0(a1)
    CHECK a1, 0x00000001
    TEST_CASE 2
    la a1, ld_data
    lbu a0, 1(a1)
    CHECK a0, 0x00000082
    la a1, ld_end
    lbu a0, -15(a1)
    CHECK a0, 0x00000082
    la a1, ld_data + 2049
    lbu a0, -2048(a1)
    CHECK a0, 0x00000082
    la a1, ld_data + 1
    lbu a1, 0(a1)
    CHECK a1, 0x00000082
    TEST_CASE 3
    la a1, ld_data
    lbu a0, 2(a1)
    CHECK a0, 0x0000007f
    la a1, ld_end
    lbu a0, -14(a1)
    CHECK a0, 0x0000007f
    la a1, ld_data + 2050
    lbu a0, -2048(a1)
    CHECK a0, 0x0000007f
    la a1, ld_data + 2
    lbu a1, 0(a1)
    CHECK a1, 0x0000007f
    TEST_CASE 4
    la a1, ld_data
    lbu a0, 3(a1)
    CHECK a0, 0x000000ff
    la a1, ld_end
    lbu a0, -13(a1)
    CHECK a0, 0x000000ff
    la a1, ld_data + 2051
    lbu a0, -2048(a1)
    CHECK a0, 0x000000ff
    la a1, ld_data + 3
    lbu a1, 0(a1)
    CHECK a1, 0x000000ff
    TEST_CASE 5
    la a1, ld_data
    lbu a0, 4(a1)
    CHECK a0, 0x00000080
    la a1, ld_end
    lbu a0, -12(a1)
    CHECK a0, 0x00000080
    la a1, ld_data + 2052
    lbu a0, -2048(a1)
    CHECK a0, 0x00000080
    la a1, ld_data + 4
    lbu a1, 0(a1)
    CHECK a1, 0x00000080
    TEST_CASE 6
    la a1, ld_data
    lbu a0, 5(a1)
    CHECK a0, 0x00000000
    la a1, ld_end
    lbu a0, -11(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 2053
    lbu a0, -2048(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 5
    lbu a1, 0(a1)
    CHECK a1, 0x00000000
    TEST_CASE 7
    la a1, ld_data
    lbu a0, 6(a1)
    CHECK a0, 0x00000034
    la a1, ld_end
    lbu a0, -10(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 2054
    lbu a0, -2048(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 6
    lbu a1, 0(a1)
    CHECK a1, 0x00000034
    TEST_CASE 8
    la a1, ld_data
    lbu a0, 7(a1)
    CHECK a0, 0x00000012
    la a1, ld_end
    lbu a0, -9(a1)
    CHECK a0, 0x00000012
    la a1, ld_data + 2055
    lbu a0, -2048(a1)
    CHECK a0, 0x00000012
    la a1, ld_data + 7
    lbu a1, 0(a1)
    CHECK a1, 0x00000012
    TEST_CASE 9
    la a1, ld_data
    lbu a0, 8(a1)
    CHECK a0, 0x000000ff
    la a1, ld_end
    lbu a0, -8(a1)
    CHECK a0, 0x000000ff
    la a1, ld_data + 2056
    lbu a0, -2048(a1)
    CHECK a0, 0x000000ff
    la a1, ld_data + 8
    lbu a1, 0(a1)
    CHECK a1, 0x000000ff
    TEST_CASE 10
    la a1, ld_data
    lbu a0, 9(a1)
    CHECK a0, 0x000000ff
    la a1, ld_end
    lbu a0, -7(a1)
    CHECK a0, 0x000000ff
    la a1, ld_data + 2057
    lbu a0, -2048(a1)
    CHECK a0, 0x000000ff
    la a1, ld_data + 9
    lbu a1, 0(a1)
    CHECK a1, 0x000000ff
    TEST_CASE 11
    la a1, ld_data
    lbu a0, 10(a1)
    CHECK a0, 0x00000000
    la a1, ld_end
    lbu a0, -6(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 2058
    lbu a0, -2048(a1)
    CHECK a0, 0x00000000
    la a1, ld_data + 10
    lbu a1, 0(a1)
    CHECK a1, 0x00000000
    TEST_CASE 12
    la a1, ld_data
    lbu a0, 11(a1)
    CHECK a0, 0x00000080
    la a1, ld_end
    lbu a0, -5(a1)
    CHECK a0, 0x00000080
    la a1, ld_data + 2059
    lbu a0, -2048(a1)
    CHECK a0, 0x00000080
    la a1, ld_data + 11
    lbu a1, 0(a1)
    CHECK a1, 0x00000080
    TEST_CASE 13
    la a1, ld_data
    lbu a0, 12(a1)
    CHECK a0, 0x00000078
    la a1, ld_end
    lbu a0, -4(a1)
    CHECK a0, 0x00000078
    la a1, ld_data + 2060
    lbu a0, -2048(a1)
    CHECK a0, 0x00000078
    la a1, ld_data + 12
    lbu a1, 0(a1)
    CHECK a1, 0x00000078
    TEST_CASE 14
    la a1, ld_data
    lbu a0, 13(a1)
    CHECK a0, 0x00000056
    la a1, ld_end
    lbu a0, -3(a1)
    CHECK a0, 0x00000056
    la a1, ld_data + 2061
    lbu a0, -2048(a1)
    CHECK a0, 0x00000056
    la a1, ld_data + 13
    lbu a1, 0(a1)
    CHECK a1, 0x00000056
    TEST_CASE 15
    la a1, ld_data
    lbu a0, 14(a1)
    CHECK a0, 0x00000034
    la a1, ld_end
    lbu a0, -2(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 2062
    lbu a0, -2048(a1)
    CHECK a0, 0x00000034
    la a1, ld_data + 14
    lbu a1, 0(a1)
    CHECK a1, 0x00000034
    TEST_CASE 16
    la a1, ld_data
    lbu a0, 15(a1)
    CHECK a0, 0x00000092
    la a1, ld_end
    lbu a0, -1(a1)
    CHECK a0, 0x00000092
    la a1, ld_data + 2063
    lbu a0, -2048(a1)
    CHECK a0, 0x00000092
    la a1, ld_data + 15
    lbu a1, 0(a1)
    CHECK a1, 0x00000092
    TEST_CASE 17
    la a1, ld_data + 4
    lbu x0, 0(a1)
    CHECK x0, 0
    TEST_CASE 18
    la a1, ld_data - 2044
    lbu a0, 2044(a1)
    CHECK a0, 0x00000001
    TEST_PASS
    .data
    .balign 16
ld_data:
    .byte 0x01, 0x82, 0x7f, 0xff, 0x80, 0x00, 0x34, 0x12, 0xff, 0xff, 0x00, 0x80, 0x78, 0x56, 0x34, 0x92
ld_end:

