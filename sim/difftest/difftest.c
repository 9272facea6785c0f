/*
 * difftest.c - lockstep comparison of the RTL core (events from vsim) with the ISS (difftest.h).
 *
 * For every RTL event the checker steps its own ISS instance (sim/iss, loaded with the same images) and compares
 * the two events field by field. Values that legitimately differ between the two are taken from the RTL, and only
 * those (docs/sim.md, "Difftest"):
 *   - loads from MMIO (any address outside ROM/RAM) return the RTL's read word (the ISS devices are not touched;
 *     MMIO stores are compared but not performed, except a finisher reset, which resets the ISS too);
 *   - CSR reads of cycle/time/instret(h), mcycle(h)/minstret(h) return the RTL's value, and reads of mip take the
 *     device bits (MEIP/MTIP/MSIP) from the RTL (software bits stay the ISS's own, and are checked);
 *   - interrupts: the ISS never takes one by itself; when the RTL reports one (kind 2) the ISS takes the same one
 *     at the same point, after checking that it is enabled (and, for the software-writable bits, pending).
 * Compared: kind, pc, privilege after the event; for instructions (kind 0/1) the instruction word; for kind 0 the
 * register write (rd, value), next pc, the data access (valid, we; word address; for stores the byte lanes and the
 * bytes written), and the CSR write (address, value as stored: for sstatus/sie/sip the whole mstatus/mie/mip; for
 * mip/sip only the software-writable bits are compared); for traps the
 * cause, tval and handler address.
 *
 * On the first mismatch a report goes to stderr (the instruction, both events, both register files - the RTL's
 * rebuilt from its events - and the last 32 events) and every later call returns non-zero at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "difftest.h"
#include "iridium_soc.h"
#include "iss.h"
#include "loader.h"

#define HISTORY 32

struct difftest {
    struct iss *iss;
    uint32_t rtl_x[32];   /* the RTL's register file as reported by its events */
    struct {
        struct retire rtl, iss;
    } hist[HISTORY];
    unsigned hist_pos, hist_n;
    uint64_t events;
    int failed;
};

struct difftest *difftest_new(const struct difftest_config *cfg)
{
    char err[512];
    uint32_t ram = cfg->ram_bytes ? cfg->ram_bytes : IR_SIM_RAM_BYTES;
    struct difftest *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->iss = iss_new(ram);
    if (!d->iss) {
        fprintf(stderr, "difftest: cannot create the ISS (RAM size %u bytes)\n", ram);
        free(d);
        return NULL;
    }
    if (cfg->bootrom_path &&
        load_bin(cfg->bootrom_path, IR_BOOTROM_BASE, IR_SIM_BOOTROM_BYTES, iss_mem_write, d->iss, err, sizeof err)) {
        fprintf(stderr, "difftest: boot ROM: %s\n", err);
        difftest_free(d);
        return NULL;
    }
    if (cfg->elf_path) {
        struct elf_info info;
        if (load_elf(cfg->elf_path, iss_mem_write, d->iss, &info, err, sizeof err)) {
            fprintf(stderr, "difftest: %s\n", err);
            difftest_free(d);
            return NULL;
        }
    }
    for (int k = 0; k < cfg->nloads; k++) {
        if (load_spec(cfg->loads[k], iss_mem_write, d->iss, err, sizeof err)) {
            fprintf(stderr, "difftest: --load: %s\n", err);
            difftest_free(d);
            return NULL;
        }
    }
    iss_reset(d->iss, cfg->start_pc);
    iss_set_auto_interrupts(d->iss, 0);
    return d;
}

void difftest_free(struct difftest *d)
{
    if (!d) return;
    iss_free(d->iss);
    free(d);
}

struct diffs {
    char text[256];
    int n;
};

static void add(struct diffs *df, const char *name)
{
    size_t l = strlen(df->text);
    snprintf(df->text + l, sizeof df->text - l, "%s%s", df->n ? ", " : "", name);
    df->n++;
}

static uint32_t lanes_to_mask(uint32_t wstrb)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < 4; i++)
        if ((wstrb >> i) & 1) m |= 0xffu << (8 * i);
    return m;
}

