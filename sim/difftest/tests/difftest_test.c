/*
 * difftest_test.c - self-test of the difftest checker without the RTL (make test-difftest).
 *
 * A reference ISS (taking interrupts by itself, like the RTL would) runs a program and records its events; the
 * checker is fed those events as if they came from the RTL:
 *   - unchanged events must all be accepted;
 *   - an event with one corrupted field (register value, pc, store data, CSR value, trap cause, privilege) must be
 *     reported at exactly that event, and every later call must fail too;
 *   - values that legitimately differ (MMIO reads, the time CSR) may be anything: the checker copies them;
 *   - an interrupt reported where it is not enabled must be reported.
 * usage: difftest_test SV32_ELF TIMER_ELF (the ISS end-to-end programs). Prints PASS/FAIL per test and
 * "N passed, N failed"; exits 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include "difftest.h"
#include "iridium_soc.h"
#include "iss.h"
#include "loader.h"
#include "check.h"

#define MAX_EVENTS 100000

static const char *sv32, *timer;       /* the ELF files of the command line */

static struct retire events[MAX_EVENTS];
static size_t n_events;

/* Record the events of a reference ISS running the ELF (or the ROM image) until it stops. */
static uint32_t record(const char *elf, const char *rom)
{
    char err[256];
    struct iss *s = iss_new(IR_SIM_RAM_BYTES);
    struct elf_info info = {0, 0, 0};
    if (!s || (elf && load_elf(elf, iss_mem_write, s, &info, err, sizeof err)) ||
        (rom && load_bin(rom, 0, IR_SIM_BOOTROM_BYTES, iss_mem_write, s, err, sizeof err))) {
        printf("    cannot load %s: %s\n", elf ? elf : rom, err);
        exit(2);
    }
    iss_reset(s, info.entry);
    n_events = 0;
    while (n_events < MAX_EVENTS) {
        enum iss_stop st = iss_step(s, &events[n_events++]);
        if (st != ISS_RUNNING) break;
    }
    iss_free(s);
    return info.entry;
}

static int quiet_fd = -1, saved_stderr = -1;
static void quiet(int on)
{
    fflush(stderr);
    if (on) {
        saved_stderr = dup(STDERR_FILENO);
        quiet_fd = open("/dev/null", O_WRONLY);
        dup2(quiet_fd, STDERR_FILENO);
    } else {
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
        close(quiet_fd);
    }
}

/* Feed events[0..n) to a new checker; returns the index of the first failing event, or n. */
static size_t replay(const char *elf, const char *rom, uint32_t start, size_t n)
{
    struct difftest_config cfg = {rom, elf, IR_SIM_RAM_BYTES, start, NULL, 0};
    struct difftest *d = difftest_new(&cfg);
    if (!d) {
        printf("    difftest_new failed\n");
        check_fails++;
        return 0;
    }
    size_t i;
    for (i = 0; i < n; i++)
        if (difftest_step(d, &events[i])) break;
    if (i < n) CHECK(difftest_step(d, &events[i]) != 0);   /* stays failed */
    difftest_free(d);
    return i;
}

static void test_clean(void)
{
    uint32_t start = record(sv32, NULL);
    CHECK(n_events > 100 && n_events < MAX_EVENTS);
    CHECK(replay(sv32, NULL, start, n_events) == n_events);
    start = record(timer, NULL);
    size_t intr = 0;
    for (size_t i = 0; i < n_events; i++) intr += events[i].kind == RETIRE_INTR;
    CHECK(intr == 2);   /* MSI and MTI */
    CHECK(replay(timer, NULL, start, n_events) == n_events);
}

