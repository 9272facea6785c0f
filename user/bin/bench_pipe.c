/*
 * bench_pipe.c - bench_pipe [N]: pipe round trip: the parent writes one byte into a pipe, the child reads it and
 * writes it back through a second pipe; cycles (rdcycle) per round trip averaged over N (default 1000), plus
 * the throughput of a 256 KiB one-way transfer in 4 KiB writes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ir.h"

static char buf[4096];

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
    int to[2], from[2], st;
    pid_t pid;
    uint64_t c0, c1;
    char c = 'x';
    if (n <= 0) {
        fprintf(stderr, "usage: bench_pipe [N]\n");
        return 2;
    }
    if (pipe(to) < 0 || pipe(from) < 0) {
        fprintf(stderr, "bench_pipe: pipe: %s\n", strerror(errno));
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(to[1]);
        close(from[0]);
        while (read(to[0], &c, 1) == 1)
            write(from[1], &c, 1);
        /* then the throughput part: drain */
        _exit(0);
    }
    close(to[0]);
    close(from[1]);
    c0 = ir_rdcycle64();
    for (long k = 0; k < n; k++) {
        if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1) {
            fprintf(stderr, "bench_pipe: round trip %ld failed\n", k);
            return 1;
        }
    }
    c1 = ir_rdcycle64();
    close(to[1]);
    close(from[0]);
    waitpid(pid, &st, 0);
    printf("bench_pipe: round trip: %lu cycles (%ld round trips)\n", (unsigned long)((c1 - c0) / (uint64_t)n), n);

    if (pipe(to) < 0)
        return 1;
    pid = fork();
    if (pid == 0) {
        close(to[1]);
        while (read(to[0], buf, sizeof buf) > 0)
            ;
        _exit(0);
    }
    close(to[0]);
    memset(buf, 'y', sizeof buf);
    c0 = ir_rdcycle64();
    for (int k = 0; k < 64; k++)
        if (write(to[1], buf, sizeof buf) != (ssize_t)sizeof buf) {
            fprintf(stderr, "bench_pipe: write failed\n");
            return 1;
        }
    close(to[1]);
    waitpid(pid, &st, 0);
    c1 = ir_rdcycle64();
    printf("bench_pipe: 256 KiB through a pipe: %lu cycles (%lu cycles/KiB)\n", (unsigned long)(c1 - c0),
           (unsigned long)((c1 - c0) / 256));
    return 0;
}
