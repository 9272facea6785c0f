/*
 * sdcard_test.c - host unit tests of the SD card model (sim/models/sdcard.c), driven bit by bit through
 * sdcard_pins() by a small SPI mode-0 master (make test-sdcard).
 *
 * Each test makes its own image file under the directory given as argv[1] (default /tmp), filled with a known
 * pattern (byte i of block b = b * 7 + i * 13 + (i >> 8)), and checks the card's answers and the file afterwards.
 * Prints PASS/FAIL per test and "N passed, N failed"; exits 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sdcard.h"
#include "check.h"

static const char *dir = "/tmp";
static char img[512];

static uint8_t pattern(uint32_t blk, uint32_t i)
{
    return (uint8_t)(blk * 7u + i * 13u + (i >> 8));
}

static void make_image(uint32_t blocks)
{
    snprintf(img, sizeof img, "%s/sdcard_test_%d.img", dir, (int)getpid());
    FILE *f = fopen(img, "wb");
    if (!f) {
        perror(img);
        exit(2);
    }
    for (uint32_t b = 0; b < blocks; b++)
        for (uint32_t i = 0; i < 512; i++)
            fputc(pattern(b, i), f);
    fclose(f);
}

static void read_image_block(uint32_t blk, uint8_t *buf)
{
    FILE *f = fopen(img, "rb");
    if (!f || fseek(f, (long)blk * 512, SEEK_SET) != 0 || fread(buf, 1, 512, f) != 512) {
        printf("    cannot read back block %u of %s\n", blk, img);
        check_fails++;
        memset(buf, 0, 512);
    }
    if (f)
        fclose(f);
}

/* ---- the SPI master (mode 0) ---- */
static struct sdcard *card;
static int cs_n = 1;

static uint8_t xfer(uint8_t out)
{
    uint8_t in = 0;
    for (int b = 7; b >= 0; b--) {
        int mosi = (out >> b) & 1;
        sdcard_pins(card, cs_n, 0, mosi);
        int miso = sdcard_pins(card, cs_n, 1, mosi);   /* sample at the rising edge */
        in = (uint8_t)((in << 1) | miso);
        sdcard_pins(card, cs_n, 0, mosi);
    }
    return in;
}

static void select_card(int on)
{
    cs_n = !on;
    sdcard_pins(card, cs_n, 0, 1);
}

static void clocks(unsigned bytes)
{
    while (bytes--)
        xfer(0xFF);
}

static void send_cmd_raw(unsigned idx, uint32_t arg, int good_crc)
{
    uint8_t f[6] = {(uint8_t)(0x40 | idx), (uint8_t)(arg >> 24), (uint8_t)(arg >> 16), (uint8_t)(arg >> 8),
                    (uint8_t)arg, 0};
    f[5] = (uint8_t)((sdcard_crc7(f, 5) << 1) | 1);
    if (!good_crc)
        f[5] ^= 0x02;
    for (int i = 0; i < 6; i++)
        xfer(f[i]);
}

/* R1: first byte with bit 7 clear within 10 bytes, else 0xFF. */
static uint8_t get_r1(void)
{
    for (int i = 0; i < 10; i++) {
        uint8_t b = xfer(0xFF);
        if (!(b & 0x80))
            return b;
    }
    return 0xFF;
}

static uint8_t cmd(unsigned idx, uint32_t arg)
{
    send_cmd_raw(idx, arg, 1);
    return get_r1();
}

static uint8_t acmd(unsigned idx, uint32_t arg)
{
    uint8_t r = cmd(55, 0);
    if (r & 0xFE)
        return r;
    return cmd(idx, arg);
}

static uint32_t get_u32(void)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v = (v << 8) | xfer(0xFF);
    return v;
}

/* Read a data block of n bytes after a successful R1; returns the token (0xFE when all is well). */
static uint8_t get_block(uint8_t *buf, unsigned n, int *crc_ok)
{
    uint8_t t = 0xFF;
    for (int i = 0; i < 100 && t == 0xFF; i++)
        t = xfer(0xFF);
    if (t != 0xFE)
        return t;
    for (unsigned i = 0; i < n; i++)
        buf[i] = xfer(0xFF);
    uint16_t crc = (uint16_t)(xfer(0xFF) << 8);
    crc |= xfer(0xFF);
    *crc_ok = crc == sdcard_crc16(buf, n);
    return t;
}

/* Wait while busy (MISO low); returns the number of busy bytes seen. */
static unsigned wait_busy(void)
{
    unsigned n = 0;
    while (xfer(0xFF) != 0xFF && n < 1000)
        n++;
    return n;
}

