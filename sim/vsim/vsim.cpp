/*
 * vsim.cpp - the Verilator harness of the Iridium SoC: `vsim` runs the RTL (hw/core + hw/soc, with the memories
 * replaced by those of sim/vsim/rtl/) cycle by cycle. Contract: docs/sim.md; `vsim --help` lists the options.
 *
 * C++ only where Verilator needs it (the model object, the FST writer); the rest is plain C style.
 *
 * Invariants:
 * - Memory contents live in the two byte arrays below (ROM, RAM; host little-endian), which the RTL reads and
 *   writes through the DPI-C functions vsim_* (sim/vsim/rtl). Their sizes come from the RTL parameters: the
 *   memories register them from an initial block, during the first eval, before anything is loaded.
 * - One loop iteration = one clock cycle: the outputs of the current cycle are examined (retirement event, UART
 *   byte, finisher), inputs are set, then one rising and one falling edge are evaluated. `cycle` counts rising
 *   edges since the start (reset cycles included).
 * - The run ends through vsim_exit() only, which flushes the console, restores the terminal, closes traces and
 *   prints --stats. Exit codes: 0 pass / finisher success / user quit, 1 failure (tohost, finisher, difftest),
 *   2 bad command line or unreadable/unloadable file, 124 --max-cycles reached.
 * - A run-ending store (tohost, finisher) is reported after that store has retired (or 16 cycles later at most),
 *   so --trace-insn and --difftest see it.
 * - The console is polled every VSIM_POLL_CYCLES cycles; while input is available and the RX FIFO has room, one
 *   byte is fed per cycle. Input is never dropped (a byte waits while the FIFO is full).
 * - SD card (--disk): the SPI pins are looked at every cycle, but the card model (sim/models/sdcard.h) is only
 *   called when SCK or CS changed (MOSI matters only at a rising SCK edge); the MISO it returns is driven from the
 *   next cycle on. Without --disk MISO is 1 (pulled up, no card). The card is closed at every exit; --power-cut N
 *   ends the run before cycle N with exit status 3 and drops a block the card was still programming.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "Viridium_soc.h"
#include "Viridium_soc__Dpi.h"
#include "verilated.h"
#include "verilated_fst_c.h"

#include "console.h"
#include "difftest.h"
#include "iridium_soc.h"
#include "loader.h"
#include "sdcard.h"

#define VSIM_POLL_CYCLES   4096u         /* console poll period (power of two) */
#define VSIM_RESET_CYCLES  4u            /* cycles of rst at start and on a finisher reset */
#define VSIM_END_DRAIN     16u           /* cycles to wait for a run-ending store to retire */
#define VSIM_DEFAULT_ROM   "build/boot/bootrom.bin"

/* ---- options ------------------------------------------------------------------------------------------ */
static const char *opt_elf;
static const char *opt_bootrom;
#define VSIM_MAX_LOADS 16
static const char *opt_loads[VSIM_MAX_LOADS];   /* --load FILE@ADDR, in command-line order */
static int         opt_nloads;
static uint64_t    opt_max_cycles;       /* 0 = no limit */
static const char *opt_trace;
static uint64_t    opt_trace_from;
static uint64_t    opt_trace_to = UINT64_MAX;
static int         opt_stats;
static const char *opt_trace_insn;
static int         opt_difftest;
static int         opt_seed_given;
static uint64_t    opt_seed;
static const char *opt_disk;
static uint64_t    opt_power_cut;        /* 0 = none */

/* ---- state -------------------------------------------------------------------------------------------- */
static uint8_t  *rom, *ram;
static uint32_t  rom_bytes, ram_bytes;   /* as registered by the RTL */
static uint32_t  rom_words_mask, ram_words_mask;

static int       has_tohost;
static uint32_t  tohost_word;            /* RAM word index of tohost */
static int       tohost_hit;             /* a store reached tohost's low word... */
static uint32_t  tohost_value;           /* ...with this value */

static VerilatedContext *ctx;
static Viridium_soc     *top;
static VerilatedFstC    *tfp;
static FILE             *insn_fp;
static struct difftest  *dt;
static int               console_on;
static struct sdcard    *card;
static uint8_t           spi_last_sclk, spi_last_cs_n = 1;

