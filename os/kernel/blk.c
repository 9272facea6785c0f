/*
 * blk.c - the block device under the file system and the root mount.
 *
 * The RAM disk: bootinfo DISK_RAM says the whole disk image lies in RAM at disk_base (the page allocator keeps
 * those pages); the file-system partition starts at fs_sector. Reads and writes are memcpy; writes are not
 * persistent across simulator runs. The SD card (DISK_SD, sd.c) provides the same two functions over the SPI
 * master, and its writes persist. Invariant: every access is checked against the partition size before
 * touching memory.
 */
#include "kernel.h"
#include "fs/fs.h"
#include "sd.h"

static struct fs_blockdev rootdev;
static uint32_t ram_base_addr;

static int ram_read(void *ctx, uint32_t sector, void *buf, uint32_t count)
{
    (void)ctx;
    if (sector > rootdev.sectors || count > rootdev.sectors - sector)
        return -IR_EIO;
    memcpy(buf, (const void *)(ram_base_addr + sector * 512u), count * 512u);
    return 0;
}

static int ram_write(void *ctx, uint32_t sector, const void *buf, uint32_t count)
{
    (void)ctx;
    if (sector > rootdev.sectors || count > rootdev.sectors - sector)
        return -IR_EIO;
    memcpy((void *)(ram_base_addr + sector * 512u), buf, count * 512u);
    return 0;
}

static struct sd_part sd_root;

int blk_mount_root(void)
{
    if (bootinfo.disk_kind == DISK_SD) {
        int r = sd_init();
        if (r < 0) {
            kprintf("blk: SD card initialisation failed (%d)\n", r);
            return r;
        }
        if (bootinfo.fs_sectors == 0 || bootinfo.fs_sector + bootinfo.fs_sectors > sd_card_sectors()) {
            kprintf("blk: file system %u+%u outside the SD card (%u sectors)\n", bootinfo.fs_sector,
                    bootinfo.fs_sectors, sd_card_sectors());
            return -IR_EINVAL;
        }
        kprintf("blk: SD card, %u sectors, SPI divider %u\n", sd_card_sectors(), sd_spi_div());
        sd_root.first = bootinfo.fs_sector;
        sd_root.sectors = bootinfo.fs_sectors;
        rootdev.ctx = &sd_root;
        rootdev.read = sd_read;
        rootdev.write = sd_write;
        rootdev.sectors = bootinfo.fs_sectors;
        return fs_mount(&rootdev, 0);
    }
    if (bootinfo.disk_kind != DISK_RAM) {
        kprintf("blk: no disk (disk kind %u)\n", bootinfo.disk_kind);
        return -IR_ENODEV;
    }
    if (bootinfo.fs_sector + bootinfo.fs_sectors > bootinfo.disk_sectors || bootinfo.fs_sectors == 0) {
        kprintf("blk: file system partition %u+%u outside the disk (%u sectors)\n", bootinfo.fs_sector,
                bootinfo.fs_sectors, bootinfo.disk_sectors);
        return -IR_EINVAL;
    }
    ram_base_addr = bootinfo.disk_base + bootinfo.fs_sector * 512u;
    rootdev.ctx = 0;
    rootdev.read = ram_read;
    rootdev.write = ram_write;
    rootdev.sectors = bootinfo.fs_sectors;
    return fs_mount(&rootdev, 0);
}

void blk_sync(void)
{
    int r = fs_sync();
    if (r < 0)
        kprintf("blk: file system sync failed (%d)\n", r);
}

/* the environment the file-system core needs (fs/fs_port.h) */
void fs_port_warn(const char *msg, uint32_t a, uint32_t b)
{
    kprintf("fs: %s %u %u\n", msg, a, b);
}

void fs_port_panic(const char *msg)
{
    panic("fs: %s", msg);
}

uint32_t fs_port_time(void)
{
    return (uint32_t)(time_now() / ticks_per_second());
}
