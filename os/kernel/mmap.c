/*
 * mmap.c - memory mappings: mmap, munmap, mprotect over a small per-process table of regions (struct vma, NVMA
 * slots), and the page-fault path for them (vma_fault, called by vm_fault for a missing page).
 *
 * Kinds of region: private anonymous (demand-zero pages, copy-on-write across fork like the heap), private file
 * (each page read from the file at its first touch into a private frame; later changes to the file are not seen),
 * private view of a shm object (the object's current content copied at first touch), shared (a struct shmobj,
 * named from shm_open or unnamed for MAP_SHARED|MAP_ANONYMOUS: every mapping maps the object's own frames, with
 * the RSW bit PTE_SHARED so that fork shares them as they are instead of making them copy-on-write).
 *
 * Invariants: regions lie inside [MMAP_BASE, MMAP_END), are page aligned and never overlap; every mapped page of a
 * region carries the permissions of its prot (prot_pte), except that a private page that is not exclusively
 * writable yet is mapped read-only with PTE_COW; a PROT_NONE page keeps its frame in a valid leaf without U (so
 * that user accesses fault and the content survives a later mprotect); a region holds one count on its object
 * (shm_map_ref) or one fs reference on its file. Pages are released through the page tables (as_unmap_range,
 * as_destroy), region references through vma_drop.
 */
#include "kernel.h"
#include "fs/fs.h"

#define PROT_ALL (IR_PROT_READ | IR_PROT_WRITE | IR_PROT_EXEC)

static uint32_t prot_pte(uint32_t prot)
{
    if (!(prot & PROT_ALL))
        return PTE_R;                   /* PROT_NONE: a valid leaf user mode cannot use */
    uint32_t f = PTE_U;
    if (prot & (IR_PROT_READ | IR_PROT_WRITE))
        f |= PTE_R;                     /* W without R is reserved in Sv32: write implies read */
    if (prot & IR_PROT_WRITE)
        f |= PTE_W;
    if (prot & IR_PROT_EXEC)
        f |= PTE_X;
    return f;
}

struct vma *vma_find(struct proc *p, uint32_t va)
{
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (v->end && va >= v->start && va < v->end)
            return v;
    }
    return 0;
}

static struct vma *vma_slot(struct proc *p)
{
    for (int i = 0; i < NVMA; i++)
        if (!p->vmas[i].end)
            return &p->vmas[i];
    return 0;
}

static int vma_free_slots(struct proc *p)
{
    int n = 0;
    for (int i = 0; i < NVMA; i++)
        n += !p->vmas[i].end;
    return n;
}

static void vma_drop(struct vma *v)
{
    if (v->obj)
        shm_map_put(v->obj);
    if (v->ip)
        fs_put(v->ip);
    memset(v, 0, sizeof *v);
}

/* references of a new copy of v (split, fork) */
static void vma_take_refs(struct vma *v)
{
    if (v->obj)
        shm_map_ref(v->obj);
    if (v->ip)
        fs_dup(v->ip);
}

/* how many regions must be split so that [start, end) is a union of whole regions */
static int splits_needed(struct proc *p, uint32_t start, uint32_t end)
{
    int k = 0;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!v->end)
            continue;
        k += start > v->start && start < v->end;
        k += end > v->start && end < v->end;
    }
    return k;
}

static void split_at(struct proc *p, uint32_t at)
{
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (v->end && at > v->start && at < v->end) {
            struct vma *n = vma_slot(p);
            KASSERT(n);
            *n = *v;
            n->start = at;
            n->off = v->off + (at - v->start);
            v->end = at;
            vma_take_refs(n);
            return;
        }
    }
}

/* split regions at start and end; -ENOMEM (nothing changed) when the table has no room for `extra` more */
static int isolate(struct proc *p, uint32_t start, uint32_t end, int extra)
{
    if (splits_needed(p, start, end) + extra > vma_free_slots(p))
        return -IR_ENOMEM;
    split_at(p, start);
    split_at(p, end);
    return 0;
}

/* can [start, end) be unmapped and then `extra` new regions be added? Only a region strictly containing the
 * range needs a new slot (its upper part); regions entirely inside the range free theirs. */
static int unmap_fits(struct proc *p, uint32_t start, uint32_t end, int extra)
{
    int need = extra, freed = 0;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!v->end)
            continue;
        if (v->start < start && v->end > end)
            need++;
        else if (v->start >= start && v->end <= end)
            freed++;
    }
    return need <= vma_free_slots(p) + freed;
}

