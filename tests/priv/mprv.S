/* mprv.S - mstatus.MPRV: with MPP = S or U, M-mode loads and stores are translated and checked with that
 * privilege (SUM and MXR apply), instruction fetch is not affected; with MPP = M nothing changes; a fault
 * traps into M (mepc in M code, mtval = the virtual address). */
#include "test.h"

.macro SET_MPP priv
    li t0, MSTATUS_MPP
    csrc mstatus, t0
    li t0, (\priv << 11)
    csrs mstatus, t0
.endm

TEST_MAIN
    csrw mie, zero
    jal ra, vm_init
    csrw satp, a0
    la a0, pg
    li a1, 0x6d707276
    sw a1, 0(a0)
    MAP_TEST_PAGE 0, pg, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D                  /* S page */
    MAP_TEST_PAGE 1, pg, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D          /* U page */
    MAP_TEST_PAGE 2, pg, PTE_V | PTE_X | PTE_A                                  /* execute-only */
    sfence.vma

    TEST_CASE 1                     /* MPP = S: loads and stores at VA_TEST work from M */
    SET_MPP PRV_S
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    li a1, VA_TEST
    lw s1, 0(a1)
    li a2, 0x1111
    sw a2, 4(a1)
    li a0, MSTATUS_MPRV
    csrc mstatus, a0
    CHECK s1, 0x6d707276
    CHECK_MEM pg + 4, 0x1111

    TEST_CASE 2                     /* MPP = S: U page faults without SUM, works with SUM */
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    li a1, VA_TEST + 4096
    EXPECT_TRAP .Lr2
.Lf2:
    lw s1, 0(a1)
    j fail
.Lr2:
    li a0, MSTATUS_MPRV
    csrc mstatus, a0
    CHECK_TRAP CAUSE_LOAD_PAGE_FAULT
    CHECK_TRAP_EPC .Lf2
    CHECK_TRAP_TVAL VA_TEST + 4096
    CHECK_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPRV, MSTATUS_MPP_M | MSTATUS_MPRV
    SET_MPP PRV_S                   /* the trap set MPP = M */
    li a0, MSTATUS_MPRV | MSTATUS_SUM
    csrs mstatus, a0
    lw s1, 0(a1)
    li a0, MSTATUS_MPRV | MSTATUS_SUM
    csrc mstatus, a0
    CHECK s1, 0x6d707276

    TEST_CASE 3                     /* MPP = U: U page works, S page faults (store) */
    EXPECT_TRAP .Lr3                /* before MPRV: trap_vars is in an S page */
    SET_MPP PRV_U
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    li a1, VA_TEST + 4096
    lw s1, 0(a1)
    li a1, VA_TEST
.Lf3:
    sw zero, 8(a1)
    j fail
.Lr3:
    li a0, MSTATUS_MPRV
    csrc mstatus, a0
    CHECK s1, 0x6d707276
    CHECK_TRAP CAUSE_STORE_PAGE_FAULT
    CHECK_TRAP_EPC .Lf3
    CHECK_TRAP_TVAL VA_TEST + 8

    TEST_CASE 4                     /* MXR through MPRV: execute-only page readable */
    SET_MPP PRV_S
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    li a1, VA_TEST + 2 * 4096
    EXPECT_TRAP .Lr4
    lw s1, 0(a1)
    j fail
.Lr4:
    li a0, MSTATUS_MPRV             /* the handler's mret left MPP = U with MPRV still set */
    csrc mstatus, a0
    CHECK_TRAP CAUSE_LOAD_PAGE_FAULT
    SET_MPP PRV_S
    li a0, MSTATUS_MPRV | MSTATUS_MXR
    csrs mstatus, a0
    lw s1, 0(a1)
    li a0, MSTATUS_MPRV | MSTATUS_MXR
    csrc mstatus, a0
    CHECK s1, 0x6d707276

    TEST_CASE 5                     /* MPP = M: MPRV has no effect (VA_TEST is plain physical: access fault) */
    SET_MPP PRV_M
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    la a1, pg
    lw s1, 0(a1)                    /* physical address works */
    li a1, VA_TEST
    EXPECT_TRAP .Lr5
    lw a0, 0(a1)
    j fail
.Lr5:
    li a0, MSTATUS_MPRV
    csrc mstatus, a0
    CHECK s1, 0x6d707276
    CHECK_TRAP CAUSE_LOAD_ACCESS

    TEST_CASE 6                     /* fetch is never translated by MPRV (the M code keeps running) */
    SET_MPP PRV_U
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    nop
    nop
    li a0, MSTATUS_MPRV
    csrc mstatus, a0
    CHECK_TRAP_COUNT 4
    csrw satp, zero
    TEST_PASS

    .section .pages.data, "aw", @progbits
    .balign 4096
pg:
    .space 4096
