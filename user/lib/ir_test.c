/*
 * ir_test.c - the scaffolding shared by the system test programs (usertests, ipctests, fstests, fsstress): see
 * user/include/ir_test.h for the output contract.
 * Invariants: stdout is flushed before every fork (so a child does not print the parent's buffered output again)
 * and by the child before it exits; nothing here keeps state between tests except ir_test_name and the cksum
 * table (filled on first use, the same in every process).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ir.h"
#include "ir_test.h"

const char *ir_test_name = "";

int ir_test_fail(const char *fmt, ...)
{
    va_list ap;
    printf("  %s: ", ir_test_name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return 1;
}

int ir_test_run(const struct ir_test *t, unsigned opts)
{
    ir_test_name = t->name;
    uint64_t t0 = ir_rdcycle64();
    fflush(stdout);
    uint32_t before = ir_free_pages();
    pid_t pid = fork();
    if (pid < 0) {
        printf("FAIL %s: fork: %s\n", t->name, strerror(errno));
        return 0;
    }
    if (pid == 0) {
        int r = t->fn();
        fflush(stdout);
        _exit(r ? 1 : 0);
    }
    int st;
    if (waitpid(pid, &st, 0) != pid) {
        printf("FAIL %s: waitpid: %s\n", t->name, strerror(errno));
        return 0;
    }
    uint32_t after = ir_free_pages();
    uint64_t mcycles = (ir_rdcycle64() - t0) / 1000000u;
    if (st != 0) {
        if (WIFSIGNALED(st))
            printf("FAIL %s: killed by signal %d\n", t->name, WTERMSIG(st));
        else
            printf("FAIL %s: status %#x\n", t->name, st);
        return 0;
    }
    if ((opts & IR_TEST_PAGES) && after < before) {
        printf("FAIL %s: %u pages lost (free %u before, %u after)\n", t->name, (unsigned)(before - after),
               (unsigned)before, (unsigned)after);
        return 0;
    }
    if (opts & IR_TEST_CYCLES)
        printf("PASS %s (%lu M cycles)\n", t->name, (unsigned long)mcycles);
    else
        printf("PASS %s\n", t->name);
    return 1;
}

void ir_test_list(const struct ir_test *tests, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%s%s\n", tests[i].name, tests[i].quick ? " (quick)" : "");
}

const char *ir_test_unknown(const struct ir_test *tests, size_t n, int argc, char **argv, int first)
{
    for (int a = first; a < argc; a++) {
        size_t k = 0;
        while (k < n && strcmp(argv[a], tests[k].name) != 0)
            k++;
        if (k == n)
            return argv[a];
    }
    return NULL;
}

int ir_test_wanted(const struct ir_test *t, int argc, char **argv, int first)
{
    int want = argc <= first;
    for (int a = first; a < argc; a++)
        want |= strcmp(argv[a], t->name) == 0;
    return want;
}

void ir_test_warm_up(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    if (pid > 0)
        ir_wait_status(pid);
}

uint32_t ir_free_pages(void)
{
    struct ir_meminfo m;
    if (ir_syscall1(SYS_meminfo, (long)&m) < 0)
        return 0;
    return m.free_pages;
}

long ir_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)(ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

void ir_msleep(long ms)
{
    struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

int ir_wait_status(pid_t pid)
{
    int st;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    return st;
}

/* ---- POSIX cksum ------------------------------------------------------------------------------------------ */
static uint32_t cksum_table[256];

static void cksum_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i << 24;
        for (int k = 0; k < 8; k++)
            c = (c & 0x80000000u) ? (c << 1) ^ 0x04C11DB7u : c << 1;
        cksum_table[i] = c;
    }
}

uint32_t ir_cksum_add(uint32_t crc, const unsigned char *p, uint32_t n)
{
    if (cksum_table[1] == 0)           /* entry 1 is the polynomial once filled */
        cksum_init();
    while (n--)
        crc = (crc << 8) ^ cksum_table[(crc >> 24) ^ *p++];
    return crc;
}

uint32_t ir_cksum_end(uint32_t crc, uint32_t len)
{
    for (; len; len >>= 8) {
        unsigned char b = (unsigned char)len;
        crc = ir_cksum_add(crc, &b, 1);
    }
    return ~crc;
}
