/*
 * sd.c - the kernel's SD card driver over the SPI master (interface: sd.h; registers: docs/memory-map.md; the
 * protocol is the SD Physical Layer spec's SPI mode).
 *
 * Initialisation: 80 clocks with CS high at <= 400 kHz, CMD0 (idle), CMD8 (v2 card? voltage and echo check),
 * ACMD41 with HCS until the card leaves idle, CMD58 (CCS: block or byte addresses), CMD16 512 for byte-addressed
 * cards, CMD9 (capacity from the CSD), then the fastest SPI clock <= 25 MHz. Reads: CMD17 (one sector) or CMD18 +
 * CMD12 (several); writes: CMD24 or ACMD23 + CMD25 with 0xFC tokens and the 0xFD stop token; every data response
 * is checked and the card's busy time waited out before returning, so a write has reached the card when sd_write
 * returns. CRCs are sent correct for commands (so the card's CRC mode does not matter) and not checked on data.
 *
 * Timeouts are counted in SPI bytes, which take a known time at the SPI clock (from the system controller's
 * CLOCK_HZ), so no timer is needed. A failed command is retried (SD_TRIES attempts) after deselecting the card.
 * Invariants: CS is high between calls; the SPI master's data registers wait in hardware while a byte is on the
 * wire, so the byte loops need no polling of STATUS.
 */
#include "sd.h"
#include "iridium/syscall.h"
#include "iridium_soc.h"

#define SPI_REG(off)  (*(volatile uint32_t *)(uintptr_t)(IR_SPI_BASE + (off)))
#define SECTOR        512u
#define SD_TRIES      3
#define INIT_HZ       400000u
#define FAST_HZ       25000000u

static uint32_t spi_div;            /* divider in use */
static uint32_t bytes_per_ms;       /* SPI bytes per millisecond at that divider */
static uint32_t card_sectors;
static int card_block_addr;         /* SDHC/SDXC: addresses are sector numbers */
static int card_ready;

/* ---- SPI ---------------------------------------------------------------------------------------------------- */
static void spi_control(int cs)
{
    SPI_REG(IR_SPI_CONTROL) = (spi_div << IR_SPI_CTRL_DIV_SHIFT) | (cs ? IR_SPI_CTRL_CS : 0u);
}

static inline uint8_t spi_byte(uint8_t b)
{
    SPI_REG(IR_SPI_DATA) = b;
    return (uint8_t)SPI_REG(IR_SPI_DATA);
}

static inline uint8_t spi_ff(void)
{
    return (uint8_t)SPI_REG(IR_SPI_XFER);
}

static void set_clock(uint32_t hz)
{
    uint32_t clk = *(volatile uint32_t *)(uintptr_t)(IR_SYSCTL_BASE + IR_SYSCTL_CLOCK_HZ);
    if (clk == 0)
        clk = IR_SIM_CLOCK_HZ;
    uint32_t div = (clk + 2u * hz - 1u) / (2u * hz);   /* ceil(clk / (2 hz)) = div + 1 */
    spi_div = div ? div - 1u : 0u;
    if (spi_div > 0xFFFFu)
        spi_div = 0xFFFFu;
    bytes_per_ms = clk / (2u * (spi_div + 1u)) / 8000u;
    if (bytes_per_ms == 0)
        bytes_per_ms = 1;
}

static void deselect(void)
{
    spi_control(0);
    spi_ff();                          /* 8 clocks with CS high: the card releases MISO */
}

/* Wait until the card stops holding MISO low (busy); 0 or -1 after ms milliseconds. */
static int wait_ready(uint32_t ms)
{
    for (uint32_t n = ms * bytes_per_ms; n; n--)
        if (spi_ff() == 0xFF)
            return 0;
    return -1;
}

static uint8_t crc7(const uint8_t *p, unsigned n)
{
    uint8_t crc = 0;
    for (unsigned i = 0; i < n; i++)
        for (int b = 7; b >= 0; b--) {
            unsigned in = (p[i] >> b) & 1u, top = (crc >> 6) & 1u;
            crc = (uint8_t)((crc << 1) & 0x7Fu);
            if (in ^ top)
                crc ^= 0x09u;
        }
    return crc;
}

