/*
 * bench_io.h - polled UART output and cycle counters for the bare-metal benchmarks (M- or S-mode, no OS).
 * Header-only so each benchmark stays one file; the UART must be reachable at its physical address.
 */
#ifndef BENCH_IO_H
#define BENCH_IO_H

#include <stdint.h>
#include "iridium_soc.h"

static inline void bench_putc(char c)
{
    volatile uint32_t *uart = (volatile uint32_t *)IR_UART_BASE;
    while (!(uart[IR_UART_STATUS / 4] & IR_UART_ST_TXREADY))
        ;
    uart[IR_UART_TXDATA / 4] = (uint8_t)c;
}

static inline void bench_puts(const char *s)
{
    while (*s)
        bench_putc(*s++);
}

static inline void bench_putu(uint32_t v)
{
    char buf[11];
    int i = 10;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    bench_puts(&buf[i]);
}

/* the cycle counter as the running mode sees it (M-mode: mcycle; S-mode: cycle, needs mcounteren.CY) */
static inline uint32_t bench_rdcycle(void)
{
    uint32_t v;
    __asm__ volatile("rdcycle %0" : "=r"(v));
    return v;
}

static inline uint32_t bench_rdinstret(void)
{
    uint32_t v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

#endif
