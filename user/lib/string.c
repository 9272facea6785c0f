/*
 * string.c - memcpy and memset for Iridium programs, word at a time.
 *
 * picolibc's rv32 build copies one byte per loop pass (about six instructions a byte); these move aligned words
 * (unrolled by four) and fall back to bytes only for the unaligned head and tail, so bulk copies run several
 * times faster. They replace picolibc's versions at link time (libiridium.a is linked as a whole archive).
 * Semantics are the C standard's: memcpy's regions must not overlap (memmove is picolibc's).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if ((((uintptr_t)d ^ (uintptr_t)s) & 3) == 0) {
        while (((uintptr_t)d & 3) && n) {
            *d++ = *s++;
            n--;
        }
        uint32_t *dw = (uint32_t *)d;
        const uint32_t *sw = (const uint32_t *)s;
        for (; n >= 16; n -= 16, dw += 4, sw += 4) {
            uint32_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];
            dw[0] = a;
            dw[1] = b;
            dw[2] = c;
            dw[3] = e;
        }
        for (; n >= 4; n -= 4)
            *dw++ = *sw++;
        d = (uint8_t *)dw;
        s = (const uint8_t *)sw;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    uint32_t w = (uint8_t)c * 0x01010101u;
    while (((uintptr_t)d & 3) && n) {
        *d++ = (uint8_t)c;
        n--;
    }
    uint32_t *dw = (uint32_t *)d;
    for (; n >= 16; n -= 16, dw += 4) {
        dw[0] = w;
        dw[1] = w;
        dw[2] = w;
        dw[3] = w;
    }
    for (; n >= 4; n -= 4)
        *dw++ = w;
    d = (uint8_t *)dw;
    while (n--)
        *d++ = (uint8_t)c;
    return dst;
}
