/* hello.c - end-to-end test: print through the UART, read the system controller, pass through the finisher. */
#include <stdint.h>

#include "iridium_soc.h"

#define REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

static void putc_uart(char c)
{
    while (!(REG(IR_UART_BASE + IR_UART_STATUS) & IR_UART_ST_TXREADY))
        ;
    REG(IR_UART_BASE + IR_UART_TXDATA) = (uint8_t)c;
}

static void puts_uart(const char *s)
{
    while (*s) putc_uart(*s++);
}

static void put_hex(uint32_t v)
{
    for (int i = 28; i >= 0; i -= 4) putc_uart("0123456789abcdef"[(v >> i) & 15]);
}

int main(void)
{
    puts_uart("Hello, Iridium!\n");
    puts_uart("board ");
    put_hex(REG(IR_SYSCTL_BASE + IR_SYSCTL_BOARD_ID));
    puts_uart(" ram ");
    put_hex(REG(IR_SYSCTL_BASE + IR_SYSCTL_RAM_BYTES));
    puts_uart(" version ");
    put_hex(REG(IR_SYSCTL_BASE + IR_SYSCTL_VERSION));
    putc_uart('\n');
    return REG(IR_SYSCTL_BASE + IR_SYSCTL_BOARD_ID) == IR_BOARD_ISS ? 0 : 3;
}
