/*
 * log.c - the redo (write-ahead) log: makes each file-system operation atomic with respect to crashes.
 *
 * An operation brackets its modifications with fs_begin_op()/fs_end_op() and reports every modified buffer with
 * fs_log_write(). Nothing reaches the home locations on disk until the transaction commits:
 *   1. write every modified block to the log region (log blocks 0..n-1);
 *   2. write the log header: n, the home block numbers, the CRC of the log blocks, its own CRC  <- commit point;
 *   3. install: write every block to its home location;
 *   4. write the log header again with n = 0.
 * Recovery at mount replays a valid header (steps 3-4). A crash before 2 completes leaves the old header (n = 0,
 * or a torn write whose CRC fails): the transaction is lost as a whole. A crash after 2 is replayed as a whole.
 * Replaying is idempotent, so a crash during recovery is harmless.
 *
 * Group commit: operations accumulate in one open transaction (the same block modified twice takes one slot).
 * It is committed by fs_sync(), by fs_begin_op() when the next step might not fit, and at every fs_end_op() when
 * mounted with FS_MOUNT_SYNC.
 *
 * Invariants:
 * - lg.n <= lg.cap <= FS_LOG_CAP and <= sb.log_blocks; lg.buf[0..n) are distinct buffers with in_log set;
 * - at depth 0 (no operation running) the in-memory blocks form a consistent file system, so a commit is only
 *   ever done at depth 0;
 * - one step (fs_begin_op .. fs_end_op at depth 1) adds at most FS_OP_MAX blocks: fs_begin_op makes room for that.
 */
#include "fs_internal.h"

static struct {
    uint32_t cap;                     /* transaction capacity in blocks */
    uint32_t n;                       /* blocks in the open transaction */
    struct buf *buf[FS_LOG_CAP];
    uint32_t step_start;              /* n when the current outermost fs_begin_op ran */
    uint32_t depth;                   /* nesting of fs_begin_op */
    uint32_t seq;
} lg;

static union {
    struct fs_log_header h;
    uint8_t raw[FS_BSIZE];
} hdr;
static uint8_t scratch[FS_BSIZE];

void fs_log_init(uint32_t capacity)
{
    memset(&lg, 0, sizeof lg);
    lg.cap = capacity;
}

static int write_header(uint32_t n, uint32_t data_crc)
{
    memset(&hdr, 0, sizeof hdr);
    hdr.h.magic = FS_LOG_MAGIC;
    hdr.h.seq = lg.seq;
    hdr.h.n = n;
    hdr.h.data_crc32 = data_crc;
    for (uint32_t i = 0; i < n; i++)
        hdr.h.block[i] = lg.buf[i]->blockno;
    hdr.h.hdr_crc32 = ir_crc32(0, hdr.raw, FS_BSIZE);
    return fs_dev_write(fs_cur.sb.log_start, hdr.raw);
}

int fs_log_clear_header(void)
{
    lg.n = 0;
    return write_header(0, 0);
}

int fs_log_commit(void)
{
    if (lg.depth)
        fs_port_panic("fs_log_commit inside an operation");
    if (lg.n == 0)
        return 0;
    if (fs_cur.broken)
        return -IR_EIO;
    uint32_t crc = 0;
    for (uint32_t i = 0; i < lg.n; i++) {                       /* 1. log blocks */
        if (fs_dev_write(fs_cur.sb.log_start + 1 + i, lg.buf[i]->data) < 0)
            return -IR_EIO;
        crc = ir_crc32(crc, lg.buf[i]->data, FS_BSIZE);
    }
    lg.seq++;
    if (write_header(lg.n, crc) < 0)                             /* 2. commit point */
        return -IR_EIO;
    for (uint32_t i = 0; i < lg.n; i++)                          /* 3. install */
        if (fs_dev_write(lg.buf[i]->blockno, lg.buf[i]->data) < 0)
            return -IR_EIO;
    for (uint32_t i = 0; i < lg.n; i++)
        lg.buf[i]->in_log = 0;
    lg.n = 0;
    return write_header(0, 0);                                   /* 4. clear */
}

