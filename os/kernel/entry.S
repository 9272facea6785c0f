/*
 * entry.S - kernel entry point, the trap vector, the return to user mode and the context switch.
 *
 * _entry: the firmware enters here in S-mode with a0 = hart id, a1 = &bootinfo, satp = 0; the boot stack (in .bss)
 * becomes the scheduler's stack.
 * Trap vector invariant: sscratch = top of the current process's kernel stack while U-mode runs, 0 while the
 * kernel runs. A trap from U saves all 31 registers, sepc, sstatus, scause and stval into the trapframe at the top
 * of the kernel stack (struct trapframe, x[i] at 4*i) and calls user_trap(tf); user_return(tf) restores all of it
 * and srets. A trap from S (a kernel bug: the kernel never enables SIE) switches to a separate panic stack, so a
 * kernel stack overflow into its guard page is still reported, and calls kernel_trap (never returns).
 * swtch(old, new): saves ra, sp, s0-s11 in *old and loads them from *new.
 */
#include "iridium/regsave.h"
#define TF_SIZE 144

    .section .text.entry, "ax"
    .globl _entry
_entry:
    la      t0, __bss_start         /* the image holds no .bss: zero it */
    la      t1, _end
3:  bgeu    t0, t1, 4f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       3b
4:  la      sp, boot_stack_top
    csrw    sscratch, zero
    call    kmain
1:  wfi
    j       1b

.macro SAVE_TRAP_CSRS                /* frame at sp: the trapped sp (held in sscratch), sepc..stval */
    csrr    t0, sscratch
    sw      t0, 8(sp)
    csrw    sscratch, zero
    csrr    t0, sepc
    sw      t0, 128(sp)
    csrr    t0, sstatus
    sw      t0, 132(sp)
    csrr    t0, scause
    sw      t0, 136(sp)
    csrr    t0, stval
    sw      t0, 140(sp)
.endm

    .text
    .align  2
    .globl  trap_vector
trap_vector:
    csrrw   sp, sscratch, sp
    beqz    sp, from_kernel
    addi    sp, sp, -TF_SIZE
    SAVE_GPRS sp
    SAVE_TRAP_CSRS
    mv      a0, sp
    call    user_trap
    mv      a0, sp
    /* fall through */

    .globl  user_return
user_return:
    mv      sp, a0
    lw      t0, 128(sp)
    csrw    sepc, t0
    lw      t0, 132(sp)
    csrw    sstatus, t0
    addi    t0, sp, TF_SIZE
    csrw    sscratch, t0
    LOAD_GPRS sp
    lw      sp, 8(sp)
    sret

from_kernel:
    csrrw   sp, sscratch, sp        /* sp = kernel sp again, sscratch = 0 */
    csrw    sscratch, sp            /* keep it while switching stacks */
    la      sp, panic_stack_top
    addi    sp, sp, -TF_SIZE
    sw      x1, 4(sp)
    sw      x5, 20(sp)
    sw      x8, 32(sp)
    sw      x10, 40(sp)
    SAVE_TRAP_CSRS
    mv      a0, sp
    call    kernel_trap
2:  j       2b

    .globl  swtch
swtch:
    sw      ra, 0(a0)
    sw      sp, 4(a0)
    sw      s0, 8(a0)
    sw      s1, 12(a0)
    sw      s2, 16(a0)
    sw      s3, 20(a0)
    sw      s4, 24(a0)
    sw      s5, 28(a0)
    sw      s6, 32(a0)
    sw      s7, 36(a0)
    sw      s8, 40(a0)
    sw      s9, 44(a0)
    sw      s10, 48(a0)
    sw      s11, 52(a0)
    lw      ra, 0(a1)
    lw      sp, 4(a1)
    lw      s0, 8(a1)
    lw      s1, 12(a1)
    lw      s2, 16(a1)
    lw      s3, 20(a1)
    lw      s4, 24(a1)
    lw      s5, 28(a1)
    lw      s6, 32(a1)
    lw      s7, 36(a1)
    lw      s8, 40(a1)
    lw      s9, 44(a1)
    lw      s10, 48(a1)
    lw      s11, 52(a1)
    ret

    .bss
    .align  4
    .space  16384
    .globl  boot_stack_top
boot_stack_top:
    .space  4096
    .globl  panic_stack_top
panic_stack_top:
