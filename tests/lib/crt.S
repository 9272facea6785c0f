/*
 * crt.S - run-time support linked into every Iridium test program (see test.h for the conventions).
 *
 * Contents: `_start` (the ELF entry, M-mode), the M-mode trap handler `m_trap_vector`, the S-mode trap handler
 * `s_trap_vector`, `pass` / `fail` (callable from any privilege mode), the final reporting in M-mode
 * (UART message, `tohost`, system-controller power-off), and the data they share (`trap_vars`, save areas,
 * the stack, `tohost`/`fromhost`).
 *
 * Invariants:
 *  - The handlers save every register they touch in the save area that xscratch points at and restore it,
 *    so the interrupted code sees no register change (except through the documented magic ecalls).
 *  - All addresses are formed PC-relative (auipc), so this code works at any virtual address where the whole
 *    image is mapped contiguously.
 *  - Reporting always ends in M-mode with a store to `tohost` followed by a finisher write, then spins: a
 *    simulator that watches either one stops.
 */
#include "test.h"

/* Save-area slots (bytes). */
#define SA_T0   0
#define SA_T1   4
#define SA_T2   8
#define SA_T3  12
#define SA_T4  16
#define SA_T5  20
#define SA_A0  24
#define SA_A1  28
#define SA_RA  32
#define SA_T6  36
#define SA_SIZE 64

    .section .text.init, "ax"
    .global _start
_start:
    /* Deterministic register file (the simulators reset it to zero too; this keeps difftest honest). */
    li x1, 0
    li x2, 0
    li x3, 0
    li x4, 0
    li x5, 0
    li x6, 0
    li x7, 0
    li x8, 0
    li x9, 0
    li x10, 0
    li x11, 0
    li x12, 0
    li x13, 0
    li x14, 0
    li x15, 0
    li x16, 0
    li x17, 0
    li x18, 0
    li x19, 0
    li x20, 0
    li x21, 0
    li x22, 0
    li x23, 0
    li x24, 0
    li x25, 0
    li x26, 0
    li x27, 0
    li x28, 0
    li x29, 0
    li x30, 0
    li x31, 0
    la t0, m_trap_vector
    csrw mtvec, t0
    la t0, m_save_area
    csrw mscratch, t0
    la sp, stack_top
    j test_main

/* ---- pass / fail: usable in any privilege mode ------------------------------------------------------------ */
    .text
    .global pass
    .global fail
    .balign 4
pass:
    li a7, MAGIC_PASS
    ecall
    j pass
fail:
    li a7, MAGIC_FAIL
    ecall
    j fail

/* ---- M-mode trap handler ------------------------------------------------------------------------------------ */
    .balign 64
    .global m_trap_vector
m_trap_vector:
    csrrw t6, mscratch, t6          /* t6 = save area, mscratch = interrupted t6 */
    sw t0, SA_T0(t6)
    sw t1, SA_T1(t6)
    sw t2, SA_T2(t6)
    sw t3, SA_T3(t6)
    sw t4, SA_T4(t6)
    sw t5, SA_T5(t6)
    sw a0, SA_A0(t6)
    sw a1, SA_A1(t6)
    sw ra, SA_RA(t6)
    csrr t0, mscratch
    sw t0, SA_T6(t6)
    csrw mscratch, t6
    csrr t0, mcause
    csrr t1, mepc
    csrr t2, mtval
    csrr t3, mstatus

    /* Magic ecalls (from U, S or M): pass, fail, return to M. */
    addi a0, t0, -CAUSE_ECALL_U
    li a1, 4
    bgeu a0, a1, 1f
    li a0, MAGIC_PASS
    beq a7, a0, report_pass
    li a0, MAGIC_FAIL
    beq a7, a0, report_fail
    li a0, MAGIC_TO_M
    bne a7, a0, 2f
    addi a1, t1, 4                  /* continue after the ecall */
    j m_resume_in_m
2:  li a0, MAGIC_TO_M_AT
    bne a7, a0, 1f
    la a0, trap_vars
    lw a1, TV_TOM_RESUME(a0)        /* continue where the S handler said */
    j m_resume_in_m

