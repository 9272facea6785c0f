/*
 * ps.c - ps: list the processes (SYS_procinfo): pid, parent pid, state, resident user pages, CPU time in timer
 * ticks, name.
 */
#include <stdio.h>

#include "ir.h"

int main(void)
{
    static const char *const states[] = { "runnable", "running", "sleeping", "zombie" };
    struct ir_procinfo pi;
    printf("  PID  PPID STATE     PAGES     TICKS NAME\n");
    for (int i = 0; i < 1024 && ir_procinfo(i, &pi) == 0; i++) {
        pi.name[sizeof pi.name - 1] = '\0';
        printf("%5d %5d %-8s %6u %9lu %s\n", (int)pi.pid, (int)pi.ppid,
               pi.state < 4 ? states[pi.state] : "?", (unsigned)pi.pages, (unsigned long)pi.cpu_ticks, pi.name);
    }
    return 0;
}
