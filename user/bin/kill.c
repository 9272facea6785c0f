/*
 * kill.c - kill [-SIGNAL] PID...: send a signal (default TERM) to processes. SIGNAL is a number or one of
 * INT, KILL, TERM, SEGV (with or without the SIG prefix); "-s NAME" works too.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_sig(const char *s)
{
    static const struct { const char *name; int sig; } names[] = {
        { "INT", SIGINT }, { "KILL", SIGKILL }, { "TERM", SIGTERM }, { "SEGV", SIGSEGV },
    };
    char *end;
    long n;
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].sig;
    n = strtol(s, &end, 10);
    return (*s != '\0' && *end == '\0' && n > 0 && n < 64) ? (int)n : -1;
}

int main(int argc, char **argv)
{
    int i = 1, sig = SIGTERM, status = 0;
    if (i < argc && strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
        sig = parse_sig(argv[i + 1]);
        i += 2;
    } else if (i < argc && argv[i][0] == '-') {
        sig = parse_sig(argv[i] + 1);
        i++;
    }
    if (sig < 0 || i >= argc) {
        fprintf(stderr, "usage: kill [-SIGNAL | -s SIGNAL] PID...\n");
        return 2;
    }
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (*argv[i] == '\0' || *end != '\0') {
            fprintf(stderr, "kill: %s: not a pid\n", argv[i]);
            status = 2;
            continue;
        }
        if (kill((pid_t)pid, sig) < 0) {
            fprintf(stderr, "kill: %ld: %s\n", pid, strerror(errno));
            status = 1;
        }
    }
    return status;
}
