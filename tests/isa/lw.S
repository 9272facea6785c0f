/* lw.S - lw (word) at every aligned offset, positive and negative displacements, rd = base, rd = x0. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    la a1, ld_data
    lw a0, 0(a1)
    CHECK a0, 0xff7f8201
    la a1, ld_end
    lw a0, -16(a1)
    CHECK a0, 0xff7f8201
    la a1, ld_data + 2048
    lw a0, -2048(a1)
    CHECK a0, 0xff7f8201
    la a1, ld_data + 0
    lw a1, 0(a1)
    CHECK a1, 0xff7f8201
    TEST_CASE 2
    la a1, ld_data
    lw a0, 4(a1)
    CHECK a0, 0x12340080
    la a1, ld_end
    lw a0, -12(a1)
    CHECK a0, 0x12340080
    la a1, ld_data + 2052
    lw a0, -2048(a1)
    CHECK a0, 0x12340080
    la a1, ld_data + 4
    lw a1, 0(a1)
    CHECK a1, 0x12340080
    TEST_CASE 3
    la a1, ld_data
    lw a0, 8(a1)
    CHECK a0, 0x8000ffff
    la a1, ld_end
    lw a0, -8(a1)
    CHECK a0, 0x8000ffff
    la a1, ld_data + 2056
    lw a0, -2048(a1)
    CHECK a0, 0x8000ffff
    la a1, ld_data + 8
    lw a1, 0(a1)
    CHECK a1, 0x8000ffff
    TEST_CASE 4
    la a1, ld_data
    lw a0, 12(a1)
    CHECK a0, 0x92345678
    la a1, ld_end
    lw a0, -4(a1)
    CHECK a0, 0x92345678
    la a1, ld_data + 2060
    lw a0, -2048(a1)
    CHECK a0, 0x92345678
    la a1, ld_data + 12
    lw a1, 0(a1)
    CHECK a1, 0x92345678
    TEST_CASE 5
    la a1, ld_data + 4
    lw x0, 0(a1)
    CHECK x0, 0
    TEST_CASE 6
    la a1, ld_data - 2044
    lw a0, 2044(a1)
    CHECK a0, 0xff7f8201
    TEST_PASS
    .data
    .balign 16
ld_data:
    .byte 0x01, 0x82, 0x7f, 0xff, 0x80, 0x00, 0x34, 0x12, 0xff, 0xff, 0x00, 0x80, 0x78, 0x56, 0x34, 0x92
ld_end:

