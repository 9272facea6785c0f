/*
 * testdev.h - an in-memory block device for the file-system tests, with power-cut simulation, and tiny test
 * helpers shared by fs_unit.c, fs_crash.c and fs_fuzz.c.
 *
 * Invariants: accesses outside the device fail (-1) instead of touching memory; once `crash_after` sector writes
 * have been accepted, every later write is silently dropped (a power cut seen from the disk: what was written
 * stays, the rest never arrives) and `crashed` is set; a multi-sector write can be cut in the middle (torn block).
 */
#ifndef FSIMAGE_TESTDEV_H
#define FSIMAGE_TESTDEV_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fs.h"

struct memdev {
    uint8_t *data;
    uint32_t sectors;
    unsigned long writes;             /* sector writes accepted */
    unsigned long reads;
    long crash_after;                 /* -1: never */
    int crashed;
    struct fs_blockdev dev;
};

static int memdev_read(void *ctx, uint32_t sector, void *buf, uint32_t count)
{
    struct memdev *m = ctx;
    if ((uint64_t)sector + count > m->sectors)
        return -1;
    memcpy(buf, m->data + (uint64_t)sector * 512, (size_t)count * 512);
    m->reads += count;
    return 0;
}

static int memdev_write(void *ctx, uint32_t sector, const void *buf, uint32_t count)
{
    struct memdev *m = ctx;
    if ((uint64_t)sector + count > m->sectors)
        return -1;
    for (uint32_t i = 0; i < count; i++) {
        if (m->crash_after >= 0 && m->writes >= (unsigned long)m->crash_after) {
            m->crashed = 1;
            return 0;                 /* the writer does not know */
        }
        memcpy(m->data + (uint64_t)(sector + i) * 512, (const uint8_t *)buf + (size_t)i * 512, 512);
        m->writes++;
    }
    return 0;
}

static inline void memdev_init(struct memdev *m, uint32_t mib)
{
    memset(m, 0, sizeof *m);
    m->sectors = mib * 2048u;
    m->data = calloc(m->sectors, 512);
    if (!m->data) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    m->crash_after = -1;
    m->dev.ctx = m;
    m->dev.read = memdev_read;
    m->dev.write = memdev_write;
    m->dev.sectors = m->sectors;
}

static inline void memdev_free(struct memdev *m)
{
    free(m->data);
    m->data = 0;
}

/* deterministic random numbers (xorshift64*) */
static uint64_t rng_state = 88172645463325252ull;
static inline uint32_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ull) >> 32);
}
static inline uint32_t rnd_below(uint32_t n)
{
    return n ? rnd() % n : 0;
}
static inline void rnd_fill(uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        p[i] = (uint8_t)rnd();
}

#endif