/* remove [start, end) from every region and release its pages (unmap_fits must have said yes) */
static void unmap_range(struct proc *p, uint32_t start, uint32_t end)
{
    struct vma *outer = 0;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!v->end || v->end <= start || v->start >= end)
            continue;
        uint32_t lo = v->start > start ? v->start : start, hi = v->end < end ? v->end : end;
        as_unmap_range(p->root, lo, hi);
        if (v->start >= start && v->end <= end) {
            vma_drop(v);
        } else if (v->start < start && v->end > end) {
            outer = v;                  /* split after the drops have freed slots */
        } else if (v->start >= start) {
            v->off += end - v->start;   /* lost its head */
            v->start = end;
        } else {
            v->end = start;             /* lost its tail */
        }
    }
    if (outer) {
        split_at(p, end);
        outer->end = start;
        /* the upper piece took its own references in split_at; the lower keeps outer's */
    }
}

static int range_free(struct proc *p, uint32_t start, uint32_t end)
{
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (v->end && start < v->end && end > v->start)
            return 0;
    }
    return 1;
}

/* a free range of len bytes in the mmap area: the hint if it fits, else the lowest gap; 0 if none */
static uint32_t find_gap(struct proc *p, uint32_t len, uint32_t hint)
{
    if (!(hint & (PAGE_SIZE - 1u)) && hint >= MMAP_BASE && hint <= MMAP_END - len && range_free(p, hint, hint + len))
        return hint;
    uint32_t a = MMAP_BASE;
    for (int tries = 0; tries <= NVMA; tries++) {
        if (a > MMAP_END - len)
            return 0;
        int moved = 0;
        for (int i = 0; i < NVMA; i++) {
            struct vma *v = &p->vmas[i];
            if (v->end && a < v->end && a + len > v->start) {
                a = v->end;
                moved = 1;
            }
        }
        if (!moved)
            return a;
    }
    return 0;
}

long sys_mmap(struct proc *p, uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int32_t fd, uint32_t off)
{
    uint32_t type = flags & (IR_MAP_SHARED | IR_MAP_PRIVATE);
    if (len == 0 || (prot & ~PROT_ALL) || (type != IR_MAP_SHARED && type != IR_MAP_PRIVATE) ||
        (flags & ~(uint32_t)(IR_MAP_SHARED | IR_MAP_PRIVATE | IR_MAP_FIXED | IR_MAP_ANONYMOUS)) ||
        (off & (PAGE_SIZE - 1u)))
        return -IR_EINVAL;
    if (len > MMAP_END - MMAP_BASE)
        return -IR_ENOMEM;
    len = page_round_up(len);
    if ((flags & IR_MAP_FIXED) && ((addr & (PAGE_SIZE - 1u)) || addr < MMAP_BASE || addr > MMAP_END - len))
        return -IR_EINVAL;

    struct shmobj *obj = 0;
    struct fs_inode *ip = 0;
    uint16_t vflags = type == IR_MAP_SHARED ? VMA_SHARED : 0;
    if (flags & IR_MAP_ANONYMOUS) {
        off = 0;
        vflags |= VMA_MAYWRITE;
    } else {
        struct file *f = (fd >= 0 && fd < NOFILE) ? p->ofile[fd] : 0;
        if (!f)
            return -IR_EBADF;
        uint32_t acc = f->flags & IR_O_ACCMODE;
        if (acc == IR_O_WRONLY)
            return -IR_EACCES;
        if (off + len < off)
            return -IR_EINVAL;
        if (f->type == F_SHM) {
            obj = f->shm;
            if (type == IR_MAP_SHARED && (prot & IR_PROT_WRITE) && acc != IR_O_RDWR)
                return -IR_EACCES;
            if (type == IR_MAP_PRIVATE || acc == IR_O_RDWR)
                vflags |= VMA_MAYWRITE;
        } else if (f->type == F_INODE && f->ip->d.type == FS_T_FILE) {
            if (type == IR_MAP_SHARED)
                return -IR_ENODEV;      /* shared file mappings are not supported */
            ip = f->ip;
            vflags |= VMA_MAYWRITE;
        } else {
            return -IR_ENODEV;
        }
    }

    uint32_t start;
    if (flags & IR_MAP_FIXED) {
        start = addr;
        if (!unmap_fits(p, start, start + len, 1))
            return -IR_ENOMEM;
    } else {
        if (!vma_free_slots(p) || !(start = find_gap(p, len, addr)))
            return -IR_ENOMEM;
    }
    if ((flags & IR_MAP_ANONYMOUS) && type == IR_MAP_SHARED && !(obj = shm_anon(len)))
        return -IR_ENOMEM;
    if (flags & IR_MAP_FIXED)
        unmap_range(p, start, start + len);
    struct vma *v = vma_slot(p);
    KASSERT(v);
    v->start = start;
    v->end = start + len;
    v->prot = (uint16_t)prot;
    v->flags = vflags;
    v->obj = obj;
    v->ip = ip;
    v->off = off;
    vma_take_refs(v);
    return (long)start;
}

