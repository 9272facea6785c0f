/*
 * string_tests.c - host test of user/lib/string.c (memcpy, memset), compiled under other names so the host's own
 * functions are not replaced: every length 0..70 at every source/destination alignment 0..7, checked byte by byte
 * against a plain loop, including the bytes around the destination (nothing outside it may change).
 */
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>

void *ir_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *ir_memset(void *dst, int c, size_t n);

int main(void)
{
    static uint8_t src[128], dst[128], want[128];
    int failed = 0, cases = 0;
    for (int i = 0; i < 128; i++)
        src[i] = (uint8_t)(i * 37 + 11);
    for (size_t n = 0; n <= 70; n++)
        for (int so = 0; so < 8; so++)
            for (int dof = 0; dof < 8; dof++) {
                for (int i = 0; i < 128; i++)
                    dst[i] = want[i] = 0xA5;
                for (size_t i = 0; i < n; i++)
                    want[8 + dof + i] = src[so + i];
                void *r = ir_memcpy(dst + 8 + dof, src + so, n);
                cases++;
                for (int i = 0; i < 128; i++)
                    if (dst[i] != want[i] || r != dst + 8 + dof) {
                        printf("FAIL memcpy n=%zu src+%d dst+%d at byte %d\n", n, so, dof, i);
                        failed++;
                        break;
                    }
                for (int i = 0; i < 128; i++)
                    dst[i] = want[i] = 0x3C;
                for (size_t i = 0; i < n; i++)
                    want[8 + dof + i] = 0xE7;
                r = ir_memset(dst + 8 + dof, 0x1E7, n);   /* only the low byte counts */
                cases++;
                for (int i = 0; i < 128; i++)
                    if (dst[i] != want[i] || r != dst + 8 + dof) {
                        printf("FAIL memset n=%zu dst+%d at byte %d\n", n, dof, i);
                        failed++;
                        break;
                    }
            }
    printf("%s string: %d cases\n", failed ? "FAIL" : "PASS", cases);
    printf("string_tests: %d passed, %d failed\n", cases - failed, failed);
    return failed != 0;
}