static uint64_t cycle, instret;
static struct timespec t_start;

/* A run-ending event waiting for its store to retire. */
static int      end_pending;
static int      end_code;
static uint32_t end_addr;                /* word-aligned address of the store that ended the run */
static uint64_t end_deadline;
static char     end_msg[96];

static void usage(FILE *f)
{
    fprintf(f,
        "usage: vsim [options]\n"
        "Runs the Iridium SoC RTL (Verilator). Without --elf the hart resets into the boot ROM.\n"
        "  --elf FILE          load FILE's PT_LOAD segments and start in M-mode at its entry (ROM bypassed);\n"
        "                      a store to its `tohost` symbol ends the run (1 = pass, odd v = FAIL test v>>1)\n"
        "  --bootrom FILE      boot ROM image (raw binary at 0; default " VSIM_DEFAULT_ROM ";\n"
        "                      with --elf the ROM is left empty unless this is given)\n"
        "  --load FILE@ADDR    also load the raw FILE at physical ADDR (repeatable, e.g. a disk image in RAM)\n"
        "  --disk IMG          SD card on the SPI pins, backed by the image file IMG (read and written)\n"
        "  --max-cycles N      stop after N cycles with exit status 124\n"
        "  --power-cut N       the power fails at cycle N: exit status 3; only SD blocks whose write\n"
        "                      completed are in the image\n"
        "  --trace FILE.fst    write an FST waveform (only cycles in the --trace-from/--trace-to window)\n"
        "  --trace-from N      first traced cycle (default 0)\n"
        "  --trace-to N        first cycle no longer traced (default: end of run)\n"
        "  --trace-insn FILE   one line per retirement event (retire_trace_line format)\n"
        "  --difftest          check every retirement event against the ISS in lockstep; exit 1 on mismatch\n"
        "  --stats             print cycles, instructions, CPI and simulation speed on stderr at exit\n"
        "  --seed N            random initial register state from seed N (same as\n"
        "                      +verilator+rand+reset+2 +verilator+seed+N); default: all zeros\n"
        "  +verilator+...      passed to Verilator (e.g. +verilator+seed+N +verilator+rand+reset+2)\n"
        "  --help              this text\n"
        "Exit status: 0 pass (tohost 1, finisher 0x5555, Ctrl-A X), 1 fail, 2 bad arguments or files,\n"
        "3 power cut, 124 cycle limit. UART: stdout/stdin (Ctrl-A X quits on a terminal).\n");
}

static void bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "vsim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(vsim --help lists the options)\n");
    exit(2);
}

static uint64_t parse_u64(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    if (s == NULL || *s == '\0' || *s == '-')
        bad_usage("%s needs a non-negative integer", opt);
    unsigned long long v = strtoull(s, &end, 0);
    if (errno != 0 || *end != '\0')
        bad_usage("bad number for option: '%s'", s);
    return (uint64_t)v;
}

