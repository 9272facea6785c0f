/*
 * vm.c - Sv32 address spaces, copy-on-write, demand-zero pages and the checked user-memory copies.
 *
 * Every root table holds, above the user half (L1 entries 0x100..0x3FF), the same kernel entries as kernel_root:
 * RAM and the MMIO megapage identity-mapped (kernel only, global, A/D preset) and the kernel-stack page table at
 * KSTACK_BASE (one shared L0 table: a guard page then KSTACK_PAGES pages per process slot). User leaves (L1
 * entries 0..0xFF, VA < USER_END) always carry A and D (the core does not set A/D) and U (except the PROT_NONE
 * pages of mmap regions, which stay valid without U so that user accesses fault); a COW leaf is mapped
 * without W and with PTE_COW; a leaf of a shared mapping (mmap.c) has PTE_SHARED and is never made COW; every
 * mapped user frame holds one reference per leaf that maps it. Page tables of the user half belong to one address
 * space only. sfence.vma follows every change to a live mapping.
 */
#include "kernel.h"

uint32_t kernel_root;
static uint32_t kstack_pt;

#define L1_INDEX(va) ((va) >> 22)
#define L0_INDEX(va) (((va) >> 12) & 0x3FFu)
#define USER_L1 (USER_END >> 22)

void vm_init(void)
{
    kernel_root = page_alloc();
    kstack_pt = page_alloc();
    if (!kernel_root || !kstack_pt)
        panic("vm_init: out of memory");
    uint32_t *root = (uint32_t *)kernel_root;
    const uint32_t kflags = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G;
    uint64_t end = (uint64_t)bootinfo.ram_base + bootinfo.ram_size;
    for (uint64_t pa = bootinfo.ram_base & ~0x3FFFFFu; pa < end; pa += 0x400000u)
        root[L1_INDEX((uint32_t)pa)] = PA_PTE((uint32_t)pa) | kflags;
    root[L1_INDEX(IR_UART_BASE)] = PA_PTE(IR_UART_BASE) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_G;
    root[L1_INDEX(KSTACK_BASE)] = PA_PTE(kstack_pt) | PTE_V;
    as_activate(kernel_root);
}

void as_activate(uint32_t root)
{
    csr_write(satp, SATP_SV32 | (root >> PAGE_SHIFT));
    sfence_vma();
}

void kstack_map(int slot, const uint32_t *pages)
{
    uint32_t *pt = (uint32_t *)kstack_pt;
    uint32_t base = (uint32_t)slot * (KSTACK_PAGES + 1u);
    KASSERT(base + KSTACK_PAGES < 1024u);
    pt[base] = 0;   /* guard page */
    for (uint32_t i = 0; i < KSTACK_PAGES; i++)
        pt[base + 1 + i] = PA_PTE(pages[i]) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_G;
    sfence_vma();
}

void kstack_unmap(int slot)
{
    uint32_t *pt = (uint32_t *)kstack_pt;
    uint32_t base = (uint32_t)slot * (KSTACK_PAGES + 1u);
    for (uint32_t i = 0; i <= KSTACK_PAGES; i++)
        pt[base + i] = 0;
    sfence_vma();
}

uint32_t as_create(void)
{
    uint32_t root = page_alloc();
    if (!root)
        return 0;
    memcpy((uint32_t *)root + USER_L1, (uint32_t *)kernel_root + USER_L1, (1024u - USER_L1) * 4u);
    return root;
}

uint32_t *as_walk(uint32_t root, uint32_t va, int alloc)
{
    if (va >= USER_END)
        return 0;
    uint32_t *l1 = (uint32_t *)root + L1_INDEX(va);
    if (!(*l1 & PTE_V)) {
        if (!alloc)
            return 0;
        uint32_t pt = page_alloc();
        if (!pt)
            return 0;
        *l1 = PA_PTE(pt) | PTE_V;
    }
    return (uint32_t *)PTE_PA(*l1) + L0_INDEX(va);
}