/* Send a command frame (card selected) and return R1 (0xFF: no answer). */
static uint8_t command(uint8_t idx, uint32_t arg)
{
    uint8_t f[6] = {(uint8_t)(0x40u | idx), (uint8_t)(arg >> 24), (uint8_t)(arg >> 16), (uint8_t)(arg >> 8),
                    (uint8_t)arg, 0};
    f[5] = (uint8_t)((crc7(f, 5) << 1) | 1u);
    if (wait_ready(500) != 0)
        return 0xFF;
    for (int i = 0; i < 6; i++)
        spi_byte(f[i]);
    for (int i = 0; i < 10; i++) {
        uint8_t r = spi_ff();
        if (!(r & 0x80u))
            return r;
    }
    return 0xFF;
}

static uint8_t app_command(uint8_t idx, uint32_t arg)
{
    uint8_t r = command(55, 0);
    if (r & ~1u)
        return r;
    return command(idx, arg);
}

/* Wait for a data start token; 0 or -1 (timeout or error token). */
static int wait_token(uint8_t token, uint32_t ms)
{
    for (uint32_t n = ms * bytes_per_ms; n; n--) {
        uint8_t b = spi_ff();
        if (b == token)
            return 0;
        if (b != 0xFF)
            return -1;                 /* data error token (0000xxxx) or garbage */
    }
    return -1;
}