static void parse_args(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (a[0] == '+')
            continue;                                   /* plusargs: Verilator's (commandArgs) */
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            exit(0);
        }
        if (!strcmp(a, "--stats"))         { opt_stats = 1; continue; }
        if (!strcmp(a, "--difftest"))      { opt_difftest = 1; continue; }
        int takes_value = !strcmp(a, "--elf") || !strcmp(a, "--bootrom") || !strcmp(a, "--load") ||
                          !strcmp(a, "--max-cycles") || !strcmp(a, "--trace") || !strcmp(a, "--trace-from") ||
                          !strcmp(a, "--trace-to") || !strcmp(a, "--trace-insn") || !strcmp(a, "--seed") ||
                          !strcmp(a, "--disk") || !strcmp(a, "--power-cut");
        if (!takes_value)
            bad_usage("unknown option '%s'", a);
        if (next == NULL)
            bad_usage("option %s needs a value", a);
        i++;
        if      (!strcmp(a, "--elf"))        opt_elf = next;
        else if (!strcmp(a, "--bootrom"))    opt_bootrom = next;
        else if (!strcmp(a, "--load")) {
            if (opt_nloads == VSIM_MAX_LOADS)
                bad_usage("%s", "too many --load options (at most 16)");
            opt_loads[opt_nloads++] = next;
        }
        else if (!strcmp(a, "--max-cycles")) opt_max_cycles = parse_u64(a, next);
        else if (!strcmp(a, "--trace"))      opt_trace = next;
        else if (!strcmp(a, "--trace-from")) opt_trace_from = parse_u64(a, next);
        else if (!strcmp(a, "--trace-to"))   opt_trace_to = parse_u64(a, next);
        else if (!strcmp(a, "--trace-insn")) opt_trace_insn = next;
        else if (!strcmp(a, "--disk"))       opt_disk = next;
        else if (!strcmp(a, "--power-cut")) {
            opt_power_cut = parse_u64(a, next);
            if (opt_power_cut == 0)
                bad_usage("%s", "--power-cut must be at least 1");
        }
        else { opt_seed = parse_u64(a, next); opt_seed_given = 1; }
    }
    if (opt_trace_to <= opt_trace_from)
        bad_usage("%s", "--trace-to must be greater than --trace-from");
    if ((opt_trace_from != 0 || opt_trace_to != UINT64_MAX) && opt_trace == NULL)
        bad_usage("%s", "--trace-from/--trace-to need --trace FILE.fst");
    if (opt_seed_given && opt_seed > 0x7fffffffu)
        bad_usage("%s", "--seed must be below 2^31");
    /* The ISS starts with zeroed registers; a random RTL register file would differ at the first use of one. */
    if (opt_seed_given && opt_difftest)
        bad_usage("%s", "--seed (random initial state) cannot be combined with --difftest (the ISS starts from zeros)");
}

/* ---- memories (DPI-C, called by sim/vsim/rtl) --------------------------------------------------------- */
static uint32_t words_mask(uint32_t bytes)
{
    uint32_t words = 1;
    while (words < bytes / 4)
        words <<= 1;
    return words - 1;
}

void vsim_mem_register(int kind, int bytes)
{
    if (kind == 0) rom_bytes = (uint32_t)bytes;
    else           ram_bytes = (uint32_t)bytes;
}

int vsim_rom_read(int word)
{
    uint32_t v;
    memcpy(&v, rom + 4 * ((uint32_t)word & rom_words_mask), 4);
    return (int)v;
}

int vsim_ram_read(int word)
{
    uint32_t v;
    memcpy(&v, ram + 4 * ((uint32_t)word & ram_words_mask), 4);
    return (int)v;
}

void vsim_ram_write(int word, int data, int strb)
{
    uint32_t w = (uint32_t)word & ram_words_mask;
    uint8_t *p = ram + 4 * w;
    for (int b = 0; b < 4; b++)
        if (strb & (1 << b))
            p[b] = (uint8_t)((uint32_t)data >> (8 * b));
    if (has_tohost && w == tohost_word) {
        memcpy(&tohost_value, p, 4);
        tohost_hit = 1;
    }
}

/* Loader callback: ROM or RAM, by physical address. */
static int mem_write(void *c, uint32_t paddr, const uint8_t *data, size_t len)
{
    (void)c;
    if ((uint64_t)paddr + len <= rom_bytes) {
        memcpy(rom + paddr, data, len);
        return 0;
    }
    if (paddr >= IR_RAM_BASE && (uint64_t)(paddr - IR_RAM_BASE) + len <= ram_bytes) {
        memcpy(ram + (paddr - IR_RAM_BASE), data, len);
        return 0;
    }
    return -1;
}

/* ---- ending the run ------------------------------------------------------------------------------------ */
static double wall_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t_start.tv_sec) + 1e-9 * (double)(t.tv_nsec - t_start.tv_nsec);
}

