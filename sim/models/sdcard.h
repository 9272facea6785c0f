/*
 * sdcard.h - a model of an SD card in SPI mode, backed by an image file; shared by vsim (driven from the RTL's SPI
 * pins) and iss (driven from its SPI master registers), and tested on its own by sim/models/tests/sdcard_test.c.
 *
 * The simulator calls sdcard_pins() whenever CS, SCK or MOSI may have changed (calling it again with the same
 * values does nothing) and drives the returned value on MISO. SPI mode 0: the card samples MOSI on the rising edge
 * of SCK and changes MISO after the falling edge; MISO reads 1 while CS is high (released line, pulled up).
 * docs/sim.md ("SD card") lists the commands, responses and timing the model implements.
 *
 * Invariants:
 * - The image file is the card's contents, one 512-byte block per sector; the card holds size / 512 blocks (the
 *   size must be a non-zero multiple of 512). Nothing is cached: reads read the file when the card starts sending
 *   the block, and a written block reaches the file only when the card has sent the data response 0x05 and its
 *   busy time is over (or CS is released during busy: the card finishes programming on its own).
 * - sdcard_power_cut() drops a block still in its busy time; sdcard_close() (a normal end) completes it. Neither
 *   touches any other block: every block whose write completed is already in the file.
 * - Input is only taken while CS is low; a command or data block cut by CS going high is discarded.
 */
#ifndef IRIDIUM_SDCARD_H
#define IRIDIUM_SDCARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct sdcard;

/* Timing and kind of card; sdcard_default_config() gives the values used by the simulators. */
struct sdcard_config {
    int      sdsc;          /* 0: SDHC (OCR.CCS = 1, block addresses); 1: standard capacity v2 (byte addresses) */
    unsigned ncr;           /* 0xFF bytes between the end of a command and its response (1..8) */
    unsigned nac;           /* 0xFF bytes before a read data token (at least 1) */
    unsigned busy_bytes;    /* bytes of busy (MISO low) after a data response 0x05, at least 1 */
    unsigned init_polls;    /* ACMD41 calls answered "still idle" before the card is ready */
    unsigned powerup_clocks;/* SCK cycles with CS high needed before the first command (74 per the spec) */
};

struct sdcard_stats {
    uint64_t commands;      /* command frames executed */
    uint64_t blocks_read;   /* data blocks sent (CMD17/CMD18) */
    uint64_t blocks_written;/* blocks committed to the image */
    uint64_t blocks_dropped;/* blocks lost to a power cut, a CRC error or CS released mid-block */
};

void sdcard_default_config(struct sdcard_config *cfg);

/* Open the image (read-write). cfg may be NULL (defaults). NULL on error, with a message in err. */
struct sdcard *sdcard_open(const char *path, const struct sdcard_config *cfg, char *err, size_t errlen);

/* Present the pin levels (each 0 or 1); returns the MISO level. */
int sdcard_pins(struct sdcard *c, int cs_n, int sclk, int mosi);

/* Normal end: a block in its busy time is completed; frees c. Returns 0, or -1 if a file write failed. */
int sdcard_close(struct sdcard *c);
/* Power failure: a block in its busy time (or being received) is lost; frees c. Returns 0, or -1 as above. */
int sdcard_power_cut(struct sdcard *c);

/* Number of 512-byte blocks; statistics so far. */
uint32_t sdcard_blocks(const struct sdcard *c);
void sdcard_get_stats(const struct sdcard *c, struct sdcard_stats *st);
/* A file error (read or write of the image failed) since the last call, as a message; NULL if none. */
const char *sdcard_error(struct sdcard *c);

/* CRCs of the SD protocol (exposed for tests and drivers' test programs): CRC7 (x^7 + x^3 + 1) of n bytes, and
 * the CRC16-CCITT (x^16 + x^12 + x^5 + 1, initial 0) of data blocks. */
uint8_t sdcard_crc7(const uint8_t *p, size_t n);
uint16_t sdcard_crc16(const uint8_t *p, size_t n);

#ifdef __cplusplus
}
#endif
#endif
