/* jal.S - jal: link = pc + 4 in any rd, rd = x0 writes nothing, forward/backward and long offsets, the
 * instruction after the jump is not executed. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1                     /* forward, link in ra */
    li ra, 0
.Lj1:
    jal ra, .Lt1
    j fail
.Lt1:
    CHECK_LABEL ra, .Lj1 + 4

    TEST_CASE 2                     /* link in another register */
    li a0, 0
.Lj2:
    jal a0, .Lt2
    j fail
    j fail
.Lt2:
    CHECK_LABEL a0, .Lj2 + 4

    TEST_CASE 3                     /* backward */
    li a0, 0
    j .Lj3
.Lt3:
    CHECK_LABEL a0, .Lj3 + 4
    j .Ld3
.Lj3:
    jal a0, .Lt3
    j fail
.Ld3:

    TEST_CASE 4                     /* rd = x0 */
    jal x0, .Lt4
    j fail
.Lt4:
    CHECK x0, 0

    TEST_CASE 5                     /* skipped instructions have no effect */
    li a1, 7
    jal a0, .Lt5
    li a1, 8
    li a1, 9
.Lt5:
    CHECK a1, 7

    TEST_CASE 6                     /* far forward (about 64 KiB) and far back */
    li a0, 0
.Lj6:
    jal a0, far_target
.Lback6:
    CHECK_LABEL a0, .Lj6 + 4
    CHECK_LABEL a1, far_target + 4

    TEST_CASE 7                     /* jal to the next instruction */
.Lj7:
    jal a0, .Lt7
.Lt7:
    CHECK_LABEL a0, .Lt7
    TEST_PASS

    .skip 65536                     /* never executed */
far_target:
    jal a1, .Lback6
    j fail
