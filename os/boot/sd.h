/*
 * sd.h - the boot firmware's SD card reader (sd.c): initialise an SD/SDHC card in SPI mode on the SPI master at
 * IR_SPI_BASE (docs/memory-map.md) and read sectors from it, polled. Used by the normal (non-simulator) boot path
 * to read the disk header (sector 0) and the kernel image.
 *
 * Depends on nothing of the firmware but this header and iridium_soc.h (the SPI clock comes from the system
 * controller's CLOCK_HZ; timeouts are counted in SPI bytes, so no timer is needed).
 * Invariants: the card is deselected (CS high) whenever these functions return; nothing is ever written to it.
 */
#ifndef IRIDIUM_BOOT_SD_H
#define IRIDIUM_BOOT_SD_H

#include <stdint.h>

/* Initialise the card: 0, -1 no card answers, -2 the card failed during initialisation. */
int sd_fw_init(void);
/* Read `bytes` bytes from the start of `sector` (whole sectors are read, the tail of the last one is dropped, so
 * buf needs only `bytes` bytes). 0, or -1 on a card error or before sd_fw_init succeeded. */
int sd_fw_read(uint32_t sector, void *buf, uint32_t bytes);

#endif
