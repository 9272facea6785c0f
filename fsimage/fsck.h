/*
 * fsck.h - the consistency checker of fsimage: checks every invariant listed in os/include/iridium/fs.h (and the
 * disk header of iridium/disk.h) on an image, independently of the file-system core.
 */
#ifndef FSIMAGE_FSCK_H
#define FSIMAGE_FSCK_H

#include <stdio.h>
#include "image.h"

#define FSCK_CLEAN       0
#define FSCK_PROBLEMS    1
#define FSCK_UNREADABLE  2

/* Check a file-system partition. Problems are printed to out (one line each, NULL = silent); with verbose, a
 * summary too. Returns FSCK_*. */
int fsck_fs(const struct fs_blockdev *part, FILE *out, int verbose);
/* Check the disk header, the kernel CRC, then the file system. */
int fsck_image(struct image *im, FILE *out, int verbose);

#endif
