/*
 * iss_mmu.c - Sv32 address translation, the software TLBs and the slow path of data accesses for the Iridium ISS.
 *
 * Translation follows the privileged spec 1.12 (section 4.3.2) with docs/core.md's choices: no hardware A/D update
 * (A = 0, or a store with D = 0, is a page fault), megapages need PPN[0] = 0, a PTE read outside ROM/RAM is an
 * access fault of the original access type, a non-leaf PTE with D/A/U set is an ordinary pointer, physical addresses
 * are 34 bits and anything above 4 GiB is an access fault (no device lives there).
 *
 * Software TLBs: three direct-mapped arrays (fetch, load, store) mapping a virtual page to host memory. An entry is
 * only created after the full permission check for its access type succeeded, and its tag holds the context key
 * (flush generation, translation on/off, effective privilege, SUM, MXR), so a change of context simply stops old
 * entries from matching. Only ROM/RAM pages are cached; stores to ROM and to the `tohost` page are never cached.
 */
#include "iss_internal.h"

#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)

#define KEY_ALWAYS 0x40u   /* keeps every valid key non-zero, so zeroed entries never match */
#define KEY_XLATE  0x80u
#define KEY_SUM    0x04u
#define KEY_MXR    0x08u

static unsigned data_priv(const struct iss *s)
{
    if (s->priv == PRIV_M && (s->mstatus & MSTATUS_MPRV)) return (s->mstatus >> 11) & 3;
    return s->priv;
}

void iss_ctx_changed(struct iss *s)
{
    uint32_t gen = s->tlb_gen << 8;
    int on = (s->satp >> 31) != 0;
    uint32_t ik = gen | KEY_ALWAYS, dk = gen | KEY_ALWAYS;
    if (on && s->priv != PRIV_M) ik |= KEY_XLATE | s->priv;
    unsigned dp = data_priv(s);
    if (on && dp != PRIV_M) {
        dk |= KEY_XLATE | dp;
        if (s->mstatus & MSTATUS_SUM) dk |= KEY_SUM;
        if (s->mstatus & MSTATUS_MXR) dk |= KEY_MXR;
    }
    s->ikey = (uint64_t)ik << 32;
    s->dkey = (uint64_t)dk << 32;
}

void tlb_flush(struct iss *s)
{
    s->tlb_gen = (s->tlb_gen + 1) & 0xFFFFFF;
    if (s->tlb_gen == 0) {   /* generation wrapped: old tags could match again, really clear */
        memset(s->itlb, 0, sizeof s->itlb);
        memset(s->dtlb_r, 0, sizeof s->dtlb_r);
        memset(s->dtlb_w, 0, sizeof s->dtlb_w);
    }
    iss_ctx_changed(s);
}

int mmu_translate(struct iss *s, uint32_t va, enum access type, uint64_t *pa)
{
    static const uint8_t page_fault[3] = {CAUSE_FETCH_PAGE, CAUSE_LOAD_PAGE, CAUSE_STORE_PAGE};
    static const uint8_t access_fault[3] = {CAUSE_FETCH_ACCESS, CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS};
    unsigned priv = type == ACC_FETCH ? s->priv : data_priv(s);

    if (priv == PRIV_M || !(s->satp >> 31)) {
        *pa = va;
        return 0;
    }
    uint64_t table = (uint64_t)(s->satp & 0x3FFFFF) << 12;
    for (int level = 1; level >= 0; level--) {
        uint64_t pte_addr = table + ((va >> (12 + 10 * level)) & 0x3ff) * 4;
        const uint8_t *ph = phys_host(s, pte_addr, 4, 0);
        if (!ph) return access_fault[type];
        uint32_t pte;
        memcpy(&pte, ph, 4);
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W))) return page_fault[type];
        if (!(pte & (PTE_R | PTE_X))) {   /* pointer to the next level */
            if (level == 0) return page_fault[type];
            table = (uint64_t)(pte >> 10) << 12;
            continue;
        }
        /* leaf: permissions */
        if (priv == PRIV_U && !(pte & PTE_U)) return page_fault[type];
        if (priv == PRIV_S && (pte & PTE_U) && (type == ACC_FETCH || !(s->mstatus & MSTATUS_SUM)))
            return page_fault[type];
        switch (type) {
        case ACC_FETCH:
            if (!(pte & PTE_X)) return page_fault[type];
            break;
        case ACC_LOAD:
            if (!(pte & PTE_R) && !((s->mstatus & MSTATUS_MXR) && (pte & PTE_X))) return page_fault[type];
            break;
        case ACC_STORE:
            if (!(pte & PTE_W)) return page_fault[type];
            break;
        }
        uint64_t ppn = pte >> 10;
        if (level == 1 && (ppn & 0x3ff)) return page_fault[type];   /* misaligned megapage */
        if (!(pte & PTE_A) || (type == ACC_STORE && !(pte & PTE_D))) return page_fault[type];
        if (level == 1) *pa = ((ppn >> 10) << 22) | (va & 0x3FFFFF);
        else *pa = (ppn << 12) | (va & 0xFFF);
        return 0;
    }
    return page_fault[type];   /* not reached */
}

