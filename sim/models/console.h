/*
 * console.h - the host side of the UART, shared by vsim and iss.
 *
 * TX bytes go to stdout. RX bytes come from stdin: on a terminal in raw mode (Ctrl-A X quits, Ctrl-A Ctrl-A sends a
 * literal Ctrl-A), the terminal is restored on every exit path (normal exit, signals); from a pipe or a file, bytes
 * are handed out only when the caller asks (the UART has room), so none is dropped, and end of input is not the
 * end of the run.
 */
#ifndef IRIDIUM_CONSOLE_H
#define IRIDIUM_CONSOLE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

void console_init(void);          /* raw mode if stdin is a tty; installs restore handlers */
void console_restore(void);       /* idempotent */
/* Non-blocking: 1 = *byte holds the next input byte, 0 = nothing now, -1 = the user asked to quit (Ctrl-A X). */
int console_getc(uint8_t *byte);
void console_putc(uint8_t byte);  /* buffered; flushed by console_flush and at exit */
void console_flush(void);

#ifdef __cplusplus
}
#endif
#endif
