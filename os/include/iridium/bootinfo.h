/*
 * bootinfo.h - the block the boot firmware (M-mode) hands to the kernel (S-mode) in a1.
 *
 * Everything the kernel knows about the machine comes from here (the firmware reads it from the system
 * controller and the disk header); the kernel never assumes a board. Layout is fixed: only append fields and bump
 * BOOTINFO_VERSION.
 */
#ifndef IRIDIUM_BOOTINFO_H
#define IRIDIUM_BOOTINFO_H

#include <stdint.h>

#define BOOTINFO_MAGIC   0x49424952u   /* "RIBI" in memory: 'R' 'I' 'B' 'I' */
#define BOOTINFO_VERSION 1u

enum disk_kind {
    DISK_NONE = 0,
    DISK_SD   = 1,   /* SD card over the SPI master (docs/memory-map.md) */
    DISK_RAM  = 2,   /* the disk image preloaded in RAM by the simulator (fast path; writes are not persistent) */
};

struct bootinfo {
    uint32_t magic, version;
    uint32_t ram_base, ram_size;       /* all of RAM */
    uint32_t fw_base, fw_size;         /* reserved by the firmware: the kernel must not touch it */
    uint32_t kernel_base, kernel_size; /* where the kernel image was loaded (physical), bytes */
    uint32_t clock_hz, timebase_hz;    /* core clock; mtime frequency */
    uint32_t board_id, soc_version;
    uint32_t disk_kind;                /* enum disk_kind */
    uint32_t disk_base;                /* DISK_RAM: physical address of the image */
    uint32_t disk_sectors;             /* disk size in 512-byte sectors */
    uint32_t fs_sector, fs_sectors;    /* where the file system lies on the disk */
    char     bootargs[128];            /* NUL-terminated, e.g. "init=/bin/init" */
};

#endif
