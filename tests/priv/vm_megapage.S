/* vm_megapage.S - Sv32 4 MiB megapages (leaf PTEs in the root table): S and U access through megapage aliases of
 * RAM with the page offset carried into the physical address, and the misaligned megapage (PPN[0] != 0) page
 * fault for loads, stores and fetches. */
#include "test.h"

#define MEGA_S  0x20000000          /* S megapage -> RAM_BASE */
#define MEGA_U  0x20400000          /* U megapage -> RAM_BASE */
#define MEGA_BAD 0x20800000         /* leaf with PPN[0] = 1 */
#define OFF(label) ((label) - RAM_BASE)

TEST_MAIN
    csrw mie, zero
    jal ra, vm_init
    csrw satp, a0
    li a0, MEGA_S
    li a1, RAM_BASE
    MKPTE a1, a1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
    jal ra, vm_set_root
    li a0, MEGA_U
    li a1, RAM_BASE
    MKPTE a1, a1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D
    jal ra, vm_set_root
    li a0, MEGA_BAD
    li a1, RAM_BASE + 0x1000
    MKPTE a1, a1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
    jal ra, vm_set_root

    TEST_CASE 1                     /* S through the megapage: offset within the 4 MiB kept */
    la s2, mdata
    li a0, RAM_BASE
    sub s2, s2, a0                  /* offset of mdata in RAM */
    OK_BEGIN PRV_S, m1
    li a1, MEGA_S
    add a1, a1, s2
    lw s1, 0(a1)
    li a2, 0x5151
    sw a2, 4(a1)
    OK_END PRV_S, m1
    CHECK s1, 0x12345678
    CHECK_MEM mdata + 4, 0x5151

    TEST_CASE 2                     /* U through the U megapage, including a page-offset halfword */
    OK_BEGIN PRV_U, m2
    li a1, MEGA_U
    add a1, a1, s2
    lhu s1, 2(a1)
    OK_END PRV_U, m2
    CHECK s1, 0x1234
    li a1, MEGA_S                   /* S megapage from U: fault */
    add a1, a1, s2
    EXPECT_TRAP .Lr2
    GOTO_PRIV PRV_U, .Lu2
    .pushsection .user.text, "ax"
.Lu2:
    lw a0, 0(a1)
    j fail
    .popsection
.Lr2:
    CHECK_TRAP CAUSE_LOAD_PAGE_FAULT
    CHECK_TRAP_TVAL_REG a1

    TEST_CASE 3                     /* fetch through the megapage: run S code at its MEGA_S alias */
    la s3, mfunc
    li a0, RAM_BASE
    sub s3, s3, a0
    OK_BEGIN PRV_S, m3
    li a1, MEGA_S
    add a1, a1, s3
    jalr ra, 0(a1)
    mv s1, a0
    OK_END PRV_S, m3
    CHECK s1, 0x4d4d

    TEST_CASE 4                     /* misaligned megapage: page fault for every access type */
    li a1, MEGA_BAD + 0x10
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, MEGA_BAD + 0x10, lw a0, 0(a1)
    li a1, MEGA_BAD + 0x3ffffc
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, MEGA_BAD + 0x3ffffc, sw a0, 0(a1)
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_PAGE_FAULT, MEGA_BAD + 0x100
    csrw satp, zero
    TEST_PASS

mfunc:                              /* executed at its MEGA_S alias */
    auipc a0, 0
    li a1, MEGA_S
    bltu a0, a1, 1f
    li a0, 0x4d4d
    ret
1:  li a0, 0
    ret

    .data
    .balign 4
mdata:
    .word 0x12345678, 0
