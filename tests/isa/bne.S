/* bne.S - bne (not equal): taken and not taken, forward and backward, at the signed/unsigned edges; operands unchanged. */
#include "test.h"
TEST_MAIN
    BR_NOT 1, bne, 0x00000000, 0x00000000
    BR_NOT 2, bne, 0x00000001, 0x00000001
    BR_NOT 3, bne, 0xffffffff, 0xffffffff
    BR_TAKEN 4, bne, 0x00000000, 0x00000001
    BR_TAKEN 5, bne, 0x00000001, 0x00000000
    BR_TAKEN 6, bne, 0xffffffff, 0x00000000
    BR_TAKEN 7, bne, 0x00000000, 0xffffffff
    BR_TAKEN 8, bne, 0x80000000, 0x7fffffff
    BR_TAKEN 9, bne, 0x7fffffff, 0x80000000
    BR_TAKEN 10, bne, 0xfffffffe, 0xffffffff
    BR_TAKEN 11, bne, 0xffffffff, 0xfffffffe
    BR_NOT 12, bne, 0x00000005, 0x00000005
    BR_NOT 13, bne, 0x80000000, 0x80000000
    BR_TAKEN 14, bne, 0x80000000, 0x00000000
    BR_TAKEN 15, bne, 0x00000000, 0x80000000
    BR_TAKEN 16, bne, 0xfffffffe, 0xffffffff
    BR_TAKEN 17, bne, 0x7fffffff, 0x7ffffffe
    BR_TAKEN 18, bne, 0x12345678, 0x12345679
    BR_TAKEN 19, bne, 0x80000000, 0x80000001
    BR_TAKEN 20, bne, 0x00000001, 0xffffffff
    BR_TAKEN 21, bne, 0xffffffff, 0x00000001
    TEST_CASE 22
    bne x0, x0, 1f
    j 2f
1:  j fail
2:
    TEST_PASS