int as_map(uint32_t root, uint32_t va, uint32_t pa, uint32_t perm)
{
    uint32_t *pte = as_walk(root, va, 1);
    if (!pte)
        return -IR_ENOMEM;
    if (*pte & PTE_V)
        panic("as_map: va %p already mapped (pte %x)", va, *pte);
    *pte = PA_PTE(pa) | perm | PTE_V | PTE_A | PTE_D;
    return 0;
}

void as_unmap_range(uint32_t root, uint32_t start, uint32_t end)
{
    for (uint32_t va = page_round_down(start); va < end && va < USER_END; va += PAGE_SIZE) {
        uint32_t *l1 = (uint32_t *)root + L1_INDEX(va);
        if (!(*l1 & PTE_V)) {
            va = (va & ~0x3FFFFFu) + 0x400000u - PAGE_SIZE;
            continue;
        }
        uint32_t *pte = (uint32_t *)PTE_PA(*l1) + L0_INDEX(va);
        if (*pte & PTE_V) {
            page_free(PTE_PA(*pte));
            *pte = 0;
        }
    }
    sfence_vma();
}

void as_destroy(uint32_t root)
{
    uint32_t *r = (uint32_t *)root;
    for (uint32_t i = 0; i < USER_L1; i++) {
        if (!(r[i] & PTE_V))
            continue;
        uint32_t *pt = (uint32_t *)PTE_PA(r[i]);
        for (uint32_t j = 0; j < 1024; j++)
            if (pt[j] & PTE_V)
                page_free(PTE_PA(pt[j]));
        page_free((uint32_t)pt);
    }
    page_free(root);
}

uint32_t as_user_pages(uint32_t root)
{
    uint32_t n = 0, *r = (uint32_t *)root;
    for (uint32_t i = 0; i < USER_L1; i++) {
        if (!(r[i] & PTE_V))
            continue;
        uint32_t *pt = (uint32_t *)PTE_PA(r[i]);
        for (uint32_t j = 0; j < 1024; j++)
            n += (pt[j] & PTE_V) != 0;
    }
    return n;
}

int as_fork(uint32_t dst, uint32_t src)
{
    uint32_t *s = (uint32_t *)src, *d = (uint32_t *)dst;
    int err = 0;
    for (uint32_t i = 0; i < USER_L1 && !err; i++) {
        if (!(s[i] & PTE_V))
            continue;
        uint32_t dpt = page_alloc();
        if (!dpt) {
            err = -IR_ENOMEM;
            break;
        }
        d[i] = PA_PTE(dpt) | PTE_V;
        uint32_t *spt = (uint32_t *)PTE_PA(s[i]), *dp = (uint32_t *)dpt;
        for (uint32_t j = 0; j < 1024; j++) {
            uint32_t pte = spt[j];
            if (!(pte & PTE_V))
                continue;
            if (!(pte & PTE_SHARED) && (pte & (PTE_W | PTE_COW))) {
                pte = (pte & ~PTE_W) | PTE_COW;
                spt[j] = pte;
            }
            dp[j] = pte;
            page_ref(PTE_PA(pte));
        }
    }
    sfence_vma();
    return err;
}

/* kind: 0 read, 1 write, 2 execute. Returns 0 when a missing page was supplied or a COW page made writable, 1 when
 * the access was already allowed (nothing to do), negative errno when the access is not allowed. */
