/* bgeu.S - bgeu (unsigned greater or equal): taken and not taken, forward and backward, at the signed/unsigned edges; operands unchanged. */
#include "test.h"
TEST_MAIN
    BR_TAKEN 1, bgeu, 0x00000000, 0x00000000
    BR_TAKEN 2, bgeu, 0x00000001, 0x00000001
    BR_TAKEN 3, bgeu, 0xffffffff, 0xffffffff
    BR_NOT 4, bgeu, 0x00000000, 0x00000001
    BR_TAKEN 5, bgeu, 0x00000001, 0x00000000
    BR_TAKEN 6, bgeu, 0xffffffff, 0x00000000
    BR_NOT 7, bgeu, 0x00000000, 0xffffffff
    BR_TAKEN 8, bgeu, 0x80000000, 0x7fffffff
    BR_NOT 9, bgeu, 0x7fffffff, 0x80000000
    BR_NOT 10, bgeu, 0xfffffffe, 0xffffffff
    BR_TAKEN 11, bgeu, 0xffffffff, 0xfffffffe
    BR_TAKEN 12, bgeu, 0x00000005, 0x00000005
    BR_TAKEN 13, bgeu, 0x80000000, 0x80000000
    BR_TAKEN 14, bgeu, 0x80000000, 0x00000000
    BR_NOT 15, bgeu, 0x00000000, 0x80000000
    BR_NOT 16, bgeu, 0xfffffffe, 0xffffffff
    BR_TAKEN 17, bgeu, 0x7fffffff, 0x7ffffffe
    BR_NOT 18, bgeu, 0x12345678, 0x12345679
    BR_NOT 19, bgeu, 0x80000000, 0x80000001
    BR_NOT 20, bgeu, 0x00000001, 0xffffffff
    BR_TAKEN 21, bgeu, 0xffffffff, 0x00000001
    TEST_CASE 22
    bgeu x0, x0, 1f
    j fail
1:  j 2f
2:
    TEST_PASS
