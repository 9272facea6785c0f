/* vm_sfence.S - sfence.vma after changing page tables: a remapped data page (old translation used before),
 * sfence.vma with rs1 = the address, a PTE made valid after a fault, a code page remapped to other code, and a
 * permission downgrade (writable -> read-only) that must be seen after the fence. */
#include "test.h"
TEST_MAIN
    csrw mie, zero
    INIT_S
    jal ra, vm_init
    csrw satp, a0
    la a0, page_a
    li a1, 0xaaaa0000
    sw a1, 0(a0)
    la a0, page_b
    li a1, 0xbbbb0000
    sw a1, 0(a0)

    TEST_CASE 1                     /* VA_TEST -> page_a, read (fills any TLB), remap to page_b, sfence, read */
    MAP_TEST_PAGE 0, page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    OK_BEGIN PRV_S, s1
    li a1, VA_TEST
    lw s1, 0(a1)
    la a0, page_b                   /* S edits the page table (identity-mapped, writable) */
    MKPTE a0, a0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    la a2, vm_l0b
    sw a0, 0(a2)
    sfence.vma
    lw s2, 0(a1)
    OK_END PRV_S, s1
    CHECK s1, 0xaaaa0000
    CHECK s2, 0xbbbb0000

    TEST_CASE 2                     /* sfence.vma rs1 = the address, rs2 = x0 */
    MAP_TEST_PAGE 1, page_a, PTE_V | PTE_R | PTE_A
    OK_BEGIN PRV_S, s2
    li a1, VA_TEST + 4096
    lw s1, 0(a1)
    la a0, page_b
    MKPTE a0, a0, PTE_V | PTE_R | PTE_A
    la a2, vm_l0b
    sw a0, 4(a2)
    sfence.vma a1, x0
    lw s2, 0(a1)
    OK_END PRV_S, s2
    CHECK s1, 0xaaaa0000
    CHECK s2, 0xbbbb0000

    TEST_CASE 3                     /* invalid -> fault; S makes it valid, sfence, retry works */
    li a0, VA_TEST + 2 * 4096
    li a1, 0
    jal ra, vm_set_pte
    sfence.vma
    li a0, 1 << CAUSE_LOAD_PAGE_FAULT
    csrw medeleg, a0
    EXPECT_STRAP .Lsr3
    GOTO_PRIV PRV_S, .Ls3
.Ls3:
    li a1, VA_TEST + 2 * 4096
    lw s1, 0(a1)
    j fail
.Lsr3:
    la a0, page_a
    MKPTE a0, a0, PTE_V | PTE_R | PTE_A
    la a2, vm_l0b
    sw a0, 8(a2)
    sfence.vma
    lw s1, 0(a1)
    TO_M
    csrw medeleg, zero
    CHECK_TRAP CAUSE_LOAD_PAGE_FAULT, PRV_S
    CHECK s1, 0xaaaa0000

    TEST_CASE 4                     /* code page remapped: the same VA runs the other code after sfence.vma */
    MAP_TEST_PAGE 3, code_a, PTE_V | PTE_X | PTE_A
    OK_BEGIN PRV_S, s4
    li a1, VA_TEST + 3 * 4096
    jalr ra, 0(a1)
    mv s1, a0
    la a0, code_b
    MKPTE a0, a0, PTE_V | PTE_X | PTE_A
    la a2, vm_l0b
    sw a0, 12(a2)
    sfence.vma
    jalr ra, 0(a1)
    mv s2, a0
    OK_END PRV_S, s4
    CHECK s1, 0xa
    CHECK s2, 0xb

    TEST_CASE 5                     /* writable -> read-only: the store after the fence faults */
    MAP_TEST_PAGE 4, page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
    sfence.vma
    EXPECT_TRAP .Lr5
    GOTO_PRIV PRV_S, .Ls5
.Ls5:
    li a1, VA_TEST + 4 * 4096
    sw zero, 8(a1)                  /* fine, and cached as writable */
    la a0, page_a
    MKPTE a0, a0, PTE_V | PTE_R | PTE_A | PTE_D
    la a2, vm_l0b
    sw a0, 16(a2)
    sfence.vma
.Lf5:
    sw zero, 12(a1)
    j fail
.Lr5:
    CHECK_TRAP CAUSE_STORE_PAGE_FAULT
    CHECK_TRAP_EPC .Lf5
    CHECK_TRAP_TVAL VA_TEST + 4 * 4096 + 12
    csrw satp, zero
    TEST_PASS

    .section .pages.code, "awx", @progbits
    .balign 4096
code_a:
    li a0, 0xa
    ret
    .balign 4096
code_b:
    li a0, 0xb
    ret
    .balign 4096
page_a:
    .space 4096
page_b:
    .space 4096
