/*
 * ir.h - the Iridium-specific part of the user library (user/lib), for programs that need more than POSIX.
 *
 * - ir_syscallN(): raw system calls (os/include/iridium/syscall.h): they return the kernel's value unchanged
 *   (negative = -IR_Exxx, Linux numbering) and never touch errno. Used by tests that check the kernel's answers.
 * - Named wrappers for the calls that have no POSIX equivalent; they follow the C library convention (-1 and errno
 *   set, translated to the C library's numbering, on failure).
 * - ir_errno(): translation of a Linux/Iridium errno value into picolibc's; ir_rdcycle() & co: counters.
 * - ir_each_dest(): the "SRC DST | SRC... DIR" operands of cp and mv (user/lib/args.c).
 * Invariant: everything here works in any program linked with user/lib (no initialisation needed beyond crt0).
 */
#ifndef IR_H
#define IR_H

#include <stddef.h>
#include <stdint.h>
#include <iridium/syscall.h>
#include <iridium/console.h>

#ifndef CLOCK_MONOTONIC                /* picolibc defines it only with _POSIX_MONOTONIC_CLOCK (user.mk sets it) */
#define CLOCK_MONOTONIC ((clockid_t)4)
#endif

/* ---- raw system calls ------------------------------------------------------------------------------------- */
static inline long ir_syscall6(long n, long a0, long a1, long a2, long a3, long a4, long a5)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a3 __asm__("a3") = a3;
    register long r_a4 __asm__("a4") = a4;
    register long r_a5 __asm__("a5") = a5;
    register long r_a7 __asm__("a7") = n;
    __asm__ volatile("ecall"
                     : "+r"(r_a0)
                     : "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a4), "r"(r_a5), "r"(r_a7)
                     : "memory");
    return r_a0;
}
static inline long ir_syscall0(long n) { return ir_syscall6(n, 0, 0, 0, 0, 0, 0); }
static inline long ir_syscall1(long n, long a0) { return ir_syscall6(n, a0, 0, 0, 0, 0, 0); }
static inline long ir_syscall2(long n, long a0, long a1) { return ir_syscall6(n, a0, a1, 0, 0, 0, 0); }
static inline long ir_syscall3(long n, long a0, long a1, long a2) { return ir_syscall6(n, a0, a1, a2, 0, 0, 0); }
static inline long ir_syscall4(long n, long a0, long a1, long a2, long a3)
{
    return ir_syscall6(n, a0, a1, a2, a3, 0, 0);
}
static inline long ir_syscall5(long n, long a0, long a1, long a2, long a3, long a4)
{
    return ir_syscall6(n, a0, a1, a2, a3, a4, 0);
}

/* Linux/Iridium errno value (positive) -> picolibc errno value. */
int ir_errno(int linux_errno);
/* Kernel result -> C library convention: r >= 0 is returned, r < 0 sets errno = ir_errno(-r) and returns -1. */
long ir_ret(long r);

/* ---- counters (need scounteren/mcounteren set by the kernel and firmware, else they trap) ----------------- */
static inline uint32_t ir_rdcycle(void)
{
    uint32_t v;
    __asm__ volatile("rdcycle %0" : "=r"(v));
    return v;
}
static inline uint64_t ir_rdcycle64(void)
{
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("rdcycleh %0" : "=r"(hi));
        __asm__ volatile("rdcycle %0" : "=r"(lo));
        __asm__ volatile("rdcycleh %0" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}
static inline uint64_t ir_rdinstret64(void)
{
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("rdinstreth %0" : "=r"(hi));
        __asm__ volatile("rdinstret %0" : "=r"(lo));
        __asm__ volatile("rdinstreth %0" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

/* ---- Iridium calls with C library conventions ------------------------------------------------------------- */
int ir_procinfo(int index, struct ir_procinfo *out);   /* 0, or -1 (errno) past the last process */
int ir_meminfo(struct ir_meminfo *out);
int ir_uname(struct ir_utsname *out);
int ir_reboot(unsigned cmd, int status);               /* IR_REBOOT_*; status: exit code for the simulator */
long ir_getdents64(int fd, void *buf, size_t len);
int ioctl(int fd, unsigned long request, ...);
/* mailboxes, shared memory and mmap: ir_ipc.h (or <sys/mman.h>) */

/* console helpers (os/include/iridium/console.h); -1/ENOTTY when fd is not the console */
int ir_con_getmode(int fd, uint32_t *mode);
int ir_con_setmode(int fd, uint32_t mode);
int ir_con_setfg(int fd, int pid);

/* ---- command-line helpers (user/lib/args.c) ---------------------------------------------------------------- */
/* argv = PROG SRC DST or PROG SRC... DIR: calls op(src, dst) for each source, dst being DIR/<base name of src> when
 * the last operand is a directory. Returns the exit status: 2 (usage on stderr) for fewer than two operands, 1 when
 * several sources go to something other than a directory, else the OR of op's results. */
int ir_each_dest(int argc, char **argv, const char *prog, int (*op)(const char *src, const char *dst));

#endif
