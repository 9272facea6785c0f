/*
 * sdimg.c - host helper of the SD end-to-end test (sim/models/tests/sd/run-sdtest.sh): makes the test disk image
 * and checks it after sdtest.elf has run on a simulator with --disk.
 *
 *   sdimg make IMG     4 MiB image: sector 0 a valid disk header (os/include/iridium/disk.h) whose "kernel" is
 *                      KERNEL_BYTES bytes at KERNEL_SECTOR; every other byte old(s, i)
 *   sdimg check IMG    after a complete run: the sectors sdtest.elf writes hold new(s, i), all others old(s, i)
 *   sdimg cut IMG      after a power cut: every sector is wholly old or wholly new (no torn sector), the new ones
 *                      are a prefix of the order in which sdtest.elf writes them; prints how many are new
 *
 * The patterns and the write order are shared with sdtest.c through sdtest.h. Exit 0 when the check holds, 1 when
 * it does not (with a message), 2 for bad usage or an unreadable file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iridium/disk.h"
#include "iridium/crc32.h"
#include "sdtest.h"

static uint8_t *img;

static void sector_old(uint32_t s, uint8_t *p)
{
    for (uint32_t i = 0; i < 512; i++)
        p[i] = SDT_OLD(s, i);
}

static void sector_new(uint32_t s, uint8_t *p)
{
    for (uint32_t i = 0; i < 512; i++)
        p[i] = SDT_NEW(s, i);
}

/* 1 old, 2 new, 0 neither */
static int classify(uint32_t s)
{
    uint8_t a[512], b[512];
    sector_old(s, a);
    sector_new(s, b);
    if (!memcmp(img + s * 512u, a, 512)) return 1;
    if (!memcmp(img + s * 512u, b, 512)) return 2;
    return 0;
}

static int is_written(uint32_t s, int *order)
{
    for (int k = 0; k < SDT_NWRITES; k++)
        if (sdt_write_order[k] == s) {
            *order = k;
            return 1;
        }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "make") && strcmp(argv[1], "check") && strcmp(argv[1], "cut"))) {
        fprintf(stderr, "usage: sdimg make|check|cut IMG\n");
        return 2;
    }
    const char *path = argv[2];
    uint32_t bytes = SDT_SECTORS * 512u;
    img = malloc(bytes);
    if (!img) return 2;

    if (!strcmp(argv[1], "make")) {
        for (uint32_t s = 0; s < SDT_SECTORS; s++)
            sector_old(s, img + s * 512u);
        struct disk_header h;
        memset(&h, 0, sizeof h);
        h.magic = DISK_MAGIC;
        h.version = DISK_VERSION;
        h.kernel_sector = SDT_KERNEL_SECTOR;
        h.kernel_bytes = SDT_KERNEL_BYTES;
        h.kernel_load = h.kernel_entry = 0x40100000u;
        h.fs_sector = SDT_KERNEL_SECTOR + 16u;
        h.fs_sectors = SDT_SECTORS - h.fs_sector;
        h.disk_sectors = SDT_SECTORS;
        h.kernel_crc32 = ir_crc32(0, img + SDT_KERNEL_SECTOR * 512u, SDT_KERNEL_BYTES);
        h.header_crc32 = 0;
        h.header_crc32 = ir_crc32(0, (const uint8_t *)&h, sizeof h);
        memset(img, 0, 512);
        memcpy(img, &h, sizeof h);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(img, 1, bytes, f) != bytes || fclose(f) != 0) {
            perror(path);
            return 2;
        }
        return 0;
    }

    FILE *f = fopen(path, "rb");
    if (!f || fread(img, 1, bytes, f) != bytes) {
        fprintf(stderr, "sdimg: cannot read %u bytes of %s\n", bytes, path);
        return 2;
    }
    fclose(f);
    int cut = !strcmp(argv[1], "cut"), bad = 0, newest = -1, nnew = 0;
    for (uint32_t s = 1; s < SDT_SECTORS; s++) {
        int k, w = is_written(s, &k), c = classify(s);
        if (!w) {
            if (c != 1 && !(s >= SDT_KERNEL_SECTOR && s < SDT_KERNEL_SECTOR + 16u)) {
                printf("sdimg: sector %u changed although never written\n", s);
                bad = 1;
            }
            continue;
        }
        if (c == 0) {
            printf("sdimg: sector %u is torn (neither the old nor the new contents)\n", s);
            bad = 1;
        } else if (c == 2) {
            nnew++;
            if (k > newest) newest = k;
        } else if (!cut) {
            printf("sdimg: sector %u was not written\n", s);
            bad = 1;
        }
    }
    if (cut && nnew != newest + 1) {
        printf("sdimg: %d new sectors are not the first ones written (last new is #%d)\n", nnew, newest);
        bad = 1;
    }
    if (cut && !bad)
        printf("sdimg: %d of %d written sectors reached the image before the cut\n", nnew, SDT_NWRITES);
    return bad;
}