1:  /* Record the trap. */
    la a0, trap_vars
    sw t0, TV_CAUSE(a0)
    sw t1, TV_EPC(a0)
    sw t2, TV_TVAL(a0)
    sw t3, TV_STATUS(a0)
    li a1, PRV_M
    sw a1, TV_MODE(a0)
    lw a1, TV_COUNT(a0)
    addi a1, a1, 1
    sw a1, TV_COUNT(a0)
    lw a1, TV_RESUME(a0)
    beqz a1, m_unexpected
    sw zero, TV_RESUME(a0)          /* one expectation, one trap */
    csrw mepc, a1
    lw a1, TV_RESUME_PRIV(a0)
    li t0, MSTATUS_MPP | MSTATUS_MPIE
    csrc mstatus, t0
    slli a1, a1, 11
    csrs mstatus, a1
    j m_restore

m_resume_in_m:                      /* a1 = resume address; back in M with MIE = 0 */
    csrw mepc, a1
    li t0, MSTATUS_MPP
    csrs mstatus, t0
    li t0, MSTATUS_MPIE
    csrc mstatus, t0
m_restore:
    lw t0, SA_T0(t6)
    lw t1, SA_T1(t6)
    lw t2, SA_T2(t6)
    lw t3, SA_T3(t6)
    lw t4, SA_T4(t6)
    lw t5, SA_T5(t6)
    lw a0, SA_A0(t6)
    lw a1, SA_A1(t6)
    lw ra, SA_RA(t6)
    lw t6, SA_T6(t6)
    mret

m_unexpected:
    li a1, 1
    sw a1, TV_UNEXPECTED(a0)
    j report_fail

/* ---- S-mode trap handler (installed by INIT_S) ------------------------------------------------------------- */
    .balign 64
    .global s_trap_vector
s_trap_vector:
    csrrw t6, sscratch, t6
    sw t0, SA_T0(t6)
    sw t1, SA_T1(t6)
    sw t2, SA_T2(t6)
    sw t3, SA_T3(t6)
    sw t4, SA_T4(t6)
    sw t5, SA_T5(t6)
    sw a0, SA_A0(t6)
    sw a1, SA_A1(t6)
    sw ra, SA_RA(t6)
    csrr t0, sscratch
    sw t0, SA_T6(t6)
    csrw sscratch, t6
    csrr t0, scause
    csrr t1, sepc
    csrr t2, stval
    csrr t3, sstatus

    /* Magic ecalls delegated to S: forward them to M. */
    addi a0, t0, -CAUSE_ECALL_U
    li a1, 2
    bgeu a0, a1, 1f
    li a0, MAGIC_PASS
    beq a7, a0, s_forward
    li a0, MAGIC_FAIL
    beq a7, a0, s_forward
    li a0, MAGIC_TO_M
    bne a7, a0, 1f
    la a0, trap_vars
    addi a1, t1, 4
    sw a1, TV_TOM_RESUME(a0)
    li a7, MAGIC_TO_M_AT
    j s_forward

1:  la a0, trap_vars
    sw t0, TV_CAUSE(a0)
    sw t1, TV_EPC(a0)
    sw t2, TV_TVAL(a0)
    sw t3, TV_STATUS(a0)
    li a1, PRV_S
    sw a1, TV_MODE(a0)
    lw a1, TV_COUNT(a0)
    addi a1, a1, 1
    sw a1, TV_COUNT(a0)
    lw a1, TV_SRESUME(a0)
    beqz a1, s_unexpected
    sw zero, TV_SRESUME(a0)
    csrw sepc, a1
    lw a1, TV_SRESUME_PRIV(a0)
    li t0, MSTATUS_SPP | MSTATUS_SPIE
    csrc sstatus, t0
    slli a1, a1, 8
    csrs sstatus, a1
    jal zero, s_restore_sret

s_unexpected:
    li a1, 1
    sw a1, TV_UNEXPECTED(a0)
    li a7, MAGIC_FAIL
s_forward:                          /* restore everything but a7, then ecall into M */
    lw t0, SA_T0(t6)
    lw t1, SA_T1(t6)
    lw t2, SA_T2(t6)
    lw t3, SA_T3(t6)
    lw t4, SA_T4(t6)
    lw t5, SA_T5(t6)
    lw a0, SA_A0(t6)
    lw a1, SA_A1(t6)
    lw ra, SA_RA(t6)
    lw t6, SA_T6(t6)
    ecall
    j fail

