/* lhu.S - lhu (zero-extended halfword) at every aligned offset, positive and negative displacements, rd = base, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    la a1, ld_data
    lhu a0, 0(a1)
    CHECK a0, 0x00008201
    la a1, ld_end
    lhu a0, -16(a1)
    CHECK a0, 0x00008201
    la a1, ld_data + 2048
    lhu a0, -2048(a1)
    CHECK a0, 0x00008201
    la a1, ld_data + 0
    lhu a1, 0(a1)
    CHECK a1, 0x00008201
    TEST_CASE 2
    la a1, ld_data
    lhu a0, 2(a1)
    CHECK a0, 0x0000ff7f
    la a1, ld_end
    lhu a0, -14(a1)
    CHECK a0, 0x0000ff7f
    la a1, ld_data + 2050
    lhu a0, -2048(a1)
    CHECK a0, 0x0000ff7f
    la a1, ld_data + 2
    lhu a1, 0(a1)
    CHECK a1, 0x0000ff7f
    TEST_CASE 3
    la a1, ld_data
    lhu a0, 4(a1)
    CHECK a0, 0x00000080
    la a1, ld_end
    lhu a0, -12(a1)
    CHECK a0, 0x00000080
    la a1, ld_data + 2052
    lhu a0, -2048(a1)
    CHECK a0, 0x00000080
    la a1, ld_data + 4
    lhu a1, 0(a1)
    CHECK a1, 0x00000080
    TEST_CASE 4
    la a1, ld_data
    lhu a0, 6(a1)
    CHECK a0, 0x00001234
    la a1, ld_end
    lhu a0, -10(a1)
    CHECK a0, 0x00001234
    la a1, ld_data + 2054
    lhu a0, -2048(a1)
    CHECK a0, 0x00001234
    la a1, ld_data + 6
    lhu a1, 0(a1)
    CHECK a1, 0x00001234
    TEST_CASE 5
    la a1, ld_data
    lhu a0, 8(a1)
    CHECK a0, 0x0000ffff
    la a1, ld_end
    lhu a0, -8(a1)
    CHECK a0, 0x0000ffff
    la a1, ld_data + 2056
    lhu a0, -2048(a1)
    CHECK a0, 0x0000ffff
    la a1, ld_data + 8
    lhu a1, 0(a1)
    CHECK a1, 0x0000ffff
    TEST_CASE 6
    la a1, ld_data
    lhu a0, 10(a1)
    CHECK a0, 0x00008000
    la a1, ld_end
    lhu a0, -6(a1)
    CHECK a0, 0x00008000
    la a1, ld_data + 2058
    lhu a0, -2048(a1)
    CHECK a0, 0x00008000
    la a1, ld_data + 10
    lhu a1, 0(a1)
    CHECK a1, 0x00008000
    TEST_CASE 7
    la a1, ld_data
    lhu a0, 12(a1)
    CHECK a0, 0x00005678
    la a1, ld_end
    lhu a0, -4(a1)
    CHECK a0, 0x00005678
    la a1, ld_data + 2060
    lhu a0, -2048(a1)
    CHECK a0, 0x00005678
    la a1, ld_data + 12
    lhu a1, 0(a1)
    CHECK a1, 0x00005678
    TEST_CASE 8
    la a1, ld_data
    lhu a0, 14(a1)
    CHECK a0, 0x00009234
    la a1, ld_end
    lhu a0, -2(a1)
    CHECK a0, 0x00009234
    la a1, ld_data + 2062
    lhu a0, -2048(a1)
    CHECK a0, 0x00009234
    la a1, ld_data + 14
    lhu a1, 0(a1)
    CHECK a1, 0x00009234
    TEST_CASE 9
    la a1, ld_data + 4
    lhu x0, 0(a1)
    CHECK x0, 0
    TEST_CASE 10
    la a1, ld_data - 2044
    lhu a0, 2044(a1)
    CHECK a0, 0x00008201
    TEST_PASS
    .data
    .balign 16
ld_data:
    .byte 0x01, 0x82, 0x7f, 0xff, 0x80, 0x00, 0x34, 0x12, 0xff, 0xff, 0x00, 0x80, 0x78, 0x56, 0x34, 0x92
ld_end:

