/*
 * regsave.h - assembler macros (for .S files) that store and load the general registers of a trap frame.
 *
 * Layout shared by the firmware's M-mode frame and the kernel's trap frame: word n of the frame holds register xn
 * (n = 1..31); the caller handles x0's slot (unused) and x2's (sp, which usually holds the frame address itself).
 */
#ifndef IRIDIUM_REGSAVE_H
#define IRIDIUM_REGSAVE_H

/* store x1 and x3..x31 at 4*n(base) */
.macro SAVE_GPRS base
    sw      x1, 4(\base)
    .irp    n, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sw      x\n, (\n * 4)(\base)
    .endr
.endm

/* load x1 and x3..x31 from 4*n(base) (base must not be one of them: use sp) */
.macro LOAD_GPRS base
    lw      x1, 4(\base)
    .irp    n, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    lw      x\n, (\n * 4)(\base)
    .endr
.endm

#endif
