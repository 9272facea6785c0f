/*
 * sdcard.c - the SD card model in SPI mode (interface and contract: sdcard.h; behaviour: docs/sim.md).
 *
 * Structure: a bit layer (sdcard_pins: edges of SCK while CS is low, one input byte per 8 rising edges, one output
 * byte per 8 falling edges) over a byte layer (in_byte: what the card does with each byte received; out_byte: the
 * byte the card sends in the next byte slot). The card's answer to byte k can therefore appear in slot k+1 at the
 * earliest; the model waits Ncr bytes before a response anyway.
 *
 * Byte layer state:
 * - spi_mode: 0 until a CMD0 with a valid CRC arrives with CS low (the card starts in SD mode and ignores the
 *   rest); idle: 1 from CMD0 until ACMD41 reports the card ready (R1 bit 0).
 * - in_state: what input means: IN_CMD (looking for / collecting a 6-byte command frame), IN_WTOKEN (after
 *   CMD24/CMD25: waiting for a data or stop token; a command start byte aborts the write), IN_WDATA (512 data
 *   bytes and a CRC16), IN_WBUSY (after a data response or stop token: input ignored until busy ends).
 * - Output: a byte queue (responses, read data), then busy bytes (0x00, busy_left of them; when the last one is
 *   sent a pending block is committed to the file), then for a CMD18 the next block, else 0xFF.
 * Invariant: at most one block is pending (received, acknowledged, not yet in the file) at any time.
 */
#include "sdcard.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLK 512u
#define QCAP 1200u              /* output queue: a whole data block with its gap, token and CRC fits */

/* R1 bits */
#define R1_IDLE    0x01u
#define R1_ERASE_RESET 0x02u
#define R1_ILLEGAL 0x04u
#define R1_CRC     0x08u
#define R1_ADDRESS 0x20u
#define R1_PARAM   0x40u

enum in_state { IN_CMD, IN_WTOKEN, IN_WDATA, IN_WBUSY };

struct sdcard {
    int fd;
    uint32_t blocks;
    struct sdcard_config cfg;
    struct sdcard_stats st;
    char errmsg[160];
    int has_err;
    int trace;                  /* SDCARD_TRACE=1 in the environment: commands on stderr */

    /* pins and bit layer */
    int cs_n, sclk;
    uint8_t in_shift;
    unsigned in_bits;           /* bits of the current input byte received (0..7) */
    uint8_t out_cur;            /* byte being sent */
    unsigned out_bit;           /* bit of out_cur on MISO (7..0) */
    int byte_done;              /* the 8th rising edge of a byte passed: load a new output byte at the falling edge */
    unsigned powerup;           /* SCK cycles seen with CS high before the first command */

    /* card state */
    int spi_mode, idle, crc_on, app_next, cmd8_seen;
    unsigned init_count;
    int out_of_range;           /* for CMD13 (R2 bit 7); cleared when read */
    enum in_state in_state;
    uint8_t cmd[6];
    unsigned cmd_len;

    /* read stream (CMD18) */
    int multi_read;
    uint32_t read_next;

    /* write */
    int multi_write;
    uint32_t write_addr;
    uint8_t wbuf[BLK + 2];
    unsigned wlen;
    int pending;                /* wbuf holds an acknowledged block not yet in the file */
    uint32_t pending_addr;
    enum in_state after_busy;

    /* output */
    uint8_t q[QCAP];
    unsigned qhead, qlen;
    unsigned busy_left;
};

/* ---- CRCs ------------------------------------------------------------------------------------------------ */
uint8_t sdcard_crc7(const uint8_t *p, size_t n)
{
    uint8_t crc = 0;
    for (size_t i = 0; i < n; i++)
        for (int b = 7; b >= 0; b--) {
            unsigned in = (p[i] >> b) & 1u, top = (crc >> 6) & 1u;
            crc = (uint8_t)((crc << 1) & 0x7Fu);
            if (in ^ top)
                crc ^= 0x09u;
        }
    return crc;
}

