/* fence_i.S - Zifencei: stores into code followed by fence.i are seen by instruction fetch: a location not yet
 * executed, a subroutine executed before and after patching, the instruction right after the fence.i, a
 * byte-sized patch, and a patch rewritten on every iteration of a loop. */
#include "test.h"

#define ADDI_A0_X0(imm) ((((imm) & 0xfff) << 20) | 0x00000513)      /* addi a0, x0, imm */

TEST_MAIN
    TEST_CASE 1                     /* not yet executed */
    la a1, .Lp1
    li a2, ADDI_A0_X0(42)
    sw a2, 0(a1)
    fence.i
    li a0, 0
.Lp1:
    addi a0, x0, 1
    CHECK a0, 42

    TEST_CASE 2                     /* executed, patched, executed again */
    jal ra, patch_fn
    CHECK a0, 1
    la a1, patch_fn
    li a2, ADDI_A0_X0(2)
    sw a2, 0(a1)
    fence.i
    jal ra, patch_fn
    CHECK a0, 2
    li a2, ADDI_A0_X0(-3)
    sw a2, 0(a1)
    fence.i
    jal ra, patch_fn
    CHECK a0, -3

    TEST_CASE 3                     /* the instruction right after fence.i */
    la a1, .Lp3
    li a2, ADDI_A0_X0(0x123)
    li a0, 0
    sw a2, 0(a1)
    fence.i
.Lp3:
    addi a0, x0, 1
    CHECK a0, 0x123

    TEST_CASE 4                     /* byte store into an instruction: imm[11:4] is byte 3 */
    jal ra, patch_fn2
    CHECK a0, 1
    la a1, patch_fn2
    li a2, 0x05
    sb a2, 3(a1)
    fence.i
    jal ra, patch_fn2
    CHECK a0, 0x51

    TEST_CASE 5                     /* rewrite in a loop: sum of 1..10 */
    li s0, 1
    li s1, 0
    la s2, .Lp5
.Lloop5:
    li a2, ADDI_A0_X0(0)
    slli a3, s0, 20
    or a2, a2, a3
    sw a2, 0(s2)
    fence.i
.Lp5:
    addi a0, x0, 0
    add s1, s1, a0
    addi s0, s0, 1
    li a3, 11
    bne s0, a3, .Lloop5
    CHECK s1, 55

    TEST_CASE 6                     /* patch a jump into a nop: the code after it becomes reachable */
    la a1, .Lp6
    li a2, 0x00000013               /* nop */
    sw a2, 0(a1)
    fence.i
    li a0, 0
.Lp6:
    j .Lskip6
    li a0, 6
.Lskip6:
    CHECK a0, 6
    TEST_PASS

patch_fn:
    addi a0, x0, 1
    ret
patch_fn2:
    addi a0, x0, 1
    ret
