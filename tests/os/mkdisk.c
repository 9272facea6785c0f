/*
 * mkdisk.c - bring-up helper: build an Iridium disk image (header + kernel + file system) on the host, using the
 * file-system core itself (os/kernel/fs, compiled with -DFS_HOST). The project's real tool is fsimage (written
 * with the file system); this one exists so the kernel tests do not depend on it, and is used only when
 * build/bin/fsimage is missing.
 *
 * Usage: mkdisk IMG SIZE_MIB KERNEL.bin [DEST=HOSTFILE | DIR/ ...]   e.g. bin/init=build/user/bin/init tmp/
 * Every DEST is a path inside the file system (parent directories are created); DIR/ makes an empty directory. Exit 0, 1 on error, 2 on usage.
 * Layout: sector 0 header, kernel from sector 8, file system from the next 1 MiB boundary to the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fs.h"
#include "iridium/disk.h"

static uint8_t *disk;
static uint32_t fs_base;   /* sector */

static int mread(void *ctx, uint32_t s, void *buf, uint32_t n)
{
    (void)ctx;
    memcpy(buf, disk + (size_t)(fs_base + s) * 512, (size_t)n * 512);
    return 0;
}

static int mwrite(void *ctx, uint32_t s, const void *buf, uint32_t n)
{
    (void)ctx;
    memcpy(disk + (size_t)(fs_base + s) * 512, buf, (size_t)n * 512);
    return 0;
}

static uint8_t *slurp(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)*len + 1);
    if (!b || fread(b, 1, (size_t)*len, f) != (size_t)*len) {
        fclose(f);
        free(b);
        return NULL;
    }
    fclose(f);
    return b;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: mkdisk IMG SIZE_MIB KERNEL.bin [DEST=HOSTFILE ...]\n");
        return 2;
    }
    uint32_t mib = (uint32_t)atoi(argv[2]);
    if (mib < 2 || mib > 64) {
        fprintf(stderr, "mkdisk: size must be 2..64 MiB\n");
        return 2;
    }
    uint32_t sectors = mib * 2048u;
    disk = calloc(sectors, 512);
    long klen;
    uint8_t *k = slurp(argv[3], &klen);
    if (!disk || !k) {
        fprintf(stderr, "mkdisk: cannot read %s\n", argv[3]);
        return 1;
    }
    uint32_t ksec = 8, kend = ksec + (uint32_t)((klen + 511) / 512);
    fs_base = (kend + 2047u) & ~2047u;
    memcpy(disk + ksec * 512, k, (size_t)klen);
    struct fs_blockdev dev = {0, mread, mwrite, sectors - fs_base};
    uint32_t nblocks = (sectors - fs_base) / 2;
    if (fs_format(&dev, nblocks, 1024, 64) < 0 || fs_mount(&dev, 0) < 0) {
        fprintf(stderr, "mkdisk: cannot format\n");
        return 1;
    }
    for (int i = 4; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        size_t alen = strlen(argv[i]);
        if (!eq && alen > 1 && argv[i][alen - 1] == '/') {
            argv[i][alen - 1] = 0;
            fs_mkdir(NULL, argv[i]);
            continue;
        }
        if (!eq) {
            fprintf(stderr, "mkdisk: bad argument %s (want DEST=HOSTFILE)\n", argv[i]);
            return 2;
        }
        *eq = 0;
        char dir[256];
        for (char *s = argv[i]; (s = strchr(s + 1, '/'));) {
            snprintf(dir, sizeof dir, "%.*s", (int)(s - argv[i]), argv[i]);
            fs_mkdir(NULL, dir);
        }
        long len;
        uint8_t *data = slurp(eq + 1, &len);
        struct fs_inode *ip;
        if (!data || fs_open(NULL, argv[i], IR_O_CREAT | IR_O_RDWR | IR_O_TRUNC, &ip) < 0 ||
            fs_write(ip, data, 0, (uint32_t)len) != (int32_t)len) {
            fprintf(stderr, "mkdisk: cannot add %s\n", eq + 1);
            return 1;
        }
        fs_put(ip);
        free(data);
    }
    if (fs_unmount() < 0) {
        fprintf(stderr, "mkdisk: unmount failed\n");
        return 1;
    }
    struct disk_header h = {DISK_MAGIC, DISK_VERSION, ksec, (uint32_t)klen, 0x40100000u, 0x40100000u, fs_base,
                            sectors - fs_base, sectors, 0, 0};
    h.kernel_crc32 = fs_crc32(0, k, (uint32_t)klen);
    h.header_crc32 = fs_crc32(0, &h, sizeof h);
    memcpy(disk, &h, sizeof h);
    FILE *f = fopen(argv[1], "wb");
    if (!f || fwrite(disk, 512, sectors, f) != sectors || fclose(f) != 0) {
        fprintf(stderr, "mkdisk: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