int vm_fault(struct proc *p, uint32_t va, int kind)
{
    if (va < USER_BASE || va >= USER_END)
        return -IR_EFAULT;
    uint32_t *pte = as_walk(p->root, va, 0);
    if (!pte || !(*pte & PTE_V)) {
        if (va >= MMAP_BASE && va < MMAP_END) {
            struct vma *v = vma_find(p, va);
            return v ? vma_fault(p, v, va, kind) : -IR_EFAULT;
        }
        if (kind == 2)
            return -IR_EFAULT;
        if ((va >= USTACK_LIMIT && va < USTACK_TOP) || (va >= p->bss_start && va < p->brk)) {
            uint32_t pa = page_alloc();
            if (!pa)
                return -IR_ENOMEM;
            if (as_map(p->root, page_round_down(va), pa, PTE_R | PTE_W | PTE_U) < 0) {
                page_free(pa);
                return -IR_ENOMEM;
            }
            return 0;
        }
        return -IR_EFAULT;
    }
    uint32_t e = *pte;
    if (!(e & PTE_U))
        return -IR_EFAULT;
    if (kind == 2)
        return (e & PTE_X) ? 1 : -IR_EFAULT;
    if (kind == 0)
        return (e & PTE_R) ? 1 : -IR_EFAULT;
    if (e & PTE_W)
        return 1;
    if (!(e & PTE_COW))
        return -IR_EFAULT;
    uint32_t pa = PTE_PA(e);
    if (page_refcount(pa) == 1) {
        *pte = (e & ~PTE_COW) | PTE_W | PTE_D;
    } else {
        uint32_t np = page_alloc_raw();
        if (!np)
            return -IR_ENOMEM;
        memcpy((void *)np, (void *)pa, PAGE_SIZE);
        page_free(pa);
        *pte = PA_PTE(np) | ((e & 0x3FFu & ~PTE_COW) | PTE_W | PTE_D);
    }
    sfence_vma();
    return 0;
}

/* physical address for a user access, resolving COW and demand pages; 0 if the access is not allowed */
static uint32_t user_pa(struct proc *p, uint32_t va, int write)
{
    if (va < USER_BASE || va >= USER_END)
        return 0;
    uint32_t *pte = as_walk(p->root, va, 0);
    uint32_t need = PTE_V | PTE_U | (write ? PTE_W : PTE_R);
    if (!pte || (*pte & need) != need) {
        if (vm_fault(p, va, write) < 0)
            return 0;
        pte = as_walk(p->root, va, 0);
        if (!pte || (*pte & need) != need)
            return 0;
    }
    return PTE_PA(*pte) | (va & (PAGE_SIZE - 1u));
}

int copyin(struct proc *p, void *dst, uint32_t usrc, uint32_t n)
{
    uint8_t *d = dst;
    if (usrc + n < usrc)
        return -IR_EFAULT;
    while (n) {
        uint32_t pa = user_pa(p, usrc, 0);
        if (!pa)
            return -IR_EFAULT;
        uint32_t chunk = PAGE_SIZE - (usrc & (PAGE_SIZE - 1u));
        if (chunk > n)
            chunk = n;
        memcpy(d, (void *)pa, chunk);
        d += chunk;
        usrc += chunk;
        n -= chunk;
    }
    return 0;
}

int copyout(struct proc *p, uint32_t udst, const void *src, uint32_t n)
{
    const uint8_t *s = src;
    if (udst + n < udst)
        return -IR_EFAULT;
    while (n) {
        uint32_t pa = user_pa(p, udst, 1);
        if (!pa)
            return -IR_EFAULT;
        uint32_t chunk = PAGE_SIZE - (udst & (PAGE_SIZE - 1u));
        if (chunk > n)
            chunk = n;
        memcpy((void *)pa, s, chunk);
        s += chunk;
        udst += chunk;
        n -= chunk;
    }
    return 0;
}

int copyinstr(struct proc *p, char *dst, uint32_t usrc, uint32_t max)
{
    uint32_t i = 0;
    while (i < max) {
        uint32_t pa = user_pa(p, usrc + i, 0);
        if (!pa)
            return -IR_EFAULT;
        uint32_t chunk = PAGE_SIZE - ((usrc + i) & (PAGE_SIZE - 1u));
        for (uint32_t k = 0; k < chunk && i < max; k++, i++) {
            dst[i] = ((const char *)pa)[k];
            if (!dst[i])
                return (int)i;
        }
    }
    return -IR_ENAMETOOLONG;
}
