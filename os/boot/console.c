/*
 * console.c - polled UART console for the M-mode firmware (see console.h).
 *
 * Invariants: only STATUS, RXDATA, TXDATA and BAUDDIV are touched; interrupts stay disabled (IE is never written,
 * its reset value is 0). RXDATA is read only after STATUS.RX_VALID was seen, and its bit 31 is checked anyway.
 */
#include "console.h"
#include "mmio.h"

/* Bytes in the UART transmit FIFO (IR_UART_FIFO_DEPTH in hw/include/iridium_config.vh). */
#define UART_FIFO_DEPTH 16u

void console_putc(char c)
{
    while (!(mmio_read(IR_UART_BASE, IR_UART_STATUS) & IR_UART_ST_TXREADY))
        ;
    mmio_write(IR_UART_BASE, IR_UART_TXDATA, (uint8_t)c);
}

void console_puts(const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            console_putc('\r');
        console_putc(*s);
    }
}

void console_put_dec(uint32_t v)
{
    char buf[10];
    unsigned n = 0;
    do {
        buf[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    while (n > 0)
        console_putc(buf[--n]);
}

void console_put_hex(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    console_putc('0');
    console_putc('x');
    for (int shift = 28; shift >= 0; shift -= 4)
        console_putc(digits[(v >> shift) & 0xFu]);
}

int console_getc(void)
{
    if (!(mmio_read(IR_UART_BASE, IR_UART_STATUS) & IR_UART_ST_RXVALID))
        return -1;
    uint32_t data = mmio_read(IR_UART_BASE, IR_UART_RXDATA);
    if (data & IR_UART_RX_EMPTY)
        return -1;
    return (int)(data & 0xFFu);
}

static inline uint32_t read_mcycle(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, mcycle" : "=r"(v));
    return v;
}

void console_drain(void)
{
    /* STATUS has no "transmitter empty" bit: wait until the FIFO has room, then for as long as a full FIFO takes to
     * leave at the current baud divisor (10 bits per byte). The simulators move bytes at once; this only costs time. */
    while (!(mmio_read(IR_UART_BASE, IR_UART_STATUS) & IR_UART_ST_TXREADY))
        ;
    uint32_t bauddiv = mmio_read(IR_UART_BASE, IR_UART_BAUDDIV);
    if (bauddiv > 0xFFFFu)
        bauddiv = 0xFFFFu;      /* keeps the product below 2^32 */
    uint32_t cycles = (UART_FIFO_DEPTH + 1u) * 10u * bauddiv;
    uint32_t start = read_mcycle();
    while (read_mcycle() - start < cycles)
        ;
}
