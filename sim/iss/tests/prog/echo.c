/* echo.c - end-to-end test of UART input: echo every received byte in upper case until a '.' arrives (then pass).
 * Fed from a pipe, it checks that no byte is dropped although the RX FIFO is only 16 bytes deep: the program is
 * slow on purpose (a busy delay per byte). */
#include <stdint.h>

#include "iridium_soc.h"

#define REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

int main(void)
{
    for (;;) {
        uint32_t v;
        do v = REG(IR_UART_BASE + IR_UART_RXDATA);
        while (v & IR_UART_RX_EMPTY);
        char c = (char)v;
        for (volatile int i = 0; i < 2000; i++)
            ;
        if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
        REG(IR_UART_BASE + IR_UART_TXDATA) = (uint8_t)c;
        if (c == '.') return 0;
    }
}
