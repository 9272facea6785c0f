/* ecall_modes.S - ecall cause by mode: U 8, S 9, M 11 (into M, mepc = the ecall, mtval = 0); delegated (medeleg
 * bits 8 and 9) the U and S ecalls go to S, while an ecall in M always stays in M. */
#include "test.h"
TEST_MAIN
    INIT_S
    csrw medeleg, zero
    TEST_CASE 1
    GOTO_PRIV PRV_U, .Lu1
.Lu1:
    EXPECT_TRAP .Lr1
    li a7, 0                        /* not a magic value (TO_M leaves one in a7) */
.Le1:
    ecall
    j fail
.Lr1:
    CHECK_TRAP CAUSE_ECALL_U
    CHECK_TRAP_EPC .Le1
    CHECK_TRAP_TVAL 0
    TEST_CASE 2
    GOTO_PRIV PRV_S, .Ls2
.Ls2:
    EXPECT_TRAP .Lr2
    li a7, 0                        /* not a magic value (TO_M leaves one in a7) */
.Le2:
    ecall
    j fail
.Lr2:
    CHECK_TRAP CAUSE_ECALL_S
    CHECK_TRAP_EPC .Le2
    CHECK_TRAP_TVAL 0
    TEST_CASE 3
    EXPECT_TRAP .Lr3
    li a7, 0                        /* not a magic value (TO_M leaves one in a7) */
.Le3:
    ecall
    j fail
.Lr3:
    CHECK_TRAP CAUSE_ECALL_M
    CHECK_TRAP_EPC .Le3

    TEST_CASE 4                     /* U ecall delegated to S */
    li a0, 1 << CAUSE_ECALL_U
    csrw medeleg, a0
    GOTO_PRIV PRV_U, .Lu4
.Lu4:
    EXPECT_STRAP .Lsr4
    li a7, 0                        /* not a magic value (TO_M leaves one in a7) */
.Le4:
    ecall
    j fail
.Lsr4:
    TO_M                            /* S ecall: not delegated, back to M */
    CHECK_TRAP CAUSE_ECALL_U, PRV_S
    CHECK_TRAP_EPC .Le4
    CHECK_TRAP_TVAL 0
    CHECK_CSR scause, CAUSE_ECALL_U

    TEST_CASE 5                     /* S ecall delegated to S; leave S through a non-delegated illegal insn */
    li a0, 1 << CAUSE_ECALL_S
    csrw medeleg, a0
    GOTO_PRIV PRV_S, .Ls5
.Ls5:
    EXPECT_STRAP .Lsr5
    li a7, 0                        /* not a magic value (TO_M leaves one in a7) */
.Le5:
    ecall
    j fail
.Lsr5:
    la a0, trap_vars
    lw s1, TV_EPC(a0)               /* recorded by the S handler */
    lw s2, TV_MODE(a0)
    EXPECT_TRAP .Lr5
    .word 0
.Lr5:
    csrw medeleg, zero
    CHECK_TRAP CAUSE_ILLEGAL_INSN   /* the illegal instruction, into M */
    CHECK_CSR scause, CAUSE_ECALL_S /* the ecall, into S */
    CHECK_LABEL s1, .Le5
    CHECK s2, PRV_S

    TEST_CASE 6                     /* M ecall is never delegated (medeleg bit 11 is not writable) */
    li a0, 0xffffffff
    csrw medeleg, a0
    CHECK_CSR medeleg, 0x0000b3ff
    EXPECT_TRAP .Lr6
    li a7, 0
    ecall
.Lr6:
    csrw medeleg, zero
    CHECK_TRAP CAUSE_ECALL_M
    TEST_PASS
