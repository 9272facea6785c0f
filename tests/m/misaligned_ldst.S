/* misaligned_ldst.S - halfword loads/stores not 2-aligned and word loads/stores not 4-aligned trap (load cause 4,
 * store cause 6, mtval = the address, mepc = the instruction); rd is not written and memory is not changed. Byte
 * accesses and aligned accesses at every offset do not trap. */
#include "test.h"

.macro MIS_LOAD insn, off
    la a1, buf
    li a0, 0x5a5a5a5a
    EXPECT_TRAP .Lr_\@
.Li_\@:
    \insn a0, \off(a1)
    j fail
.Lr_\@:
    CHECK_TRAP CAUSE_MISALIGNED_LOAD
    CHECK_TRAP_EPC .Li_\@
    CHECK_TRAP_TVAL_LABEL buf, \off
    CHECK a0, 0x5a5a5a5a
.endm

.macro MIS_STORE insn, off
    la a1, buf
    li a0, 0xffffffff
    EXPECT_TRAP .Lr_\@
.Li_\@:
    \insn a0, \off(a1)
    j fail
.Lr_\@:
    CHECK_TRAP CAUSE_MISALIGNED_STORE
    CHECK_TRAP_EPC .Li_\@
    CHECK_TRAP_TVAL_LABEL buf, \off
    la a1, buf
    lw a0, 0(a1)
    CHECK a0, 0x11223344
    lw a0, 4(a1)
    CHECK a0, 0x55667788
.endm

TEST_MAIN
    TEST_CASE 1
    MIS_LOAD lh, 1
    MIS_LOAD lh, 3
    MIS_LOAD lh, 5
    TEST_CASE 2
    MIS_LOAD lhu, 1
    MIS_LOAD lhu, 3
    TEST_CASE 3
    MIS_LOAD lw, 1
    MIS_LOAD lw, 2
    MIS_LOAD lw, 3
    MIS_LOAD lw, 6
    TEST_CASE 4
    MIS_STORE sh, 1
    MIS_STORE sh, 3
    MIS_STORE sh, 7
    TEST_CASE 5
    MIS_STORE sw, 1
    MIS_STORE sw, 2
    MIS_STORE sw, 3
    MIS_STORE sw, 5
    TEST_CASE 6                     /* negative displacement giving a misaligned address */
    la a1, buf + 8
    EXPECT_TRAP .Lr6
.Li6:
    lw a0, -6(a1)
    j fail
.Lr6:
    CHECK_TRAP CAUSE_MISALIGNED_LOAD
    CHECK_TRAP_EPC .Li6
    CHECK_TRAP_TVAL_LABEL buf, 2
    TEST_CASE 7                     /* misaligned beats access fault: unmapped and misaligned -> cause 4/6 */
    li a1, UNMAPPED_ADDR
    EXPECT_TRAP .Lr7
    lw a0, 1(a1)
    j fail
.Lr7:
    CHECK_TRAP CAUSE_MISALIGNED_LOAD
    CHECK_TRAP_TVAL UNMAPPED_ADDR + 1
    EXPECT_TRAP .Lr7b
    sh a0, 3(a1)
    j fail
.Lr7b:
    CHECK_TRAP CAUSE_MISALIGNED_STORE
    CHECK_TRAP_TVAL UNMAPPED_ADDR + 3
    TEST_CASE 8                     /* no trap for byte accesses and aligned halfwords at every offset */
    RESET_TRAP_COUNT
    la a1, buf
    lb a0, 1(a1)
    lbu a0, 3(a1)
    lh a0, 2(a1)
    lhu a0, 6(a1)
    CHECK a0, 0x5566
    la a1, scratch
    sb a0, 1(a1)
    sb a0, 3(a1)
    sh a0, 2(a1)
    lw a0, 0(a1)
    CHECK a0, 0x55666600
    CHECK_TRAP_COUNT 0
    TEST_PASS

    .data
    .balign 8
buf:
    .word 0x11223344, 0x55667788
scratch:
    .word 0
