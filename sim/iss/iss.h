/*
 * iss.h - the Iridium instruction-set simulator as a library.
 *
 * One `struct iss` is a whole Iridium SoC (docs/core.md, docs/memory-map.md): an RV32IM + Zicsr + Zifencei hart with
 * M/S/U modes and Sv32, the boot ROM, RAM, UART, system controller (BOARD_ID = 1) and CLINT. It is used by the `iss`
 * program (sim/iss/iss_main.c) and by the difftest checker (sim/difftest/difftest.c, linked into vsim, which is
 * C++: hence extern "C").
 *
 * Time: each step (an instruction that retires or traps, or an interrupt taken) advances mcycle and the CLINT mtime
 * by one; minstret counts retired instructions only.
 *
 * Invariants: the simulator never reads or writes host memory outside its own buffers whatever the guest does; every
 * guest error becomes the architectural trap. Not thread-safe (one thread per instance); instances are independent.
 */
#ifndef IRIDIUM_ISS_H
#define IRIDIUM_ISS_H

#include <stddef.h>
#include <stdint.h>

#include "difftest.h"   /* struct retire */

#ifdef __cplusplus
extern "C" {
#endif

struct iss;

/* Why a run stopped (iss_step / iss_run return it; ISS_RUNNING = keep going). */
enum iss_stop {
    ISS_RUNNING = 0,
    ISS_PASS,          /* finisher 0x5555, or tohost == 1 */
    ISS_FAIL_CODE,     /* finisher (code << 16) | 0x3333: code in iss_stop_code() */
    ISS_FAIL_TOHOST,   /* tohost odd and != 1: test number (v >> 1) in iss_stop_code() */
    ISS_QUIT,          /* the host console asked to quit (Ctrl-A X) */
};

struct sdcard;   /* sim/models/sdcard.h */

/* Host side of the UART. Both callbacks may be NULL (no input; output discarded). */
struct iss_host {
    void *ctx;
    /* Non-blocking: 1 = *byte is the next input byte, 0 = nothing now, -1 = the user asked to quit. */
    int (*rx)(void *ctx, uint8_t *byte);
    void (*tx)(void *ctx, uint8_t byte);
};

/* A new SoC with ram_bytes of RAM (multiple of 4 KiB, at most 1 GiB) and a zeroed 16 KiB boot ROM, reset at pc 0.
 * NULL if ram_bytes is invalid or memory is short. */
struct iss *iss_new(uint32_t ram_bytes);
void iss_free(struct iss *s);

/* Backdoor memory access to ROM and RAM (not devices). Returns 0, or -1 if [paddr, paddr+len) is not all ROM or all
 * RAM. iss_mem_write has the loader's mem_write_fn signature (ctx = the struct iss). */
int iss_mem_write(void *s, uint32_t paddr, const uint8_t *data, size_t len);
int iss_mem_read(struct iss *s, uint32_t paddr, uint8_t *data, size_t len);

/* System reset: hart (registers, CSRs, privilege M) and devices; RAM and ROM are kept. pc = reset_pc. */
void iss_reset(struct iss *s, uint32_t reset_pc);

void iss_set_host(struct iss *s, const struct iss_host *host);
/* The SD card on the SPI master's pins (NULL = none: MISO reads 1, so every byte received is 0xFF). The caller
 * keeps ownership (closes it after the run). */
void iss_set_sdcard(struct iss *s, struct sdcard *card);
/* Stores to this physical word end the run (riscv-tests `tohost`); call after loading an ELF that has one. */
void iss_set_tohost(struct iss *s, uint32_t paddr);

/* Execute one step (take a pending interrupt, or execute one instruction) and describe it in *r (r may be NULL).
 * Returns the stop reason (ISS_RUNNING to continue). */
enum iss_stop iss_step(struct iss *s, struct retire *r);
/* Execute up to max_steps steps without tracing (the fast path); stops early when a stop reason arises.
 * *done (may be NULL) receives the number of steps executed. */
enum iss_stop iss_run(struct iss *s, uint64_t max_steps, uint64_t *done);
uint32_t iss_stop_code(const struct iss *s);
void iss_clear_stop(struct iss *s);

/* Deliver pending console input to the UART RX FIFO now (iss_run also does it every few thousand steps). Returns
 * ISS_QUIT if the host asked to quit, else ISS_RUNNING. */
enum iss_stop iss_poll_host(struct iss *s);

/* State access (for tests, difftest and debugging). CSR access here bypasses privilege checks but uses the same
 * masks as a CSR instruction in M-mode; returns 0, or -1 for an unknown CSR. */
uint32_t iss_get_reg(const struct iss *s, unsigned i);
void iss_set_reg(struct iss *s, unsigned i, uint32_t v);
uint32_t iss_get_pc(const struct iss *s);
void iss_set_pc(struct iss *s, uint32_t pc);
unsigned iss_get_priv(const struct iss *s);
void iss_set_priv(struct iss *s, unsigned priv);
int iss_csr_read(struct iss *s, uint32_t addr, uint32_t *v);
int iss_csr_write(struct iss *s, uint32_t addr, uint32_t v);
uint64_t iss_get_steps(const struct iss *s);
uint64_t iss_get_instret(const struct iss *s);

/* Difftest support (see docs/sim.md, "Difftest").
 * iss_set_auto_interrupts(s, 0): the ISS never takes an interrupt by itself.
 * iss_set_oracle(s, rtl): for the next steps, loads from MMIO take rtl->mem_rdata instead of touching the devices,
 *   stores to MMIO are not performed (except a finisher reset), and CSR reads of cycle/time/instret(h),
 *   mcycle(h)/minstret(h) and the device bits of mip take rtl->rd_wdata. NULL turns this off.
 * iss_force_interrupt: take interrupt `cause` (bit 31 set) now, as the step described in *r. Returns 0, or -1
 *   (nothing done) if that interrupt is not enabled in the current state; *why then says why. */
void iss_set_auto_interrupts(struct iss *s, int on);
void iss_set_oracle(struct iss *s, const struct retire *rtl);
int iss_force_interrupt(struct iss *s, uint32_t cause, struct retire *r, const char **why);

#ifdef __cplusplus
}
#endif
#endif
