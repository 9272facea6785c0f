/*
 * mmubench.c - measures what translation costs on the Iridium core: loads that hit the data TLB versus loads that
 * miss it (the page-table walker reads two PTEs), with Sv32 on and the program running in S-mode as a kernel would.
 *
 * M-mode builds the page tables (RAM and the UART identity-mapped with megapages; a 1 MiB window at 0x10000000
 * mapped page by page onto a physical buffer), enters S-mode, and S-mode walks the window: over 4 pages (always
 * TLB hits) and over 64 pages round robin (always misses, the TLB holds IR_TLB_ENTRIES = 8). Each load's value
 * is checked against what M-mode wrote through the physical address, so a wrong translation fails the run.
 */
#include <stdint.h>
#include "iridium_soc.h"
#include "bench_io.h"

#define PTE_V 0x01u
#define PTE_R 0x02u
#define PTE_W 0x04u
#define PTE_X 0x08u
#define PTE_A 0x40u
#define PTE_D 0x80u
#define WINDOW_VA 0x10000000u
#define WINDOW_PAGES 256
#define ROUNDS 200

static uint32_t root[1024] __attribute__((aligned(4096)));
static uint32_t leaf[1024] __attribute__((aligned(4096)));
static uint8_t frames[WINDOW_PAGES][4096] __attribute__((aligned(4096)));

/* Sum one word from each of `pages` pages of the window, `rounds` times; returns cycles; *sum gets the sum. */
static uint32_t walk(int pages, int rounds, uint32_t *sum)
{
    uint32_t s = 0, c0 = bench_rdcycle();
    for (int r = 0; r < rounds; r++)
        for (int p = 0; p < pages; p++)
            s += *(volatile uint32_t *)(WINDOW_VA + (uint32_t)p * 4096u + 64u);
    uint32_t c = bench_rdcycle() - c0;
    *sum = s;
    return c;
}

extern volatile uint64_t tohost;

static void s_main(void)
{
    uint32_t sum_hit, sum_miss, expect_hit = 0, expect_miss = 0;
    for (int p = 0; p < 64; p++) {
        uint32_t v = (uint32_t)p * 0x01010101u + 7u;
        if (p < 4)
            expect_hit += v;
        expect_miss += v;
    }
    /* warm up, then measure */
    walk(4, 2, &sum_hit);
    uint32_t c_hit = walk(4, ROUNDS * 16, &sum_hit);
    uint32_t c_miss = walk(64, ROUNDS, &sum_miss);
    uint32_t n = (uint32_t)ROUNDS * 64;
    int ok = sum_hit == expect_hit * ROUNDS * 16 && sum_miss == expect_miss * ROUNDS;
    bench_puts("mmubench: TLB hit: ");
    bench_putu(c_hit * 10 / n);
    bench_puts("/10 cycles per load+loop; TLB miss: ");
    bench_putu(c_miss * 10 / n);
    bench_puts("/10 cycles; page walk costs ");
    bench_putu((c_miss - c_hit) * 10 / n);
    bench_puts("/10 cycles\n");
    tohost = ok ? 1 : 3;
    for (;;)
        ;
}

int main(void)
{
    /* identity megapages: RAM (all 64 MiB) and the device region, kernel only */
    for (uint32_t mb = 0; mb < 16; mb++) {
        uint32_t pa = IR_RAM_BASE + mb * 0x400000u;
        root[pa >> 22] = ((pa >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
    }
    root[IR_UART_BASE >> 22] = ((IR_UART_BASE >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
    /* the window: page p -> frames[p] */
    root[WINDOW_VA >> 22] = (((uint32_t)(uintptr_t)leaf >> 12) << 10) | PTE_V;
    for (int p = 0; p < WINDOW_PAGES; p++) {
        uint32_t pa = (uint32_t)(uintptr_t)frames[p];
        leaf[p] = ((pa >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
        *(volatile uint32_t *)(pa + 64) = (uint32_t)p * 0x01010101u + 7u;
    }
    uint32_t satp = 0x80000000u | ((uint32_t)(uintptr_t)root >> 12);
    __asm__ volatile("csrw satp, %0; sfence.vma" : : "r"(satp));
    __asm__ volatile("csrw mcounteren, %0" : : "r"(7));
    /* mret into S-mode at s_main */
    uint32_t ms;
    __asm__ volatile("csrr %0, mstatus" : "=r"(ms));
    ms = (ms & ~(3u << 11)) | (1u << 11);
    __asm__ volatile("csrw mstatus, %0; csrw mepc, %1; mret" : : "r"(ms), "r"(s_main));
    return 1;
}
