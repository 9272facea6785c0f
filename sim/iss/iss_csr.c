/*
 * iss_csr.c - control and status registers, trap entry, mret/sret and interrupt selection for the Iridium ISS.
 *
 * The CSR set and the masks are exactly docs/core.md's "CSR list"; trap and interrupt rules are its "Architectural
 * choices". Where that document is silent the privileged spec 1.12 decides (e.g. when several interrupts are
 * pending, those destined for M-mode are taken before those destined for S-mode).
 *
 * Invariants: every CSR field that is not implemented reads as zero (masks are applied on write, so stored values
 * never hold unimplemented bits); every change of privilege, mstatus or satp calls iss_ctx_changed() so the TLB keys
 * stay exact.
 */
#include "iss_internal.h"

#define MISA_VALUE   0x40141100u   /* RV32, I, M, S, U */
#define MIMPID_VALUE 0x00010000u
#define SATP_MASK    0x803FFFFFu   /* MODE, PPN; ASID reads 0 */
#define TVEC_MASK    0xFFFFFFFDu   /* BASE[31:2], MODE bit 0 */

void csr_reset(struct iss *s)
{
    s->mstatus = s->mie = s->mip = s->medeleg = s->mideleg = s->mtvec = s->stvec = 0;
    s->mscratch = s->sscratch = s->mepc = s->sepc = s->mcause = s->scause = s->mtval = s->stval = 0;
    s->satp = s->mcounteren = s->scounteren = 0;
    s->mcycle = s->minstret = 0;
}

static int counter_csr(uint32_t addr) { return (addr >= 0xC00 && addr <= 0xC1F) || (addr >= 0xC80 && addr <= 0xC9F); }

/* Read a CSR. Returns 0, or -1 if the CSR does not exist. No privilege checks. */
static int csr_get(const struct iss *s, uint32_t addr, uint32_t *v)
{
    switch (addr) {
    case 0xC00: case 0xB00: *v = (uint32_t)s->mcycle; return 0;
    case 0xC80: case 0xB80: *v = (uint32_t)(s->mcycle >> 32); return 0;
    case 0xC01: *v = (uint32_t)s->mtime; return 0;
    case 0xC81: *v = (uint32_t)(s->mtime >> 32); return 0;
    case 0xC02: case 0xB02: *v = (uint32_t)s->minstret; return 0;
    case 0xC82: case 0xB82: *v = (uint32_t)(s->minstret >> 32); return 0;
    case 0x100: *v = s->mstatus & SSTATUS_MASK; return 0;
    case 0x104: *v = s->mie & s->mideleg; return 0;
    case 0x105: *v = s->stvec; return 0;
    case 0x106: *v = s->scounteren; return 0;
    case 0x140: *v = s->sscratch; return 0;
    case 0x141: *v = s->sepc; return 0;
    case 0x142: *v = s->scause; return 0;
    case 0x143: *v = s->stval; return 0;
    case 0x144: *v = s->mip & s->mideleg; return 0;
    case 0x180: *v = s->satp; return 0;
    case 0xF13: *v = MIMPID_VALUE; return 0;
    case 0x300: *v = s->mstatus; return 0;
    case 0x301: *v = MISA_VALUE; return 0;
    case 0x302: *v = s->medeleg; return 0;
    case 0x303: *v = s->mideleg; return 0;
    case 0x304: *v = s->mie; return 0;
    case 0x305: *v = s->mtvec; return 0;
    case 0x306: *v = s->mcounteren; return 0;
    case 0x340: *v = s->mscratch; return 0;
    case 0x341: *v = s->mepc; return 0;
    case 0x342: *v = s->mcause; return 0;
    case 0x343: *v = s->mtval; return 0;
    case 0x344: *v = s->mip; return 0;
    /* read-only zero and WARL-zero registers */
    case 0x10A: case 0xF11: case 0xF12: case 0xF14: case 0xF15:
    case 0x30A: case 0x310: case 0x31A: case 0x320:
        *v = 0;
        return 0;
    default:
        break;
    }
    if ((addr >= 0xC03 && addr <= 0xC1F) || (addr >= 0xC83 && addr <= 0xC9F) ||   /* hpmcounterN(h): RO0 */
        (addr >= 0x323 && addr <= 0x33F) ||                                        /* mhpmevent3-31 */
        (addr >= 0x3A0 && addr <= 0x3A3) || (addr >= 0x3B0 && addr <= 0x3BF) ||    /* PMP */
        (addr >= 0xB03 && addr <= 0xB1F) || (addr >= 0xB83 && addr <= 0xB9F)) {    /* mhpmcounterN(h) */
        *v = 0;
        return 0;
    }
    return -1;
}