static void tlb_fill(struct tlbe *tlb, uint64_t key, uint32_t va, uint64_t pa, const uint8_t *host)
{
    struct tlbe *e = &tlb[(va >> 12) & (TLB_SIZE - 1)];
    e->tag = key | (va >> 12);
    e->addend = (uintptr_t)(host - (pa & 0xfff)) - (uintptr_t)(va & ~0xfffu);
    e->pa_page = (uint32_t)pa & ~0xfffu;
}

const uint8_t *fetch_slow(struct iss *s, uint32_t pc, uint32_t *cause)
{
    uint64_t pa = 0;
    int c = mmu_translate(s, pc, ACC_FETCH, &pa);
    if (c) {
        *cause = (uint32_t)c;
        return NULL;
    }
    const uint8_t *h = phys_host(s, pa, 4, 0);
    if (!h) {
        *cause = CAUSE_FETCH_ACCESS;
        return NULL;
    }
    tlb_fill(s->itlb, s->ikey, pc, pa, h);
    return h;
}

int mem_access_slow(struct iss *s, uint32_t va, unsigned size, enum access type, uint32_t *val, struct retire *r)
{
    uint64_t pa = 0;
    int c = mmu_translate(s, va, type, &pa);
    if (c) return c;
    int store = type == ACC_STORE;
    uint32_t fault = store ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS;
    uint32_t lanes = ((1u << size) - 1) << (pa & 3);
    uint32_t mask = size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
    unsigned sh = (unsigned)(pa & 3) * 8;
    uint32_t word;

    uint8_t *h = phys_host(s, pa, size, store);
    if (h) {
        if (!store) {
            tlb_fill(s->dtlb_r, s->dkey, va, pa, h);
            *val = 0;
            memcpy(val, h, size);
        } else {
            if (!s->has_tohost || (pa >> 12) != (s->tohost >> 12)) tlb_fill(s->dtlb_w, s->dkey, va, pa, h);
            memcpy(h, val, size);
            if (s->has_tohost && (pa & ~3ull) == s->tohost) tohost_check(s, (uint32_t)pa);
        }
        if (r) {
            r->mem_valid = 1;
            r->mem_we = (uint32_t)store;
            r->mem_addr = (uint32_t)pa;
            r->mem_wstrb = lanes;
            r->mem_wdata = store ? (*val & mask) << sh : 0;
            memcpy(&r->mem_rdata, h - (pa & 3), 4);
        }
        return 0;
    }
    if (pa >> 32) return (int)fault;
    if (!store) {
        if (mmio_read(s, (uint32_t)pa, &word)) return (int)fault;
        *val = (word >> sh) & mask;
    } else {
        if (mmio_write(s, (uint32_t)pa, (*val & mask) << sh, lanes)) return (int)fault;
        word = 0;
    }
    if (r) {
        r->mem_valid = 1;
        r->mem_we = (uint32_t)store;
        r->mem_addr = (uint32_t)pa;
        r->mem_wstrb = lanes;
        r->mem_wdata = store ? (*val & mask) << sh : 0;
        r->mem_rdata = word;
    }
    return 0;
}