int fs_log_recover(void)
{
    if (fs_dev_read(fs_cur.sb.log_start, hdr.raw) < 0)
        return -IR_EIO;
    uint32_t want = hdr.h.hdr_crc32;
    hdr.h.hdr_crc32 = 0;
    if (hdr.h.magic != FS_LOG_MAGIC || ir_crc32(0, hdr.raw, FS_BSIZE) != want) {
        /* never written, or a torn commit: no transaction. Start over with a clean header. */
        fs_port_warn("log header invalid (torn write?): no transaction to replay", hdr.h.magic, 0);
        lg.n = 0;
        return write_header(0, 0);
    }
    lg.seq = hdr.h.seq;
    uint32_t n = hdr.h.n, log_end = fs_cur.sb.log_start + 1 + fs_cur.sb.log_blocks;
    if (n == 0)
        return 0;
    if (n > fs_cur.sb.log_blocks || n > FS_LOG_MAX) {
        fs_port_warn("log header: too many blocks", n, fs_cur.sb.log_blocks);
        return -IR_EIO;
    }
    for (uint32_t i = 0; i < n; i++)
        if (hdr.h.block[i] < log_end || hdr.h.block[i] >= fs_cur.sb.nblocks) {
            fs_port_warn("log header: block out of range", hdr.h.block[i], i);
            return -IR_EIO;
        }
    uint32_t crc = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (fs_dev_read(fs_cur.sb.log_start + 1 + i, scratch) < 0)
            return -IR_EIO;
        crc = ir_crc32(crc, scratch, FS_BSIZE);
    }
    if (crc == hdr.h.data_crc32) {
        for (uint32_t i = 0; i < n; i++) {
            if (fs_dev_read(fs_cur.sb.log_start + 1 + i, scratch) < 0 ||
                fs_dev_write(hdr.h.block[i], scratch) < 0)
                return -IR_EIO;
        }
    } else {
        fs_port_warn("log: transaction with bad data CRC discarded", hdr.h.seq, n);
    }
    lg.n = 0;
    return write_header(0, 0);
}

int fs_begin_op(void)
{
    if (fs_cur.broken)
        return -IR_EIO;
    if (lg.depth == 0) {
        if (lg.n + FS_OP_MAX > lg.cap) {
            int r = fs_log_commit();
            if (r < 0)
                return r;
        }
        lg.step_start = lg.n;
    }
    lg.depth++;
    return 0;
}

int fs_end_op(void)
{
    if (lg.depth == 0)
        fs_port_panic("fs_end_op without fs_begin_op");
    if (--lg.depth > 0)
        return 0;
    int r = 0;
    if (fs_cur.flags & FS_MOUNT_SYNC)
        r = fs_log_commit();
    if (r == 0)
        r = fs_reclaim_pending();
    return r;
}

void fs_log_write(struct buf *b)
{
    if (lg.depth == 0)
        fs_port_panic("fs_log_write outside an operation");
    if (b->in_log)
        return;                       /* absorbed: already part of the transaction */
    if (lg.n >= lg.cap || lg.n - lg.step_start >= FS_OP_MAX)
        fs_port_panic("fs_log_write: operation step too big");
    b->in_log = 1;
    lg.buf[lg.n++] = b;
}

/* End the current step of a multi-step operation (depth 1) and begin the next one: the state between two steps
 * must be consistent on disk. Orphan reclaims are left to the final fs_end_op. */
int fs_log_step(void)
{
    if (lg.depth != 1)
        fs_port_panic("fs_log_step not at depth 1");
    lg.depth = 0;
    int r = 0;
    if (fs_cur.flags & FS_MOUNT_SYNC)
        r = fs_log_commit();
    if (r == 0 && lg.n + FS_OP_MAX > lg.cap)
        r = fs_log_commit();
    lg.step_start = lg.n;
    lg.depth = 1;
    return r;
}

uint32_t fs_log_room(void)
{
    return FS_OP_MAX - (lg.n - lg.step_start);
}
