/*
 * string.c - the freestanding memory and string functions the kernel (and GCC's generated code) needs.
 * Invariant: no function here touches memory outside the ranges its arguments name.
 */
#include "kernel.h"

void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    if ((((uintptr_t)p | n) & 3u) == 0) {
        uint32_t w = (uint8_t)c * 0x01010101u;
        uint32_t *q = d;
        for (size_t i = 0; i < n / 4; i++)
            q[i] = w;
        return d;
    }
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    if ((((uintptr_t)d | (uintptr_t)s | n) & 3u) == 0) {
        uint32_t *q = d;
        const uint32_t *r = s;
        for (size_t i = 0; i < n / 4; i++)
            q[i] = r[i];
        return d;
    }
    uint8_t *p = d;
    const uint8_t *t = s;
    while (n--)
        *p++ = *t++;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    uint8_t *p = d;
    const uint8_t *t = s;
    if (p <= t || p >= t + n)
        return memcpy(d, s, n);
    while (n--)
        p[n] = t[n];
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *p = a, *q = b;
    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i])
            return p[i] - q[i];
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (uint8_t)*a - (uint8_t)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (uint8_t)*a - (uint8_t)*b;
        if (!*a)
            return 0;
    }
    return 0;
}

size_t strlcpy(char *d, const char *s, size_t n)
{
    size_t len = strlen(s);
    if (n) {
        size_t c = len < n - 1 ? len : n - 1;
        memcpy(d, s, c);
        d[c] = 0;
    }
    return len;
}
