/*
 * check.h - the check macros and test runner shared by the host C tests of the simulators (sim/models/tests,
 * sim/iss/tests, sim/difftest/tests). Header only: each test program is a single translation unit and includes it
 * once (so check_fails is that program's own counter).
 *
 * A test is a void function that calls CHECK/CHECK_EQ (or counts its own failures in check_fails); a failed check
 * prints "    FILE:LINE: ..." and the test goes on. check_run runs one test and prints its verdict line with the
 * caller's format; check_summary prints "N passed, N failed" and gives the exit status (1 if any test failed).
 * Invariant: check_fails is the number of failed checks of the test now running (check_run sets it to 0 first).
 */
#ifndef SIM_TESTS_CHECK_H
#define SIM_TESTS_CHECK_H

#include <stdio.h>

static int check_fails;

#define CHECK(c)                                                                                                  \
    do {                                                                                                          \
        if (!(c)) {                                                                                               \
            printf("    %s:%d: check failed: %s\n", __FILE__, __LINE__, #c);                                      \
            check_fails++;                                                                                        \
        }                                                                                                         \
    } while (0)

#define CHECK_EQ(a, b)                                                                                            \
    do {                                                                                                          \
        unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b);                            \
        if (a_ != b_) {                                                                                           \
            printf("    %s:%d: %s = 0x%llx, expected 0x%llx\n", __FILE__, __LINE__, #a, a_, b_);                 \
            check_fails++;                                                                                        \
        }                                                                                                         \
    } while (0)

struct check_test {
    const char *name;
    void (*fn)(void);
};

struct check_counts {
    int passed, failed;
};

/* Runs fn as one test and prints its verdict with line, a printf format taking "PASS"/"FAIL" and the name
 * (e.g. "%s: models %s\n"); counts it in *c. */
static inline void check_run(const char *line, const struct check_test *t, struct check_counts *c)
{
    check_fails = 0;
    t->fn();
    printf(line, check_fails ? "FAIL" : "PASS", t->name);
    if (check_fails)
        c->failed++;
    else
        c->passed++;
}

/* Prints "N passed, N failed"; returns the exit status: 0 if every test passed, else 1. */
static inline int check_summary(const struct check_counts *c)
{
    printf("%d passed, %d failed\n", c->passed, c->failed);
    return c->failed ? 1 : 0;
}

#endif
