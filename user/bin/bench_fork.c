/*
 * bench_fork.c - bench_fork [N]: cost of fork + wait (child exits at once) and of fork + exec(/bin/true) + wait,
 * in cycles (rdcycle), averaged over N rounds (default 20).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ir.h"

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20;
    char *const targv[] = { "true", NULL };
    uint64_t c0, c1, c2;
    if (n <= 0) {
        fprintf(stderr, "usage: bench_fork [N]\n");
        return 2;
    }
    fflush(stdout);
    c0 = ir_rdcycle64();
    for (long k = 0; k < n; k++) {
        pid_t pid = fork();
        int st;
        if (pid == 0)
            _exit(0);
        if (pid < 0 || waitpid(pid, &st, 0) != pid) {
            fprintf(stderr, "bench_fork: fork/wait: %s\n", strerror(errno));
            return 1;
        }
    }
    c1 = ir_rdcycle64();
    for (long k = 0; k < n; k++) {
        pid_t pid = fork();
        int st;
        if (pid == 0) {
            execv("/bin/true", targv);
            _exit(127);
        }
        if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0) {
            fprintf(stderr, "bench_fork: fork/exec/wait failed\n");
            return 1;
        }
    }
    c2 = ir_rdcycle64();
    printf("bench_fork: fork+exit+wait: %lu cycles, fork+exec(/bin/true)+wait: %lu cycles (%ld rounds)\n",
           (unsigned long)((c1 - c0) / (uint64_t)n), (unsigned long)((c2 - c1) / (uint64_t)n), n);
    return 0;
}