uint16_t sdcard_crc16(const uint8_t *p, size_t n)
{
    uint16_t crc = 0;
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint16_t)(p[i] << 8);
        for (int b = 0; b < 8; b++)
            crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    }
    return crc;
}

/* ---- helpers --------------------------------------------------------------------------------------------- */
static void set_err(struct sdcard *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->errmsg, sizeof c->errmsg, fmt, ap);
    va_end(ap);
    c->has_err = 1;
}

static void q_reset(struct sdcard *c)
{
    c->qhead = c->qlen = 0;
}

static void q_push(struct sdcard *c, uint8_t b)
{
    if (c->qhead + c->qlen >= QCAP) {
        if (c->qhead == 0) {
            fprintf(stderr, "sdcard: internal error: output queue overflow\n");
            abort();
        }
        memmove(c->q, c->q + c->qhead, c->qlen);
        c->qhead = 0;
    }
    c->q[c->qhead + c->qlen++] = b;
}

static void q_fill(struct sdcard *c, uint8_t b, unsigned n)
{
    while (n--)
        q_push(c, b);
}

/* A data block: gap, start token, bytes, CRC16. */
static void q_block(struct sdcard *c, const uint8_t *data, unsigned n)
{
    uint16_t crc = sdcard_crc16(data, n);
    q_fill(c, 0xFF, c->cfg.nac);
    q_push(c, 0xFE);
    for (unsigned i = 0; i < n; i++)
        q_push(c, data[i]);
    q_push(c, (uint8_t)(crc >> 8));
    q_push(c, (uint8_t)crc);
}

static void read_block(struct sdcard *c, uint32_t blk, uint8_t *buf)
{
    ssize_t r = pread(c->fd, buf, BLK, (off_t)blk * BLK);
    if (r != (ssize_t)BLK) {
        set_err(c, "sdcard: cannot read block %u of the image: %s", blk, r < 0 ? strerror(errno) : "short read");
        memset(buf, 0, BLK);
    }
}

static void commit(struct sdcard *c)
{
    if (!c->pending)
        return;
    ssize_t r = pwrite(c->fd, c->wbuf, BLK, (off_t)c->pending_addr * BLK);
    if (r != (ssize_t)BLK)
        set_err(c, "sdcard: cannot write block %u of the image: %s", c->pending_addr,
                r < 0 ? strerror(errno) : "short write");
    else
        c->st.blocks_written++;
    if (c->trace)
        fprintf(stderr, "sdcard: block %u written\n", c->pending_addr);
    c->pending = 0;
}

/* Response: Ncr gap bytes, then the given bytes. Replaces anything still queued. */
static void respond(struct sdcard *c, const uint8_t *bytes, unsigned n)
{
    q_reset(c);
    c->busy_left = 0;
    q_fill(c, 0xFF, c->cfg.ncr);
    for (unsigned i = 0; i < n; i++)
        q_push(c, bytes[i]);
}

static void r1(struct sdcard *c, uint8_t v)
{
    respond(c, &v, 1);
}

static uint8_t r1_base(const struct sdcard *c)
{
    return c->idle ? R1_IDLE : 0;
}

/* Block address from a command argument; -1 with R1 sent if it is bad. */
static int64_t block_arg(struct sdcard *c, uint32_t arg)
{
    uint32_t blk = arg;
    if (c->cfg.sdsc) {
        if (arg % BLK) {
            r1(c, R1_ADDRESS);
            return -1;
        }
        blk = arg / BLK;
    }
    if (blk >= c->blocks) {
        c->out_of_range = 1;
        r1(c, R1_PARAM);
        return -1;
    }
    return blk;
}

/* Set bits hi..lo (hi - lo < 32) of a 128-bit big-endian register. */
static void reg_bits(uint8_t *reg, unsigned hi, unsigned lo, uint32_t v)
{
    for (unsigned b = lo; b <= hi; b++, v >>= 1) {
        unsigned byte = 15 - b / 8, bit = b % 8;
        if (v & 1)
            reg[byte] |= (uint8_t)(1u << bit);
        else
            reg[byte] &= (uint8_t)~(1u << bit);
    }
}

