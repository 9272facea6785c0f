/*
 * printf.c - kernel formatted output (kprintf to the console, ksnprintf to a buffer) and panic.
 *
 * Formats: %d %u %x %p %s %c %%, with optional '0' flag, width and 'l'/'ll' (64-bit for ll). Output is never
 * truncated silently by kprintf (it prints piecewise); ksnprintf NUL-terminates and returns the would-be length.
 * panic prints "panic: <message>" and powers off through SBI with failure code 0x70.
 */
#include "kernel.h"

struct out { char *buf; size_t n, len; int console; };

static void out_c(struct out *o, char c)
{
    if (o->console)
        console_putc(c);
    else if (o->len + 1 < o->n)
        o->buf[o->len] = c;
    o->len++;
}

static void out_num(struct out *o, uint64_t v, unsigned base, int neg, int width, char pad)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (neg)
        tmp[n++] = '-';
    while (width-- > n)
        out_c(o, pad);
    while (n)
        out_c(o, tmp[--n]);
}

static void vformat(struct out *o, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            out_c(o, *fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0, lng = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l') {
            lng++;
            fmt++;
        }
        switch (*fmt) {
        case 'd': {
            int64_t v = lng >= 2 ? va_arg(ap, int64_t) : va_arg(ap, int32_t);
            out_num(o, v < 0 ? (uint64_t)-v : (uint64_t)v, 10, v < 0, width, pad);
            break;
        }
        case 'u':
        case 'x': {
            uint64_t v = lng >= 2 ? va_arg(ap, uint64_t) : va_arg(ap, uint32_t);
            out_num(o, v, *fmt == 'u' ? 10 : 16, 0, width, pad);
            break;
        }
        case 'p':
            out_c(o, '0');
            out_c(o, 'x');
            out_num(o, va_arg(ap, uint32_t), 16, 0, 8, '0');
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            int len = (int)strlen(s);
            while (width-- > len)
                out_c(o, ' ');
            while (*s)
                out_c(o, *s++);
            break;
        }
        case 'c':
            out_c(o, (char)va_arg(ap, int));
            break;
        case '%':
            out_c(o, '%');
            break;
        case 0:
            return;
        default:
            out_c(o, '%');
            out_c(o, *fmt);
        }
    }
}

void kprintf(const char *fmt, ...)
{
    struct out o = {0, 0, 0, 1};
    va_list ap;
    va_start(ap, fmt);
    vformat(&o, fmt, ap);
    va_end(ap);
}

int kvsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct out o = {buf, n, 0, 0};
    vformat(&o, fmt, ap);
    if (n)
        buf[o.len < n ? o.len : n - 1] = 0;
    return (int)o.len;
}

int ksnprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = kvsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

void panic(const char *fmt, ...)
{
    va_list ap;
    kprintf("\npanic: ");
    struct out o = {0, 0, 0, 1};
    va_start(ap, fmt);
    vformat(&o, fmt, ap);
    va_end(ap);
    kprintf("\n");
    sbi_shutdown(0x70);
}
