/* blt.S - blt (signed less than): taken and not taken, forward and backward, at the signed/unsigned edges; operands unchanged. */
#include "test.h"
TEST_MAIN
    BR_NOT 1, blt, 0x00000000, 0x00000000
    BR_NOT 2, blt, 0x00000001, 0x00000001
    BR_NOT 3, blt, 0xffffffff, 0xffffffff
    BR_TAKEN 4, blt, 0x00000000, 0x00000001
    BR_NOT 5, blt, 0x00000001, 0x00000000
    BR_TAKEN 6, blt, 0xffffffff, 0x00000000
    BR_NOT 7, blt, 0x00000000, 0xffffffff
    BR_TAKEN 8, blt, 0x80000000, 0x7fffffff
    BR_NOT 9, blt, 0x7fffffff, 0x80000000
    BR_TAKEN 10, blt, 0xfffffffe, 0xffffffff
    BR_NOT 11, blt, 0xffffffff, 0xfffffffe
    BR_NOT 12, blt, 0x00000005, 0x00000005
    BR_NOT 13, blt, 0x80000000, 0x80000000
    BR_TAKEN 14, blt, 0x80000000, 0x00000000
    BR_NOT 15, blt, 0x00000000, 0x80000000
    BR_TAKEN 16, blt, 0xfffffffe, 0xffffffff
    BR_NOT 17, blt, 0x7fffffff, 0x7ffffffe
    BR_TAKEN 18, blt, 0x12345678, 0x12345679
    BR_TAKEN 19, blt, 0x80000000, 0x80000001
    BR_NOT 20, blt, 0x00000001, 0xffffffff
    BR_TAKEN 21, blt, 0xffffffff, 0x00000001
    TEST_CASE 22
    blt x0, x0, 1f
    j 2f
1:  j fail
2:
    TEST_PASS