static void vsim_exit(int code)
{
    if (console_on) {
        console_flush();
        console_restore();
    }
    fflush(stdout);
    if (tfp) {
        tfp->close();
        delete tfp;
        tfp = NULL;
    }
    if (insn_fp) {
        fclose(insn_fp);
        insn_fp = NULL;
    }
    if (card) {
        struct sdcard_stats st;
        const char *e = sdcard_error(card);
        sdcard_get_stats(card, &st);
        if (e)
            fprintf(stderr, "vsim: %s\n", e);
        if (opt_stats)
            fprintf(stderr, "vsim: SD card: %llu commands, %llu blocks read, %llu written, %llu dropped\n",
                    (unsigned long long)st.commands, (unsigned long long)st.blocks_read,
                    (unsigned long long)st.blocks_written, (unsigned long long)st.blocks_dropped);
        if ((code == 3 ? sdcard_power_cut(card) : sdcard_close(card)) != 0) {
            fprintf(stderr, "vsim: --disk: error writing the image %s\n", opt_disk);
            if (code == 0)
                code = 1;
        }
        card = NULL;
    }
    if (opt_stats) {
        double secs = wall_seconds();
        fprintf(stderr, "vsim: cycles %llu, instructions retired %llu, CPI %.3f, %.2f s, %.3f M cycles/s\n",
                (unsigned long long)cycle, (unsigned long long)instret,
                instret ? (double)cycle / (double)instret : 0.0, secs,
                secs > 0 ? (double)cycle / secs / 1e6 : 0.0);
    }
    if (dt)
        difftest_free(dt);
    if (top) {
        top->final();
        delete top;
    }
    delete ctx;
    exit(code);
}

/* Start the end of the run: report after the store to addr retires (or VSIM_END_DRAIN cycles). */
static void end_run(int code, uint32_t addr, const char *msg)
{
    if (end_pending)
        return;
    end_pending = 1;
    end_code = code;
    end_addr = addr & ~3u;
    end_deadline = cycle + VSIM_END_DRAIN;
    snprintf(end_msg, sizeof end_msg, "%s", msg);
}

static void end_now(void)
{
    if (end_msg[0])
        fprintf(stderr, "%s\n", end_msg);
    vsim_exit(end_code);
}

/* ---- one clock cycle ----------------------------------------------------------------------------------- */
static int trace_now;                    /* cycle is inside the trace window */

static inline void clock_cycle(void)
{
    top->clk = 1;
    top->eval();
    if (trace_now)
        tfp->dump(2 * cycle + 1);
    top->clk = 0;
    top->eval();
    cycle++;
    if (tfp) {
        trace_now = (cycle >= opt_trace_from && cycle < opt_trace_to);
        if (trace_now)
            tfp->dump(2 * cycle);
    }
}

static void reset_soc(void)
{
    top->rst = 1;
    for (unsigned i = 0; i < VSIM_RESET_CYCLES; i++)
        clock_cycle();
    top->rst = 0;
}

static void on_retire(void)
{
    struct retire r;
    r.cycle = cycle;
    r.kind = top->ret_kind;
    r.pc = top->ret_pc;
    r.insn = top->ret_insn;
    r.rd = top->ret_rd;
    r.rd_wdata = top->ret_rd_wdata;
    r.mem_valid = top->ret_mem_valid;
    r.mem_we = top->ret_mem_we;
    r.mem_addr = top->ret_mem_addr;
    r.mem_wstrb = top->ret_mem_wstrb;
    r.mem_wdata = top->ret_mem_wdata;
    r.mem_rdata = top->ret_mem_rdata;
    r.csr_we = top->ret_csr_we;
    r.csr_addr = top->ret_csr_addr;
    r.csr_wdata = top->ret_csr_wdata;
    r.cause = top->ret_cause;
    r.tval = top->ret_tval;
    r.next_pc = top->ret_next_pc;
    r.priv = top->ret_priv;
    if (insn_fp)
        retire_trace_line(insn_fp, &r);
    if (dt && difftest_step(dt, &r) != 0) {
        fprintf(stderr, "vsim: difftest mismatch at cycle %llu, pc 0x%08x\n", (unsigned long long)cycle, r.pc);
        vsim_exit(1);
    }
    if (end_pending && r.kind == RETIRE_OK && r.mem_valid && r.mem_we && (r.mem_addr & ~3u) == end_addr)
        end_now();
}

