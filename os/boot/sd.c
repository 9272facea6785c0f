/*
 * sd.c - the boot firmware's SD card reader (interface: sd.h; registers: docs/memory-map.md; protocol: the SD
 * Physical Layer spec, SPI mode). Small on purpose (it lives in the boot ROM): no writes, no CSD, no retries
 * beyond CMD0; the kernel has the full driver (os/kernel/sd.c).
 *
 * Initialisation: 80 clocks with CS high at <= 400 kHz, CMD0, CMD8 (v2 card: voltage and echo check), ACMD41 (HCS
 * for v2) until ready, CMD58 (CCS: block addresses) or CMD16 512 for byte-addressed cards, then the fastest SPI
 * clock <= 25 MHz. Reads: CMD17 for one sector, CMD18 + CMD12 for several. Commands carry a correct CRC7; data
 * CRCs are not checked (the caller checks the kernel image's CRC-32).
 * Invariants: CS is high between calls; the SPI master's DATA/XFER registers wait in hardware while a byte is on
 * the wire, so byte loops need no polling; every loop is bounded by a count of SPI bytes.
 */
#include "sd.h"
#include "iridium_soc.h"

#define SPI(off)   (*(volatile uint32_t *)(uintptr_t)(IR_SPI_BASE + (off)))
#define SECTOR     512u

static uint32_t div_now, bytes_ms, block_addr;
static int ready;

static void control(uint32_t cs)
{
    SPI(IR_SPI_CONTROL) = (div_now << IR_SPI_CTRL_DIV_SHIFT) | cs;
}

static uint8_t xfer(uint8_t b)
{
    SPI(IR_SPI_DATA) = b;
    return (uint8_t)SPI(IR_SPI_DATA);
}

static uint8_t rx(void)
{
    return (uint8_t)SPI(IR_SPI_XFER);
}

static void clock_at(uint32_t hz)
{
    uint32_t clk = *(volatile uint32_t *)(uintptr_t)(IR_SYSCTL_BASE + IR_SYSCTL_CLOCK_HZ);
    uint32_t d = (clk + 2u * hz - 1u) / (2u * hz);
    div_now = d ? d - 1u : 0;
    bytes_ms = clk / (2u * (div_now + 1u)) / 8000u + 1u;
}

static void deselect(void)
{
    control(0);
    rx();
}

/* Skip bytes until one differs from `skip`; returns it (or `skip` after ms milliseconds). */
static uint8_t wait_not(uint8_t skip, uint32_t ms)
{
    uint8_t b = skip;
    for (uint32_t n = ms * bytes_ms; n && b == skip; n--)
        b = rx();
    return b;
}

static uint8_t command(uint8_t idx, uint32_t arg)
{
    uint8_t f[6] = {(uint8_t)(0x40u | idx), (uint8_t)(arg >> 24), (uint8_t)(arg >> 16), (uint8_t)(arg >> 8),
                    (uint8_t)arg, 0};
    uint8_t crc = 0, r = 0xFF;
    for (int i = 0; i < 5; i++)
        for (int b = 7; b >= 0; b--) {
            unsigned bit = ((f[i] >> b) ^ (crc >> 6)) & 1u;
            crc = (uint8_t)((crc << 1) & 0x7Fu);
            if (bit)
                crc ^= 0x09u;
        }
    f[5] = (uint8_t)((crc << 1) | 1u);
    if (idx != 12)
        wait_not(0x00, 500);                  /* the card may still be busy (not during a CMD18 stream) */
    for (int i = 0; i < 6; i++)
        xfer(f[i]);
    if (idx == 12)
        rx();                                 /* stuff byte after CMD12 */
    for (int i = 0; i < 10 && (r & 0x80u); i++)
        r = rx();
    return r;
}

int sd_fw_init(void)
{
    uint8_t r = 0xFF, b[4];
    uint32_t v2 = 0;
    ready = 0;
    clock_at(400000u);
    control(0);
    for (int i = 0; i < 10; i++)
        xfer(0xFF);
    control(IR_SPI_CTRL_CS);
    for (int i = 0; i < 10 && r != 0x01; i++)
        r = command(0, 0);
    if (r != 0x01) {
        deselect();
        return -1;
    }
    int rc = -2;
    r = command(8, 0x1AAu);
    if (r == 0x01) {
        for (int i = 0; i < 4; i++)
            b[i] = rx();
        if ((b[2] & 0xFu) != 1u || b[3] != 0xAAu)
            goto out;
        v2 = 1;
    } else if (!(r & 0x04u)) {
        goto out;
    }
    r = 0x01;
    for (uint32_t n = 1000u * bytes_ms / 16u; n && r == 0x01; n--) {
        r = command(55, 0);
        if (r <= 0x01)
            r = command(41, v2 << 30);
    }
    if (r != 0)
        goto out;
    block_addr = 0;
    if (v2) {
        if (command(58, 0) != 0)
            goto out;
        for (int i = 0; i < 4; i++)
            b[i] = rx();
        block_addr = (b[0] & 0x40u) != 0;
    }
    if (!block_addr && command(16, SECTOR) != 0)
        goto out;
    clock_at(25000000u);
    ready = 1;
    rc = 0;
out:
    deselect();
    return rc;
}

int sd_fw_read(uint32_t sector, void *buf, uint32_t bytes)
{
    uint32_t count = (bytes + SECTOR - 1u) / SECTOR;
    uint8_t *p = buf;
    int rc = 0;
    if (!ready)
        return -1;
    if (count == 0)
        return 0;
    control(IR_SPI_CTRL_CS);
    if (command(count == 1 ? 17 : 18, block_addr ? sector : sector * SECTOR) != 0) {
        rc = -1;
    } else {
        for (uint32_t k = 0; k < count && rc == 0; k++) {
            if (wait_not(0xFF, 100) != 0xFE) {
                rc = -1;
                break;
            }
            for (uint32_t i = 0; i < SECTOR; i++) {
                uint8_t v = rx();
                if (bytes) {
                    *p++ = v;
                    bytes--;
                }
            }
            rx();
            rx();                             /* CRC16 */
        }
        if (count > 1 && (command(12, 0) != 0 || wait_not(0x00, 500) != 0xFF))
            rc = -1;
    }
    deselect();
    return rc;
}
