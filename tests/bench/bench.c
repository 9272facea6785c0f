/*
 * bench.c - Iridium's integer benchmark: measures cycles, retired instructions and CPI of the core.
 *
 * Five kernels that together look like ordinary integer code: CRC-32 (shifts, xor, data-dependent branches),
 * insertion sort (loads/stores, compares), 16x16 matrix multiply (mul, address arithmetic), a string/byte
 * workload (byte loads, calls), and a linked-list walk with divisions (load-use chains, div/rem). Every kernel checks
 * its own result against an independent computation, so a wrong core fails the run (non-zero exit through tohost)
 * instead of printing nice numbers. Figures are printed on the UART: cycles, instructions, CPI x 1000.
 * With argument-free builds, BENCH_MAX_CPI_X1000 (default 1300) is the pass limit for the whole run.
 */
#include <stdint.h>
#include "iridium_soc.h"
#include "bench_io.h"

#ifndef BENCH_MAX_CPI_X1000
#define BENCH_MAX_CPI_X1000 1300
#endif

/* ---- kernels ---------------------------------------------------------------------------------------------- */

static uint8_t data[2048];

static uint32_t crc32_bitwise(const uint8_t *p, uint32_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return ~crc;
}

static uint32_t crc_table[256];

static uint32_t crc32_table(const uint8_t *p, uint32_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++)
        crc = crc_table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
        crc_table[i] = c;
    }
}

static int32_t arr[300];

static void isort(int32_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

#define MN 16
static int32_t ma[MN][MN], mb[MN][MN], mc[MN][MN];

static void matmul(void)
{
    for (int i = 0; i < MN; i++)
        for (int j = 0; j < MN; j++) {
            int32_t s = 0;
            for (int k = 0; k < MN; k++)
                s += ma[i][k] * mb[k][j];
            mc[i][j] = s;
        }
}

static uint32_t my_strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (uint32_t)(p - s);
}

static int my_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (uint8_t)*a - (uint8_t)*b;
}

static char words[64][16];

struct node {
    struct node *next;
    uint32_t value;
};
static struct node nodes[512];

/* ---- harness ---------------------------------------------------------------------------------------------- */

static uint32_t total_cycles, total_insns;

static void report(const char *name, uint32_t c0, uint32_t i0)
{
    uint32_t c = bench_rdcycle() - c0, n = bench_rdinstret() - i0;
    total_cycles += c;
    total_insns += n;
    bench_puts(name);
    bench_puts(": cycles ");
    bench_putu(c);
    bench_puts(" instructions ");
    bench_putu(n);
    bench_puts(" CPI x1000 ");
    bench_putu((uint32_t)((uint64_t)c * 1000 / n));
    bench_puts("\n");
}

int main(void)
{
    uint32_t seed = 12345, c0, i0;
    for (uint32_t i = 0; i < sizeof data; i++) {
        seed = seed * 1103515245u + 12345u;
        data[i] = (uint8_t)(seed >> 16);
    }
    crc_init();

    /* 1. CRC-32, two ways */
    c0 = bench_rdcycle(); i0 = bench_rdinstret();
    uint32_t crc_a = crc32_bitwise(data, 512);
    uint32_t crc_b = crc32_table(data, 512);
    report("crc32", c0, i0);
    if (crc_a != crc_b)
        return 1;

    /* 2. insertion sort, checked for order and for the same sum */
    uint32_t sum_before = 0, sum_after = 0;
    for (int i = 0; i < 300; i++) {
        seed = seed * 1103515245u + 12345u;
        arr[i] = (int32_t)(seed >> 8) - (1 << 22);
        sum_before += (uint32_t)arr[i];
    }
    c0 = bench_rdcycle(); i0 = bench_rdinstret();
    isort(arr, 300);
    report("isort", c0, i0);
    for (int i = 0; i < 300; i++) {
        sum_after += (uint32_t)arr[i];
        if (i && arr[i - 1] > arr[i])
            return 2;
    }
    if (sum_before != sum_after)
        return 3;

    /* 3. matrix multiply, checked against row sums: sum_j C[i][j] = sum_k A[i][k] * (sum_j B[k][j]) */
    for (int i = 0; i < MN; i++)
        for (int j = 0; j < MN; j++) {
            ma[i][j] = (i * 7 + j * 3) % 19 - 9;
            mb[i][j] = (i * 5 + j * 11) % 23 - 11;
        }
    c0 = bench_rdcycle(); i0 = bench_rdinstret();
    matmul();
    report("matmul", c0, i0);
    for (int i = 0; i < MN; i++) {
        int32_t lhs = 0, rhs = 0;
        for (int j = 0; j < MN; j++)
            lhs += mc[i][j];
        for (int k = 0; k < MN; k++) {
            int32_t rowsum = 0;
            for (int j = 0; j < MN; j++)
                rowsum += mb[k][j];
            rhs += ma[i][k] * rowsum;
        }
        if (lhs != rhs)
            return 4;
    }

    /* 4. strings: build words, count length and order them by comparison counting */
    for (int w = 0; w < 64; w++) {
        int len = 3 + (w * 7) % 11;
        for (int k = 0; k < len; k++)
            words[w][k] = (char)('a' + (w * 13 + k * 5) % 26);
        words[w][len] = 0;
    }
    c0 = bench_rdcycle(); i0 = bench_rdinstret();
    uint32_t total_len = 0, less = 0;
    for (int w = 0; w < 64; w++) {
        total_len += my_strlen(words[w]);
        for (int v = 0; v < 64; v++)
            less += my_strcmp(words[w], words[v]) < 0;
    }
    report("strings", c0, i0);
    uint32_t expect_len = 0;
    for (int w = 0; w < 64; w++)
        expect_len += 3 + (uint32_t)(w * 7) % 11;
    /* each unordered pair of distinct words contributes exactly one "less" */
    uint32_t distinct_pairs = 0;
    for (int w = 0; w < 64; w++)
        for (int v = w + 1; v < 64; v++)
            distinct_pairs += my_strcmp(words[w], words[v]) != 0;
    if (total_len != expect_len || less != distinct_pairs)
        return 5;

    /* 5. linked list with a stride permutation, division and remainder per node */
    for (int i = 0; i < 512; i++) {
        nodes[i].next = &nodes[(i * 37 + 11) % 512];
        nodes[i].value = (uint32_t)i * 2654435761u;
    }
    c0 = bench_rdcycle(); i0 = bench_rdinstret();
    struct node *p = &nodes[0];
    uint32_t acc = 0, q = 0;
    for (int i = 0; i < 512; i++) {
        acc += p->value % 1000u;
        q += p->value / 977u;
        p = p->next;
    }
    report("list+div", c0, i0);
    uint32_t acc2 = 0, q2 = 0;
    int idx = 0;
    for (int i = 0; i < 512; i++) {
        uint32_t v = (uint32_t)idx * 2654435761u;
        acc2 += v - (v / 1000u) * 1000u;
        q2 += v / 977u;
        idx = (idx * 37 + 11) % 512;
    }
    if (acc != acc2 || q != q2)
        return 6;

    bench_puts("total: cycles ");
    bench_putu(total_cycles);
    bench_puts(" instructions ");
    bench_putu(total_insns);
    bench_puts(" CPI x1000 ");
    uint32_t cpi = (uint32_t)((uint64_t)total_cycles * 1000 / total_insns);
    bench_putu(cpi);
    bench_puts("\n");
    if (cpi > BENCH_MAX_CPI_X1000) {
        bench_puts("CPI above the limit\n");
        return 7;
    }
    return 0;
}
