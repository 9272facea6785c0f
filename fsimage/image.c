/*
 * image.c - disk images for fsimage: file-backed (pread/pwrite) or memory-backed block devices, and the disk
 * header. See image.h for the invariants.
 */
#define _GNU_SOURCE
#include "image.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int io(struct image *im, uint64_t off, void *buf, uint64_t len, int write)
{
    if (off > im->size || len > im->size - off)
        return -1;
    if (im->fd < 0) {
        if (write)
            memcpy(im->mem + off, buf, len);
        else
            memcpy(buf, im->mem + off, len);
        return 0;
    }
    if (write && !im->writable)
        return -1;
    uint8_t *p = buf;
    while (len) {
        ssize_t n = write ? pwrite(im->fd, p, len, (off_t)off) : pread(im->fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        off += (uint64_t)n;
        len -= (uint64_t)n;
    }
    return 0;
}

int image_read(struct image *im, uint64_t off, void *buf, uint64_t len)
{
    return io(im, off, buf, len, 0);
}

int image_write(struct image *im, uint64_t off, const void *buf, uint64_t len)
{
    return io(im, off, (void *)buf, len, 1);
}

static int disk_read(void *ctx, uint32_t sector, void *buf, uint32_t count)
{
    struct image *im = ctx;
    return io(im, (uint64_t)sector * DISK_SECTOR, buf, (uint64_t)count * DISK_SECTOR, 0);
}

static int disk_write(void *ctx, uint32_t sector, const void *buf, uint32_t count)
{
    struct image *im = ctx;
    return io(im, (uint64_t)sector * DISK_SECTOR, (void *)buf, (uint64_t)count * DISK_SECTOR, 1);
}

static int part_read(void *ctx, uint32_t sector, void *buf, uint32_t count)
{
    struct image *im = ctx;
    if ((uint64_t)sector + count > im->part.sectors)
        return -1;
    return disk_read(ctx, im->part_start + sector, buf, count);
}

static int part_write(void *ctx, uint32_t sector, const void *buf, uint32_t count)
{
    struct image *im = ctx;
    if ((uint64_t)sector + count > im->part.sectors)
        return -1;
    return disk_write(ctx, im->part_start + sector, buf, count);
}

static void setup(struct image *im)
{
    im->disk.ctx = im;
    im->disk.read = disk_read;
    im->disk.write = disk_write;
    im->disk.sectors = im->size / DISK_SECTOR > 0xffffffffu ? 0xffffffffu : (uint32_t)(im->size / DISK_SECTOR);
    im->part.ctx = im;
    im->part.read = part_read;
    im->part.write = part_write;
    im->part.sectors = 0;
}

int image_open(struct image *im, const char *path, int writable, char *err, size_t errlen)
{
    memset(im, 0, sizeof *im);
    im->fd = open(path, writable ? O_RDWR : O_RDONLY);
    if (im->fd < 0) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(im->fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        close(im->fd);
        im->fd = -1;
        return -1;
    }
    im->size = (uint64_t)st.st_size;
    im->writable = writable;
    setup(im);
    return 0;
}

void image_from_memory(struct image *im, uint8_t *mem, uint64_t size)
{
    memset(im, 0, sizeof *im);
    im->fd = -1;
    im->mem = mem;
    im->size = size;
    im->writable = 1;
    setup(im);
}

void image_close(struct image *im)
{
    if (im->fd >= 0)
        close(im->fd);
    im->fd = -1;
}

uint32_t disk_header_crc(const struct disk_header *h)
{
    struct disk_header copy = *h;
    copy.header_crc32 = 0;
    return ir_crc32(0, &copy, sizeof copy);
}

void image_set_partition(struct image *im, uint32_t start, uint32_t count)
{
    uint64_t avail = im->disk.sectors > start ? im->disk.sectors - start : 0;
    im->part_start = start;
    im->part.sectors = count < avail ? count : (uint32_t)avail;
}

int image_load_header(struct image *im, char *err, size_t errlen)
{
    uint8_t sector[DISK_SECTOR];
    if (im->size < DISK_SECTOR || disk_read(im, 0, sector, 1) < 0) {
        snprintf(err, errlen, "image too small for a disk header (%llu bytes)", (unsigned long long)im->size);
        return -1;
    }
    memcpy(&im->hdr, sector, sizeof im->hdr);
    struct disk_header *h = &im->hdr;
    if (h->magic != DISK_MAGIC) {
        snprintf(err, errlen, "not an Iridium disk image (magic 0x%08x, want 0x%08x)", h->magic, DISK_MAGIC);
        return -1;
    }
    if (h->version != DISK_VERSION) {
        snprintf(err, errlen, "disk header version %u not supported (want %u)", h->version, DISK_VERSION);
        return -1;
    }
    if (disk_header_crc(h) != h->header_crc32) {
        snprintf(err, errlen, "disk header CRC mismatch (stored 0x%08x, computed 0x%08x)", h->header_crc32,
                 disk_header_crc(h));
        return -1;
    }
    if (h->fs_sector == 0 || (uint64_t)h->fs_sector + h->fs_sectors > h->disk_sectors) {
        snprintf(err, errlen, "disk header: file system [%u, +%u) outside the disk (%u sectors)", h->fs_sector,
                 h->fs_sectors, h->disk_sectors);
        return -1;
    }
    if (h->kernel_bytes && (h->kernel_sector == 0 ||
        (uint64_t)h->kernel_sector * DISK_SECTOR + h->kernel_bytes > (uint64_t)h->fs_sector * DISK_SECTOR)) {
        snprintf(err, errlen, "disk header: kernel (sector %u, %u bytes) overlaps the header or the file system",
                 h->kernel_sector, h->kernel_bytes);
        return -1;
    }
    image_set_partition(im, h->fs_sector, h->fs_sectors);
    return 0;
}
