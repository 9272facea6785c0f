/*
 * page.c - the physical page allocator: a free list of 4 KiB frames with a reference count per frame.
 *
 * Managed: all RAM from bootinfo except the firmware's area, the kernel image (up to _end, .bss included), the
 * reference-count array itself (placed right after the kernel) and the preloaded RAM disk. Invariants: a frame is
 * on the free list iff its count is 0; page_alloc returns a frame with count 1; page_free of a frame with count 0
 * is a broken invariant (panic).
 */
#include "kernel.h"

extern char _end[];
static uint32_t ram_base, ram_pages;
static uint16_t *refc;
static uint32_t free_head;          /* pa of the first free frame, 0 = none */
uint32_t free_pages;
static uint32_t total_pages, kernel_pages;

static inline uint32_t idx(uint32_t pa) { return (pa - ram_base) >> PAGE_SHIFT; }

void page_init(void)
{
    ram_base = bootinfo.ram_base;
    ram_pages = bootinfo.ram_size >> PAGE_SHIFT;
    uint32_t kend = page_round_up((uint32_t)(uintptr_t)_end);
    refc = (uint16_t *)kend;
    uint32_t refc_end = page_round_up(kend + ram_pages * 2u);
    uint32_t disk_lo = 0, disk_hi = 0;
    if (bootinfo.disk_kind == DISK_RAM) {
        disk_lo = page_round_down(bootinfo.disk_base);
        disk_hi = page_round_up(bootinfo.disk_base + bootinfo.disk_sectors * 512u);
    }
    uint32_t fw_lo = bootinfo.fw_base, fw_hi = page_round_up(bootinfo.fw_base + bootinfo.fw_size);
    uint32_t k_lo = page_round_down(bootinfo.kernel_base);
    for (uint32_t i = 0; i < ram_pages; i++)
        refc[i] = 1;
    /* free from the top down so that low addresses are handed out first */
    for (uint32_t i = ram_pages; i-- > 0;) {
        uint32_t pa = ram_base + i * PAGE_SIZE;
        if ((pa >= fw_lo && pa < fw_hi) || (pa >= k_lo && pa < refc_end) || (pa >= disk_lo && pa < disk_hi)) {
            kernel_pages++;
            continue;
        }
        refc[i] = 0;
        *(uint32_t *)pa = free_head;
        free_head = pa;
        free_pages++;
    }
    total_pages = ram_pages;
}

uint32_t page_alloc_raw(void)
{
    uint32_t pa = free_head;
    if (!pa)
        return 0;
    free_head = *(uint32_t *)pa;
    KASSERT(refc[idx(pa)] == 0);
    refc[idx(pa)] = 1;
    free_pages--;
    return pa;
}

uint32_t page_alloc(void)
{
    uint32_t pa = page_alloc_raw();
    if (pa)
        memset((void *)pa, 0, PAGE_SIZE);
    return pa;
}

void page_ref(uint32_t pa)
{
    uint32_t i = idx(pa);
    if (pa < ram_base || i >= ram_pages || refc[i] == 0 || refc[i] == 0xFFFF)
        panic("page_ref: bad frame %p (count %u)", pa, i < ram_pages ? refc[i] : 0);
    refc[i]++;
}

void page_free(uint32_t pa)
{
    uint32_t i = idx(pa);
    if (pa < ram_base || i >= ram_pages || (pa & (PAGE_SIZE - 1u)) || refc[i] == 0)
        panic("page_free: bad frame %p (count %u)", pa, i < ram_pages ? refc[i] : 0);
    if (--refc[i] == 0) {
        *(uint32_t *)pa = free_head;
        free_head = pa;
        free_pages++;
    }
}

uint32_t page_refcount(uint32_t pa)
{
    return refc[idx(pa)];
}

void page_stats(struct ir_meminfo *m)
{
    m->page_size = PAGE_SIZE;
    m->total_pages = total_pages;
    m->free_pages = free_pages;
    m->kernel_pages = kernel_pages;
}
