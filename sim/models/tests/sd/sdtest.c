/*
 * sdtest.c - bare-metal (M-mode, --elf) end-to-end test of the SD card path: SPI master (RTL on vsim, registers in
 * the ISS) + SD card model (--disk) + both drivers, compiled in from os/boot/sd.c (firmware: init, read) and
 * os/kernel/sd.c (kernel: init, read/write, multi-block). The image is made by sdimg.c (same patterns: sdtest.h).
 *
 * Steps: firmware init; read the disk header (check magic, CRC) and the 3000-byte "kernel" it points to (check its
 * CRC and that the bytes after it in the buffer are untouched); kernel init (capacity from the CSD); single and
 * multi-sector reads; the writes of sdt_write_order (single and multi-block); read back through both drivers;
 * range checks (partition and card end). Prints the SPI divider and cycle counts (mcycle) of each operation.
 * main returns 0 (finisher pass) or the number of the failed step (FAIL code N).
 */
#include <stdint.h>

#include "boot/sd.h"
#include "iridium/disk.h"
#include "iridium/crc32.h"
#include "iridium/syscall.h"
#include "iridium_soc.h"
#include "kernel/sd.h"
#include "sdtest.h"

#define REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

static void putc_uart(char c)
{
    while (!(REG(IR_UART_BASE + IR_UART_STATUS) & IR_UART_ST_TXREADY))
        ;
    REG(IR_UART_BASE + IR_UART_TXDATA) = (uint8_t)c;
}

static void puts_uart(const char *s)
{
    while (*s)
        putc_uart(*s++);
}

static void put_dec(uint32_t v)
{
    char b[12];
    int n = 0;
    do {
        b[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    while (n)
        putc_uart(b[--n]);
}

static uint32_t cycles(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, mcycle" : "=r"(v));
    return v;
}

static void report(const char *what, uint32_t c)
{
    puts_uart("sdtest: ");
    puts_uart(what);
    puts_uart(": ");
    put_dec(c);
    puts_uart(" cycles\n");
}

static int check_old(const uint8_t *p, uint32_t s, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        for (uint32_t i = 0; i < 512; i++)
            if (p[k * 512u + i] != SDT_OLD(s + k, i))
                return -1;
    return 0;
}

static int check_new(const uint8_t *p, uint32_t s, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        for (uint32_t i = 0; i < 512; i++)
            if (p[k * 512u + i] != SDT_NEW(s + k, i))
                return -1;
    return 0;
}

static void fill_new(uint8_t *p, uint32_t s, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        for (uint32_t i = 0; i < 512; i++)
            p[k * 512u + i] = SDT_NEW(s + k, i);
}

static uint8_t buf[8 * 512] __attribute__((aligned(4)));
static uint8_t odd[512 + 4];

int main(void)
{
    struct disk_header h;
    uint32_t t;

    /* ---- firmware driver ---- */
    t = cycles();
    if (sd_fw_init() != 0)
        return 1;
    report("firmware init", cycles() - t);
    t = cycles();
    if (sd_fw_read(0, &h, sizeof h) != 0)
        return 2;
    report("firmware read of the header (1 sector)", cycles() - t);
    uint32_t hcrc = h.header_crc32;
    h.header_crc32 = 0;
    if (h.magic != DISK_MAGIC || h.version != DISK_VERSION || ir_crc32(0, (const uint8_t *)&h, sizeof h) != hcrc)
        return 3;
    for (uint32_t i = 0; i < sizeof buf; i++)
        buf[i] = 0xEE;
    t = cycles();
    if (sd_fw_read(h.kernel_sector, buf, h.kernel_bytes) != 0)
        return 4;
    report("firmware read of 3000 bytes (6 sectors, CMD18)", cycles() - t);
    if (ir_crc32(0, buf, h.kernel_bytes) != h.kernel_crc32 || buf[h.kernel_bytes] != 0xEE ||
        buf[sizeof buf - 1] != 0xEE)
        return 5;

    /* ---- kernel driver: init and reads ---- */
    t = cycles();
    if (sd_init() != 0)
        return 6;
    report("kernel init", cycles() - t);
    puts_uart("sdtest: SPI divider after init ");
    put_dec(sd_spi_div());
    puts_uart(", card ");
    put_dec(sd_card_sectors());
    puts_uart(" sectors\n");
    if (sd_card_sectors() != SDT_SECTORS)
        return 7;
    t = cycles();
    if (sd_read(0, 100, buf, 1) != 0)
        return 8;
    report("kernel read of 1 sector (CMD17)", cycles() - t);
    if (check_old(buf, 100, 1))
        return 9;
    t = cycles();
    if (sd_read(0, 1000, buf, 8) != 0)
        return 10;
    report("kernel read of 8 sectors (CMD18)", cycles() - t);
    if (check_old(buf, 1000, 8))
        return 11;
    if (sd_read(0, 50, odd + 1, 1) != 0 || check_old(odd + 1, 50, 1))   /* unaligned buffer */
        return 12;

    /* ---- writes, in sdt_write_order ---- */
    fill_new(buf, 200, 1);
    t = cycles();
    if (sd_write(0, 200, buf, 1) != 0)
        return 13;
    report("kernel write of 1 sector (CMD24)", cycles() - t);
    fill_new(buf, 300, 5);
    t = cycles();
    if (sd_write(0, 300, buf, 5) != 0)
        return 14;
    report("kernel write of 5 sectors (CMD25)", cycles() - t);
    fill_new(buf, SDT_SECTORS - 1, 1);
    if (sd_write(0, SDT_SECTORS - 1, buf, 1) != 0)
        return 15;
    fill_new(odd + 1, 1, 1);
    if (sd_write(0, 1, odd + 1, 1) != 0)
        return 16;
    struct sd_part part = {3990, 20};
    fill_new(buf, 4000, 1);
    if (sd_write(&part, 10, buf, 1) != 0)
        return 17;

    /* ---- read back through both drivers ---- */
    if (sd_read(0, 299, buf, 7) != 0 || check_old(buf, 299, 1) || check_new(buf + 512, 300, 5) ||
        check_old(buf + 6 * 512, 305, 1))
        return 18;
    if (sd_fw_read(200, buf, 512) != 0 || check_new(buf, 200, 1))
        return 19;
    if (sd_fw_read(SDT_SECTORS - 2, buf, 1024) != 0 || check_old(buf, SDT_SECTORS - 2, 1) ||
        check_new(buf + 512, SDT_SECTORS - 1, 1))
        return 20;
    if (sd_read(&part, 9, buf, 2) != 0 || check_old(buf, 3999, 1) || check_new(buf + 512, 4000, 1))
        return 21;

    /* ---- ranges ---- */
    if (sd_read(&part, 19, buf, 2) != -IR_EIO || sd_read(&part, 20, buf, 1) != -IR_EIO)
        return 22;
    if (sd_read(0, SDT_SECTORS, buf, 1) != -IR_EIO || sd_write(0, SDT_SECTORS - 1, buf, 2) != -IR_EIO)
        return 23;
    if (sd_read(0, 5, buf, 0) != 0)
        return 24;
    puts_uart("sdtest: PASS\n");
    return 0;
}
