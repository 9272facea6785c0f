/*
 * console.c - the host side of the simulated UART (console.h), shared by vsim and iss.
 *
 * Output: bytes are collected in a buffer and written to stdout by console_flush (and when the buffer is full, and
 * at exit). Input: read from stdin into a buffer only when the simulator asks for a byte and the buffer is empty,
 * with poll() so nothing ever blocks; the UART model asks only when its RX FIFO has room, so no byte is dropped.
 * End of input (EOF on a pipe or file) just means no more bytes: the run continues.
 *
 * On a terminal, stdin is put in raw mode (no echo, no line editing, no signals: Ctrl-C goes to the guest) and
 * Ctrl-A is an escape: Ctrl-A x/X quits, Ctrl-A Ctrl-A sends a literal Ctrl-A, Ctrl-A followed by anything else sends
 * that byte. Output processing (\n -> \r\n) is left on. The saved terminal settings are restored by
 * console_restore, which runs at exit() and from the handlers of the fatal signals (then the signal is re-raised
 * with its default action), so the terminal is never left raw.
 *
 * Invariants: stdin's file status flags are never changed (O_NONBLOCK would leak to the shell sharing the terminal);
 * console_restore is idempotent and async-signal-safe.
 */
#include "console.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define CTRL_A 0x01

static struct termios saved_tio;
static volatile sig_atomic_t raw_active;
static int initialised;
static int atexit_done;
static int input_eof;
static int escape_pending;

static uint8_t in_buf[4096];
static size_t in_pos, in_len;
static uint8_t out_buf[4096];
static size_t out_len;

void console_restore(void)
{
    if (raw_active) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
        raw_active = 0;
    }
}

static void restore_at_exit(void)
{
    console_flush();
    console_restore();
}

static void fatal_signal(int sig)
{
    console_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

void console_init(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
    if (initialised) return;
    initialised = 1;
    if (!atexit_done) atexit(restore_at_exit);
    atexit_done = 1;
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_tio) == 0) {
        for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = fatal_signal;
            sigemptyset(&sa.sa_mask);
            sigaction(sigs[i], &sa, NULL);
        }
        struct termios raw = saved_tio;
        raw.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
        raw.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
        raw.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
        raw.c_cflag |= CS8;
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0) raw_active = 1;
    }
}

/* Refill the input buffer without blocking. Returns 1 if bytes are available. */
static int fill_input(void)
{
    if (in_pos < in_len) return 1;
    if (input_eof) return 0;
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&p, 1, 0) <= 0) return 0;
    if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) return 0;
    ssize_t n = read(STDIN_FILENO, in_buf, sizeof in_buf);
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) return 0;
        input_eof = 1;   /* unreadable stdin: behave as end of input */
        return 0;
    }
    if (n == 0) {
        input_eof = 1;
        return 0;
    }
    in_pos = 0;
    in_len = (size_t)n;
    return 1;
}

int console_getc(uint8_t *byte)
{
    while (fill_input()) {
        uint8_t c = in_buf[in_pos++];
        if (!raw_active) {
            *byte = c;
            return 1;
        }
        if (escape_pending) {
            escape_pending = 0;
            if (c == 'x' || c == 'X') return -1;
            *byte = c;
            return 1;
        }
        if (c == CTRL_A) {
            escape_pending = 1;
            continue;
        }
        *byte = c;
        return 1;
    }
    return 0;
}

void console_flush(void)
{
    size_t off = 0;
    while (off < out_len) {
        ssize_t n = write(STDOUT_FILENO, out_buf + off, out_len - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;   /* stdout gone: drop the output rather than spin */
        }
        off += (size_t)n;
    }
    out_len = 0;
}

void console_putc(uint8_t byte)
{
    if (!atexit_done) {   /* output is flushed at exit even if console_init was never called */
        atexit_done = 1;
        atexit(restore_at_exit);
    }
    if (out_len == sizeof out_buf) console_flush();
    out_buf[out_len++] = byte;
}
