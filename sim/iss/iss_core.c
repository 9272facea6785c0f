/*
 * iss_core.c - decode and execute: the step loop of the Iridium ISS.
 *
 * A step is either an interrupt being taken or one instruction fetched and executed (retiring, or raising an
 * exception). exec_step() is the one implementation of a step; it is inlined twice: with a retire record (iss_step,
 * used for tracing and difftest) and without (iss_run, the fast path), so the two can never disagree.
 *
 * Speed: fetches and data accesses go through software TLBs that map a virtual page straight to host memory
 * (iss_mmu.c keeps them exact); decoded instructions are cached by pc and validated against the fetched word.
 * Everything unusual (TLB miss, MMIO, any trap) leaves the fast path through a function in another file.
 *
 * Invariants: see iss_internal.h. Behaviour follows docs/core.md ("Architectural choices") and the RISC-V
 * unprivileged/privileged specs 1.12.
 */
#include <stdlib.h>

#include "iss_internal.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the ISS assumes a little-endian host");

/* ---------------------------------------------------------------------------------------------------------------- */
/* Decode                                                                                                            */

static int32_t imm_i(uint32_t in) { return (int32_t)in >> 20; }
static int32_t imm_s(uint32_t in) { return (int32_t)(((uint32_t)((int32_t)in >> 25) << 5) | ((in >> 7) & 0x1f)); }
static int32_t imm_b(uint32_t in)
{
    return (int32_t)(((uint32_t)((int32_t)in >> 31) << 12) | (((in >> 7) & 1) << 11) | (((in >> 25) & 0x3f) << 5) |
                     (((in >> 8) & 0xf) << 1));
}
static int32_t imm_j(uint32_t in)
{
    return (int32_t)(((uint32_t)((int32_t)in >> 31) << 20) | (in & 0xff000) | (((in >> 20) & 1) << 11) |
                     (((in >> 21) & 0x3ff) << 1));
}

