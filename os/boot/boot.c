/*
 * boot.c - finding and loading the kernel, filling struct bootinfo, entering the kernel in S-mode.
 *
 * Fast path (simulators): the disk image is preloaded in RAM at DISK_RAM_BASE. The disk header (sector 0, see
 * os/include/iridium/disk.h) must have the right magic, version and header CRC; the kernel image it points to
 * must lie inside the image, load inside RAM above the firmware's reserved area without overlapping the disk
 * image, and match its CRC. Normal path (no image preloaded): the same header is read from sector 0 of the SD
 * card (sd.c), and the kernel is read from the card straight to its load address, then its CRC is checked.
 *
 * Invariants: on success boot_kernel never returns (the hart is in S-mode in the kernel, a0 = hart id, a1 =
 * &bootinfo, which lives in firmware RAM); on failure nothing has been delegated and *why says what was wrong.
 */
#include "fw.h"
#include "console.h"
#include "mmio.h"
#include "iridium/disk.h"
#include "iridium/crc32.h"
#include "sd.h"

#define MSTATUS_MPP_MASK (3u << 11)
#define MSTATUS_MPP_S    (1u << 11)
#define MSTATUS_MPIE     (1u << 7)
#define MIP_MEIP         (1u << 11)
/* Exceptions the kernel handles: all but ecall from S (9, SBI) and from M (11). */
#define MEDELEG_MASK     0x0000B1FFu
/* Interrupts: supervisor software, timer, external (the M timer and UART are forwarded by m_trap). */
#define MIDELEG_MASK     0x00000222u


static void copy_bytes(uint8_t *dst, const uint8_t *src, uint32_t n)
{
    if (((uintptr_t)dst | (uintptr_t)src | n) % 4u == 0) {
        uint32_t *d = (uint32_t *)dst;
        const uint32_t *s = (const uint32_t *)src;
        for (uint32_t i = 0; i < n / 4u; i++)
            d[i] = s[i];
        return;
    }
    while (n--)
        *dst++ = *src++;
}

static void read_bootargs(struct bootinfo *bi)
{
    const volatile uint32_t *magic = (const volatile uint32_t *)BOOTARGS_ADDR;
    const char *src = BOOTARGS_DEFAULT;
    if (bi->ram_size > FW_RESERVED && *magic == BOOTARGS_MAGIC)
        src = (const char *)(BOOTARGS_ADDR + 4u);
    uint32_t i = 0;
    for (; i + 1 < sizeof bi->bootargs && src[i] && src[i] != '\n'; i++)
        bi->bootargs[i] = src[i];
    bi->bootargs[i] = 0;
}

void boot_kernel(struct bootinfo *bi, const char **why)
{
    struct disk_header h;
    uint32_t ram_end = bi->ram_base + bi->ram_size;

    if (bi->ram_size < DISK_RAM_BASE - bi->ram_base + DISK_SECTOR ||
        *(const volatile uint32_t *)DISK_RAM_BASE != DISK_MAGIC) {   /* no image preloaded in RAM: SD card */
        if (sd_fw_init() != 0 || sd_fw_read(0, &h, sizeof h) != 0) {
            *why = "no disk: RAM too small for a preloaded image and no SD card answers";
            return;
        }
        bi->disk_kind = DISK_SD;
    } else {
        copy_bytes((uint8_t *)&h, (const uint8_t *)DISK_RAM_BASE, sizeof h);
        bi->disk_kind = DISK_RAM;
        bi->disk_base = DISK_RAM_BASE;
    }
    if (h.magic != DISK_MAGIC) {
        *why = "no disk image (bad magic in sector 0)";
        return;
    }
    uint32_t hcrc = h.header_crc32;
    h.header_crc32 = 0;
    if (h.version != DISK_VERSION || ir_crc32(0, &h, sizeof h) != hcrc) {
        *why = "disk header: bad version or CRC";
        return;
    }
    int sd = bi->disk_kind == DISK_SD;
    uint32_t disk_bytes = h.disk_sectors * DISK_SECTOR;
    uint32_t kend = h.kernel_load + h.kernel_bytes;
    uint32_t kmax = sd ? ram_end : DISK_RAM_BASE;
    if (h.disk_sectors == 0 || (!sd && h.disk_sectors > (ram_end - DISK_RAM_BASE) / DISK_SECTOR) ||
        h.kernel_sector == 0 || h.kernel_sector >= h.disk_sectors ||
        h.kernel_bytes > (h.disk_sectors - h.kernel_sector) * DISK_SECTOR || h.kernel_bytes == 0) {
        *why = "disk header: kernel or disk size out of range";
        return;
    }
    if (h.kernel_load < bi->ram_base + FW_RESERVED || kend < h.kernel_load || kend > kmax ||
        h.kernel_entry < h.kernel_load || h.kernel_entry >= kend) {
        *why = "disk header: kernel load address outside free RAM";
        return;
    }
    const uint8_t *kimg = (const uint8_t *)(DISK_RAM_BASE + h.kernel_sector * DISK_SECTOR);
    if (sd) {
        kimg = (const uint8_t *)h.kernel_load;
        if (sd_fw_read(h.kernel_sector, (void *)h.kernel_load, h.kernel_bytes) != 0) {
            *why = "SD card: cannot read the kernel image";
            return;
        }
    }
    if (ir_crc32(0, kimg, h.kernel_bytes) != h.kernel_crc32) {
        *why = "kernel image CRC mismatch";
        return;
    }
    if (!sd)
        copy_bytes((uint8_t *)h.kernel_load, kimg, h.kernel_bytes);
    __asm__ volatile("fence.i" ::: "memory");

    bi->kernel_base = h.kernel_load;
    bi->kernel_size = h.kernel_bytes;
    bi->disk_sectors = h.disk_sectors;
    bi->fs_sector = h.fs_sector;
    bi->fs_sectors = h.fs_sectors;
    (void)disk_bytes;
    read_bootargs(bi);

    console_puts("boot: kernel ");
    console_put_dec(h.kernel_bytes);
    console_puts(" bytes at ");
    console_put_hex(h.kernel_load);
    console_puts(", disk ");
    console_put_dec(h.disk_sectors);
    if (sd) {
        console_puts(" sectors on the SD card");
    } else {
        console_puts(" sectors in RAM at ");
        console_put_hex(DISK_RAM_BASE);
    }
    console_puts(", bootargs \"");
    console_puts(bi->bootargs);
    console_puts("\"\n");

    __asm__ volatile("csrw medeleg, %0" :: "r"(MEDELEG_MASK));
    __asm__ volatile("csrw mideleg, %0" :: "r"(MIDELEG_MASK));
    __asm__ volatile("csrw mcounteren, %0" :: "r"(7u));
    __asm__ volatile("csrw satp, zero");
    __asm__ volatile("csrw mie, %0" :: "r"(MIP_MEIP));
    __asm__ volatile("csrc mstatus, %0" :: "r"(MSTATUS_MPP_MASK | MSTATUS_MPIE));
    __asm__ volatile("csrs mstatus, %0" :: "r"(MSTATUS_MPP_S));
    enter_kernel(h.kernel_entry, 0, bi);
}