s_restore_sret:
    lw t0, SA_T0(t6)
    lw t1, SA_T1(t6)
    lw t2, SA_T2(t6)
    lw t3, SA_T3(t6)
    lw t4, SA_T4(t6)
    lw t5, SA_T5(t6)
    lw a0, SA_A0(t6)
    lw a1, SA_A1(t6)
    lw ra, SA_RA(t6)
    lw t6, SA_T6(t6)
    sret

/* ---- Final reporting (M-mode) -------------------------------------------------------------------------------- */
report_pass:
    la a0, msg_pass
    jal ra, puts
    la t0, tohost
    li t1, 1
    sw zero, 4(t0)
    sw t1, 0(t0)
    li t0, SYSCTL_BASE
    li t1, 0x5555
    sw t1, SYSCTL_FINISHER(t0)
1:  j 1b

report_fail:
    mv s0, gp
    bnez s0, 1f
    li s0, 2047                     /* failure before the first TEST_CASE */
1:  li t0, 2047
    bleu s0, t0, 2f
    li s0, 2047                     /* keep (n << 16) | 0x3333 and (n << 1) | 1 meaningful */
2:  la a0, msg_fail
    jal ra, puts
    mv a0, s0
    jal ra, putdec
    la a0, trap_vars
    lw t0, TV_UNEXPECTED(a0)
    beqz t0, 3f
    la a0, msg_trap
    jal ra, puts
    la s1, trap_vars
    lw a0, TV_CAUSE(s1)
    jal ra, puthex
    la a0, msg_epc
    jal ra, puts
    lw a0, TV_EPC(s1)
    jal ra, puthex
    la a0, msg_tval
    jal ra, puts
    lw a0, TV_TVAL(s1)
    jal ra, puthex
    la a0, msg_mode
    jal ra, puts
    lw a0, TV_MODE(s1)
    jal ra, putdec
3:  li a0, '\n'
    jal ra, putc
    la t0, tohost
    slli t1, s0, 1
    ori t1, t1, 1
    sw zero, 4(t0)
    sw t1, 0(t0)
    li t0, SYSCTL_BASE
    slli t1, s0, 16
    li t2, 0x3333
    or t1, t1, t2
    sw t1, SYSCTL_FINISHER(t0)
4:  j 4b

/* putc(a0): one byte to the UART (the TX write waits while the FIFO is full). Clobbers t0. */
putc:
    li t0, UART_BASE
    sw a0, UART_TXDATA(t0)
    ret

/* puts(a0 = NUL-terminated string). Clobbers t0-t2, a0. */
puts:
    mv t1, a0
    li t0, UART_BASE
1:  lbu t2, 0(t1)
    beqz t2, 2f
    sw t2, UART_TXDATA(t0)
    addi t1, t1, 1
    j 1b
2:  ret

/* puthex(a0): "0x" and 8 hex digits. Clobbers t0-t3. */
puthex:
    li t0, UART_BASE
    li t1, '0'
    sw t1, UART_TXDATA(t0)
    li t1, 'x'
    sw t1, UART_TXDATA(t0)
    li t2, 28
1:  srl t1, a0, t2
    andi t1, t1, 15
    li t3, 10
    bltu t1, t3, 2f
    addi t1, t1, 'a' - '0' - 10
2:  addi t1, t1, '0'
    sw t1, UART_TXDATA(t0)
    addi t2, t2, -4
    bgez t2, 1b
    ret

/* putdec(a0): unsigned decimal, a0 < 10000 (no division: the divider may be what is broken). Clobbers t0-t5, a0. */
putdec:
    li t0, UART_BASE
    la t3, pow10
    li t4, 0                        /* non-zero once a digit was printed */
1:  lw t2, 0(t3)
    beqz t2, 5f
    li t1, 0
2:  bltu a0, t2, 3f
    sub a0, a0, t2
    addi t1, t1, 1
    j 2b
3:  or t4, t4, t1
    li t5, 1
    beq t2, t5, 4f                  /* always print the last digit */
    beqz t4, 6f                     /* no leading zeros */
4:  addi t1, t1, '0'
    sw t1, UART_TXDATA(t0)
6:  addi t3, t3, 4
    j 1b
5:  ret

