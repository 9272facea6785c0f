/* bltu.S - bltu (unsigned less than): taken and not taken, forward and backward, at the signed/unsigned edges; operands unchanged. */
#include "test.h"
TEST_MAIN
    BR_NOT 1, bltu, 0x00000000, 0x00000000
    BR_NOT 2, bltu, 0x00000001, 0x00000001
    BR_NOT 3, bltu, 0xffffffff, 0xffffffff
    BR_TAKEN 4, bltu, 0x00000000, 0x00000001
    BR_NOT 5, bltu, 0x00000001, 0x00000000
    BR_NOT 6, bltu, 0xffffffff, 0x00000000
    BR_TAKEN 7, bltu, 0x00000000, 0xffffffff
    BR_NOT 8, bltu, 0x80000000, 0x7fffffff
    BR_TAKEN 9, bltu, 0x7fffffff, 0x80000000
    BR_TAKEN 10, bltu, 0xfffffffe, 0xffffffff
    BR_NOT 11, bltu, 0xffffffff, 0xfffffffe
    BR_NOT 12, bltu, 0x00000005, 0x00000005
    BR_NOT 13, bltu, 0x80000000, 0x80000000
    BR_NOT 14, bltu, 0x80000000, 0x00000000
    BR_TAKEN 15, bltu, 0x00000000, 0x80000000
    BR_TAKEN 16, bltu, 0xfffffffe, 0xffffffff
    BR_NOT 17, bltu, 0x7fffffff, 0x7ffffffe
    BR_TAKEN 18, bltu, 0x12345678, 0x12345679
    BR_TAKEN 19, bltu, 0x80000000, 0x80000001
    BR_TAKEN 20, bltu, 0x00000001, 0xffffffff
    BR_NOT 21, bltu, 0xffffffff, 0x00000001
    TEST_CASE 22
    bltu x0, x0, 1f
    j 2f
1:  j fail
2:
    TEST_PASS
