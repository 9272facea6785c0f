/*
 * bio.c - the buffer cache: FS_NBUF one-block buffers between the file system and the block device.
 *
 * Invariants:
 * - at most one buffer holds a given block number while valid (lookups find it; a miss recycles a buffer);
 * - a buffer with refcnt > 0 (someone between fs_bread and fs_brelse) or in_log (modified in the open transaction,
 *   not yet written anywhere) is never recycled; among the others the least recently released is chosen (LRU);
 * - fs_bread never returns a block outside [0, sb.nblocks): a corrupt pointer reads as an error, not as garbage;
 * - the cache never writes a buffer back by itself: dirty data reaches the disk only through the log (log.c).
 */
#include "fs_internal.h"

static struct buf bufs[FS_NBUF];
static uint32_t lru_clock;

void fs_binit(void)
{
    memset(bufs, 0, sizeof bufs);
    lru_clock = 0;
}

int fs_dev_read(uint32_t blockno, void *data)
{
    if (fs_cur.dev->read(fs_cur.dev->ctx, blockno * FS_SECTORS_PER_BLOCK, data, FS_SECTORS_PER_BLOCK) < 0) {
        fs_port_warn("read error at block", blockno, 0);
        return -IR_EIO;
    }
    return 0;
}

int fs_dev_write(uint32_t blockno, const void *data)
{
    if (fs_cur.dev->write(fs_cur.dev->ctx, blockno * FS_SECTORS_PER_BLOCK, data, FS_SECTORS_PER_BLOCK) < 0) {
        fs_port_warn("write error at block", blockno, 0);
        fs_cur.broken = 1;
        return -IR_EIO;
    }
    return 0;
}

struct buf *fs_bfind_cached(uint32_t blockno)
{
    for (uint32_t i = 0; i < FS_NBUF; i++)
        if (bufs[i].valid && bufs[i].blockno == blockno)
            return &bufs[i];
    return 0;
}

/* a buffer for blockno with a reference: the cached one, or a recycled one with valid = 0 */
static struct buf *bget(uint32_t blockno)
{
    if (blockno >= fs_cur.sb.nblocks) {
        fs_port_warn("block number out of range", blockno, fs_cur.sb.nblocks);
        return 0;
    }
    struct buf *b = fs_bfind_cached(blockno);
    if (b) {
        b->refcnt++;
        return b;
    }
    struct buf *victim = 0;
    for (uint32_t i = 0; i < FS_NBUF; i++) {
        b = &bufs[i];
        if (b->refcnt || b->in_log)
            continue;
        if (!b->valid) {                  /* an empty buffer beats any LRU choice */
            victim = b;
            break;
        }
        if (!victim || (uint32_t)(lru_clock - b->stamp) > (uint32_t)(lru_clock - victim->stamp))
            victim = b;
    }
    if (!victim) {
        fs_port_warn("buffer cache exhausted", FS_NBUF, 0);
        return 0;
    }
    victim->blockno = blockno;
    victim->valid = 0;
    victim->refcnt = 1;
    return victim;
}

struct buf *fs_bread(uint32_t blockno)
{
    struct buf *b = bget(blockno);
    if (b && !b->valid) {
        if (fs_dev_read(blockno, b->data) < 0) {
            b->refcnt = 0;
            return 0;
        }
        b->valid = 1;
    }
    return b;
}

struct buf *fs_bget_zero(uint32_t blockno)
{
    struct buf *b = bget(blockno);
    if (b) {
        memset(b->data, 0, FS_BSIZE);
        b->valid = 1;
    }
    return b;
}

void fs_brelse(struct buf *b)
{
    if (b->refcnt == 0)
        fs_port_panic("fs_brelse of a free buffer");
    b->refcnt--;
    b->stamp = ++lru_clock;
}