static void make_csd(const struct sdcard *c, uint8_t *csd)
{
    memset(csd, 0, 16);
    reg_bits(csd, 119, 112, 0x0E);          /* TAAC: 1 ms */
    reg_bits(csd, 103, 96, 0x32);           /* TRAN_SPEED: 25 MHz */
    reg_bits(csd, 95, 84, 0x5B5);           /* CCC */
    reg_bits(csd, 83, 80, 9);               /* READ_BL_LEN: 512 */
    reg_bits(csd, 46, 46, 1);               /* ERASE_BLK_EN */
    reg_bits(csd, 45, 39, 0x7F);            /* SECTOR_SIZE */
    reg_bits(csd, 28, 26, 2);               /* R2W_FACTOR */
    reg_bits(csd, 25, 22, 9);               /* WRITE_BL_LEN: 512 */
    if (!c->cfg.sdsc) {
        uint32_t units = c->blocks / 1024u;  /* 512 KiB units, rounded down */
        reg_bits(csd, 127, 126, 1);          /* CSD version 2.0 */
        reg_bits(csd, 69, 48, units ? units - 1 : 0);
    } else {
        uint32_t units = c->blocks / 512u;   /* C_SIZE_MULT 7: 512 blocks per unit */
        reg_bits(csd, 73, 62, units ? units - 1 : 0);
        reg_bits(csd, 49, 47, 7);
        reg_bits(csd, 61, 59, 6);            /* VDD currents */
        reg_bits(csd, 58, 56, 6);
        reg_bits(csd, 55, 53, 6);
        reg_bits(csd, 52, 50, 6);
    }
    csd[15] = (uint8_t)((sdcard_crc7(csd, 15) << 1) | 1u);
}

static void make_cid(uint8_t *cid)
{
    static const uint8_t v[15] = {0x49, 'I', 'R', 'I', 'R', 'S', 'I', 'M', 0x10, 0x00, 0x00, 0x00, 0x01, 0x01, 0x8B};
    memcpy(cid, v, 15);                      /* MID, OID, PNM, PRV 1.0, PSN 1, MDT */
    cid[15] = (uint8_t)((sdcard_crc7(cid, 15) << 1) | 1u);
}

/* ---- commands ---------------------------------------------------------------------------------------------- */
static void stop_read(struct sdcard *c)
{
    c->multi_read = 0;
}

