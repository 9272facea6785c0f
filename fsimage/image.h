/*
 * image.h - a disk image (os/include/iridium/disk.h layout) opened by fsimage: a file on the host or a buffer in
 * memory (tests), seen as two block devices for the file-system core: the whole disk and the FS partition.
 *
 * Invariants: every access is bounds-checked against the real size of the image (a truncated or lying image gives
 * read errors, never a crash); `part` covers exactly [hdr.fs_sector, hdr.fs_sector + hdr.fs_sectors) once
 * image_load_header succeeded, and is clipped to what the image really holds.
 */
#ifndef FSIMAGE_IMAGE_H
#define FSIMAGE_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <iridium/disk.h>
#include "fs.h"

struct image {
    int fd;                           /* -1: memory image */
    uint8_t *mem;
    uint64_t size;                    /* bytes available */
    int writable;
    struct disk_header hdr;
    struct fs_blockdev disk;          /* whole image, sector 0 = the header */
    struct fs_blockdev part;          /* the file-system partition */
    uint32_t part_start;              /* first sector of part */
};

/* open a file (writable or not); 0, or -1 with a message in err */
int  image_open(struct image *im, const char *path, int writable, char *err, size_t errlen);
void image_from_memory(struct image *im, uint8_t *mem, uint64_t size);
void image_close(struct image *im);
/* read and check the disk header: 0 ok, -1 with a message in err (bad magic, CRC, regions outside the image) */
int  image_load_header(struct image *im, char *err, size_t errlen);
/* raw byte access, bounds-checked: 0 or -1 */
int  image_read(struct image *im, uint64_t off, void *buf, uint64_t len);
int  image_write(struct image *im, uint64_t off, const void *buf, uint64_t len);
uint32_t disk_header_crc(const struct disk_header *h);
/* sets up im->part for sectors [start, start + count) */
void image_set_partition(struct image *im, uint32_t start, uint32_t count);

#endif