/* Write an existing, writable CSR (the caller checked existence and access rights). */
static void csr_set(struct iss *s, uint32_t addr, uint32_t v)
{
    switch (addr) {
    case 0xB00: s->mcycle = (s->mcycle & 0xFFFFFFFF00000000ull) | v; s->skip_inc |= SKIP_MCYCLE; break;
    case 0xB80: s->mcycle = (s->mcycle & 0xFFFFFFFFull) | ((uint64_t)v << 32); s->skip_inc |= SKIP_MCYCLE; break;
    case 0xB02: s->minstret = (s->minstret & 0xFFFFFFFF00000000ull) | v; s->skip_inc |= SKIP_MINSTRET; break;
    case 0xB82:
        s->minstret = (s->minstret & 0xFFFFFFFFull) | ((uint64_t)v << 32);
        s->skip_inc |= SKIP_MINSTRET;
        break;
    case 0x100:
        s->mstatus = (s->mstatus & ~SSTATUS_MASK) | (v & SSTATUS_MASK);
        iss_ctx_changed(s);
        break;
    case 0x104: s->mie = (s->mie & ~s->mideleg) | (v & s->mideleg & MIE_MASK); break;
    case 0x105: s->stvec = v & TVEC_MASK; break;
    case 0x106: s->scounteren = v & 7; break;
    case 0x140: s->sscratch = v; break;
    case 0x141: s->sepc = v & ~3u; break;
    case 0x142: s->scause = v; break;
    case 0x143: s->stval = v; break;
    case 0x144: {
        uint32_t m = s->mideleg & (1u << IRQ_SSI);
        s->mip = (s->mip & ~m) | (v & m);
        break;
    }
    case 0x180:
        s->satp = v & SATP_MASK;
        tlb_flush(s);
        break;
    case 0x300: {
        uint32_t n = v & MSTATUS_MASK;
        if ((n & MSTATUS_MPP) == (2u << 11)) n = (n & ~MSTATUS_MPP) | (s->mstatus & MSTATUS_MPP);
        s->mstatus = n;
        iss_ctx_changed(s);
        break;
    }
    case 0x302: s->medeleg = v & MEDELEG_MASK; break;
    case 0x303: s->mideleg = v & MIDELEG_MASK; break;
    case 0x304: s->mie = v & MIE_MASK; break;
    case 0x305: s->mtvec = v & TVEC_MASK; break;
    case 0x306: s->mcounteren = v & 7; break;
    case 0x340: s->mscratch = v; break;
    case 0x341: s->mepc = v & ~3u; break;
    case 0x342: s->mcause = v; break;
    case 0x343: s->mtval = v; break;
    case 0x344: s->mip = (s->mip & ~MIP_SW_MASK) | (v & MIP_SW_MASK); break;
    default: break;   /* misa and the WARL-zero registers ignore writes */
    }
}

/* The CSRs whose value legitimately differs between RTL and ISS (clock-based); in difftest the RTL's value is used. */
static int oracle_csr(uint32_t addr)
{
    switch (addr) {
    case 0xC00: case 0xC80: case 0xC01: case 0xC81: case 0xC02: case 0xC82:
    case 0xB00: case 0xB80: case 0xB02: case 0xB82: case 0x344:
        return 1;
    default:
        return 0;
    }
}

int csr_insn(struct iss *s, const struct dec *d, struct retire *r)
{
    uint32_t addr = (uint32_t)d->imm & 0xfff;
    int imm_form = d->op >= OP_CSRRWI;
    uint32_t src = imm_form ? d->rs1 : s->x[d->rs1];
    int is_rw = d->op == OP_CSRRW || d->op == OP_CSRRWI;
    int write = is_rw || d->rs1 != 0;
    uint32_t old, nv;

    if (((addr >> 8) & 3) > s->priv) return -1;
    if (write && (addr >> 10) == 3) return -1;
    if (counter_csr(addr) && s->priv < PRIV_M) {
        unsigned bit = addr & 31;
        if (!((s->mcounteren >> bit) & 1)) return -1;
        if (s->priv == PRIV_U && !((s->scounteren >> bit) & 1)) return -1;
    }
    if (addr == 0x180 && s->priv == PRIV_S && (s->mstatus & MSTATUS_TVM)) return -1;
    if (csr_get(s, addr, &old)) return -1;

    /* Difftest: clock-based values come from the RTL (its read value, when it reports one). */
    if (s->oracle && oracle_csr(addr) && d->rd != 32 && s->oracle->rd == d->rd) {
        if (addr == 0x344) old = (s->oracle->rd_wdata & MIP_DEV_MASK) | (old & ~MIP_DEV_MASK);
        else old = s->oracle->rd_wdata;
    }

    if (write) {
        switch (d->op) {
        case OP_CSRRW: case OP_CSRRWI: nv = src; break;
        case OP_CSRRS: case OP_CSRRSI: nv = old | src; break;
        default: nv = old & ~src; break;
        }
        csr_set(s, addr, nv);
        if (r) {   /* the value as stored: for the S views of M registers, the whole M register */
            r->csr_we = 1;
            r->csr_addr = addr;
            if (addr == 0x100) r->csr_wdata = s->mstatus;
            else if (addr == 0x104) r->csr_wdata = s->mie;
            else if (addr == 0x144) r->csr_wdata = s->mip;
            else csr_get(s, addr, &r->csr_wdata);
        }
    }
    s->x[d->rd] = old;
    return 0;
}

