/*
 * start.S - reset entry of the boot ROM (address 0) and the firmware's M-mode trap entry.
 *
 * At reset the hart is in M-mode with mtvec = 0 and RAM contents unknown. Before any C runs: mtvec points at
 * trap_entry, sp is the top of the firmware stack in RAM, mscratch holds that same stack top, .data is copied from
 * its load image in ROM and .bss is zeroed (both word aligned by bootrom.ld). No gp (the linker script defines no
 * __global_pointer$).
 *
 * Trap entry invariant: mscratch = top of the M-mode trap stack while S/U code runs, 0 while an unexpected trap is
 * being reported. Every trap swaps sp with mscratch, saves all 31 registers in a frame (struct mframe in fw.h,
 * x[i] at offset 4*i, x2 = the interrupted sp), calls m_trap(frame) and restores everything before mret. m_trap
 * never returns for a trap taken from M-mode (it reports it and powers off). A trap while mscratch = 0 (a fault
 * while reporting) powers off at once with failure code 0x7F, without touching memory.
 */
#define SYSCTL_BASE   0x80001000
#define FINISH_TRAP   ((0x7F << 16) | 0x3333)
#define EXIT_RETURNED 0x7E
#define FRAME_BYTES   128

    .section .text.start, "ax"
    .globl _start
_start:
    la      t0, trap_entry
    csrw    mtvec, t0
    la      sp, __stack_top
    csrw    mscratch, sp

    /* copy .data from ROM to RAM */
    la      t0, __data_load
    la      t1, __data_start
    la      t2, __data_end
1:  bgeu    t1, t2, 2f
    lw      t3, 0(t0)
    sw      t3, 0(t1)
    addi    t0, t0, 4
    addi    t1, t1, 4
    j       1b

    /* zero .bss */
2:  la      t1, __bss_start
    la      t2, __bss_end
3:  bgeu    t1, t2, 4f
    sw      zero, 0(t1)
    addi    t1, t1, 4
    j       3b

4:  call    main
    li      a0, EXIT_RETURNED       /* main is not supposed to return */
    call    poweroff

    .align  2
    .globl  trap_entry
trap_entry:
    csrrw   sp, mscratch, sp
    beqz    sp, 9f
    addi    sp, sp, -FRAME_BYTES
    sw      x1, 4(sp)
    sw      x3, 12(sp)
    sw      x4, 16(sp)
    sw      x5, 20(sp)
    sw      x6, 24(sp)
    sw      x7, 28(sp)
    sw      x8, 32(sp)
    sw      x9, 36(sp)
    sw      x10, 40(sp)
    sw      x11, 44(sp)
    sw      x12, 48(sp)
    sw      x13, 52(sp)
    sw      x14, 56(sp)
    sw      x15, 60(sp)
    sw      x16, 64(sp)
    sw      x17, 68(sp)
    sw      x18, 72(sp)
    sw      x19, 76(sp)
    sw      x20, 80(sp)
    sw      x21, 84(sp)
    sw      x22, 88(sp)
    sw      x23, 92(sp)
    sw      x24, 96(sp)
    sw      x25, 100(sp)
    sw      x26, 104(sp)
    sw      x27, 108(sp)
    sw      x28, 112(sp)
    sw      x29, 116(sp)
    sw      x30, 120(sp)
    sw      x31, 124(sp)
    csrr    t0, mscratch
    sw      t0, 8(sp)
    mv      a0, sp
    call    m_trap
    lw      x1, 4(sp)
    lw      x3, 12(sp)
    lw      x4, 16(sp)
    lw      x5, 20(sp)
    lw      x6, 24(sp)
    lw      x7, 28(sp)
    lw      x8, 32(sp)
    lw      x9, 36(sp)
    lw      x10, 40(sp)
    lw      x11, 44(sp)
    lw      x12, 48(sp)
    lw      x13, 52(sp)
    lw      x14, 56(sp)
    lw      x15, 60(sp)
    lw      x16, 64(sp)
    lw      x17, 68(sp)
    lw      x18, 72(sp)
    lw      x19, 76(sp)
    lw      x20, 80(sp)
    lw      x21, 84(sp)
    lw      x22, 88(sp)
    lw      x23, 92(sp)
    lw      x24, 96(sp)
    lw      x25, 100(sp)
    lw      x26, 104(sp)
    lw      x27, 108(sp)
    lw      x28, 112(sp)
    lw      x29, 116(sp)
    lw      x30, 120(sp)
    lw      x31, 124(sp)
    addi    sp, sp, FRAME_BYTES
    csrrw   sp, mscratch, sp
    mret

9:  li      t0, SYSCTL_BASE
    li      t1, FINISH_TRAP
    sw      t1, 0(t0)
10: wfi
    j       10b

/* Enter the kernel in S-mode: enter_kernel(entry, hartid, bootinfo). mstatus.MPP = S, MPIE = 0 were set by the
 * caller; the M stack is reset (mscratch = its top) since main never resumes. */
    .globl  enter_kernel
enter_kernel:
    csrw    mepc, a0
    la      t0, __stack_top
    csrw    mscratch, t0
    mv      a0, a1
    mv      a1, a2
    li      sp, 0
    li      ra, 0
    mret