static void test_corrupt(void)
{
    uint32_t start = record(sv32, NULL);
    size_t n = n_events;
    /* find events of each type to corrupt */
    size_t k_rd = 0, k_store = 0, k_csr = 0, k_exc = 0, k_s = 0;
    for (size_t i = 10; i < n; i++) {
        const struct retire *e = &events[i];
        if (!k_rd && e->kind == RETIRE_OK && e->rd) k_rd = i;
        if (!k_store && e->kind == RETIRE_OK && e->mem_valid && e->mem_we) k_store = i;
        if (!k_csr && e->kind == RETIRE_OK && e->csr_we) k_csr = i;
        if (!k_exc && e->kind == RETIRE_EXC) k_exc = i;
        if (!k_s && e->priv == 1) k_s = i;
    }
    CHECK(k_rd && k_store && k_csr && k_exc && k_s);
    struct { const char *what; size_t k; size_t off; uint32_t x; } c[] = {
        {"rd_wdata", k_rd, offsetof(struct retire, rd_wdata), 1},
        {"pc", k_rd + 1, offsetof(struct retire, pc), 4},
        {"mem_wdata", k_store, offsetof(struct retire, mem_wdata), 0x100},
        {"mem_addr", k_store, offsetof(struct retire, mem_addr), 0x40},
        {"csr_wdata", k_csr, offsetof(struct retire, csr_wdata), 0x8},
        {"cause", k_exc, offsetof(struct retire, cause), 1},
        {"tval", k_exc, offsetof(struct retire, tval), 4},
        {"priv", k_s, offsetof(struct retire, priv), 2},
        {"kind", k_rd, offsetof(struct retire, kind), 1},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        record(sv32, NULL);
        uint32_t *f = (uint32_t *)((char *)&events[c[i].k] + c[i].off);
        *f ^= c[i].x;
        if (i) quiet(1);   /* show one full report, keep the others quiet */
        size_t at = replay(sv32, NULL, start, n);
        if (i) quiet(0);
        if (at != c[i].k) {
            printf("    corrupting %s at event %zu: reported at %zu\n", c[i].what, c[i].k, at);
            check_fails++;
        }
    }
}

/* Boot ROM program: read time (CSR), mtime (MMIO) and mip, add them, then loop. */
static void test_copied_values(void)
{
    static const uint32_t prog[] = {
        0xc0102573u, /* csrr a0, time */
        0x8001c2b7u, /* lui t0, 0x8001c */
        0xff82a583u, /* lw a1, -8(t0)  (mtime) */
        0x00b50633u, /* add a2, a0, a1 */
        0x344026f3u, /* csrr a3, mip */
        0x0000006fu, /* j . */
    };
    char path[] = "/tmp/difftest_rom.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && write(fd, prog, sizeof prog) == (ssize_t)sizeof prog);
    close(fd);
    record(NULL, path);
    n_events = 8;
    events[0].rd_wdata = 1000;                  /* RTL clock differs */
    events[2].mem_rdata = 234;                  /* MMIO value differs */
    events[2].rd_wdata = 234;
    events[3].rd_wdata = 1234;
    events[4].rd_wdata = 0x80;                  /* MTIP seen by the RTL */
    CHECK(replay(NULL, path, 0, n_events) == n_events);
    events[3].rd_wdata = 1235;                  /* but the sum is still checked */
    quiet(1);
    CHECK(replay(NULL, path, 0, n_events) == 3);
    quiet(0);
    unlink(path);
}

static void test_bad_interrupt(void)
{
    uint32_t start = record(timer, NULL);
    /* an interrupt event at the first instruction, where mie = 0 */
    memmove(&events[1], &events[0], (n_events - 1) * sizeof events[0]);
    memset(&events[0], 0, sizeof events[0]);
    events[0].kind = RETIRE_INTR;
    events[0].pc = start;
    events[0].cause = 0x80000007u;
    events[0].priv = 3;
    quiet(1);
    CHECK(replay(timer, NULL, start, n_events) == 0);
    quiet(0);
}

int main(int argc, char **argv)
{
    static const struct check_test tests[] = {
        {"clean-runs", test_clean},
        {"corrupted-fields", test_corrupt},
        {"copied-values", test_copied_values},
        {"bad-interrupt", test_bad_interrupt},
    };
    if (argc != 3) {
        fprintf(stderr, "usage: difftest_test SV32_ELF TIMER_ELF\n");
        return 2;
    }
    sv32 = argv[1];
    timer = argv[2];
    struct check_counts counts = {0, 0};
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        check_run("%s: difftest %s\n", &tests[i], &counts);
    return check_summary(&counts);
}
