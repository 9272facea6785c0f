/*
 * ir_test.h - the scaffolding shared by the system test programs run on Iridium (usertests, ipctests, fstests,
 * fsstress): failure reports, running one test in a forked child with its PASS/FAIL line, selecting tests from the
 * command line, small process/time helpers, the file content pattern and the POSIX cksum CRC (user/lib/ir_test.c).
 *
 * Output contract (the scripts in tests/os and user/user.mk parse it: keep it): ir_test_run prints exactly one
 * line per test, "PASS name" (with IR_TEST_CYCLES: "PASS name (N M cycles)") or "FAIL name: why"; details of a
 * failure come before it from ir_test_fail as "  name: message" lines. The summary line ("prog: N passed, N
 * failed") is each program's own.
 * Invariants: a test function returns 0 for success and non-zero (1, from ir_test_fail) for failure; it runs in a
 * child process, so it may leak, crash or change its working directory without disturbing the next test.
 * CHECK/EXPECT_* return from the enclosing function (which must return int) on failure.
 */
#ifndef IR_TEST_H
#define IR_TEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct ir_test {
    const char *name;
    int (*fn)(void);
    int quick;                         /* in the quick subset (ipctests -q); listed by -l as "(quick)" */
};

/* ir_test_run options */
#define IR_TEST_PAGES  1u              /* fail a test after which fewer pages are free than before its fork */
#define IR_TEST_CYCLES 2u              /* append "(N M cycles)" (rdcycle, fork to reap) to the PASS line */

/* the test now running (set by ir_test_run; a program may set it itself for work outside ir_test_run) */
extern const char *ir_test_name;

/* Prints "  <ir_test_name>: <message>" and returns 1, for "return ir_test_fail(...)". */
int ir_test_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define CHECK(cond, ...)                                                                                          \
    do {                                                                                                          \
        if (!(cond))                                                                                              \
            return ir_test_fail(__VA_ARGS__);                                                                     \
    } while (0)

/* a raw system call (ir_syscallN) must fail with exactly -err */
#define EXPECT_ERR(expr, err)                                                                                     \
    do {                                                                                                          \
        long r_ = (expr);                                                                                         \
        if (r_ != -(long)(err))                                                                                   \
            return ir_test_fail("%s: got %ld, want -%d (line %d)", #expr, r_, (int)(err), __LINE__);            \
    } while (0)

/* a raw system call must succeed: an error is -4095..-1 (a larger "negative" value is an address, e.g. of mmap) */
#define EXPECT_OK(expr)                                                                                           \
    do {                                                                                                          \
        long r_ = (expr);                                                                                         \
        if (r_ < 0 && r_ > -4096)                                                                                 \
            return ir_test_fail("%s: got %ld, want success (line %d)", #expr, r_, __LINE__);                    \
    } while (0)

/* Runs t->fn in a forked child and prints its PASS/FAIL line (see above); returns 1 if it passed, else 0.
 * A test fails when the child is killed by a signal, exits non-zero, or (IR_TEST_PAGES) loses pages. */
int ir_test_run(const struct ir_test *t, unsigned opts);

/* -l: prints every test's name, one a line, with " (quick)" after those in the quick subset */
void ir_test_list(const struct ir_test *tests, size_t n);
/* the first of argv[first..argc) that names no test, or NULL */
const char *ir_test_unknown(const struct ir_test *tests, size_t n, int argc, char **argv, int first);
/* is t to run: no names given (argc <= first), or t named among argv[first..argc) */
int ir_test_wanted(const struct ir_test *t, int argc, char **argv, int first);
/* forks a child that exits at once and reaps it: the first fork may fill kernel caches for good, which is not a
 * leak of the test that happens to come first */
void ir_test_warm_up(void);

/* ---- helpers ---------------------------------------------------------------------------------------------- */
uint32_t ir_free_pages(void);          /* free physical pages (SYS_meminfo), 0 if the call fails */
long ir_now_ms(void);                  /* CLOCK_MONOTONIC in milliseconds */
void ir_msleep(long ms);
int ir_wait_status(pid_t pid);         /* waitpid(pid): the raw status, or -1 */

/* Byte off of a file whose content is defined by seed (fstests, fsstress): every byte can be checked without a
 * copy. Inline: it sits in the inner loops of writing and checking. */
static inline unsigned char ir_pattern(uint32_t seed, uint32_t off)
{
    uint32_t x = (seed ^ (off >> 2)) * 2654435761u;
    x ^= x >> 15;
    x *= 0x2c1b3c6du;
    x ^= x >> 12;
    return (unsigned char)(x >> ((off & 3u) * 8u));
}

/* POSIX cksum (CRC-32, polynomial 0x04C11DB7, MSB first, length appended, inverted), as the host's `cksum`
 * prints it: crc = 0; crc = ir_cksum_add(crc, p, n)...; result = ir_cksum_end(crc, total length). */
uint32_t ir_cksum_add(uint32_t crc, const unsigned char *p, uint32_t n);
uint32_t ir_cksum_end(uint32_t crc, uint32_t len);

#endif
