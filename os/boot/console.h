/*
 * console.h - polled UART console for the M-mode firmware (no interrupts, no buffering of its own).
 *
 * Output never drops a byte: each write first waits for STATUS.TX_READY (and the UART would stall the bus anyway
 * if its FIFO were full). Input is non-blocking: console_getc returns -1 when nothing has been received.
 */
#ifndef IRIDIUM_BOOT_CONSOLE_H
#define IRIDIUM_BOOT_CONSOLE_H

#include <stdint.h>

void console_putc(char c);
void console_puts(const char *s);          /* "\n" is sent as "\r\n" (raw terminals do not add the CR) */
void console_put_dec(uint32_t v);
void console_put_hex(uint32_t v);          /* "0x" and 8 digits */
int console_getc(void);                    /* the next received byte (0..255), or -1 when none is waiting */
void console_drain(void);                  /* give the transmitter time to send what is queued */

#endif
