/*
 * crt0.S - entry point of every Iridium user program (linked first, at 0x00010000 = the ELF entry).
 *
 * The kernel enters in U-mode with sp pointing at argc, then argv[0..argc-1], NULL, envp[...], NULL (Linux
 * layout); other registers are undefined. We set gp (linker relaxation base), tp (the thread-local block that
 * holds picolibc's errno: the PT_TLS image is used in place, see user.ld) and call __iridium_start(sp) in start.c,
 * which never returns.
 */
    .section .text.start, "ax"
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      tp, __tls_base
    mv      a0, sp
    andi    sp, sp, -16
    li      ra, 0
    li      s0, 0
    call    __iridium_start
1:  j       1b
    .size _start, . - _start
