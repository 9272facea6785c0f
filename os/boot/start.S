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
#include "iridium/regsave.h"
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
    SAVE_GPRS sp
    csrr    t0, mscratch
    sw      t0, 8(sp)
    mv      a0, sp
    call    m_trap
    LOAD_GPRS sp
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
