/*
 * sd.h - the kernel's SD card driver (sd.c): an SD/SDHC card in SPI mode on the SPI master at IR_SPI_BASE
 * (docs/memory-map.md), polled, 512-byte sectors.
 *
 * sd_read/sd_write have the signature of struct fs_blockdev's read/write (fs/fs.h), with ctx a struct sd_part
 * (a range of the card, e.g. the file-system partition from bootinfo) or NULL for the whole card, so blk.c plugs
 * them in directly:
 *     static struct sd_part part = {bootinfo.fs_sector, bootinfo.fs_sectors};
 *     sd_init(); rootdev.ctx = &part; rootdev.read = sd_read; rootdev.write = sd_write;
 * Depends on nothing of the kernel but this header, iridium_soc.h and iridium/syscall.h (error numbers).
 * Invariants: calls are synchronous and never sleep (the kernel runs with interrupts off); the card is deselected
 * between calls; every sector range is checked against the partition and the card before any command is sent.
 */
#ifndef IRIDIUM_KERNEL_SD_H
#define IRIDIUM_KERNEL_SD_H

#include <stdint.h>

struct sd_part {
    uint32_t first;             /* first sector of the range on the card */
    uint32_t sectors;           /* its length */
};

/* Initialise the card (again, if it was): 0, -IR_ENODEV (no card answers) or -IR_EIO. Safe to call twice. */
int sd_init(void);
/* Sectors on the card (from its CSD; 0 before sd_init succeeded). */
uint32_t sd_card_sectors(void);
/* SPI clock divider in use after sd_init (SCK = clock / (2 * (div + 1))); for reports. */
uint32_t sd_spi_div(void);
/* count sectors from sector (relative to the range ctx, NULL = whole card). 0, or -IR_EIO / -IR_ENODEV. */
int sd_read(void *ctx, uint32_t sector, void *buf, uint32_t count);
int sd_write(void *ctx, uint32_t sector, const void *buf, uint32_t count);

#endif