static void read_bytes(uint8_t *p, uint32_t n)
{
    if (((uintptr_t)p & 3u) == 0 && (n & 3u) == 0) {
        uint32_t *w = (uint32_t *)p;
        for (uint32_t i = 0; i < n / 4u; i++) {
            uint32_t b0 = SPI_REG(IR_SPI_XFER), b1 = SPI_REG(IR_SPI_XFER);
            uint32_t b2 = SPI_REG(IR_SPI_XFER), b3 = SPI_REG(IR_SPI_XFER);
            w[i] = b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
        }
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        p[i] = spi_ff();
}

static void write_bytes(const uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        SPI_REG(IR_SPI_DATA) = p[i];   /* each write waits for the previous byte */
}

/* ---- initialisation ------------------------------------------------------------------------------------------ */
static int init_once(void)
{
    uint8_t r, b[16];
    int v2 = 0;

    card_ready = 0;
    set_clock(INIT_HZ);
    spi_control(0);
    for (int i = 0; i < 10; i++)
        spi_byte(0xFF);                /* >= 74 clocks with CS high */
    spi_control(1);
    r = 0xFF;
    for (int i = 0; i < 10 && r != 0x01; i++)
        r = command(0, 0);
    if (r != 0x01)
        return -IR_ENODEV;
    r = command(8, 0x1AAu);
    if (r == 0x01) {
        read_bytes(b, 4);
        if ((b[2] & 0x0Fu) != 1u || b[3] != 0xAAu)
            return -IR_EIO;            /* voltage not accepted or echo wrong */
        v2 = 1;
    } else if (!(r & 0x04u)) {
        return -IR_EIO;                /* neither R7 nor "illegal command" (v1 card) */
    }
    r = 0x01;
    for (uint32_t n = 1000u * bytes_per_ms / 16u + 1u; n && r == 0x01; n--)
        r = app_command(41, v2 ? 0x40000000u : 0);
    if (r != 0)
        return -IR_EIO;
    card_block_addr = 0;
    if (v2) {
        if (command(58, 0) != 0)
            return -IR_EIO;
        read_bytes(b, 4);
        card_block_addr = (b[0] & 0x40u) != 0;
    }
    if (!card_block_addr && command(16, SECTOR) != 0)
        return -IR_EIO;
    if (command(9, 0) != 0 || wait_token(0xFE, 100) != 0)
        return -IR_EIO;
    read_bytes(b, 16);
    spi_ff();
    spi_ff();                          /* CRC16 */
    if ((b[0] >> 6) == 1) {            /* CSD 2.0: (C_SIZE + 1) * 512 KiB */
        uint32_t c_size = ((uint32_t)(b[7] & 0x3Fu) << 16) | ((uint32_t)b[8] << 8) | b[9];
        card_sectors = (c_size + 1u) * 1024u;
    } else {                           /* CSD 1.0 */
        uint32_t c_size = ((uint32_t)(b[6] & 3u) << 10) | ((uint32_t)b[7] << 2) | (b[8] >> 6);
        uint32_t mult = ((b[9] & 3u) << 1) | (b[10] >> 7);
        uint32_t bl_len = b[5] & 0x0Fu;
        if (bl_len < 9u || bl_len > 11u)
            return -IR_EIO;
        card_sectors = (c_size + 1u) << (mult + 2u + bl_len - 9u);
    }
    set_clock(FAST_HZ);
    card_ready = 1;
    return 0;
}

int sd_init(void)
{
    int rc = -IR_EIO;
    for (int t = 0; t < SD_TRIES && rc != 0; t++) {
        rc = init_once();
        deselect();
        if (rc == -IR_ENODEV)
            break;
    }
    return rc;
}

uint32_t sd_card_sectors(void)
{
    return card_ready ? card_sectors : 0;
}

uint32_t sd_spi_div(void)
{
    return spi_div;
}

/* ---- data ------------------------------------------------------------------------------------------------------ */
/* Translate a range of ctx into card sectors; -1 if outside ctx or the card. */
static int range(void *ctx, uint32_t *sector, uint32_t count)
{
    const struct sd_part *p = ctx;
    uint32_t first = p ? p->first : 0, len = p ? p->sectors : card_sectors;
    if (*sector > len || count > len - *sector)
        return -1;
    *sector += first;
    if (*sector > card_sectors || count > card_sectors - *sector)
        return -1;
    return 0;
}

static uint32_t card_addr(uint32_t sector)
{
    return card_block_addr ? sector : sector * SECTOR;
}

static int read_once(uint32_t sector, uint8_t *buf, uint32_t count)
{
    int rc = 0;
    spi_control(1);
    if (command(count == 1 ? 17 : 18, card_addr(sector)) != 0) {
        rc = -1;
    } else {
        for (uint32_t k = 0; k < count; k++) {
            if (wait_token(0xFE, 100) != 0) {
                rc = -1;
                break;
            }
            read_bytes(buf + k * SECTOR, SECTOR);
            spi_ff();
            spi_ff();                  /* CRC16, not checked */
        }
        if (count > 1) {               /* CMD12: stuff byte, R1, busy */
            uint8_t f[6] = {0x40u | 12u, 0, 0, 0, 0, 0};
            f[5] = (uint8_t)((crc7(f, 5) << 1) | 1u);
            for (int i = 0; i < 6; i++)
                spi_byte(f[i]);
            spi_ff();
            uint8_t r = 0xFF;
            for (int i = 0; i < 10 && (r & 0x80u); i++)
                r = spi_ff();
            if (r != 0 || wait_ready(500) != 0)
                rc = -1;
        }
    }
    deselect();
    return rc;
}

static int data_response(void)
{
    for (int i = 0; i < 8; i++) {
        uint8_t r = spi_ff();
        if ((r & 0x11u) == 0x01u)
            return (r & 0x1Fu) == 0x05u ? 0 : -1;
    }
    return -1;
}

static int write_once(uint32_t sector, const uint8_t *buf, uint32_t count)
{
    int rc = 0;
    spi_control(1);
    if (count > 1 && app_command(23, count) != 0) {
        rc = -1;
    } else if (command(count == 1 ? 24 : 25, card_addr(sector)) != 0) {
        rc = -1;
    } else {
        for (uint32_t k = 0; k < count && rc == 0; k++) {
            spi_byte(0xFF);
            spi_byte(count == 1 ? 0xFE : 0xFC);
            write_bytes(buf + k * SECTOR, SECTOR);
            spi_byte(0xFF);
            spi_byte(0xFF);            /* CRC16 (ignored by the card unless CMD59 turned CRCs on) */
            if (data_response() != 0 || wait_ready(500) != 0)
                rc = -1;
        }
        if (count > 1) {
            spi_byte(0xFD);            /* stop token, one byte, then busy */
            spi_ff();
            if (wait_ready(500) != 0)
                rc = -1;
        }
    }
    deselect();
    return rc;
}

int sd_read(void *ctx, uint32_t sector, void *buf, uint32_t count)
{
    if (!card_ready)
        return -IR_ENODEV;
    if (range(ctx, &sector, count) != 0)
        return -IR_EIO;
    if (count == 0)
        return 0;
    for (int t = 0; t < SD_TRIES; t++)
        if (read_once(sector, buf, count) == 0)
            return 0;
    return -IR_EIO;
}

int sd_write(void *ctx, uint32_t sector, const void *buf, uint32_t count)
{
    if (!card_ready)
        return -IR_ENODEV;
    if (range(ctx, &sector, count) != 0)
        return -IR_EIO;
    if (count == 0)
        return 0;
    for (int t = 0; t < SD_TRIES; t++)
        if (write_once(sector, buf, count) == 0)
            return 0;
    return -IR_EIO;
}
