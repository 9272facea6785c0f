/*
 * free.c - free: physical memory (SYS_meminfo): total, used, free and kernel-owned, in KiB and pages.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ir.h"

int main(void)
{
    struct ir_meminfo m;
    unsigned kib;
    if (ir_meminfo(&m) < 0) {
        fprintf(stderr, "free: %s\n", strerror(errno));
        return 1;
    }
    unsigned total = (unsigned)m.total_pages, freep = (unsigned)m.free_pages, kern = (unsigned)m.kernel_pages;
    kib = (unsigned)m.page_size / 1024;
    printf("%-8s %10s %8s\n", "", "KiB", "pages");
    printf("%-8s %10u %8u\n", "total:", total * kib, total);
    printf("%-8s %10u %8u\n", "used:", (total - freep) * kib, total - freep);
    printf("%-8s %10u %8u\n", "free:", freep * kib, freep);
    printf("%-8s %10u %8u\n", "kernel:", kern * kib, kern);
    return 0;
}