static void do_command(struct sdcard *c)
{
    unsigned idx = c->cmd[0] & 0x3Fu;
    uint32_t arg = ((uint32_t)c->cmd[1] << 24) | ((uint32_t)c->cmd[2] << 16) | ((uint32_t)c->cmd[3] << 8) | c->cmd[4];
    int crc_ok = c->cmd[5] == (uint8_t)((sdcard_crc7(c->cmd, 5) << 1) | 1u);
    uint8_t buf[BLK];

    if (c->powerup < c->cfg.powerup_clocks) {
        if (c->trace)
            fprintf(stderr, "sdcard: CMD%u ignored: only %u power-up clocks\n", idx, c->powerup);
        return;
    }
    if (!c->spi_mode) {
        if (idx != 0 || !crc_ok) {
            if (c->trace)
                fprintf(stderr, "sdcard: CMD%u ignored in SD mode (CMD0 with a valid CRC expected)\n", idx);
            return;
        }
        c->spi_mode = 1;
    }
    c->st.commands++;
    int app = c->app_next;
    c->app_next = 0;
    if (c->trace)
        fprintf(stderr, "sdcard: %sCMD%u arg 0x%08x%s\n", app ? "A" : "", idx, arg, crc_ok ? "" : " (bad CRC)");
    if (!crc_ok && (c->crc_on || idx == 0 || idx == 8)) {
        r1(c, r1_base(c) | R1_CRC);
        return;
    }
    if (idx != 12)
        stop_read(c);

    if (idx == 0) {
        c->idle = 1;
        c->crc_on = 0;
        c->cmd8_seen = 0;
        c->init_count = 0;
        c->in_state = IN_CMD;
        c->multi_write = 0;
        r1(c, R1_IDLE);
        return;
    }
    if (idx == 8) {
        uint8_t r[5] = {r1_base(c), 0x00, 0x00, (uint8_t)(((arg >> 8) & 0xFu) == 1u ? 1u : 0u), (uint8_t)arg};
        c->cmd8_seen = 1;
        respond(c, r, 5);
        return;
    }
    if (idx == 55) {
        c->app_next = 1;
        r1(c, r1_base(c));
        return;
    }
    if (app && idx == 41) {
        int hcs = (arg >> 30) & 1u;
        if (c->idle && (c->cfg.sdsc || (c->cmd8_seen && hcs))) {
            if (++c->init_count > c->cfg.init_polls)
                c->idle = 0;
        }
        r1(c, r1_base(c));
        return;
    }
    if (idx == 58) {
        uint32_t ocr = 0x00FF8000u | (c->idle ? 0 : 0x80000000u) | (!c->idle && !c->cfg.sdsc ? 0x40000000u : 0);
        uint8_t r[5] = {r1_base(c), (uint8_t)(ocr >> 24), (uint8_t)(ocr >> 16), (uint8_t)(ocr >> 8), (uint8_t)ocr};
        respond(c, r, 5);
        return;
    }
    if (idx == 59) {
        c->crc_on = arg & 1u;
        r1(c, r1_base(c));
        return;
    }
    if (c->idle) {                           /* everything else needs an initialised card */
        r1(c, R1_IDLE | R1_ILLEGAL);
        return;
    }
    if (app) {
        if (idx == 23) {                     /* SET_WR_BLK_ERASE_COUNT: a hint, accepted */
            r1(c, 0);
            return;
        }
        r1(c, R1_ILLEGAL);
        return;
    }
    switch (idx) {
    case 9:
    case 10:
        r1(c, 0);
        if (idx == 9) make_csd(c, buf);
        else make_cid(buf);
        q_block(c, buf, 16);
        return;
    case 12:
        if (c->multi_read) {
            /* The byte after the command is a stuff byte (the transfer runs on), then R1b. */
            uint8_t stuff = c->qlen ? c->q[c->qhead] : 0xFF;
            stop_read(c);
            q_reset(c);
            q_push(c, stuff);
            q_fill(c, 0xFF, c->cfg.ncr - 1);
            q_push(c, 0);
        } else {
            r1(c, 0);
        }
        c->busy_left = 2;
        return;
    case 13: {
        uint8_t r[2] = {0, (uint8_t)(c->out_of_range ? 0x80u : 0)};
        c->out_of_range = 0;
        respond(c, r, 2);
        return;
    }
    case 16:
        r1(c, arg == BLK ? 0 : R1_PARAM);
        return;
    case 17:
    case 18: {
        int64_t blk = block_arg(c, arg);
        if (blk < 0)
            return;
        r1(c, 0);
        read_block(c, (uint32_t)blk, buf);
        q_block(c, buf, BLK);
        c->st.blocks_read++;
        if (idx == 18) {
            c->multi_read = 1;
            c->read_next = (uint32_t)blk + 1;
        }
        return;
    }
    case 24:
    case 25: {
        int64_t blk = block_arg(c, arg);
        if (blk < 0)
            return;
        r1(c, 0);
        c->in_state = IN_WTOKEN;
        c->multi_write = (idx == 25);
        c->write_addr = (uint32_t)blk;
        return;
    }
    default:
        r1(c, R1_ILLEGAL);
        return;
    }
}

