/* vm_faults.S - Sv32 page faults (cause 12 fetch, 13 load, 15 store; mtval = the virtual address) for every
 * permission case: invalid PTE, not readable, W without R, not writable, not executable, U page from S without
 * SUM (SUM allows loads/stores, never execution), S page from U, MXR (execute-only pages readable), A clear,
 * D clear on a store, a pointer PTE at the last level; access faults (5/7/1) for a walk that reads a PTE outside
 * memory and for a physical address above 32 bits; page faults delegated to S; a fetch that runs sequentially
 * off the end of a mapped page. Test pages live at VA_TEST + k * 4096. */
#include "test.h"

#define AD (PTE_A | PTE_D)
#define VA(k) (VA_TEST + (k) * 4096)

TEST_MAIN
    csrw mie, zero
    INIT_S
    jal ra, vm_init
    csrw satp, a0                   /* M is not translated: takes effect in S and U */
    la a0, pg_data                  /* data the loads see */
    li a1, 0x600d0000
    sw a1, 0(a0)
    li a1, 0x600d07f4
    sw a1, 0x7f4(a0)

    TEST_CASE 1                     /* invalid */
    MAP_TEST_PAGE 0, pg_data, PTE_R | PTE_W | PTE_X | AD    /* V = 0 */
    li a1, VA(0)
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, VA(0) + 0x7f4, lw a0, 0x7f4(a1)
    li a1, VA(0)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(0) + 8, sw a0, 8(a1)
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_PAGE_FAULT, VA(0)
    li a1, VA(0)
    FAULT_IN PRV_U, CAUSE_LOAD_PAGE_FAULT, VA(0) + 3, lbu a0, 3(a1)
    li a1, 0x00801000               /* root entry invalid (nothing mapped at 8 MiB) */
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, 0x00801000, lw a0, 0(a1)

    TEST_CASE 2                     /* valid page works in S: the baseline */
    MAP_TEST_PAGE 1, pg_data, PTE_V | PTE_R | PTE_W | AD
    li a1, VA(1)
    OK_BEGIN PRV_S, c1
    lw s1, 0x7f4(a1)
    sw s1, 4(a1)
    OK_END PRV_S, c1
    CHECK s1, 0x600d07f4
    CHECK_MEM pg_data + 4, 0x600d07f4

    TEST_CASE 3                     /* not readable (execute-only) and MXR */
    MAP_TEST_PAGE 2, pg_data, PTE_V | PTE_X | AD
    li a1, VA(2)
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, VA(2), lw a0, 0(a1)
    li a0, MSTATUS_MXR
    csrs mstatus, a0
    li a1, VA(2)
    OK_BEGIN PRV_S, c2
    lw s1, 0(a1)
    OK_END PRV_S, c2
    CHECK s1, 0x600d0000
    li a1, VA(2)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(2), sw a0, 0(a1)  /* MXR does not make it writable */
    MAP_TEST_PAGE 3, pg_data, PTE_V | PTE_X | PTE_U | AD
    li a1, VA(3)
    OK_BEGIN PRV_U, c3
    lw s1, 0x7f4(a1)
    OK_END PRV_U, c3
    CHECK s1, 0x600d07f4
    li a0, MSTATUS_MXR
    csrc mstatus, a0
    li a1, VA(3)
    FAULT_IN PRV_U, CAUSE_LOAD_PAGE_FAULT, VA(3) + 0x7f4, lw a0, 0x7f4(a1)

    TEST_CASE 4                     /* W without R: reserved, faults on every access */
    MAP_TEST_PAGE 4, pg_data, PTE_V | PTE_W | AD
    li a1, VA(4)
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, VA(4), lw a0, 0(a1)
    li a1, VA(4)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(4), sw a0, 0(a1)
    MAP_TEST_PAGE 4, pg_code, PTE_V | PTE_W | PTE_X | AD
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_PAGE_FAULT, VA(4)

    TEST_CASE 5                     /* not writable */
    MAP_TEST_PAGE 5, pg_data, PTE_V | PTE_R | AD
    li a1, VA(5)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(5) + 0x10, sw a0, 0x10(a1)
    li a1, VA(5)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(5) + 0x11, sb a0, 0x11(a1)
    li a1, VA(5)
    OK_BEGIN PRV_S, c4
    lw s1, 0(a1)
    OK_END PRV_S, c4
    CHECK s1, 0x600d0000

    TEST_CASE 6                     /* not executable; executable works */
    MAP_TEST_PAGE 6, pg_code, PTE_V | PTE_R | PTE_W | AD
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_PAGE_FAULT, VA(6)
    MAP_TEST_PAGE 6, pg_code, PTE_V | PTE_X | AD
    li a1, VA(6)
    OK_BEGIN PRV_S, c5
    jalr ra, 0(a1)
    mv s1, a0
    OK_END PRV_S, c5
    CHECK s1, 0x777

    TEST_CASE 7                     /* U page from S: SUM off faults, SUM on allows loads/stores, never fetch */
    MAP_TEST_PAGE 7, pg_data, PTE_V | PTE_R | PTE_W | PTE_U | AD
    li a1, VA(7)
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, VA(7), lw a0, 0(a1)
    li a1, VA(7)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(7) + 0x20, sw a0, 0x20(a1)
    li a0, MSTATUS_SUM
    csrs mstatus, a0
    li a1, VA(7)
    OK_BEGIN PRV_S, c6
    lw s1, 0(a1)
    sw s1, 0x20(a1)
    OK_END PRV_S, c6
    CHECK s1, 0x600d0000
    CHECK_MEM pg_data + 0x20, 0x600d0000
    MAP_TEST_PAGE 8, pg_code, PTE_V | PTE_R | PTE_X | PTE_U | AD
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_PAGE_FAULT, VA(8)
    li a0, MSTATUS_SUM
    csrc mstatus, a0
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_PAGE_FAULT, VA(8)
    li a1, VA(8)                    /* ... and U itself runs it */
    OK_BEGIN PRV_U, c7
    jalr ra, 0(a1)
    mv s1, a0
    OK_END PRV_U, c7
    CHECK s1, 0x777

    TEST_CASE 8                     /* S page from U */
    MAP_TEST_PAGE 9, pg_data, PTE_V | PTE_R | PTE_W | PTE_X | AD
    li a1, VA(9)
    FAULT_IN PRV_U, CAUSE_LOAD_PAGE_FAULT, VA(9) + 4, lw a0, 4(a1)
    li a1, VA(9)
    FAULT_IN PRV_U, CAUSE_STORE_PAGE_FAULT, VA(9), sw a0, 0(a1)
    MAP_TEST_PAGE 9, pg_code, PTE_V | PTE_R | PTE_W | PTE_X | AD
    FETCH_FAULT_IN PRV_U, CAUSE_FETCH_PAGE_FAULT, VA(9)
    li a0, MSTATUS_SUM              /* SUM does not open S pages to U */
    csrs mstatus, a0
    li a1, VA(9)
    FAULT_IN PRV_U, CAUSE_LOAD_PAGE_FAULT, VA(9), lw a0, 0(a1)
    li a0, MSTATUS_SUM
    csrc mstatus, a0

    TEST_CASE 9                     /* A clear: every access faults (no hardware A/D update) */
    MAP_TEST_PAGE 10, pg_data, PTE_V | PTE_R | PTE_W | PTE_D
    li a1, VA(10)
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, VA(10), lw a0, 0(a1)
    li a1, VA(10)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(10), sw a0, 0(a1)
    MAP_TEST_PAGE 10, pg_code, PTE_V | PTE_R | PTE_X | PTE_D
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_PAGE_FAULT, VA(10)
    la a0, vm_l0b                   /* the PTE was not changed by the walker */
    lw a0, 40(a0)
    andi a0, a0, PTE_A
    CHECK a0, 0

    TEST_CASE 10                    /* D clear: loads fine, stores fault */
    MAP_TEST_PAGE 11, pg_data, PTE_V | PTE_R | PTE_W | PTE_A
    li a1, VA(11)
    OK_BEGIN PRV_S, c8
    lw s1, 0(a1)
    OK_END PRV_S, c8
    CHECK s1, 0x600d0000
    li a1, VA(11)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(11) + 0xc, sw a0, 0xc(a1)
    la a0, vm_l0b
    lw a0, 44(a0)
    andi a0, a0, PTE_D
    CHECK a0, 0

    TEST_CASE 11                    /* a pointer PTE (V, R = W = X = 0) at the last level */
    MAP_TEST_PAGE 12, pg_data, PTE_V | AD
    li a1, VA(12)
    FAULT_IN PRV_S, CAUSE_LOAD_PAGE_FAULT, VA(12), lw a0, 0(a1)
    li a1, VA(12)
    FAULT_IN PRV_S, CAUSE_STORE_PAGE_FAULT, VA(12), sw a0, 0(a1)

    TEST_CASE 12                    /* the walk reads a PTE outside memory: access fault of the access type */
    li a0, 0x30000000
    li a1, UNMAPPED_ADDR
    MKPTE a1, a1, PTE_V             /* root[0xc0] -> "L0 table" at 0x20000000 */
    jal ra, vm_set_root
    li a1, 0x30000000
    FAULT_IN PRV_S, CAUSE_LOAD_ACCESS, 0x30000010, lw a0, 0x10(a1)
    li a1, 0x30000000
    FAULT_IN PRV_S, CAUSE_STORE_ACCESS, 0x30000000, sw a0, 0(a1)
    FETCH_FAULT_IN PRV_S, CAUSE_FETCH_ACCESS, 0x30000000
    li a0, 0x30000000
    li a1, 0
    jal ra, vm_set_root

    TEST_CASE 13                    /* physical address above 4 GiB: access fault */
    li a0, VA(13)
    li a1, (0x00100040 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | AD   /* PA 0x1_0004_0000 */
    jal ra, vm_set_pte
    li a1, VA(13)
    FAULT_IN PRV_S, CAUSE_LOAD_ACCESS, VA(13) + 8, lw a0, 8(a1)
    li a1, VA(13)
    FAULT_IN PRV_S, CAUSE_STORE_ACCESS, VA(13), sw a0, 0(a1)

    TEST_CASE 14                    /* page faults delegated to S: scause / stval / sepc */
    li a0, (1 << CAUSE_FETCH_PAGE_FAULT) | (1 << CAUSE_LOAD_PAGE_FAULT) | (1 << CAUSE_STORE_PAGE_FAULT)
    csrw medeleg, a0
    sfence.vma
    EXPECT_STRAP .Lsr14a
    GOTO_PRIV PRV_S, .Ls14
.Ls14:
    li a1, VA(0)
.Li14a:
    lw a0, 0x100(a1)
    j fail
.Lsr14a:
    la t0, trap_vars                /* keep the first record */
    lw s1, TV_CAUSE(t0)
    lw s2, TV_TVAL(t0)
    lw s3, TV_EPC(t0)
    lw s4, TV_MODE(t0)
    EXPECT_STRAP .Lsr14b
    li a1, VA(5)
    sh a0, 0x22(a1)
    j fail
.Lsr14b:
    TO_M
    csrw medeleg, zero
    CHECK s1, CAUSE_LOAD_PAGE_FAULT
    CHECK s2, VA(0) + 0x100
    CHECK_LABEL s3, .Li14a
    CHECK s4, PRV_S
    CHECK_TRAP CAUSE_STORE_PAGE_FAULT, PRV_S
    CHECK_TRAP_TVAL VA(5) + 0x22
    CHECK_CSR stval, VA(5) + 0x22
    CHECK_CSR scause, CAUSE_STORE_PAGE_FAULT

    TEST_CASE 15                    /* running off the end of an executable page into an invalid one */
    MAP_TEST_PAGE 14, pg_code, PTE_V | PTE_X | AD
    li a0, VA(15)
    li a1, 0
    jal ra, vm_set_pte
    sfence.vma
    EXPECT_TRAP .Lr15
    GOTO_PRIV PRV_S, .Ls15
.Ls15:
    li a1, VA(14) + 4088            /* two nops, then the next page */
    jalr ra, 0(a1)
    j fail
.Lr15:
    CHECK_TRAP CAUSE_FETCH_PAGE_FAULT
    CHECK_TRAP_EPC_VAL VA(15)
    CHECK_TRAP_TVAL VA(15)
    csrw satp, zero
    TEST_PASS

    .section .pages.code, "awx", @progbits
    .balign 4096
pg_code:                            /* a0 = 0x777, return; two nops at the very end of the page */
    li a0, 0x777
    jr ra
    .skip 4096 - 16
    nop
    nop
    .balign 4096
pg_data:
    .space 4096