static void decode(uint32_t in, struct dec *d)
{
    uint32_t opc = in & 0x7f, rd = (in >> 7) & 31, f3 = (in >> 12) & 7, rs1 = (in >> 15) & 31;
    uint32_t rs2 = (in >> 20) & 31, f7 = in >> 25;
    static const uint8_t branch_ops[8] = {OP_BEQ, OP_BNE, 0, 0, OP_BLT, OP_BGE, OP_BLTU, OP_BGEU};
    static const uint8_t load_ops[8] = {OP_LB, OP_LH, OP_LW, 0, OP_LBU, OP_LHU, 0, 0};
    static const uint8_t store_ops[8] = {OP_SB, OP_SH, OP_SW, 0, 0, 0, 0, 0};
    static const uint8_t opimm_ops[8] = {OP_ADDI, OP_SLLI, OP_SLTI, OP_SLTIU, OP_XORI, OP_SRLI, OP_ORI, OP_ANDI};
    static const uint8_t op_ops[8] = {OP_ADD, OP_SLL, OP_SLT, OP_SLTU, OP_XOR, OP_SRL, OP_OR, OP_AND};
    static const uint8_t mul_ops[8] = {OP_MUL, OP_MULH, OP_MULHSU, OP_MULHU, OP_DIV, OP_DIVU, OP_REM, OP_REMU};
    static const uint8_t csr_ops[8] = {0, OP_CSRRW, OP_CSRRS, OP_CSRRC, 0, OP_CSRRWI, OP_CSRRSI, OP_CSRRCI};

    d->insn = in;
    d->op = OP_ILLEGAL;
    d->rd = 32;             /* no register written unless the format has one */
    d->rs1 = (uint8_t)rs1;
    d->rs2 = (uint8_t)rs2;
    d->imm = 0;
    d->pad = 0;
    uint8_t rdw = rd ? (uint8_t)rd : 32;

    switch (opc) {
    case 0x37: d->op = OP_LUI; d->rd = rdw; d->imm = (int32_t)(in & 0xfffff000u); break;
    case 0x17: d->op = OP_AUIPC; d->rd = rdw; d->imm = (int32_t)(in & 0xfffff000u); break;
    case 0x6f: d->op = OP_JAL; d->rd = rdw; d->imm = imm_j(in); break;
    case 0x67:
        if (f3 == 0) { d->op = OP_JALR; d->rd = rdw; d->imm = imm_i(in); }
        break;
    case 0x63: d->op = branch_ops[f3]; d->imm = imm_b(in); break;
    case 0x03: d->op = load_ops[f3]; d->rd = rdw; d->imm = imm_i(in); break;
    case 0x23: d->op = store_ops[f3]; d->imm = imm_s(in); break;
    case 0x13:
        d->rd = rdw;
        d->imm = imm_i(in);
        if (f3 == 1) {
            if (f7 == 0) d->op = OP_SLLI;
        } else if (f3 == 5) {
            if (f7 == 0) d->op = OP_SRLI;
            else if (f7 == 0x20) d->op = OP_SRAI;
        } else {
            d->op = opimm_ops[f3];
        }
        if (f3 == 1 || f3 == 5) d->imm = (int32_t)rs2;   /* shamt */
        break;
    case 0x33:
        d->rd = rdw;
        if (f7 == 0) d->op = op_ops[f3];
        else if (f7 == 1) d->op = mul_ops[f3];
        else if (f7 == 0x20 && f3 == 0) d->op = OP_SUB;
        else if (f7 == 0x20 && f3 == 5) d->op = OP_SRA;
        break;
    case 0x0f:   /* any fm/pred/succ/rs1/rd (docs/core.md) */
        if (f3 == 0) d->op = OP_FENCE;
        else if (f3 == 1) d->op = OP_FENCE_I;
        break;
    case 0x73:
        if (f3 == 0) {
            if (in == 0x00000073u) d->op = OP_ECALL;
            else if (in == 0x00100073u) d->op = OP_EBREAK;
            else if (in == 0x30200073u) d->op = OP_MRET;
            else if (in == 0x10200073u) d->op = OP_SRET;
            else if (in == 0x10500073u) d->op = OP_WFI;
            else if (f7 == 0x09 && rd == 0) d->op = OP_SFENCE_VMA;
        } else {
            d->op = csr_ops[f3];
            d->rd = rdw;
            d->imm = (int32_t)(in >> 20);
        }
        break;
    default:
        break;
    }
    if (d->op == OP_ILLEGAL) d->rd = 32;
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* Execute                                                                                                           */

static inline uint8_t *tlb_hit(struct tlbe *tlb, uint64_t key, uint32_t va, uint32_t *pa_page)
{
    struct tlbe *e = &tlb[(va >> 12) & (TLB_SIZE - 1)];
    if (likely(e->tag == (key | (va >> 12)))) {
        *pa_page = e->pa_page;
        return (uint8_t *)(e->addend + va);
    }
    return NULL;
}

static inline void count_step(struct iss *s, int retired)
{
    s->steps++;
    if (likely(!s->skip_inc)) {
        s->mcycle++;
        s->mtime++;
        s->minstret += (unsigned)retired;
    } else {
        if (!(s->skip_inc & SKIP_MCYCLE)) s->mcycle++;
        if (!(s->skip_inc & SKIP_MTIME)) s->mtime++;
        if (!(s->skip_inc & SKIP_MINSTRET)) s->minstret += (unsigned)retired;
        s->skip_inc = 0;
    }
    if (unlikely(s->mtime >= s->mtimecmp)) s->mip |= 1u << IRQ_MTI;
}

static inline void fill_mem(struct retire *r, uint32_t pa, unsigned size, int we, uint32_t wdata,
                            const uint8_t *host)
{
    unsigned sh = (pa & 3) * 8;
    r->mem_valid = 1;
    r->mem_we = (uint32_t)we;
    r->mem_addr = pa;
    r->mem_wstrb = (((1u << size) - 1) << (pa & 3)) & 0xf;
    r->mem_wdata = we ? wdata << sh : 0;
    uint32_t word;
    memcpy(&word, host - (pa & 3), 4);
    r->mem_rdata = word;
}

static inline __attribute__((always_inline)) void exec_step(struct iss *s, struct retire *r)
{
    uint32_t cause, tval;

    if (unlikely(s->mip & s->mie) && s->auto_irq) {
        uint32_t irq = pending_interrupt(s);
        if (irq) {
            if (r) {
                memset(r, 0, sizeof *r);
                r->kind = RETIRE_INTR;
                r->pc = s->pc;
            }
            take_trap(s, irq, 0);
            if (r) {
                r->cause = irq;
                r->next_pc = s->pc;
                r->priv = s->priv;
                r->cycle = s->steps;
            }
            count_step(s, 0);
            return;
        }
    }

    uint32_t pc = s->pc, pa_page;
    const uint8_t *ih = tlb_hit(s->itlb, s->ikey, pc, &pa_page);
    if (unlikely(!ih)) {
        ih = fetch_slow(s, pc, &cause);
        if (!ih) {
            if (r) {
                memset(r, 0, sizeof *r);
                r->pc = pc;
            }
            tval = pc;
            goto trap;
        }
    }
    uint32_t insn;
    memcpy(&insn, ih, 4);
    struct dec *d = &s->dcache[(pc >> 2) & (DCACHE_SIZE - 1)];
    if (unlikely(d->insn != insn)) decode(insn, d);
    if (r) {
        memset(r, 0, sizeof *r);
        r->pc = pc;
        r->insn = insn;
    }

    uint32_t *x = s->x;
    uint32_t npc = pc + 4;
    uint32_t a = x[d->rs1], b = x[d->rs2];
    int32_t imm = d->imm;
    uint32_t va, val;
    uint8_t *h;
    int rc;

#define BRANCH(cond)                                                              \
    if (cond) {                                                                   \
        npc = pc + (uint32_t)imm;                                                 \
        if (unlikely(npc & 2)) { cause = CAUSE_MISALIGNED_FETCH; tval = npc; goto trap; } \
    }                                                                             \
    break

#define LOAD(size, expr)                                                          \
    va = a + (uint32_t)imm;                                                       \
    if (unlikely(va & ((size) - 1))) { cause = CAUSE_MISALIGNED_LOAD; tval = va; goto trap; } \
    h = tlb_hit(s->dtlb_r, s->dkey, va, &pa_page);                                \
    if (likely(h != NULL)) {                                                      \
        val = (uint32_t)(expr);                                                   \
        if (r) fill_mem(r, pa_page | (va & 0xfff), size, 0, 0, h);                \
    } else {                                                                      \
        rc = mem_access_slow(s, va, size, ACC_LOAD, &val, r);                     \
        if (rc) { cause = (uint32_t)rc; tval = va; goto trap; }                   \
        h = (uint8_t *)&val;                                                      \
        val = (uint32_t)(expr);                                                   \
    }                                                                             \
    x[d->rd] = val;                                                               \
    break

#define STORE(size, type)                                                         \
    va = a + (uint32_t)imm;                                                       \
    if (unlikely(va & ((size) - 1))) { cause = CAUSE_MISALIGNED_STORE; tval = va; goto trap; } \
    h = tlb_hit(s->dtlb_w, s->dkey, va, &pa_page);                                \
    if (likely(h != NULL)) {                                                      \
        type v_ = (type)b;                                                        \
        memcpy(h, &v_, size);                                                     \
        if (r) fill_mem(r, pa_page | (va & 0xfff), size, 1, b & (uint32_t)(type)~0u, h); \
    } else {                                                                      \
        val = b & (uint32_t)(type)~0u;                                            \
        rc = mem_access_slow(s, va, size, ACC_STORE, &val, r);                    \
        if (rc) { cause = (uint32_t)rc; tval = va; goto trap; }                   \
    }                                                                             \
    break

    switch (d->op) {
    case OP_LUI: x[d->rd] = (uint32_t)imm; break;
    case OP_AUIPC: x[d->rd] = pc + (uint32_t)imm; break;
    case OP_JAL:
        npc = pc + (uint32_t)imm;
        if (unlikely(npc & 2)) { cause = CAUSE_MISALIGNED_FETCH; tval = npc; goto trap; }
        x[d->rd] = pc + 4;
        break;
    case OP_JALR:
        npc = (a + (uint32_t)imm) & ~1u;
        if (unlikely(npc & 2)) { cause = CAUSE_MISALIGNED_FETCH; tval = npc; goto trap; }
        x[d->rd] = pc + 4;
        break;
    case OP_BEQ: BRANCH(a == b);
    case OP_BNE: BRANCH(a != b);
    case OP_BLT: BRANCH((int32_t)a < (int32_t)b);
    case OP_BGE: BRANCH((int32_t)a >= (int32_t)b);
    case OP_BLTU: BRANCH(a < b);
    case OP_BGEU: BRANCH(a >= b);
    case OP_LB: LOAD(1, (int8_t)h[0]);
    case OP_LBU: LOAD(1, h[0]);
    case OP_LH: LOAD(2, (int16_t)(h[0] | (h[1] << 8)));
    case OP_LHU: LOAD(2, (uint16_t)(h[0] | (h[1] << 8)));
    case OP_LW: LOAD(4, (uint32_t)h[0] | ((uint32_t)h[1] << 8) | ((uint32_t)h[2] << 16) | ((uint32_t)h[3] << 24));
    case OP_SB: STORE(1, uint8_t);
    case OP_SH: STORE(2, uint16_t);
    case OP_SW: STORE(4, uint32_t);
    case OP_ADDI: x[d->rd] = a + (uint32_t)imm; break;
    case OP_SLTI: x[d->rd] = (int32_t)a < imm; break;
    case OP_SLTIU: x[d->rd] = a < (uint32_t)imm; break;
    case OP_XORI: x[d->rd] = a ^ (uint32_t)imm; break;
    case OP_ORI: x[d->rd] = a | (uint32_t)imm; break;
    case OP_ANDI: x[d->rd] = a & (uint32_t)imm; break;
    case OP_SLLI: x[d->rd] = a << imm; break;
    case OP_SRLI: x[d->rd] = a >> imm; break;
    case OP_SRAI: x[d->rd] = (uint32_t)((int32_t)a >> imm); break;
    case OP_ADD: x[d->rd] = a + b; break;
    case OP_SUB: x[d->rd] = a - b; break;
    case OP_SLL: x[d->rd] = a << (b & 31); break;
    case OP_SLT: x[d->rd] = (int32_t)a < (int32_t)b; break;
    case OP_SLTU: x[d->rd] = a < b; break;
    case OP_XOR: x[d->rd] = a ^ b; break;
    case OP_SRL: x[d->rd] = a >> (b & 31); break;
    case OP_SRA: x[d->rd] = (uint32_t)((int32_t)a >> (b & 31)); break;
    case OP_OR: x[d->rd] = a | b; break;
    case OP_AND: x[d->rd] = a & b; break;
    case OP_MUL: x[d->rd] = a * b; break;
    case OP_MULH: x[d->rd] = (uint32_t)((uint64_t)((int64_t)(int32_t)a * (int64_t)(int32_t)b) >> 32); break;
    case OP_MULHSU: x[d->rd] = (uint32_t)((uint64_t)((int64_t)(int32_t)a * (int64_t)(uint64_t)b) >> 32); break;
    case OP_MULHU: x[d->rd] = (uint32_t)(((uint64_t)a * b) >> 32); break;
    case OP_DIV:
        if (b == 0) x[d->rd] = 0xffffffffu;
        else if (a == 0x80000000u && b == 0xffffffffu) x[d->rd] = 0x80000000u;
        else x[d->rd] = (uint32_t)((int32_t)a / (int32_t)b);
        break;
    case OP_DIVU: x[d->rd] = b ? a / b : 0xffffffffu; break;
    case OP_REM:
        if (b == 0) x[d->rd] = a;
        else if (a == 0x80000000u && b == 0xffffffffu) x[d->rd] = 0;
        else x[d->rd] = (uint32_t)((int32_t)a % (int32_t)b);
        break;
    case OP_REMU: x[d->rd] = b ? a % b : a; break;
    case OP_FENCE: break;
    case OP_FENCE_I: break;   /* the decode cache checks every fetched word: nothing to flush */
    case OP_ECALL:
        cause = CAUSE_ECALL_U + s->priv;   /* 8, 9 or 11 */
        tval = 0;
        goto trap;
    case OP_EBREAK:
        cause = CAUSE_BREAKPOINT;
        tval = pc;
        goto trap;
    case OP_MRET:
        if (s->priv != PRIV_M) goto illegal;
        npc = s->mepc;
        do_mret(s);
        break;
    case OP_SRET:
        if (s->priv == PRIV_U || (s->priv == PRIV_S && (s->mstatus & MSTATUS_TSR))) goto illegal;
        npc = s->sepc;
        do_sret(s);
        break;
    case OP_WFI:
        if (s->priv == PRIV_U || (s->priv == PRIV_S && (s->mstatus & MSTATUS_TW))) goto illegal;
        break;   /* a nop that lets time advance (docs/core.md) */
    case OP_SFENCE_VMA:
        if (s->priv == PRIV_U || (s->priv == PRIV_S && (s->mstatus & MSTATUS_TVM))) goto illegal;
        tlb_flush(s);
        break;
    case OP_CSRRW: case OP_CSRRS: case OP_CSRRC: case OP_CSRRWI: case OP_CSRRSI: case OP_CSRRCI:
        if (csr_insn(s, d, r)) goto illegal;
        break;
    default:
        goto illegal;
    }
#undef BRANCH
#undef LOAD
#undef STORE

    s->pc = npc;
    if (r) {
        r->kind = RETIRE_OK;
        if (d->rd != 32) {
            r->rd = d->rd;
            r->rd_wdata = x[d->rd];
        }
        r->next_pc = npc;
        r->priv = s->priv;
        r->cycle = s->steps;
    }
    count_step(s, 1);
    return;

illegal:
    cause = CAUSE_ILLEGAL;
    tval = insn;
trap:
    take_trap(s, cause, tval);
    if (r) {
        r->kind = RETIRE_EXC;
        r->rd = r->rd_wdata = 0;
        r->mem_valid = r->mem_we = r->mem_addr = r->mem_wstrb = r->mem_wdata = r->mem_rdata = 0;
        r->csr_we = r->csr_addr = r->csr_wdata = 0;
        r->cause = cause;
        r->tval = tval;
        r->next_pc = s->pc;
        r->priv = s->priv;
        r->cycle = s->steps;
    }
    count_step(s, 0);
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* Run control                                                                                                       */

/* After a step: a finisher reset restarts the system (RAM kept); returns the stop reason. */
static enum iss_stop after_step(struct iss *s)
{
    if (s->reset_request) {
        s->reset_request = 0;
        uint64_t steps = s->steps;
        iss_reset(s, 0);
        s->steps = steps;
    }
    return s->stop;
}

enum iss_stop iss_step(struct iss *s, struct retire *r)
{
    struct retire tmp;
    exec_step(s, r ? r : &tmp);
    if (unlikely(s->stop | s->reset_request)) return after_step(s);
    return ISS_RUNNING;
}

enum iss_stop iss_run(struct iss *s, uint64_t max_steps, uint64_t *done)
{
    uint64_t n = 0;
    enum iss_stop st = s->stop;
    while (n < max_steps && st == ISS_RUNNING) {
        uint64_t chunk = max_steps - n;
        if (chunk > POLL_INTERVAL) chunk = POLL_INTERVAL;
        uint64_t i = 0;
        while (i < chunk) {
            exec_step(s, NULL);
            i++;
            if (unlikely(s->stop | s->reset_request)) {
                st = after_step(s);
                if (st != ISS_RUNNING) break;
            }
        }
        n += i;
        if (st == ISS_RUNNING) st = iss_poll_host(s);
    }
    if (done) *done = n;
    return st;
}

uint32_t iss_stop_code(const struct iss *s) { return s->stop_code; }
void iss_clear_stop(struct iss *s) { s->stop = ISS_RUNNING; s->stop_code = 0; }

int iss_force_interrupt(struct iss *s, uint32_t cause, struct retire *r, const char **why)
{
    unsigned i = cause & 31;
    static const char *msg = "";
    if (!why) why = &msg;
    if (!(cause & CAUSE_INTERRUPT) || i > 11 || !((MIE_MASK >> i) & 1)) { *why = "not an interrupt cause"; return -1; }
    if (!((s->mie >> i) & 1)) { *why = "the interrupt is not enabled in mie"; return -1; }
    if (((MIP_SW_MASK >> i) & 1) && !((s->mip >> i) & 1)) { *why = "the interrupt is not pending in mip"; return -1; }
    if ((s->mideleg >> i) & 1) {
        if (!(s->priv < PRIV_S || (s->priv == PRIV_S && (s->mstatus & MSTATUS_SIE)))) {
            *why = "a delegated interrupt is not enabled at this privilege (mstatus.SIE or M-mode)";
            return -1;
        }
    } else if (!(s->priv < PRIV_M || (s->mstatus & MSTATUS_MIE))) {
        *why = "the interrupt is globally disabled (mstatus.MIE)";
        return -1;
    }
    if (r) {
        memset(r, 0, sizeof *r);
        r->kind = RETIRE_INTR;
        r->pc = s->pc;
    }
    take_trap(s, cause, 0);
    if (r) {
        r->cause = cause;
        r->next_pc = s->pc;
        r->priv = s->priv;
        r->cycle = s->steps;
    }
    count_step(s, 0);
    return 0;
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* State                                                                                                             */

struct iss *iss_new(uint32_t ram_bytes)
{
    if (ram_bytes == 0 || (ram_bytes & 0xfff) || ram_bytes > (1u << 30)) return NULL;
    struct iss *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->rom_bytes = IR_SIM_BOOTROM_BYTES;
    s->ram_bytes = ram_bytes;
    s->rom = calloc(1, s->rom_bytes);
    s->ram = calloc(1, ram_bytes);
    if (!s->rom || !s->ram) {
        iss_free(s);
        return NULL;
    }
    s->auto_irq = 1;
    iss_reset(s, 0);
    return s;
}

void iss_free(struct iss *s)
{
    if (!s) return;
    free(s->rom);
    free(s->ram);
    free(s);
}

void iss_reset(struct iss *s, uint32_t reset_pc)
{
    memset(s->x, 0, sizeof s->x);
    s->pc = reset_pc;
    s->priv = PRIV_M;
    csr_reset(s);
    dev_reset(s);
    s->steps = 0;
    s->skip_inc = 0;
    s->reset_request = 0;
    tlb_flush(s);
}

void iss_set_host(struct iss *s, const struct iss_host *host)
{
    if (host) s->host = *host;
    else memset(&s->host, 0, sizeof s->host);
}

void iss_set_tohost(struct iss *s, uint32_t paddr)
{
    s->has_tohost = 1;
    s->tohost = paddr & ~3u;
    tlb_flush(s);
}

uint32_t iss_get_reg(const struct iss *s, unsigned i) { return i < 32 ? s->x[i] : 0; }
void iss_set_reg(struct iss *s, unsigned i, uint32_t v) { if (i > 0 && i < 32) s->x[i] = v; }
uint32_t iss_get_pc(const struct iss *s) { return s->pc; }
void iss_set_pc(struct iss *s, uint32_t pc) { s->pc = pc; }
unsigned iss_get_priv(const struct iss *s) { return s->priv; }
void iss_set_priv(struct iss *s, unsigned priv)
{
    if (priv == PRIV_U || priv == PRIV_S || priv == PRIV_M) {
        s->priv = priv;
        iss_ctx_changed(s);
    }
}
uint64_t iss_get_steps(const struct iss *s) { return s->steps; }
uint64_t iss_get_instret(const struct iss *s) { return s->minstret; }
void iss_set_auto_interrupts(struct iss *s, int on) { s->auto_irq = on; }
void iss_set_oracle(struct iss *s, const struct retire *rtl) { s->oracle = rtl; }
