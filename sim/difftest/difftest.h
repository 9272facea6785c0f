/*
 * difftest.h - the retirement record shared by vsim (RTL), iss and the difftest checker.
 *
 * The RTL core reports one event per retired/trapping instruction through its ret_* outputs (docs/core.md,
 * "Retirement interface"); the vsim harness copies them into a struct retire. The ISS fills the same record for
 * each step, so --trace-insn output is identical in format on both simulators and difftest compares field by field.
 */
#ifndef IRIDIUM_DIFFTEST_H
#define IRIDIUM_DIFFTEST_H

#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

enum retire_kind { RETIRE_OK = 0, RETIRE_EXC = 1, RETIRE_INTR = 2 };

struct retire {
    uint64_t cycle;          /* vsim: clock cycle of the event; iss: instruction count */
    uint32_t kind;           /* enum retire_kind */
    uint32_t pc, insn;
    uint32_t rd, rd_wdata;   /* rd = 0: no register written */
    uint32_t mem_valid, mem_we, mem_addr, mem_wstrb, mem_wdata, mem_rdata;
    uint32_t csr_we, csr_addr, csr_wdata;
    uint32_t cause, tval, next_pc;
    uint32_t priv;           /* privilege after the event: 0 U, 1 S, 3 M */
};

/* One --trace-insn line: pc, instruction, disassembly, register write (or trap). */
void retire_trace_line(FILE *f, const struct retire *r);

/* Disassemble one instruction into buf (at most len bytes, NUL-terminated). */
void disasm(uint32_t pc, uint32_t insn, char *buf, unsigned len);

/*
 * Lockstep checker. difftest_new builds an ISS with the same memory contents as the RTL (same boot ROM image or
 * ELF, same RAM size, same start pc). difftest_step is called for every RTL event; it steps the ISS, copies the
 * values that legitimately differ (documented in docs/sim.md) and compares. On a mismatch it prints the report
 * (instruction, both states, the last 32 events) to stderr and returns non-zero.
 */
struct difftest;
struct difftest_config {
    const char *bootrom_path;   /* boot ROM image (raw binary), may be NULL under --elf */
    const char *elf_path;       /* ELF loaded into memory, may be NULL */
    uint32_t ram_bytes;
    uint32_t start_pc;
    const char *const *loads;   /* raw images "FILE@ADDR" (as --load), may be NULL */
    int nloads;
};
struct difftest *difftest_new(const struct difftest_config *cfg);
int difftest_step(struct difftest *d, const struct retire *rtl);
void difftest_free(struct difftest *d);

#ifdef __cplusplus
}
#endif
#endif