static void open_card(uint32_t blocks, const struct sdcard_config *cfg)
{
    char err[256];
    make_image(blocks);
    card = sdcard_open(img, cfg, err, sizeof err);
    if (!card) {
        printf("    sdcard_open: %s\n", err);
        exit(2);
    }
    cs_n = 1;
}

static void close_card(void)
{
    CHECK(sdcard_close(card) == 0);
    card = NULL;
    unlink(img);
}

/* Power-up clocks, CMD0, CMD8, ACMD41 until ready, CMD58. */
static void init_card(void)
{
    select_card(0);
    clocks(10);
    select_card(1);
    CHECK(cmd(0, 0) == 0x01);
    CHECK(cmd(8, 0x1AA) == 0x01);
    CHECK(get_u32() == 0x000001AA);
    uint8_t r;
    int n = 0;
    do {
        r = acmd(41, 1u << 30);
    } while (r == 0x01 && ++n < 100);
    CHECK(r == 0x00);
}

/* ---- tests ---- */
static void t_powerup(void)
{
    open_card(16, NULL);
    select_card(0);
    clocks(5);                                /* 40 clocks: not enough */
    select_card(1);
    send_cmd_raw(0, 0, 1);
    CHECK(get_r1() == 0xFF);                  /* ignored */
    select_card(0);
    clocks(5);                                /* 80 in all */
    select_card(1);
    send_cmd_raw(0, 0, 0);                    /* bad CRC in SD mode: ignored */
    CHECK(get_r1() == 0xFF);
    send_cmd_raw(8, 0x1AA, 1);                /* not CMD0: ignored in SD mode */
    CHECK(get_r1() == 0xFF);
    CHECK(cmd(0, 0) == 0x01);
    close_card();
}

static void t_init(void)
{
    open_card(16, NULL);
    select_card(0);
    clocks(10);
    select_card(1);
    CHECK(cmd(0, 0) == 0x01);
    send_cmd_raw(8, 0x1AA, 0);
    CHECK(get_r1() == 0x09);                  /* CMD8 CRC is always checked */
    CHECK(cmd(17, 0) == 0x05);                /* idle: illegal */
    CHECK(cmd(58, 0) == 0x01);
    CHECK(get_u32() == 0x00FF8000);           /* not powered up yet */
    /* SDHC without CMD8: ACMD41 never finishes */
    for (int i = 0; i < 10; i++)
        CHECK(acmd(41, 1u << 30) == 0x01);
    CHECK(cmd(8, 0x2AB) == 0x01);             /* VHS 2: not accepted, pattern echoed */
    CHECK(get_u32() == 0x000000AB);
    CHECK(cmd(8, 0x1AA) == 0x01);
    CHECK(get_u32() == 0x000001AA);
    /* without HCS an SDHC card stays idle */
    for (int i = 0; i < 10; i++)
        CHECK(acmd(41, 0) == 0x01);
    int n = 0;
    while (acmd(41, 1u << 30) == 0x01 && n < 100)
        n++;
    CHECK(n == 3);                            /* init_polls */
    CHECK(cmd(58, 0) == 0x00);
    CHECK(get_u32() == 0xC0FF8000);           /* powered up, CCS = 1 */
    CHECK(cmd(16, 512) == 0x00);
    CHECK(cmd(16, 1024) == 0x40);             /* parameter error */
    CHECK(cmd(5, 0) == 0x04);                 /* illegal command */
    CHECK(acmd(51, 0) == 0x04);               /* unsupported ACMD */
    CHECK(acmd(23, 4) == 0x00);
    CHECK(cmd(0, 0) == 0x01);                 /* CMD0 resets to idle */
    close_card();
}

