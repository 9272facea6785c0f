/*
 * iss_main.c - the `iss` program: run the Iridium SoC in the instruction-set simulator.
 *
 *   iss [--elf FILE] [--bootrom FILE] [--load FILE@ADDR] [--disk IMG] [--ram-mb N] [--max-cycles N]
 *       [--power-cut N] [--stats] [--trace-insn FILE] [--help]
 *
 * Same contract as vsim (docs/sim.md). Exit status: 0 success (finisher 0x5555, tohost == 1, or Ctrl-A X), 1 failure
 * (finisher failure code or tohost test number, printed as "FAIL code N" / "FAIL test N" on stderr), 2 bad command
 * line or unreadable/unsuitable image, 3 --power-cut reached, 124 --max-cycles reached.
 * --disk IMG puts an SD card backed by IMG on the SPI master (sim/models/sdcard.h); it is closed at every exit after
 * the run (a power cut drops a block still being programmed).
 *
 * Invariants: the terminal is restored on every exit path (console.c); console output is flushed before any exit
 * and before messages on stderr so their order is kept.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "console.h"
#include "iridium_soc.h"
#include "iss.h"
#include "loader.h"
#include "sdcard.h"

#define EXIT_BAD_USAGE 2
#define EXIT_TIMEOUT 124
#define EXIT_POWER_CUT 3
#define DEFAULT_BOOTROM "build/boot/bootrom.bin"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: iss [options]\n"
            "Run the Iridium SoC (RV32IM, M/S/U, Sv32) in the C instruction-set simulator.\n"
            "  --elf FILE         load FILE's PT_LOAD segments and start in M-mode at its entry\n"
            "                     (a `tohost` symbol ends the run when written: 1 = pass, odd = FAIL test N)\n"
            "  --bootrom FILE     boot ROM image (raw binary, at 0); default " DEFAULT_BOOTROM
            " when no --elf\n"
            "  --load FILE@ADDR   also load the raw FILE at physical ADDR (repeatable; e.g. a disk image)\n"
            "  --disk IMG         SD card on the SPI master backed by the image file IMG (read and written)\n"
            "  --ram-mb N         RAM size in MiB (1-1024, default 64)\n"
            "  --max-cycles N     stop after N instructions, exit 124\n"
            "  --power-cut N      the power fails after N instructions: exit 3; only SD blocks whose write\n"
            "                     completed are in the image\n"
            "  --stats            print instruction count and speed on stderr at exit\n"
            "  --trace-insn FILE  write one line per instruction/trap to FILE ('-' = stdout)\n"
            "  --help             this text\n"
            "UART TX goes to stdout, stdin feeds UART RX; on a terminal Ctrl-A X quits.\n"
            "Exit: 0 pass, 1 fail, 2 usage/load error, 3 power cut, 124 --max-cycles reached.\n");
}

static void die_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "iss: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fprintf(stderr, "Try 'iss --help'.\n");
    exit(EXIT_BAD_USAGE);
}

static uint64_t parse_u64(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    if (!s || !*s || *s == '-') die_usage("expected a non-negative number after", opt);
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end) {
        char msg[128];
        snprintf(msg, sizeof msg, "bad number for %s", opt);
        die_usage(msg, s);
    }
    return v;
}

static int host_rx(void *ctx, uint8_t *b)
{
    (void)ctx;
    return console_getc(b);
}

static void host_tx(void *ctx, uint8_t b)
{
    (void)ctx;
    console_putc(b);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    const char *elf = NULL, *bootrom = NULL, *trace_path = NULL, *disk = NULL;
    const char *loads[16];
    int nloads = 0;
    uint64_t ram_mb = 64, max_cycles = 0, power_cut = 0;
    int stats = 0, have_max = 0, have_cut = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (!strcmp(a, "--load")) {
            if (!v) die_usage("missing value after", a);
            if (nloads == 16) die_usage("too many --load options (at most 16)", NULL);
            loads[nloads++] = v;
            i++;
        } else if (!strcmp(a, "--elf") || !strcmp(a, "--bootrom") || !strcmp(a, "--ram-mb") ||
                   !strcmp(a, "--max-cycles") || !strcmp(a, "--trace-insn") || !strcmp(a, "--disk") ||
                   !strcmp(a, "--power-cut")) {
            if (!v) die_usage("missing value after", a);
            i++;
            if (!strcmp(a, "--elf")) elf = v;
            else if (!strcmp(a, "--disk")) disk = v;
            else if (!strcmp(a, "--power-cut")) {
                power_cut = parse_u64(a, v);
                have_cut = 1;
            }
            else if (!strcmp(a, "--bootrom")) bootrom = v;
            else if (!strcmp(a, "--trace-insn")) trace_path = v;
            else if (!strcmp(a, "--ram-mb")) ram_mb = parse_u64(a, v);
            else {
                max_cycles = parse_u64(a, v);
                have_max = 1;
            }
        } else {
            die_usage("unknown argument", a);
        }
    }
    if (ram_mb < 1 || ram_mb > 1024) die_usage("--ram-mb must be between 1 and 1024", NULL);
    if (have_max && max_cycles == 0) die_usage("--max-cycles must be at least 1", NULL);
    if (have_cut && power_cut == 0) die_usage("--power-cut must be at least 1", NULL);

    struct iss *s = iss_new((uint32_t)ram_mb << 20);
    if (!s) {
        fprintf(stderr, "iss: cannot allocate %llu MiB of RAM\n", (unsigned long long)ram_mb);
        return EXIT_BAD_USAGE;
    }
    char err[512];
    uint32_t start = 0;
    if (!elf && !bootrom) bootrom = DEFAULT_BOOTROM;
    if (bootrom && load_bin(bootrom, IR_BOOTROM_BASE, IR_SIM_BOOTROM_BYTES, iss_mem_write, s, err, sizeof err)) {
        fprintf(stderr, "iss: boot ROM: %s\n", err);
        iss_free(s);
        return EXIT_BAD_USAGE;
    }
    struct elf_info info = {0, 0, 0};
    if (elf) {
        if (load_elf(elf, iss_mem_write, s, &info, err, sizeof err)) {
            fprintf(stderr, "iss: %s\n", err);
            iss_free(s);
            return EXIT_BAD_USAGE;
        }
        start = info.entry;
    }
    for (int k = 0; k < nloads; k++) {
        if (load_spec(loads[k], iss_mem_write, s, err, sizeof err)) {
            fprintf(stderr, "iss: --load: %s\n", err);
            iss_free(s);
            return EXIT_BAD_USAGE;
        }
    }
    struct sdcard *card = NULL;
    if (disk) {
        card = sdcard_open(disk, NULL, err, sizeof err);
        if (!card) {
            fprintf(stderr, "iss: --disk: %s\n", err);
            iss_free(s);
            return EXIT_BAD_USAGE;
        }
    }
    FILE *trace = NULL;
    if (trace_path) {
        trace = strcmp(trace_path, "-") ? fopen(trace_path, "w") : stdout;
        if (!trace) {
            fprintf(stderr, "iss: cannot open trace file '%s': %s\n", trace_path, strerror(errno));
            iss_free(s);
            return EXIT_BAD_USAGE;
        }
    }
    iss_reset(s, start);
    if (info.has_tohost) iss_set_tohost(s, info.tohost);
    struct iss_host host = {NULL, host_rx, host_tx};
    iss_set_host(s, &host);
    iss_set_sdcard(s, card);
    console_init();

    double t0 = now();
    enum iss_stop st = ISS_RUNNING;
    uint64_t total = 0, polls = 0;
    int timeout = 0, cut = 0;
    while (st == ISS_RUNNING) {
        uint64_t budget = 1u << 16;
        if (have_cut) {
            if (total >= power_cut) {
                cut = 1;
                break;
            }
            if (power_cut - total < budget) budget = power_cut - total;
        }
        if (max_cycles) {
            if (total >= max_cycles) {
                timeout = 1;
                break;
            }
            if (max_cycles - total < budget) budget = max_cycles - total;
        }
        if (trace) {
            uint64_t i = 0;
            struct retire r;
            while (i < budget && st == ISS_RUNNING) {
                st = iss_step(s, &r);
                retire_trace_line(trace, &r);
                i++;
                if ((iss_get_steps(s) & 4095) == 0 && st == ISS_RUNNING) st = iss_poll_host(s);
            }
            total += i;
        } else {
            uint64_t done;
            st = iss_run(s, budget, &done);
            total += done;
        }
        if ((++polls & 15) == 0) console_flush();
    }
    double t1 = now();
    console_flush();
    if (trace) {
        if (trace == stdout) fflush(stdout);
        else fclose(trace);
    }

    int rc = 0;
    switch (st) {
    case ISS_PASS: rc = 0; break;
    case ISS_FAIL_CODE:
        fprintf(stderr, "FAIL code %u\n", iss_stop_code(s));
        rc = 1;
        break;
    case ISS_FAIL_TOHOST:
        fprintf(stderr, "FAIL test %u\n", iss_stop_code(s));
        rc = 1;
        break;
    case ISS_QUIT:
        console_restore();
        fprintf(stderr, "\niss: quit (Ctrl-A X)\n");
        rc = 0;
        break;
    case ISS_RUNNING:
        if (cut) {
            fprintf(stderr, "iss: power cut after %llu instructions (pc 0x%08x)\n", (unsigned long long)total,
                    iss_get_pc(s));
            rc = EXIT_POWER_CUT;
        } else if (timeout) {
            fprintf(stderr, "iss: --max-cycles %llu reached (pc 0x%08x)\n", (unsigned long long)max_cycles,
                    iss_get_pc(s));
            rc = EXIT_TIMEOUT;
        }
        break;
    }
    if (stats) {
        double dt = t1 - t0 > 1e-9 ? t1 - t0 : 1e-9;
        fprintf(stderr, "iss: %llu instructions (%llu retired) in %.3f s: %.1f MIPS\n", (unsigned long long)total,
                (unsigned long long)iss_get_instret(s), dt, (double)total / dt / 1e6);
    }
    if (card) {
        const char *e = sdcard_error(card);
        if (e) fprintf(stderr, "iss: %s\n", e);
        if ((cut ? sdcard_power_cut(card) : sdcard_close(card)) != 0) {
            fprintf(stderr, "iss: --disk: error writing the image %s\n", disk);
            if (rc == 0) rc = 1;
        }
    }
    console_restore();
    iss_free(s);
    return rc;
}
