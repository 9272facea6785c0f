/* vm_basic.S - Sv32 translation the way a kernel uses it: S-mode code running with satp on (identity-mapped
 * image through 4 KiB pages), a 4 KiB alias to another physical page, user code and data in U pages, a kernel
 * running at 0xC0000000 (a megapage alias of RAM) with its own stvec/sscratch taking a delegated page fault
 * there, and satp = 0 turning translation off again. */
#include "test.h"

#define HIGH_OFF 0x80000000         /* VA 0xC0000000 = PA 0x40000000 + HIGH_OFF */

TEST_MAIN
    csrw mie, zero
    INIT_S
    jal ra, vm_init
    mv s0, a0                       /* satp value */

    TEST_CASE 1                     /* S turns translation on and keeps running (identity) */
    GOTO_PRIV PRV_S, .Ls1
.Ls1:
    csrw satp, s0
    sfence.vma
    la a1, kdata
    lw s1, 0(a1)
    li a2, 0x4b4b
    sw a2, 4(a1)
    csrr s2, satp
    TO_M
    CHECK s1, 0x11111111
    CHECK_MEM kdata + 4, 0x4b4b
    CHECK_EQ s2, s0

    TEST_CASE 2                     /* a 4 KiB alias: VA_TEST -> the page of pdata */
    MAP_TEST_PAGE 0, pdata, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    sfence.vma
    GOTO_PRIV PRV_S, .Ls2
.Ls2:
    li a1, VA_TEST
    lw s1, 0(a1)
    li a2, 0xa11a5
    sw a2, 0x10(a1)
    TO_M
    CHECK s1, 0x22222222
    CHECK_MEM pdata + 0x10, 0xa11a5

    TEST_CASE 3                     /* user code and data in U pages */
    la ra, .Lback3
    GOTO_PRIV PRV_U, user_inc
.Lback3:
    CHECK_MEM udata, 0x3334
    CHECK_TRAP_COUNT 0

    TEST_CASE 4                     /* user code gets a fault on kernel data */
    EXPECT_TRAP .Lr4
    GOTO_PRIV PRV_U, user_peek
.Lr4:
    CHECK_TRAP CAUSE_LOAD_PAGE_FAULT
    CHECK_TRAP_TVAL_LABEL kdata

    TEST_CASE 5                     /* kernel at 0xC0000000 */
    li a0, 0xc0000000
    li a1, RAM_BASE
    MKPTE a1, a1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G
    jal ra, vm_set_root             /* megapage */
    li a0, 1 << CAUSE_LOAD_PAGE_FAULT
    csrw medeleg, a0
    sfence.vma
    GOTO_PRIV PRV_S, .Ls5
.Ls5:
    la a0, .Lhigh5
    li a1, HIGH_OFF
    add a0, a0, a1
    jr a0                           /* continue at the high alias */
.Lhigh5:
    auipc s1, 0                     /* pc now >= 0xC0000000 */
    la a0, s_trap_vector            /* pc-relative: high addresses */
    csrw stvec, a0
    la a0, s_save_area
    csrw sscratch, a0
    la a1, kdata
    lw s2, 0(a1)                    /* data through the high alias */
    EXPECT_STRAP .Lsr5              /* resume address: high too */
.Lf5:
    lw a0, 0x124(zero)              /* nothing mapped at VA 0 */
    j fail
.Lsr5:
    la s3, .Lf5                     /* high address of the faulting load */
    la a0, .Llow5
    li a1, HIGH_OFF
    sub a0, a0, a1
    jr a0
.Llow5:
    INIT_S
    TO_M
    csrw medeleg, zero
    li a0, 0xc0000000
    bltu s1, a0, .Lbad
    CHECK s2, 0x11111111
    CHECK_TRAP CAUSE_LOAD_PAGE_FAULT, PRV_S
    CHECK_TRAP_TVAL 0x124
    CHECK_TRAP_EPC_REG s3
    la a0, .Lf5
    li a1, HIGH_OFF
    add a0, a0, a1
    CHECK_EQ s3, a0

    TEST_CASE 6                     /* satp = 0 in S: bare again, VA_TEST is physical 0x10000000: access fault */
    EXPECT_TRAP .Lr6
    GOTO_PRIV PRV_S, .Ls6
.Ls6:
    csrw satp, zero
    sfence.vma
    li a1, VA_TEST
    lw a0, 0(a1)
    j fail
.Lr6:
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TRAP_TVAL VA_TEST
    CHECK_CSR satp, 0
    TEST_PASS
.Lbad:
    j fail

    .section .user.text, "ax"
user_inc:                           /* U: udata += 1 through its own page, then back to M (ra = M's label) */
    la a1, udata
    lw a2, 0(a1)
    addi a2, a2, 1
    sw a2, 0(a1)
    TO_M
    jr ra
user_peek:                          /* U: read kernel data: page fault */
    la a1, kdata
    lw a0, 0(a1)
    j fail

    .section .user.data, "aw"
    .balign 4
udata:
    .word 0x3333

    .data
    .balign 4
kdata:
    .word 0x11111111, 0

    .section .pages.data, "aw", @progbits
    .balign 4096
pdata:
    .word 0x22222222
    .space 4092
