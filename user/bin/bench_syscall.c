/*
 * bench_syscall.c - bench_syscall [N]: cost of a null system call (getpid), in cycles (rdcycle) and retired
 * instructions (rdinstret), averaged over N calls (default 10000), plus the loop's own cost without the ecall.
 * Needs the cycle/instret counters readable from U-mode (scounteren/mcounteren).
 */
#include <stdio.h>
#include <stdlib.h>

#include "ir.h"

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 10000;
    uint64_t c0, c1, i0, i1, e0, e1;
    if (n <= 0) {
        fprintf(stderr, "usage: bench_syscall [N]\n");
        return 2;
    }
    ir_syscall0(SYS_getpid);                 /* warm up */
    e0 = ir_rdcycle64();
    for (long k = 0; k < n; k++)
        __asm__ volatile("" ::: "memory");
    e1 = ir_rdcycle64();
    c0 = ir_rdcycle64();
    i0 = ir_rdinstret64();
    for (long k = 0; k < n; k++)
        ir_syscall0(SYS_getpid);
    i1 = ir_rdinstret64();
    c1 = ir_rdcycle64();
    printf("bench_syscall: getpid: %lu cycles/call, %lu instructions/call (%ld calls; empty loop %lu cycles/iter)\n",
           (unsigned long)((c1 - c0) / (uint64_t)n), (unsigned long)((i1 - i0) / (uint64_t)n), n,
           (unsigned long)((e1 - e0) / (uint64_t)n));
    return 0;
}