/* ---- Sv32 helpers (callable from M, or from S with the image identity mapped) -------------------------------- */

/* vm_init: build the standard page tables and return the satp value (Sv32, root = vm_root) in a0.
 *  - VA 0x40000000-0x403fffff -> the same PA through vm_l0, 4 KiB pages: R W X A D, plus U for the pages between
 *    __user_start and __user_end (the .user.* sections); this covers the whole test image;
 *  - VA 0x10000000-0x103fffff -> through vm_l0b, every entry invalid (tests map pages there with vm_set_pte);
 *  - every other root entry invalid.
 * Clobbers a0-a5, t0-t2. */
    .global vm_init
vm_init:
    la a0, vm_root                  /* clear the three tables (contiguous in .pages) */
    li a1, 3 * 4096
    add a1, a1, a0
1:  sw zero, 0(a0)
    addi a0, a0, 4
    bltu a0, a1, 1b
    la a0, vm_root
    la a1, vm_l0                    /* root[0x100] -> vm_l0 */
    srli a2, a1, 12
    slli a2, a2, 10
    ori a2, a2, PTE_V
    sw a2, (0x100 * 4)(a0)
    la a1, vm_l0b                   /* root[0x40] -> vm_l0b */
    srli a2, a1, 12
    slli a2, a2, 10
    ori a2, a2, PTE_V
    sw a2, (0x40 * 4)(a0)
    la a3, __user_start
    la a4, __user_end
    la a1, vm_l0
    li a2, RAM_BASE                 /* PA of entry 0 */
    li a5, 1024
2:  srli t0, a2, 12
    slli t0, t0, 10
    ori t0, t0, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
    bltu a2, a3, 3f
    bgeu a2, a4, 3f
    ori t0, t0, PTE_U
3:  sw t0, 0(a1)
    addi a1, a1, 4
    li t1, 4096
    add a2, a2, t1
    addi a5, a5, -1
    bnez a5, 2b
    la a0, vm_root
    srli a0, a0, 12
    li t0, SATP_MODE_SV32
    or a0, a0, t0
    ret

/* vm_set_pte: a0 = VA, a1 = the new level-0 PTE for it (the root entry of VA must point to an L0 table).
 * Clobbers t0, t1. */
    .global vm_set_pte
vm_set_pte:
    la t0, vm_root
    srli t1, a0, 22
    slli t1, t1, 2
    add t0, t0, t1
    lw t0, 0(t0)                    /* pointer PTE */
    srli t0, t0, 10
    slli t0, t0, 12                 /* L0 table */
    srli t1, a0, 12
    andi t1, t1, 0x3ff
    slli t1, t1, 2
    add t0, t0, t1
    sw a1, 0(t0)
    ret

/* vm_set_root: a0 = VA, a1 = the new root PTE for its 4 MiB region. Clobbers t0, t1. */
    .global vm_set_root
vm_set_root:
    la t0, vm_root
    srli t1, a0, 22
    slli t1, t1, 2
    add t0, t0, t1
    sw a1, 0(t0)
    ret

/* ---- Data ---------------------------------------------------------------------------------------------------- */
    .section .rodata
    .balign 4
pow10:
    .word 1000, 100, 10, 1, 0
msg_pass:
    .asciz "PASS\n"
msg_fail:
    .asciz "FAIL test "
msg_trap:
    .asciz ": unexpected trap cause "
msg_epc:
    .asciz " epc "
msg_tval:
    .asciz " tval "
msg_mode:
    .asciz " taken in mode "

    .data
    .balign 64
    .global trap_vars
trap_vars:                          /* offsets TV_* in test.h */
    .space 64
    .global m_save_area
m_save_area:
    .space SA_SIZE
    .global s_save_area
s_save_area:
    .space SA_SIZE

    .section .tohost, "aw", @progbits
    .balign 64
    .global tohost
tohost:
    .dword 0
    .balign 64
    .global fromhost
fromhost:
    .dword 0
    .balign 64

    .section .pages, "aw", @progbits
    .balign 4096
    .global vm_root
vm_root:
    .space 4096
    .global vm_l0
vm_l0:
    .space 4096
    .global vm_l0b
vm_l0b:
    .space 4096

    .bss
    .balign 16
stack:
    .space 4096
    .global stack_top
stack_top:
