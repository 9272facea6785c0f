/*
 * iss_internal.h - the state of one simulated Iridium SoC and the interfaces between the ISS's subsystems.
 *
 * Files: iss_core.c (decode, execute, step loop), iss_csr.c (CSRs, traps, interrupts), iss_mmu.c (Sv32 and the
 * software TLBs), iss_dev.c (ROM, RAM, UART, system controller, CLINT, SPI master).
 *
 * Invariants:
 *  - x[0] is always 0. Decoding redirects writes to x0 to the dummy register x[32], so execution never checks rd.
 *  - The software TLBs (itlb, dtlb_r, dtlb_w) only hold pages of ROM or RAM whose permission check passed in the
 *    context encoded in ikey/dkey (translation on/off, privilege, SUM, MXR, flush generation). Every change of that
 *    context recomputes the keys (iss_ctx_changed), so a stale entry can never hit. dtlb_w never holds ROM pages nor
 *    the page holding `tohost`, so every store to them goes through the slow path.
 *  - The decode cache is indexed by pc and validated by the instruction word, so it never needs invalidation
 *    (self-modifying code is seen at once).
 *  - mip holds all bits: SEIP/STIP/SSIP as written by software, MEIP/MTIP/MSIP as computed by the devices; the
 *    devices update it whenever their state changes.
 *  - The host is little-endian (checked at build time in iss_core.c).
 */
#ifndef IRIDIUM_ISS_INTERNAL_H
#define IRIDIUM_ISS_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "iridium_soc.h"
#include "iss.h"

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

enum { PRIV_U = 0, PRIV_S = 1, PRIV_M = 3 };

/* mstatus bits */
#define MSTATUS_SIE   (1u << 1)
#define MSTATUS_MIE   (1u << 3)
#define MSTATUS_SPIE  (1u << 5)
#define MSTATUS_MPIE  (1u << 7)
#define MSTATUS_SPP   (1u << 8)
#define MSTATUS_MPP   (3u << 11)
#define MSTATUS_MPRV  (1u << 17)
#define MSTATUS_SUM   (1u << 18)
#define MSTATUS_MXR   (1u << 19)
#define MSTATUS_TVM   (1u << 20)
#define MSTATUS_TW    (1u << 21)
#define MSTATUS_TSR   (1u << 22)
#define MSTATUS_MASK  0x007E19AAu   /* every implemented bit */
#define SSTATUS_MASK  0x000C0122u

/* interrupt bits (mip/mie) */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11
#define MIP_SW_MASK   0x00000222u   /* SEIP, STIP, SSIP: written by software */
#define MIP_DEV_MASK  0x00000888u   /* MEIP, MTIP, MSIP: driven by the devices */
#define MIE_MASK      0x00000AAAu
#define MIDELEG_MASK  0x00000222u
#define MEDELEG_MASK  0x0000B3FFu

/* exception causes */
enum {
    CAUSE_MISALIGNED_FETCH = 0, CAUSE_FETCH_ACCESS = 1, CAUSE_ILLEGAL = 2, CAUSE_BREAKPOINT = 3,
    CAUSE_MISALIGNED_LOAD = 4, CAUSE_LOAD_ACCESS = 5, CAUSE_MISALIGNED_STORE = 6, CAUSE_STORE_ACCESS = 7,
    CAUSE_ECALL_U = 8, CAUSE_ECALL_S = 9, CAUSE_ECALL_M = 11,
    CAUSE_FETCH_PAGE = 12, CAUSE_LOAD_PAGE = 13, CAUSE_STORE_PAGE = 15,
};
#define CAUSE_INTERRUPT 0x80000000u

enum access { ACC_FETCH = 0, ACC_LOAD = 1, ACC_STORE = 2 };

/* Decoded instruction. op 0 is OP_ILLEGAL, so a zeroed decode-cache entry (insn 0) is already correct. */
enum op {
    OP_ILLEGAL = 0,
    OP_LUI, OP_AUIPC, OP_JAL, OP_JALR,
    OP_BEQ, OP_BNE, OP_BLT, OP_BGE, OP_BLTU, OP_BGEU,
    OP_LB, OP_LH, OP_LW, OP_LBU, OP_LHU, OP_SB, OP_SH, OP_SW,
    OP_ADDI, OP_SLTI, OP_SLTIU, OP_XORI, OP_ORI, OP_ANDI, OP_SLLI, OP_SRLI, OP_SRAI,
    OP_ADD, OP_SUB, OP_SLL, OP_SLT, OP_SLTU, OP_XOR, OP_SRL, OP_SRA, OP_OR, OP_AND,
    OP_MUL, OP_MULH, OP_MULHSU, OP_MULHU, OP_DIV, OP_DIVU, OP_REM, OP_REMU,
    OP_FENCE, OP_FENCE_I, OP_ECALL, OP_EBREAK, OP_MRET, OP_SRET, OP_WFI, OP_SFENCE_VMA,
    OP_CSRRW, OP_CSRRS, OP_CSRRC, OP_CSRRWI, OP_CSRRSI, OP_CSRRCI,
    OP_COUNT
};

struct dec {
    uint32_t insn;      /* the instruction word this entry decodes */
    uint8_t op;         /* enum op */
    uint8_t rd;         /* 32 when the instruction's rd is x0 */
    uint8_t rs1, rs2;   /* register numbers; for CSR*I ops rs1 is the 5-bit immediate */
    int32_t imm;        /* sign-extended immediate; for CSR ops the CSR address */
    uint32_t pad;
};

/* One software TLB entry: virtual page -> host memory. tag = ((uint64_t)key << 32) | vpn; an entry whose key is
 * not the current one never matches. host = (uint8_t *)(addend + vaddr). */
struct tlbe {
    uint64_t tag;
    uintptr_t addend;
    uint32_t pa_page;   /* physical address of the page (for retire records) */
    uint32_t pad;
};

#define TLB_BITS   8
#define TLB_SIZE   (1u << TLB_BITS)
#define DCACHE_BITS 14
#define DCACHE_SIZE (1u << DCACHE_BITS)
#define UART_FIFO_DEPTH 16u
#define POLL_INTERVAL 4096u     /* steps between two console polls in iss_run */

struct iss {
    /* ---- hart ---- */
    uint32_t x[33];             /* x[32]: sink for writes to x0 */
    uint32_t pc;
    unsigned priv;

    uint32_t mstatus, mie, mip, medeleg, mideleg, mtvec, stvec, mscratch, sscratch;
    uint32_t mepc, sepc, mcause, scause, mtval, stval, satp, mcounteren, scounteren;
    uint64_t mcycle, minstret;
    unsigned skip_inc;          /* counters written by this step: SKIP_* bits, their increment is skipped */

    /* ---- translation ---- */
    uint32_t tlb_gen;           /* bumped by sfence.vma and satp writes */
    uint64_t ikey, dkey;        /* current TLB context keys (already shifted to bits 63:32) */
    struct tlbe itlb[TLB_SIZE], dtlb_r[TLB_SIZE], dtlb_w[TLB_SIZE];

    /* ---- decode cache ---- */
    struct dec dcache[DCACHE_SIZE];

    /* ---- memory ---- */
    uint8_t *rom;
    uint32_t rom_bytes;
    uint8_t *ram;
    uint32_t ram_bytes;

    /* ---- devices ---- */
    uint8_t rx_fifo[UART_FIFO_DEPTH];
    unsigned rx_head, rx_count;
    uint32_t uart_ie, uart_bauddiv;
    uint32_t msip;
    uint64_t mtime, mtimecmp;
    uint64_t last_poll;         /* steps at the last console poll */
    uint32_t spi_control;       /* SPI CONTROL: bit 0 CS, bits 31:16 DIV */
    uint8_t spi_rx;             /* SPI: the last byte received */
    struct sdcard *sdcard;      /* on the SPI pins (NULL = none) */

    /* ---- run control ---- */
    uint64_t steps;
    enum iss_stop stop;
    uint32_t stop_code;
    int has_tohost;
    uint32_t tohost;
    int reset_request;          /* finisher 0x7777: reset after this step */
    int auto_irq;               /* take interrupts by itself (off in difftest) */
    const struct retire *oracle;/* difftest: the RTL's event for the step being executed */
    struct iss_host host;
};

#define SKIP_MCYCLE   1u
#define SKIP_MINSTRET 2u
#define SKIP_MTIME    4u

/* iss_csr.c */
/* Execute a CSR instruction (d->op is one of OP_CSR*). Returns 0, or -1 for an illegal instruction. Fills the
 * CSR-write fields of r when r is not NULL. */
int csr_insn(struct iss *s, const struct dec *d, struct retire *r);
/* Enter the trap handler for cause (bit 31 = interrupt) with tval; sets pc and privilege. */
void take_trap(struct iss *s, uint32_t cause, uint32_t tval);
void do_mret(struct iss *s);
void do_sret(struct iss *s);
/* The interrupt to take now (cause with bit 31 set), or 0 if none. */
uint32_t pending_interrupt(const struct iss *s);
/* Reset every CSR to its docs/core.md reset value. */
void csr_reset(struct iss *s);

/* iss_mmu.c */
/* Recompute the TLB keys after a change of privilege, mstatus, satp or a flush. */
void iss_ctx_changed(struct iss *s);
void tlb_flush(struct iss *s);
/* Translate vaddr for an access of the given type. Returns 0 and *pa, or the exception cause. */
int mmu_translate(struct iss *s, uint32_t vaddr, enum access type, uint64_t *pa);
/* Slow path of a fetch: translate pc and return a host pointer to the word, filling the itlb; NULL with *cause set
 * when the fetch faults. */
const uint8_t *fetch_slow(struct iss *s, uint32_t pc, uint32_t *cause);

/* iss_dev.c */
/* Host pointer for physical [pa, pa+len) if it is all in ROM (writable = 0 only) or RAM, else NULL. */
uint8_t *phys_host(struct iss *s, uint64_t pa, unsigned len, int writable);
/* MMIO access to the aligned word holding pa. Returns 0 or -1 (access fault). wstrb: byte lanes. */
int mmio_read(struct iss *s, uint32_t pa, uint32_t *word);
int mmio_write(struct iss *s, uint32_t pa, uint32_t word, uint32_t wstrb);
void dev_reset(struct iss *s);
void uart_update_irq(struct iss *s);
void clint_update_mtip(struct iss *s);
/* The tohost check for a store that wrote the physical word holding pa. */
void tohost_check(struct iss *s, uint32_t pa);

/* iss_mmu.c: the generic (slow-path) data access used for MMIO, faults and TLB misses (fills the data TLBs).
 * Loads: *val receives the zero-extended raw value (size bytes). Returns 0 or the exception cause. */
int mem_access_slow(struct iss *s, uint32_t va, unsigned size, enum access type, uint32_t *val, struct retire *r);

#endif
