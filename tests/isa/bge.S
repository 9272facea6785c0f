/* bge.S - bge (signed greater or equal): taken and not taken, forward and backward, at the signed/unsigned edges; operands unchanged. */
#include "test.h"
TEST_MAIN
    BR_TAKEN 1, bge, 0x00000000, 0x00000000
    BR_TAKEN 2, bge, 0x00000001, 0x00000001
    BR_TAKEN 3, bge, 0xffffffff, 0xffffffff
    BR_NOT 4, bge, 0x00000000, 0x00000001
    BR_TAKEN 5, bge, 0x00000001, 0x00000000
    BR_NOT 6, bge, 0xffffffff, 0x00000000
    BR_TAKEN 7, bge, 0x00000000, 0xffffffff
    BR_NOT 8, bge, 0x80000000, 0x7fffffff
    BR_TAKEN 9, bge, 0x7fffffff, 0x80000000
    BR_NOT 10, bge, 0xfffffffe, 0xffffffff
    BR_TAKEN 11, bge, 0xffffffff, 0xfffffffe
    BR_TAKEN 12, bge, 0x00000005, 0x00000005
    BR_TAKEN 13, bge, 0x80000000, 0x80000000
    BR_NOT 14, bge, 0x80000000, 0x00000000
    BR_TAKEN 15, bge, 0x00000000, 0x80000000
    BR_NOT 16, bge, 0xfffffffe, 0xffffffff
    BR_TAKEN 17, bge, 0x7fffffff, 0x7ffffffe
    BR_NOT 18, bge, 0x12345678, 0x12345679
    BR_NOT 19, bge, 0x80000000, 0x80000001
    BR_TAKEN 20, bge, 0x00000001, 0xffffffff
    BR_NOT 21, bge, 0xffffffff, 0x00000001
    TEST_CASE 22
    bge x0, x0, 1f
    j fail
1:  j 2f
2:
    TEST_PASS