/* A whole data block (and its CRC) of a write has arrived. */
static void end_of_block(struct sdcard *c)
{
    uint16_t crc = (uint16_t)((c->wbuf[BLK] << 8) | c->wbuf[BLK + 1]);
    enum in_state next = c->multi_write ? IN_WTOKEN : IN_CMD;
    q_reset(c);
    if (c->crc_on && crc != sdcard_crc16(c->wbuf, BLK)) {
        q_push(c, 0x0B);                     /* data rejected: CRC error */
        c->st.blocks_dropped++;
        c->in_state = next;
        return;
    }
    if (c->write_addr >= c->blocks) {
        q_push(c, 0x0D);                     /* data rejected: write error (past the end) */
        c->out_of_range = 1;
        c->st.blocks_dropped++;
        c->in_state = next;
        return;
    }
    q_push(c, 0x05);                         /* data accepted, then busy while programming */
    c->pending = 1;
    c->pending_addr = c->write_addr++;
    c->busy_left = c->cfg.busy_bytes;
    c->in_state = IN_WBUSY;
    c->after_busy = next;
}

static void in_byte(struct sdcard *c, uint8_t b)
{
    switch (c->in_state) {
    case IN_WBUSY:
        return;
    case IN_WDATA:
        c->wbuf[c->wlen++] = b;
        if (c->wlen == BLK + 2)
            end_of_block(c);
        return;
    case IN_WTOKEN:
        if ((!c->multi_write && b == 0xFE) || (c->multi_write && b == 0xFC)) {
            c->in_state = IN_WDATA;
            c->wlen = 0;
            return;
        }
        if (c->multi_write && b == 0xFD) {   /* stop transmission: one byte, then busy */
            q_reset(c);
            q_push(c, 0xFF);
            c->busy_left = 2;
            c->in_state = IN_WBUSY;
            c->after_busy = IN_CMD;
            c->multi_write = 0;
            return;
        }
        if ((b & 0xC0u) != 0x40u)
            return;
        c->in_state = IN_CMD;                /* a command instead of data: the write is abandoned */
        c->multi_write = 0;
        /* fall through */
    case IN_CMD:
        if (c->cmd_len == 0 && (b & 0xC0u) != 0x40u)
            return;
        c->cmd[c->cmd_len++] = b;
        if (c->cmd_len == 6) {
            c->cmd_len = 0;
            do_command(c);
        }
        return;
    }
}

/* The byte the card sends in the next slot. */
static uint8_t out_byte(struct sdcard *c)
{
    if (c->qlen) {
        c->qlen--;
        return c->q[c->qhead++];
    }
    if (c->busy_left) {
        if (--c->busy_left == 0) {
            commit(c);
            if (c->in_state == IN_WBUSY)
                c->in_state = c->after_busy;
        }
        return 0x00;
    }
    if (c->multi_read) {
        uint8_t buf[BLK];
        if (c->read_next >= c->blocks) {
            q_fill(c, 0xFF, c->cfg.nac);
            q_push(c, 0x08);                  /* data error token: out of range */
            c->out_of_range = 1;
            c->multi_read = 0;
        } else {
            read_block(c, c->read_next++, buf);
            q_block(c, buf, BLK);
            c->st.blocks_read++;
        }
        c->qlen--;
        return c->q[c->qhead++];
    }
    return 0xFF;
}

/* ---- bit layer ----------------------------------------------------------------------------------------------- */
static void deselect(struct sdcard *c)
{
    c->cmd_len = 0;
    c->in_bits = 0;
    if (c->in_state == IN_WDATA) {           /* a block cut short is lost */
        c->st.blocks_dropped++;
        c->in_state = IN_CMD;
        c->multi_write = 0;
    }
    if (c->in_state == IN_WBUSY || c->busy_left) {   /* programming completes on its own */
        c->busy_left = 0;
        commit(c);
        if (c->in_state == IN_WBUSY)
            c->in_state = c->after_busy;
    }
}