long sys_munmap(struct proc *p, uint32_t addr, uint32_t len)
{
    if ((addr & (PAGE_SIZE - 1u)) || len == 0 || addr >= USER_END || len > USER_END - addr)
        return -IR_EINVAL;
    uint32_t end = page_round_up(addr + len);
    if (!unmap_fits(p, addr, end, 0))
        return -IR_ENOMEM;
    unmap_range(p, addr, end);
    return 0;
}

long sys_mprotect(struct proc *p, uint32_t addr, uint32_t len, uint32_t prot)
{
    if ((addr & (PAGE_SIZE - 1u)) || (prot & ~PROT_ALL) || addr >= USER_END || len > USER_END - addr)
        return -IR_EINVAL;
    if (len == 0)
        return 0;
    uint32_t end = page_round_up(addr + len);
    /* the whole range must be mapped by regions, and each must allow the new protection */
    for (uint32_t a = addr; a < end;) {
        struct vma *v = vma_find(p, a);
        if (!v)
            return -IR_ENOMEM;
        if ((prot & IR_PROT_WRITE) && !(v->flags & VMA_MAYWRITE))
            return -IR_EACCES;
        a = v->end;
    }
    if (isolate(p, addr, end, 0) < 0)
        return -IR_ENOMEM;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!v->end || v->start < addr || v->end > end)
            continue;
        v->prot = (uint16_t)prot;
        for (uint32_t va = v->start; va < v->end; va += PAGE_SIZE) {
            uint32_t *pte = as_walk(p->root, va, 0);
            if (!pte) {
                va = (va | 0x3FFFFFu) + 1u - PAGE_SIZE;    /* no page table: skip the 4 MiB */
                continue;
            }
            uint32_t e = *pte;
            if (!(e & PTE_V))
                continue;
            uint32_t nf = prot_pte(prot) | PTE_V | PTE_A | PTE_D;
            if (v->flags & VMA_SHARED)
                nf |= PTE_SHARED;
            else if ((nf & PTE_W) && !(e & PTE_W))
                nf = (nf & ~PTE_W) | PTE_COW;               /* the store fault copies it if it is shared */
            *pte = PA_PTE(PTE_PA(e)) | nf;
        }
    }
    sfence_vma();
    return 0;
}

/* kind: 0 read, 1 write, 2 execute. The page at va is not mapped. */
int vma_fault(struct proc *p, struct vma *v, uint32_t va, int kind)
{
    uint32_t need = kind == 2 ? IR_PROT_EXEC : kind == 1 ? IR_PROT_WRITE : (IR_PROT_READ | IR_PROT_WRITE);
    if (!(v->prot & need))
        return -IR_EFAULT;
    uint32_t page = page_round_down(va), offb = v->off + (page - v->start);
    uint32_t perm = prot_pte(v->prot), pa;
    if (v->obj && offb >= shm_size(v->obj))
        return -IR_EFAULT;              /* beyond the end of the object */
    if (v->flags & VMA_SHARED) {
        if (!(pa = shm_page(v->obj, offb / PAGE_SIZE)))
            return -IR_ENOMEM;
        page_ref(pa);
        perm |= PTE_SHARED;
    } else {
        if (!(pa = page_alloc()))
            return -IR_ENOMEM;
        if (v->obj) {
            uint32_t src = shm_page(v->obj, offb / PAGE_SIZE);
            if (!src) {
                page_free(pa);
                return -IR_ENOMEM;
            }
            memcpy((void *)(uintptr_t)pa, (const void *)(uintptr_t)src, PAGE_SIZE);
        } else if (v->ip && fs_read(v->ip, (void *)(uintptr_t)pa, offb, PAGE_SIZE) < 0) {
            page_free(pa);
            return -IR_EFAULT;          /* I/O error: the process is killed */
        }
    }
    if (as_map(p->root, page, pa, perm) < 0) {
        page_free(pa);
        return -IR_ENOMEM;
    }
    return 0;
}

void vma_fork(struct proc *dst, struct proc *src)
{
    memcpy(dst->vmas, src->vmas, sizeof dst->vmas);
    for (int i = 0; i < NVMA; i++)
        if (dst->vmas[i].end)
            vma_take_refs(&dst->vmas[i]);
}

void vma_release_all(struct proc *p)
{
    for (int i = 0; i < NVMA; i++)
        if (p->vmas[i].end)
            vma_drop(&p->vmas[i]);
}