static void compare(const struct retire *a, const struct retire *b, struct diffs *df)
{
#define CHK(f) \
    if (a->f != b->f) add(df, #f)
    CHK(kind);
    CHK(pc);
    CHK(priv);
    if (a->kind != b->kind) return;
    if (a->kind != RETIRE_INTR) CHK(insn);
    if (a->kind == RETIRE_OK) {
        CHK(rd);
        if (a->rd && a->rd == b->rd) CHK(rd_wdata);
        CHK(next_pc);
        CHK(mem_valid);
        if (a->mem_valid && b->mem_valid) {
            CHK(mem_we);
            if ((a->mem_addr & ~3u) != (b->mem_addr & ~3u)) add(df, "mem_addr");
            if (a->mem_we && b->mem_we) {
                CHK(mem_wstrb);
                uint32_t m = lanes_to_mask(a->mem_wstrb);
                if ((a->mem_wdata & m) != (b->mem_wdata & m)) add(df, "mem_wdata");
            }
        }
        CHK(csr_we);
        if (a->csr_we && b->csr_we) {
            CHK(csr_addr);
            uint32_t m = 0xffffffffu;
            if (a->csr_addr == 0x344 || a->csr_addr == 0x144) m = 0x222;   /* mip/sip: software-writable bits */
            if ((a->csr_wdata & m) != (b->csr_wdata & m)) add(df, "csr_wdata");
        }
    } else {
        CHK(cause);
        CHK(tval);
        CHK(next_pc);
    }
#undef CHK
}

static void dump_event(const char *who, const struct retire *r)
{
    fprintf(stderr, "  %s: kind %u pc 0x%08x insn 0x%08x rd x%u=0x%08x next_pc 0x%08x priv %u\n", who, r->kind, r->pc,
            r->insn, r->rd, r->rd_wdata, r->next_pc, r->priv);
    fprintf(stderr, "       mem valid %u we %u addr 0x%08x wstrb 0x%x wdata 0x%08x rdata 0x%08x\n", r->mem_valid,
            r->mem_we, r->mem_addr, r->mem_wstrb, r->mem_wdata, r->mem_rdata);
    fprintf(stderr, "       csr we %u addr 0x%03x wdata 0x%08x; cause 0x%08x tval 0x%08x\n", r->csr_we, r->csr_addr,
            r->csr_wdata, r->cause, r->tval);
}

static void dump_regs(const char *who, const uint32_t *x)
{
    fprintf(stderr, "%s registers:\n", who);
    for (unsigned i = 0; i < 32; i++)
        fprintf(stderr, "  x%-2u %08x%s", i, x[i], (i % 8 == 7) ? "\n" : "");
}

static void report(struct difftest *d, const struct retire *rtl, const struct retire *iss, const char *what)
{
    char dis[64];
    disasm(rtl->pc, rtl->insn, dis, sizeof dis);
    fprintf(stderr, "\ndifftest: MISMATCH at event %llu: %s\n", (unsigned long long)d->events, what);
    fprintf(stderr, "  instruction: pc 0x%08x insn 0x%08x %s (RTL cycle %llu)\n", rtl->pc, rtl->insn, dis,
            (unsigned long long)rtl->cycle);
    fprintf(stderr, "  RTL event: ");
    retire_trace_line(stderr, rtl);
    fprintf(stderr, "  ISS event: ");
    retire_trace_line(stderr, iss);
    dump_event("RTL", rtl);
    dump_event("ISS", iss);
    dump_regs("RTL (rebuilt from its events)", d->rtl_x);
    uint32_t ix[32];
    for (unsigned i = 0; i < 32; i++) ix[i] = iss_get_reg(d->iss, i);
    dump_regs("ISS (after its step)", ix);
    fprintf(stderr, "last %u events (oldest first; RTL, then ISS):\n", d->hist_n);
    for (unsigned k = 0; k < d->hist_n; k++) {
        unsigned i = (d->hist_pos + HISTORY - d->hist_n + k) % HISTORY;
        fprintf(stderr, "  RTL ");
        retire_trace_line(stderr, &d->hist[i].rtl);
        fprintf(stderr, "  ISS ");
        retire_trace_line(stderr, &d->hist[i].iss);
    }
}

int difftest_step(struct difftest *d, const struct retire *rtl)
{
    struct retire ev;
    struct diffs df = {{0}, 0};
    const char *why = NULL;

    if (d->failed) return 1;
    memset(&ev, 0, sizeof ev);
    if (rtl->kind == RETIRE_INTR) {
        if (iss_get_pc(d->iss) != rtl->pc) {
            ev.kind = RETIRE_INTR;
            ev.pc = iss_get_pc(d->iss);
            ev.priv = iss_get_priv(d->iss);
            why = "the RTL took an interrupt at a different pc";
        } else if (iss_force_interrupt(d->iss, rtl->cause, &ev, &why)) {
            ev.kind = RETIRE_INTR;
            ev.pc = iss_get_pc(d->iss);
            ev.priv = iss_get_priv(d->iss);
        } else {
            why = NULL;
        }
    } else if (rtl->kind == RETIRE_OK || rtl->kind == RETIRE_EXC) {
        iss_set_oracle(d->iss, rtl);
        iss_step(d->iss, &ev);
        iss_set_oracle(d->iss, NULL);
        iss_clear_stop(d->iss);
    } else {
        why = "invalid event kind from the RTL";
    }

    d->hist[d->hist_pos].rtl = *rtl;
    d->hist[d->hist_pos].iss = ev;
    d->hist_pos = (d->hist_pos + 1) % HISTORY;
    if (d->hist_n < HISTORY) d->hist_n++;
    if (rtl->kind == RETIRE_OK && rtl->rd && rtl->rd < 32) d->rtl_x[rtl->rd] = rtl->rd_wdata;

    compare(rtl, &ev, &df);
    if (why || df.n) {
        char what[400];
        snprintf(what, sizeof what, "%s%s%s%s", why ? why : "", why && df.n ? "; " : "",
                 df.n ? "fields differ: " : "", df.text);
        report(d, rtl, &ev, what);
        d->failed = 1;
        return 1;
    }
    d->events++;
    return 0;
}