static void t_read(void)
{
    uint8_t buf[512];
    int crc_ok = 0;
    open_card(64, NULL);
    init_card();
    CHECK(cmd(17, 5) == 0x00);
    CHECK(get_block(buf, 512, &crc_ok) == 0xFE);
    CHECK(crc_ok);
    int same = 1;
    for (int i = 0; i < 512; i++)
        same &= buf[i] == pattern(5, (uint32_t)i);
    CHECK(same);
    CHECK(cmd(17, 64) == 0x40);               /* past the end */
    CHECK(cmd(13, 0) == 0x00);
    CHECK(xfer(0xFF) == 0x80);                /* out of range, reported once */
    CHECK(cmd(13, 0) == 0x00);
    CHECK(xfer(0xFF) == 0x00);

    /* multi-block read with CMD12 */
    CHECK(cmd(18, 10) == 0x00);
    for (uint32_t b = 10; b < 13; b++) {
        CHECK(get_block(buf, 512, &crc_ok) == 0xFE);
        CHECK(crc_ok);
        same = 1;
        for (int i = 0; i < 512; i++)
            same &= buf[i] == pattern(b, (uint32_t)i);
        CHECK(same);
    }
    send_cmd_raw(12, 0, 1);
    xfer(0xFF);                               /* stuff byte */
    CHECK(get_r1() == 0x00);
    wait_busy();
    CHECK(cmd(13, 0) == 0x00);
    CHECK(xfer(0xFF) == 0x00);

    /* CMD18 running off the end: error token 0x08 */
    CHECK(cmd(18, 63) == 0x00);
    CHECK(get_block(buf, 512, &crc_ok) == 0xFE);
    CHECK(get_block(buf, 512, &crc_ok) == 0x08);
    send_cmd_raw(12, 0, 1);
    xfer(0xFF);
    CHECK(get_r1() == 0x00);
    wait_busy();

    /* CSD: version 2, C_SIZE = 64 blocks / 1024 rounded down, minus 1 -> 0; CID CRC */
    CHECK(cmd(9, 0) == 0x00);
    CHECK(get_block(buf, 16, &crc_ok) == 0xFE);
    CHECK(crc_ok);
    CHECK((buf[0] >> 6) == 1);
    CHECK(buf[15] == (uint8_t)((sdcard_crc7(buf, 15) << 1) | 1));
    CHECK(cmd(10, 0) == 0x00);
    CHECK(get_block(buf, 16, &crc_ok) == 0xFE);
    CHECK(crc_ok && buf[0] == 0x49);
    struct sdcard_stats st;
    sdcard_get_stats(card, &st);
    CHECK(st.blocks_read >= 5);                /* CMD18 may have started the next block before CMD12 */
    close_card();
}

static void fill(uint8_t *buf, uint8_t seed)
{
    for (int i = 0; i < 512; i++)
        buf[i] = (uint8_t)(seed ^ (i * 3));
}

/* Send one data block with a token; returns the data response (low 5 bits). */
static uint8_t put_block(uint8_t token, const uint8_t *buf, int good_crc)
{
    uint16_t crc = sdcard_crc16(buf, 512);
    if (!good_crc)
        crc ^= 1;
    xfer(0xFF);
    xfer(token);
    for (int i = 0; i < 512; i++)
        xfer(buf[i]);
    xfer((uint8_t)(crc >> 8));
    xfer((uint8_t)crc);
    return xfer(0xFF) & 0x1F;
}

static void t_write(void)
{
    uint8_t buf[512], back[512];
    open_card(32, NULL);
    init_card();

    fill(buf, 0x5A);
    CHECK(cmd(24, 3) == 0x00);
    CHECK(put_block(0xFE, buf, 1) == 0x05);
    CHECK(wait_busy() >= 5);                  /* busy_bytes 6: the last one is seen with the response byte */
    read_image_block(3, back);
    CHECK(memcmp(buf, back, 512) == 0);
    read_image_block(4, back);
    CHECK(back[0] == pattern(4, 0));

    /* multi-block write */
    CHECK(cmd(25, 7) == 0x00);
    for (int k = 0; k < 3; k++) {
        fill(buf, (uint8_t)(0x10 + k));
        CHECK(put_block(0xFC, buf, 1) == 0x05);
        wait_busy();
    }
    xfer(0xFD);
    xfer(0xFF);
    wait_busy();
    for (int k = 0; k < 3; k++) {
        fill(buf, (uint8_t)(0x10 + k));
        read_image_block(7u + (uint32_t)k, back);
        CHECK(memcmp(buf, back, 512) == 0);
    }
    read_image_block(10, back);
    CHECK(back[0] == pattern(10, 0));
    CHECK(cmd(24, 32) == 0x40);               /* past the end */

    /* CRC checking on: bad command CRC, bad data CRC */
    CHECK(cmd(59, 1) == 0x00);
    send_cmd_raw(17, 0, 0);
    CHECK(get_r1() == 0x08);
    fill(buf, 0x77);
    CHECK(cmd(24, 12) == 0x00);
    CHECK(put_block(0xFE, buf, 0) == 0x0B);
    read_image_block(12, back);
    CHECK(back[0] == pattern(12, 0));
    CHECK(cmd(59, 0) == 0x00);
    send_cmd_raw(17, 0, 0);                   /* CRC off again: accepted */
    CHECK(get_r1() == 0x00);
    close_card();
}