int sdcard_pins(struct sdcard *c, int cs_n, int sclk, int mosi)
{
    cs_n = !!cs_n;
    sclk = !!sclk;
    if (cs_n != c->cs_n) {
        c->cs_n = cs_n;
        if (cs_n) {
            deselect(c);
        } else {
            c->in_bits = 0;
            c->byte_done = 0;
            c->out_cur = out_byte(c);
            c->out_bit = 7;
        }
    }
    if (sclk != c->sclk) {
        c->sclk = sclk;
        if (cs_n) {
            if (sclk && c->powerup < 0xFFFFFFFFu)
                c->powerup++;
        } else if (sclk) {                   /* rising: sample MOSI */
            c->in_shift = (uint8_t)((c->in_shift << 1) | (mosi & 1));
            if (++c->in_bits == 8) {
                c->in_bits = 0;
                c->byte_done = 1;
                in_byte(c, c->in_shift);
            }
        } else {                             /* falling: next bit out */
            if (c->byte_done) {
                c->byte_done = 0;
                c->out_cur = out_byte(c);
                c->out_bit = 7;
            } else if (c->out_bit > 0) {
                c->out_bit--;
            }
        }
    }
    return cs_n ? 1 : (c->out_cur >> c->out_bit) & 1;
}

/* ---- life cycle ------------------------------------------------------------------------------------------------ */
void sdcard_default_config(struct sdcard_config *cfg)
{
    cfg->sdsc = 0;
    cfg->ncr = 2;
    cfg->nac = 3;
    cfg->busy_bytes = 6;
    cfg->init_polls = 3;
    cfg->powerup_clocks = 74;
}

struct sdcard *sdcard_open(const char *path, const struct sdcard_config *cfg, char *err, size_t errlen)
{
    struct stat sb;
    int fd = open(path, O_RDWR);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open disk image '%s' for reading and writing: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "disk image '%s' is not a regular file", path);
        close(fd);
        return NULL;
    }
    if (sb.st_size == 0 || sb.st_size % BLK != 0 || sb.st_size / BLK > 0xFFFFFFFFll) {
        snprintf(err, errlen, "disk image '%s' is %lld bytes: its size must be a non-zero multiple of 512", path,
                 (long long)sb.st_size);
        close(fd);
        return NULL;
    }
    struct sdcard *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        close(fd);
        return NULL;
    }
    c->fd = fd;
    c->blocks = (uint32_t)(sb.st_size / BLK);
    if (cfg)
        c->cfg = *cfg;
    else
        sdcard_default_config(&c->cfg);
    if (c->cfg.ncr < 1) c->cfg.ncr = 1;
    if (c->cfg.ncr > 8) c->cfg.ncr = 8;
    if (c->cfg.nac < 1) c->cfg.nac = 1;
    if (c->cfg.nac > 64) c->cfg.nac = 64;
    if (c->cfg.busy_bytes < 1) c->cfg.busy_bytes = 1;
    const char *t = getenv("SDCARD_TRACE");
    c->trace = t && *t && strcmp(t, "0") != 0;
    c->cs_n = 1;
    c->out_cur = 0xFF;
    c->in_state = IN_CMD;
    return c;
}

static int finish(struct sdcard *c, int keep_pending)
{
    int rc = 0;
    if (keep_pending)
        commit(c);
    else if (c->pending)
        c->st.blocks_dropped++;
    if (c->has_err)
        rc = -1;
    if (close(c->fd) != 0)
        rc = -1;
    free(c);
    return rc;
}

int sdcard_close(struct sdcard *c)
{
    return finish(c, 1);
}

int sdcard_power_cut(struct sdcard *c)
{
    return finish(c, 0);
}

uint32_t sdcard_blocks(const struct sdcard *c)
{
    return c->blocks;
}

void sdcard_get_stats(const struct sdcard *c, struct sdcard_stats *st)
{
    *st = c->st;
}

const char *sdcard_error(struct sdcard *c)
{
    if (!c->has_err)
        return NULL;
    c->has_err = 0;
    return c->errmsg;
}
