/*
 * disk.h - the Iridium disk layout: a header in sector 0 that says where the kernel image and the file system
 * are, so the boot firmware can load the kernel without reading the file system. Shared by the firmware, the
 * kernel and the host tool (fsimage). docs/fs.md draws the whole layout.
 *
 *   sector 0                      disk header (this struct, rest of the sector zero)
 *   kernel_sector ...             kernel image: raw binary, loaded at kernel_load, entered at kernel_entry
 *   fs_sector ... + fs_sectors    the file system (os/include/iridium/fs.h)
 */
#ifndef IRIDIUM_DISK_H
#define IRIDIUM_DISK_H

#include <stdint.h>

#define DISK_SECTOR      512u
#define DISK_MAGIC       0x4B445249u   /* "IRDK" */
#define DISK_VERSION     1u

struct disk_header {
    uint32_t magic, version;
    uint32_t kernel_sector, kernel_bytes;
    uint32_t kernel_load, kernel_entry;
    uint32_t fs_sector, fs_sectors;
    uint32_t disk_sectors;
    uint32_t kernel_crc32;             /* CRC-32 (IEEE) of the kernel image, checked by the firmware */
    uint32_t header_crc32;             /* CRC-32 of this struct with this field zero */
};

#endif