int iss_csr_read(struct iss *s, uint32_t addr, uint32_t *v)
{
    return csr_get(s, addr & 0xfff, v);
}

int iss_csr_write(struct iss *s, uint32_t addr, uint32_t v)
{
    uint32_t old;
    addr &= 0xfff;
    if ((addr >> 10) == 3 || csr_get(s, addr, &old)) return -1;
    csr_set(s, addr, v);
    s->skip_inc = 0;   /* a debugger write is not an instruction: keep counting */
    return 0;
}

void take_trap(struct iss *s, uint32_t cause, uint32_t tval)
{
    int irq = (cause & CAUSE_INTERRUPT) != 0;
    unsigned code = cause & 31;
    int to_s = irq ? ((s->mideleg >> code) & 1) : (s->priv <= PRIV_S && ((s->medeleg >> code) & 1));

    if (to_s) {
        s->sepc = s->pc & ~3u;
        s->scause = cause;
        s->stval = tval;
        uint32_t st = s->mstatus & ~(MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_SPP);
        if (s->mstatus & MSTATUS_SIE) st |= MSTATUS_SPIE;
        if (s->priv == PRIV_S) st |= MSTATUS_SPP;
        s->mstatus = st;
        s->priv = PRIV_S;
        s->pc = (s->stvec & ~3u) + (((s->stvec & 1) && irq) ? 4 * code : 0);
    } else {
        s->mepc = s->pc & ~3u;
        s->mcause = cause;
        s->mtval = tval;
        uint32_t st = s->mstatus & ~(MSTATUS_MPIE | MSTATUS_MIE | MSTATUS_MPP);
        if (s->mstatus & MSTATUS_MIE) st |= MSTATUS_MPIE;
        st |= (uint32_t)s->priv << 11;
        s->mstatus = st;
        s->priv = PRIV_M;
        s->pc = (s->mtvec & ~3u) + (((s->mtvec & 1) && irq) ? 4 * code : 0);
    }
    iss_ctx_changed(s);
}

void do_mret(struct iss *s)
{
    unsigned mpp = (s->mstatus >> 11) & 3;
    uint32_t st = s->mstatus & ~(MSTATUS_MIE | MSTATUS_MPP);
    if (st & MSTATUS_MPIE) st |= MSTATUS_MIE;
    st |= MSTATUS_MPIE;
    if (mpp != PRIV_M) st &= ~MSTATUS_MPRV;
    s->mstatus = st;
    s->priv = mpp;
    iss_ctx_changed(s);
}

void do_sret(struct iss *s)
{
    unsigned spp = (s->mstatus & MSTATUS_SPP) ? PRIV_S : PRIV_U;
    uint32_t st = s->mstatus & ~(MSTATUS_SIE | MSTATUS_SPP | MSTATUS_MPRV);
    if (st & MSTATUS_SPIE) st |= MSTATUS_SIE;
    st |= MSTATUS_SPIE;
    s->mstatus = st;
    s->priv = spp;
    iss_ctx_changed(s);
}

uint32_t pending_interrupt(const struct iss *s)
{
    static const uint8_t order[6] = {IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI};
    uint32_t pend = s->mip & s->mie;
    if (!pend) return 0;
    uint32_t to_m = pend & ~s->mideleg;
    uint32_t to_s = pend & s->mideleg;
    if (!(s->priv < PRIV_M || (s->mstatus & MSTATUS_MIE))) to_m = 0;
    if (!(s->priv < PRIV_S || (s->priv == PRIV_S && (s->mstatus & MSTATUS_SIE)))) to_s = 0;
    uint32_t take = to_m ? to_m : to_s;   /* interrupts for M-mode before interrupts for S-mode */
    for (unsigned i = 0; i < 6; i++)
        if ((take >> order[i]) & 1) return CAUSE_INTERRUPT | order[i];
    return 0;
}
