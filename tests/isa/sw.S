/* sw.S - sw (word store): every byte lane, only the addressed bytes change, upper source bits ignored, negative displacements, data register = base register. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1
    jal ra, st_reset
    la a1, st_data
    li a2, 0x12345678
    la a1, st_data + 8
    sw a2, -8(a1)
    la a1, st_data
    lw a0, 0(a1)
    CHECK a0, 0x12345678
    lw a0, 4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, -4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 8(a1)
    CHECK a0, 0xa5a5a5a5
    TEST_CASE 2
    jal ra, st_reset
    la a1, st_data
    li a2, 0x12345678
    la a1, st_data
    sw a2, 4(a1)
    la a1, st_data
    lw a0, 0(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 4(a1)
    CHECK a0, 0x12345678
    lw a0, -4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 8(a1)
    CHECK a0, 0xa5a5a5a5
    TEST_CASE 3
    jal ra, st_reset
    la a1, st_data
    li a2, 0xcafef00d
    la a1, st_data + 8
    sw a2, -8(a1)
    la a1, st_data
    lw a0, 0(a1)
    CHECK a0, 0xcafef00d
    lw a0, 4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, -4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 8(a1)
    CHECK a0, 0xa5a5a5a5
    TEST_CASE 4
    jal ra, st_reset
    la a1, st_data
    li a2, 0xcafef00d
    la a1, st_data
    sw a2, 4(a1)
    la a1, st_data
    lw a0, 0(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 4(a1)
    CHECK a0, 0xcafef00d
    lw a0, -4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 8(a1)
    CHECK a0, 0xa5a5a5a5
    TEST_CASE 5
    jal ra, st_reset
    la a1, st_data
    li a2, 0x80000001
    la a1, st_data + 8
    sw a2, -8(a1)
    la a1, st_data
    lw a0, 0(a1)
    CHECK a0, 0x80000001
    lw a0, 4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, -4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 8(a1)
    CHECK a0, 0xa5a5a5a5
    TEST_CASE 6
    jal ra, st_reset
    la a1, st_data
    li a2, 0x80000001
    la a1, st_data
    sw a2, 4(a1)
    la a1, st_data
    lw a0, 0(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 4(a1)
    CHECK a0, 0x80000001
    lw a0, -4(a1)
    CHECK a0, 0xa5a5a5a5
    lw a0, 8(a1)
    CHECK a0, 0xa5a5a5a5
    TEST_CASE 7
    jal ra, st_reset
    la a1, st_data
    sw a1, 4(a1)
    la a2, st_data
    lw a0, 4(a2)
    mv a3, a2
    CHECK_EQ a0, a3
    TEST_CASE 8
    jal ra, st_reset
    la a1, st_data
    li a2, 0x13579bdf
    sw a2, 0(a1)
    lw a0, 0(a1)
    CHECK a0, 0x13579bdf
    TEST_PASS

/* Fill st_data[-1..2] (four words) with the pattern. */
st_reset:
    la t0, st_data - 4
    li t1, 0xa5a5a5a5
    sw t1, 0(t0)
    sw t1, 4(t0)
    sw t1, 8(t0)
    sw t1, 12(t0)
    ret

    .data
    .balign 16
    .word 0
st_data:
    .word 0, 0, 0

