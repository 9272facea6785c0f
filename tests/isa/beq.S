/* beq.S - beq (equal): taken and not taken, forward and backward, at the signed/unsigned edges; operands unchanged. */
#include "test.h"
TEST_MAIN
    BR_TAKEN 1, beq, 0x00000000, 0x00000000
    BR_TAKEN 2, beq, 0x00000001, 0x00000001
    BR_TAKEN 3, beq, 0xffffffff, 0xffffffff
    BR_NOT 4, beq, 0x00000000, 0x00000001
    BR_NOT 5, beq, 0x00000001, 0x00000000
    BR_NOT 6, beq, 0xffffffff, 0x00000000
    BR_NOT 7, beq, 0x00000000, 0xffffffff
    BR_NOT 8, beq, 0x80000000, 0x7fffffff
    BR_NOT 9, beq, 0x7fffffff, 0x80000000
    BR_NOT 10, beq, 0xfffffffe, 0xffffffff
    BR_NOT 11, beq, 0xffffffff, 0xfffffffe
    BR_TAKEN 12, beq, 0x00000005, 0x00000005
    BR_TAKEN 13, beq, 0x80000000, 0x80000000
    BR_NOT 14, beq, 0x80000000, 0x00000000
    BR_NOT 15, beq, 0x00000000, 0x80000000
    BR_NOT 16, beq, 0xfffffffe, 0xffffffff
    BR_NOT 17, beq, 0x7fffffff, 0x7ffffffe
    BR_NOT 18, beq, 0x12345678, 0x12345679
    BR_NOT 19, beq, 0x80000000, 0x80000001
    BR_NOT 20, beq, 0x00000001, 0xffffffff
    BR_NOT 21, beq, 0xffffffff, 0x00000001
    TEST_CASE 22
    beq x0, x0, 1f
    j fail
1:  j 2f
2:
    TEST_PASS