static void t_power_cut(void)
{
    uint8_t buf[512], back[512];
    open_card(16, NULL);
    init_card();
    fill(buf, 0x33);
    CHECK(cmd(24, 2) == 0x00);
    CHECK(put_block(0xFE, buf, 1) == 0x05);
    CHECK(xfer(0xFF) == 0x00);                /* busy */
    CHECK(sdcard_power_cut(card) == 0);       /* still busy: lost */
    card = NULL;
    read_image_block(2, back);
    CHECK(back[0] == pattern(2, 0));
    unlink(img);

    /* the same, but a normal close completes it */
    open_card(16, NULL);
    init_card();
    CHECK(cmd(24, 2) == 0x00);
    CHECK(put_block(0xFE, buf, 1) == 0x05);
    CHECK(sdcard_close(card) == 0);
    card = NULL;
    read_image_block(2, back);
    CHECK(memcmp(buf, back, 512) == 0);
    unlink(img);

    /* CS released during busy: the card completes the block; cut mid-block: lost */
    open_card(16, NULL);
    init_card();
    CHECK(cmd(24, 4) == 0x00);
    CHECK(put_block(0xFE, buf, 1) == 0x05);
    select_card(0);
    read_image_block(4, back);
    CHECK(memcmp(buf, back, 512) == 0);
    select_card(1);
    CHECK(cmd(24, 5) == 0x00);
    xfer(0xFF);
    xfer(0xFE);
    for (int i = 0; i < 100; i++)
        xfer(buf[i]);
    select_card(0);
    select_card(1);
    CHECK(cmd(13, 0) == 0x00);                /* the card takes commands again */
    xfer(0xFF);
    read_image_block(5, back);
    CHECK(back[0] == pattern(5, 0));
    struct sdcard_stats st;
    sdcard_get_stats(card, &st);
    CHECK(st.blocks_written == 1 && st.blocks_dropped == 1);
    close_card();
}

static void t_sdsc_and_timing(void)
{
    struct sdcard_config cfg;
    uint8_t buf[512];
    int crc_ok = 0;
    sdcard_default_config(&cfg);
    cfg.sdsc = 1;
    cfg.ncr = 8;
    cfg.nac = 20;
    cfg.init_polls = 0;
    open_card(1024, &cfg);
    init_card();
    CHECK(cmd(58, 0) == 0x00);
    CHECK(get_u32() == 0x80FF8000);           /* CCS = 0 */
    CHECK(cmd(17, 100) == 0x20);              /* byte address not a multiple of 512: address error */
    CHECK(cmd(17, 3 * 512) == 0x00);
    CHECK(get_block(buf, 512, &crc_ok) == 0xFE && crc_ok && buf[1] == pattern(3, 1));
    CHECK(cmd(9, 0) == 0x00);                 /* CSD version 1: C_SIZE 1 (2 units of 256 KiB) */
    CHECK(get_block(buf, 16, &crc_ok) == 0xFE && crc_ok);
    CHECK((buf[0] >> 6) == 0);
    unsigned c_size = ((buf[6] & 3u) << 10) | ((unsigned)buf[7] << 2) | (buf[8] >> 6);
    CHECK(c_size == 1);
    close_card();
}

static void t_open_errors(void)
{
    char err[256];
    CHECK(sdcard_open("/nonexistent/dir/x.img", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "cannot open") != NULL);
    snprintf(img, sizeof img, "%s/sdcard_test_%d.img", dir, (int)getpid());
    FILE *f = fopen(img, "wb");
    fputs("short", f);
    fclose(f);
    CHECK(sdcard_open(img, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "multiple of 512") != NULL);
    unlink(img);
}

static void t_crc(void)
{
    uint8_t cmd0[5] = {0x40, 0, 0, 0, 0}, cmd8[5] = {0x48, 0, 0, 1, 0xAA}, ff[512];
    memset(ff, 0xFF, sizeof ff);
    CHECK(((sdcard_crc7(cmd0, 5) << 1) | 1) == 0x95);
    CHECK(((sdcard_crc7(cmd8, 5) << 1) | 1) == 0x87);
    CHECK(sdcard_crc16(ff, 512) == 0x7FA1);
}

int main(int argc, char **argv)
{
    static const struct check_test tests[] = {
        {"crc7 and crc16 known values", t_crc},
        {"power-up clocks, SD mode, CMD0", t_powerup},
        {"initialisation, R1/R3/R7, error bits", t_init},
        {"single and multi-block reads, CMD12, CSD/CID", t_read},
        {"single and multi-block writes, CRC on", t_write},
        {"power cut, close, CS released", t_power_cut},
        {"standard capacity card, slow timing", t_sdsc_and_timing},
        {"image open errors", t_open_errors},
    };
    if (argc > 1)
        dir = argv[1];
    struct check_counts counts = {0, 0};
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        check_run("%s sdcard: %s\n", &tests[i], &counts);
    return check_summary(&counts);
}
