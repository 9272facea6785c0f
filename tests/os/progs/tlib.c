/*
 * tlib.c - the tiny runtime of the kernel's test programs (see tlib.h). printf supports %d %u %x %s %c and
 * buffers one call's output into a single write.
 */
#include <stdarg.h>
#include "tlib.h"

long sc(long n, long a0, long a1, long a2, long a3, long a4, long a5)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r3 __asm__("a3") = a3;
    register long r4 __asm__("a4") = a4;
    register long r5 __asm__("a5") = a5;
    register long r7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7) : "memory");
    return r0;
}

void t_exit(int code)
{
    sys1(SYS_exit, code);
    for (;;)
        ;
}

size_t t_strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int t_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

void t_memset(void *d, int c, size_t n)
{
    volatile char *p = d;
    while (n--)
        *p++ = (char)c;
}

void *memset(void *d, int c, size_t n);
void *memset(void *d, int c, size_t n)
{
    t_memset(d, c, n);
    return d;
}

void *memcpy(void *d, const void *s, size_t n);
void *memcpy(void *d, const void *s, size_t n)
{
    char *p = d;
    const char *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

void t_sleep_ms(long ms)
{
    struct ir_timespec ts = {ms / 1000, (int32_t)((ms % 1000) * 1000000), 0};
    sys2(SYS_nanosleep, &ts, 0);
}

void t_printf(const char *fmt, ...)
{
    char buf[512];
    size_t n = 0;
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt && n < sizeof buf - 16; fmt++) {
        if (*fmt != '%') {
            buf[n++] = *fmt;
            continue;
        }
        fmt++;
        if (*fmt == 's') {
            const char *s = va_arg(ap, const char *);
            while (*s && n < sizeof buf - 16)
                buf[n++] = *s++;
        } else if (*fmt == 'c') {
            buf[n++] = (char)va_arg(ap, int);
        } else if (*fmt == 'd' || *fmt == 'u' || *fmt == 'x') {
            long v = va_arg(ap, long);
            unsigned long u = (unsigned long)v;
            unsigned base = *fmt == 'x' ? 16 : 10;
            if (*fmt == 'd' && v < 0) {
                buf[n++] = '-';
                u = (unsigned long)-v;
            }
            char tmp[12];
            int k = 0;
            do {
                tmp[k++] = "0123456789abcdef"[u % base];
                u /= base;
            } while (u);
            while (k)
                buf[n++] = tmp[--k];
        } else {
            buf[n++] = *fmt;
        }
    }
    va_end(ap);
    t_write(1, buf, n);
}