static void on_finish(uint32_t v)
{
    char msg[96];
    if (v == IR_FINISH_PASS) {
        end_run(0, IR_SYSCTL_BASE, "");
    } else if ((v & 0xFFFFu) == IR_FINISH_FAIL) {
        snprintf(msg, sizeof msg, "FAIL code %u", v >> 16);
        end_run(1, IR_SYSCTL_BASE, msg);
    } else if (v == IR_FINISH_RESET) {
        if (dt) {
            fprintf(stderr, "vsim: system reset: difftest stops here (the ISS cannot follow a reset)\n");
            difftest_free(dt);
            dt = NULL;
        }
        reset_soc();
    }
}

static void on_tohost(uint32_t v)
{
    char msg[96];
    tohost_hit = 0;
    if (v == 1) {
        end_run(0, IR_RAM_BASE + 4 * tohost_word, "");
    } else if (v & 1) {
        snprintf(msg, sizeof msg, "FAIL test %u", v >> 1);
        end_run(1, IR_RAM_BASE + 4 * tohost_word, msg);
    }
}

/* Console: feed at most one input byte per cycle while the RX FIFO has room. Returns 1 while feeding. */
static int     rx_have;
static uint8_t rx_byte;

static int console_poll(void)
{
    top->uart_rx_valid = 0;
    if (!rx_have) {
        int c = console_getc(&rx_byte);
        if (c < 0) {
            fprintf(stderr, "\nvsim: quit (Ctrl-A X) after %llu cycles\n", (unsigned long long)cycle);
            vsim_exit(0);
        }
        if (c == 0) {
            console_flush();
            return 0;
        }
        rx_have = 1;
    }
    if (top->uart_rx_ready) {
        top->uart_rx_valid = 1;
        top->uart_rx_data = rx_byte;
        rx_have = 0;                      /* taken at the coming rising edge */
        return 1;
    }
    return 0;                             /* FIFO full: keep the byte, try at the next poll */
}

/* SD card: give the model the pins when SCK or CS changed; drive MISO from the next cycle. */
static inline void spi_pins(void)
{
    if (top->spi_sclk != spi_last_sclk || top->spi_cs_n != spi_last_cs_n) {
        spi_last_sclk = top->spi_sclk;
        spi_last_cs_n = top->spi_cs_n;
        top->spi_miso = (uint8_t)sdcard_pins(card, spi_last_cs_n, spi_last_sclk, top->spi_mosi);
    }
}

static void run(void)
{
    const int watch = (insn_fp != NULL) || (dt != NULL);
    int feeding = 0;
    top->uart_tx_ready = 1;
    for (;;) {
        if (card)
            spi_pins();
        if (top->ret_valid) {
            instret += (top->ret_kind == RETIRE_OK);
            if (watch || end_pending)
                on_retire();
        }
        if (top->uart_tx_valid)
            console_putc(top->uart_tx_data);
        if (top->finish_valid)
            on_finish(top->finish_value);
        if (tohost_hit)
            on_tohost(tohost_value);
        if (end_pending && cycle >= end_deadline)
            end_now();
        if (feeding || (cycle & (VSIM_POLL_CYCLES - 1)) == 0)
            feeding = console_poll();
        if (opt_power_cut && cycle >= opt_power_cut) {
            fprintf(stderr, "vsim: power cut at cycle %llu\n", (unsigned long long)cycle);
            vsim_exit(3);
        }
        if (opt_max_cycles && cycle >= opt_max_cycles) {
            fprintf(stderr, "vsim: cycle limit reached (%llu cycles)\n", (unsigned long long)cycle);
            vsim_exit(124);
        }
        clock_cycle();
    }
}

