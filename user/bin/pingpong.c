/*
 * pingpong.c - mailbox round-trip benchmark: pingpong [-n ROUNDS] [-s BYTES].
 *
 * The parent forks a child; for each round the parent sends a message of BYTES bytes (default 8, at most
 * IR_MBOX_MSG_MAX) to the child's mailbox and waits for the echo (mbox_recv with IR_MBOX_FROM the child). The
 * average round trip is measured with rdcycle over ROUNDS rounds (default 1000) after a short warm-up, and printed
 * as "pingpong: N round trips of B-byte messages: C cycles per round trip" (on the ISS a "cycle" is one retired
 * instruction). A zero-length message tells the child to stop. Exit status 0, 1 on an IPC error, 2 on bad usage.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ir_ipc.h"

static void usage(void)
{
    fprintf(stderr, "usage: pingpong [-n ROUNDS] [-s BYTES]   (1 <= BYTES <= %d)\n", IR_MBOX_MSG_MAX);
    exit(2);
}

static long number(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v <= 0)
        usage();
    return v;
}

static int child_loop(pid_t parent)
{
    char buf[IR_MBOX_MSG_MAX];
    for (;;) {
        int from = parent;
        ssize_t n = mbox_recv(buf, sizeof buf, &from, IR_MBOX_FROM, 0);
        if (n < 0)
            return 1;
        if (n == 0)
            return 0;
        if (mbox_send(parent, buf, (size_t)n, 0) != 0)
            return 1;
    }
}

int main(int argc, char **argv)
{
    long rounds = 1000, size = 8;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc)
            rounds = number(argv[++i]);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            size = number(argv[++i]);
        else
            usage();
    }
    if (size > IR_MBOX_MSG_MAX)
        usage();
    pid_t parent = getpid();
    fflush(stdout);
    pid_t child = fork();
    if (child < 0) {
        perror("pingpong: fork");
        return 1;
    }
    if (child == 0)
        _exit(child_loop(parent));

    char msg[IR_MBOX_MSG_MAX], back[IR_MBOX_MSG_MAX];
    for (long i = 0; i < size; i++)
        msg[i] = (char)i;
    uint64_t t0 = 0;
    long warm = rounds < 10 ? rounds : 10;
    for (long r = -warm; r < rounds; r++) {
        if (r == 0)
            t0 = ir_rdcycle64();
        msg[0] = (char)r;
        int from = child;
        if (mbox_send(child, msg, (size_t)size, 0) != 0 ||
            mbox_recv(back, sizeof back, &from, IR_MBOX_FROM, 0) != size || back[0] != (char)r) {
            printf("pingpong: round %ld failed: %s\n", r, strerror(errno));
            kill(child, SIGKILL);
            waitpid(child, NULL, 0);
            return 1;
        }
    }
    uint64_t cycles = ir_rdcycle64() - t0;
    mbox_send(child, msg, 0, 0);
    int st;
    waitpid(child, &st, 0);
    printf("pingpong: %ld round trips of %ld-byte messages: %lu cycles per round trip\n", rounds, size,
           (unsigned long)(cycles / (uint64_t)rounds));
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}
