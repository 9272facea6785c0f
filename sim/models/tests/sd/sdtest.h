/*
 * sdtest.h - what the SD end-to-end test program (sdtest.c, on the simulators) and its host helper (sdimg.c)
 * agree on: the image size, the fake kernel's place, the data patterns and the order of the sector writes.
 * Invariant: sdt_write_order lists every sector sdtest.c writes, in the order its writes complete.
 */
#ifndef SDTEST_H
#define SDTEST_H

#include <stdint.h>

#define SDT_SECTORS        8192u          /* 4 MiB */
#define SDT_KERNEL_SECTOR  8u
#define SDT_KERNEL_BYTES   3000u          /* not a multiple of 512 on purpose */
#define SDT_OLD(s, i)      ((uint8_t)((s) * 13u + (i) * 7u + ((i) >> 8) + 1u))
#define SDT_NEW(s, i)      ((uint8_t)((s) * 29u + (i) * 3u + 0xA5u))

/* a single write, a 5-sector multi-block write, single writes at the end and near the start of the card, and one
 * more in the middle */
#define SDT_NWRITES 9
static const uint32_t sdt_write_order[SDT_NWRITES] = {200, 300, 301, 302, 303, 304, SDT_SECTORS - 1, 1, 4000};

#endif