int main(int argc, char **argv)
{
    char err[256];
    uint32_t start_pc = 0;

    clock_gettime(CLOCK_MONOTONIC, &t_start);
    parse_args(argc, argv);
    {
        uint32_t probe = 1;
        if (*(uint8_t *)&probe != 1) {
            fprintf(stderr, "vsim: this harness needs a little-endian host\n");
            return 2;
        }
    }

    ctx = new VerilatedContext;
    if (opt_seed_given) {
        ctx->randReset(2);
        ctx->randSeed((int)opt_seed);
    }
    ctx->commandArgs(argc, argv);       /* +verilator+... plusargs */
    if (opt_trace)
        ctx->traceEverOn(true);
    top = new Viridium_soc{ctx, "soc"};

    /* First eval: initial blocks run and the memories register their sizes. */
    top->clk = 0;
    top->rst = 1;
    top->boot_addr = 0;
    top->uart_tx_ready = 1;
    top->uart_rx_valid = 0;
    top->uart_rx_data = 0;
    top->spi_miso = 1;
    top->eval();
    if (rom_bytes == 0 || ram_bytes == 0) {
        fprintf(stderr, "vsim: internal error: the RTL memories did not register their sizes\n");
        vsim_exit(2);
    }
    rom_words_mask = words_mask(rom_bytes);
    ram_words_mask = words_mask(ram_bytes);
    rom = (uint8_t *)calloc((size_t)rom_words_mask + 1, 4);
    ram = (uint8_t *)calloc((size_t)ram_words_mask + 1, 4);
    if (!rom || !ram) {
        fprintf(stderr, "vsim: out of memory for %u bytes of RAM\n", ram_bytes);
        vsim_exit(2);
    }

    const char *rom_path = opt_bootrom ? opt_bootrom : (opt_elf ? NULL : VSIM_DEFAULT_ROM);
    if (rom_path && load_bin(rom_path, IR_BOOTROM_BASE, rom_bytes, mem_write, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "vsim: boot ROM %s: %s\n", rom_path, err);
        if (!opt_bootrom)
            fprintf(stderr, "vsim: (build it with `make bootrom`, or give --bootrom FILE or --elf FILE)\n");
        vsim_exit(2);
    }
    if (opt_elf) {
        struct elf_info info;
        if (load_elf(opt_elf, mem_write, NULL, &info, err, sizeof err) != 0) {
            fprintf(stderr, "vsim: %s: %s\n", opt_elf, err);
            vsim_exit(2);
        }
        start_pc = info.entry;
        if (info.has_tohost) {
            if (info.tohost >= IR_RAM_BASE && info.tohost - IR_RAM_BASE < ram_bytes) {
                has_tohost = 1;
                tohost_word = (info.tohost - IR_RAM_BASE) / 4;
            } else {
                fprintf(stderr, "vsim: warning: tohost (0x%08x) is not in RAM; ignored\n", info.tohost);
            }
        }
    }

    for (int k = 0; k < opt_nloads; k++) {
        if (load_spec(opt_loads[k], mem_write, NULL, err, sizeof err) != 0) {
            fprintf(stderr, "vsim: --load: %s\n", err);
            vsim_exit(2);
        }
    }

    if (opt_disk) {
        card = sdcard_open(opt_disk, NULL, err, sizeof err);
        if (!card) {
            fprintf(stderr, "vsim: --disk: %s\n", err);
            vsim_exit(2);
        }
    }
    if (opt_trace_insn) {
        insn_fp = fopen(opt_trace_insn, "w");
        if (!insn_fp) {
            fprintf(stderr, "vsim: cannot write %s: %s\n", opt_trace_insn, strerror(errno));
            vsim_exit(2);
        }
    }
    if (opt_difftest) {
        struct difftest_config cfg;
        cfg.bootrom_path = rom_path;
        cfg.elf_path = opt_elf;
        cfg.ram_bytes = ram_bytes;
        cfg.start_pc = start_pc;
        cfg.loads = opt_loads;
        cfg.nloads = opt_nloads;
        dt = difftest_new(&cfg);
        if (!dt) {
            fprintf(stderr, "vsim: could not start the difftest ISS\n");
            vsim_exit(2);
        }
    }
    if (opt_trace) {
        tfp = new VerilatedFstC;
        top->trace(tfp, 99);
        tfp->open(opt_trace);
        if (!tfp->isOpen()) {
            fprintf(stderr, "vsim: cannot write %s\n", opt_trace);
            delete tfp;
            tfp = NULL;
            vsim_exit(2);
        }
        trace_now = (opt_trace_from == 0);
        if (trace_now)
            tfp->dump(0);
    }

    console_init();
    console_on = 1;
    clock_gettime(CLOCK_MONOTONIC, &t_start);   /* --stats measures the run, not the loading */

    top->boot_addr = start_pc;
    reset_soc();
    run();
    return 0;
}
