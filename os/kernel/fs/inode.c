/*
 * inode.c - block allocation (bitmap), the inode table, file block mapping, file contents, truncation, orphans.
 *
 * A file's logical block lbn is found through ip->d.addrs: 0..11 direct, then one single-indirect block (256
 * entries), then one double-indirect block (256 x 256). A 0 pointer is a hole (reads as zeros).
 *
 * Invariants:
 * - itable[] holds at most one slot per inode number; a slot with ref > 0 or reclaim set is never recycled; while
 *   valid, slot.d is the authoritative copy of the on-disk inode and fs_iupdate() copies it to the inode table
 *   before the step that changed it ends;
 * - every pointer followed is checked to lie in the data region [data_start, nblocks): a corrupt pointer gives
 *   -IR_EIO (or is dropped with a warning when truncating), never an access to metadata;
 * - blocks come from fs_balloc() zero-filled (through the log), so holes, fresh blocks and the bytes past the end of
 *   a file read as zero; truncation zeroes the tail of the new last block for the same reason;
 * - a step never leaves a block mapped past ceil(size / FS_BSIZE), nor an allocated block unreferenced: a failed
 *   allocation frees what it had allocated before returning -IR_ENOSPC;
 * - an inode whose nlink is 0 and whose last reference goes is freed by fs_reclaim_pending() after the operation
 *   (its truncation may take many steps); after a crash, fs_reclaim_orphans_at_mount() finishes the job.
 */
#include "fs_internal.h"

static struct fs_inode itable[FS_NINODE];
static uint32_t balloc_hint;
static uint32_t ialloc_hint;

/* worst-case blocks a step adds to the transaction per file block it maps or frees, plus the inode block */
#define BLOCK_COST 8u

void fs_inode_init(void)
{
    memset(itable, 0, sizeof itable);
    balloc_hint = 0;
    ialloc_hint = 1;
}

static int is_data_block(uint32_t bn)
{
    return bn >= fs_cur.sb.data_start && bn < fs_cur.sb.nblocks;
}

/* ---- block bitmap ------------------------------------------------------------------------------------------ */

int fs_balloc(uint32_t *out)
{
    uint32_t nb = fs_cur.sb.nblocks, start = balloc_hint;
    if (start < fs_cur.sb.data_start || start >= nb)
        start = fs_cur.sb.data_start;
    /* scan from the hint to the end, then from the start of the data region to the hint */
    for (uint32_t pass = 0; pass < 2; pass++) {
        uint32_t from = pass ? fs_cur.sb.data_start : start, to = pass ? start : nb;
        for (uint32_t bn = from; bn < to;) {
            struct buf *b = fs_bread(fs_cur.sb.bmap_start + bn / FS_BITS_PER_BLOCK);
            if (!b)
                return -IR_EIO;
            uint32_t end = (bn / FS_BITS_PER_BLOCK + 1) * FS_BITS_PER_BLOCK;
            if (end > to)
                end = to;
            for (; bn < end; bn++) {
                uint32_t bit = bn % FS_BITS_PER_BLOCK;
                if ((bit & 7) == 0 && bn + 8 <= end && b->data[bit / 8] == 0xff) {
                    bn += 7;          /* skip a full byte */
                    continue;
                }
                if (!(b->data[bit / 8] & (1u << (bit % 8)))) {
                    b->data[bit / 8] |= (uint8_t)(1u << (bit % 8));
                    fs_log_write(b);
                    fs_brelse(b);
                    struct buf *z = fs_bget_zero(bn);
                    if (!z)
                        return -IR_EIO;
                    fs_log_write(z);
                    fs_brelse(z);
                    balloc_hint = bn + 1;
                    *out = bn;
                    return 0;
                }
            }
            fs_brelse(b);
        }
    }
    return -IR_ENOSPC;
}

void fs_bfree(uint32_t bn)
{
    if (!is_data_block(bn)) {
        fs_port_warn("fs_bfree: block outside the data region", bn, 0);
        return;
    }
    struct buf *b = fs_bread(fs_cur.sb.bmap_start + bn / FS_BITS_PER_BLOCK);
    if (!b)
        return;
    uint32_t bit = bn % FS_BITS_PER_BLOCK;
    if (!(b->data[bit / 8] & (1u << (bit % 8)))) {
        fs_port_warn("fs_bfree: block already free", bn, 0);
    } else {
        b->data[bit / 8] &= (uint8_t)~(1u << (bit % 8));
        fs_log_write(b);
    }
    fs_brelse(b);
}

/* ---- inode table ------------------------------------------------------------------------------------------- */

static struct buf *inode_block(uint32_t inum, struct fs_dinode **dp)
{
    struct buf *b = fs_bread(fs_cur.sb.inode_start + inum / FS_INODES_PER_BLOCK);
    if (b)
        *dp = (struct fs_dinode *)b->data + inum % FS_INODES_PER_BLOCK;
    return b;
}

int fs_iupdate(struct fs_inode *ip)
{
    struct fs_dinode *dp;
    struct buf *b = inode_block(ip->inum, &dp);
    if (!b)
        return -IR_EIO;
    *dp = ip->d;
    fs_log_write(b);
    fs_brelse(b);
    return 0;
}

/* a slot for inum, with a new reference; reads it if needed. Free inodes (type 0) are returned too. */
static int iget_any(uint32_t inum, struct fs_inode **out)
{
    if (inum == 0 || inum >= fs_cur.sb.ninodes) {
        fs_port_warn("inode number out of range", inum, fs_cur.sb.ninodes);
        return -IR_EIO;
    }
    struct fs_inode *empty = 0;
    for (uint32_t i = 0; i < FS_NINODE; i++) {
        struct fs_inode *ip = &itable[i];
        if (ip->valid && ip->inum == inum) {
            ip->ref++;
            *out = ip;
            return 0;
        }
        if (ip->ref == 0 && !ip->reclaim && (!empty || (empty->valid && !ip->valid)))
            empty = ip;
    }
    if (!empty)
        return -IR_ENFILE;
    struct fs_dinode *dp;
    struct buf *b = inode_block(inum, &dp);
    if (!b)
        return -IR_EIO;
    struct fs_dinode d = *dp;
    fs_brelse(b);
    if (d.type > FS_T_DIR || d.size > FS_MAXFILE) {
        fs_port_warn("corrupt inode (type, size)", inum, d.type);
        return -IR_EIO;
    }
    empty->inum = inum;
    empty->ref = 1;
    empty->valid = 1;
    empty->reclaim = 0;
    empty->d = d;
    *out = empty;
    return 0;
}

int fs_iget(uint32_t inum, struct fs_inode **out)
{
    int r = iget_any(inum, out);
    if (r == 0 && (*out)->d.type == FS_T_FREE) {
        fs_port_warn("reference to a free inode", inum, 0);
        (*out)->ref--;
        return -IR_EIO;
    }
    return r;
}

struct fs_inode *fs_idup(struct fs_inode *ip)
{
    ip->ref++;
    return ip;
}

int fs_ialloc(uint16_t type, struct fs_inode **out)
{
    uint32_t n = fs_cur.sb.ninodes;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t inum = (ialloc_hint + k) % n;
        if (inum == 0)
            continue;
        struct fs_dinode *dp;
        struct buf *b = inode_block(inum, &dp);
        if (!b)
            return -IR_EIO;
        if (dp->type != FS_T_FREE) {
            fs_brelse(b);
            continue;
        }
        for (uint32_t i = 0; i < FS_NINODE; i++)      /* drop a stale cached copy */
            if (itable[i].valid && itable[i].inum == inum) {
                if (itable[i].ref || itable[i].reclaim)
                    fs_port_panic("fs_ialloc: free inode still referenced");
                itable[i].valid = 0;
            }
        memset(dp, 0, sizeof *dp);
        dp->type = type;
        dp->mtime = fs_port_time();
        fs_log_write(b);
        fs_brelse(b);
        ialloc_hint = inum + 1;
        int r = fs_iget(inum, out);
        if (r < 0 && (b = inode_block(inum, &dp)) != 0) {   /* no in-memory slot: give the inode back */
            memset(dp, 0, sizeof *dp);
            fs_log_write(b);
            fs_brelse(b);
        }
        return r;
    }
    return -IR_ENOSPC;
}

void fs_iput(struct fs_inode *ip)
{
    if (ip->ref == 0)
        fs_port_panic("fs_iput of an unreferenced inode");
    if (ip->ref == 1 && ip->valid && ip->d.nlink == 0 && ip->d.type != FS_T_FREE && !ip->reclaim) {
        ip->reclaim = 1;              /* the reclaim list keeps this last reference */
        return;
    }
    ip->ref--;
}

/* ---- block mapping ----------------------------------------------------------------------------------------- */

/* Where the pointer to logical block lbn lives: in the inode (*b = 0) or in an indirect block (*b referenced,
 * caller releases). *slot = 0 when an indirect block on the way is missing (a hole). */
static int find_slot(struct fs_inode *ip, uint32_t lbn, struct buf **b, uint32_t **slot)
{
    *b = 0;
    *slot = 0;
    if (lbn < FS_NDIRECT) {
        *slot = &ip->d.addrs[lbn];
        return 0;
    }
    lbn -= FS_NDIRECT;
    uint32_t top, levels;
    if (lbn < FS_NINDIRECT) {
        top = ip->d.addrs[FS_IND];
        levels = 1;
    } else if ((lbn -= FS_NINDIRECT) < FS_NINDIRECT * FS_NINDIRECT) {
        top = ip->d.addrs[FS_DIND];
        levels = 2;
    } else {
        return -IR_EFBIG;
    }
    uint32_t bn = top;
    for (uint32_t level = levels; level > 0; level--) {
        if (bn == 0)
            return 0;
        if (!is_data_block(bn)) {
            fs_port_warn("corrupt indirect pointer in inode", ip->inum, bn);
            return -IR_EIO;
        }
        struct buf *ib = fs_bread(bn);
        if (!ib)
            return -IR_EIO;
        uint32_t idx = level == 2 ? lbn / FS_NINDIRECT : lbn % FS_NINDIRECT;
        uint32_t *entries = (uint32_t *)ib->data;
        if (level == 1) {
            *b = ib;
            *slot = &entries[idx];
            return 0;
        }
        bn = entries[idx];
        fs_brelse(ib);
    }
    return 0;
}

int fs_bmap(struct fs_inode *ip, uint32_t lbn, uint32_t *bn)
{
    struct buf *b;
    uint32_t *slot;
    int r = find_slot(ip, lbn, &b, &slot);
    if (r < 0)
        return r;
    *bn = slot ? *slot : 0;
    if (b)
        fs_brelse(b);
    if (*bn && !is_data_block(*bn)) {
        fs_port_warn("corrupt block pointer in inode", ip->inum, *bn);
        return -IR_EIO;
    }
    return 0;
}

/* Read the pointer entries[idx] of indirect block bn, allocating a block for it when 0 (counted in *fresh, so
 * the caller can undo). Returns the (existing or new) block number in *out. */
static int ind_entry(uint32_t bn, uint32_t idx, uint32_t *out)
{
    struct buf *b = fs_bread(bn);
    if (!b)
        return -IR_EIO;
    uint32_t v = ((uint32_t *)b->data)[idx];
    if (v == 0) {
        int r = fs_balloc(&v);
        if (r < 0) {
            fs_brelse(b);
            return r;
        }
        ((uint32_t *)b->data)[idx] = v;
        fs_log_write(b);
    } else if (!is_data_block(v)) {
        fs_brelse(b);
        fs_port_warn("corrupt pointer in indirect block", bn, v);
        return -IR_EIO;
    }
    fs_brelse(b);
    *out = v;
    return 0;
}

/* Map lbn, allocating the data block and the indirect blocks it needs. On failure every block allocated by this
 * call is freed and unlinked again, so the inode is as before. The caller guarantees log room >= BLOCK_COST. */
static int bmap_alloc(struct fs_inode *ip, uint32_t lbn, uint32_t *out)
{
    uint32_t *top, idx[2], levels;
    if (lbn < FS_NDIRECT) {
        top = &ip->d.addrs[lbn];
        levels = 0;
    } else if (lbn - FS_NDIRECT < FS_NINDIRECT) {
        top = &ip->d.addrs[FS_IND];
        levels = 1;
        idx[0] = lbn - FS_NDIRECT;
    } else if (lbn - FS_NDIRECT - FS_NINDIRECT < FS_NINDIRECT * FS_NINDIRECT) {
        uint32_t k = lbn - FS_NDIRECT - FS_NINDIRECT;
        top = &ip->d.addrs[FS_DIND];
        levels = 2;
        idx[0] = k / FS_NINDIRECT;
        idx[1] = k % FS_NINDIRECT;
    } else {
        return -IR_EFBIG;
    }
    /* remember what exists, to undo precisely */
    uint32_t path[3];                 /* path[0] = *top, path[i] = block at level i */
    uint32_t made = 0;                /* bit i: path[i] allocated here */
    int r = 0;
    if (*top == 0) {
        if ((r = fs_balloc(&path[0])) < 0)
            return r;
        *top = path[0];
        made |= 1;
    } else if (!is_data_block(*top)) {
        fs_port_warn("corrupt block pointer in inode", ip->inum, *top);
        return -IR_EIO;
    } else {
        path[0] = *top;
    }
    for (uint32_t level = 0; level < levels; level++) {
        /* does the entry exist? ind_entry allocates when not; find out which by reading it first */
        struct buf *b = fs_bread(path[level]);
        if (!b) {
            r = -IR_EIO;
            break;
        }
        uint32_t before = ((uint32_t *)b->data)[idx[level]];
        fs_brelse(b);
        if ((r = ind_entry(path[level], idx[level], &path[level + 1])) < 0)
            break;
        if (before == 0)
            made |= 1u << (level + 1);
    }
    if (r < 0) {
        /* undo, deepest first: clear the pointer in the parent, free the block */
        for (int level = (int)levels; level >= 0; level--) {
            if (!(made & (1u << level)))
                continue;
            if (level == 0) {
                *top = 0;
            } else {
                struct buf *b = fs_bread(path[level - 1]);
                if (b) {
                    ((uint32_t *)b->data)[idx[level - 1]] = 0;
                    fs_log_write(b);
                    fs_brelse(b);
                }
            }
            fs_bfree(path[level]);
        }
        return r;
    }
    *out = path[levels];
    return 0;
}

/* ---- contents ---------------------------------------------------------------------------------------------- */

int32_t fs_readi(struct fs_inode *ip, void *dst, uint32_t off, uint32_t n)
{
    uint8_t *d = dst;
    if (off >= ip->d.size)
        return 0;
    if (n > ip->d.size - off)
        n = ip->d.size - off;
    for (uint32_t done = 0; done < n;) {
        uint32_t bn, m = FS_BSIZE - off % FS_BSIZE;
        if (m > n - done)
            m = n - done;
        int r = fs_bmap(ip, off / FS_BSIZE, &bn);
        if (r < 0)
            return r;
        if (bn == 0) {
            memset(d + done, 0, m);
        } else {
            struct buf *b = fs_bread(bn);
            if (!b)
                return -IR_EIO;
            memcpy(d + done, b->data + off % FS_BSIZE, m);
            fs_brelse(b);
        }
        done += m;
        off += m;
    }
    return (int32_t)n;
}

int32_t fs_writei(struct fs_inode *ip, const void *src, uint32_t off, uint32_t n)
{
    const uint8_t *s = src;
    uint32_t done = 0;
    int r = 0;
    if (off > FS_MAXFILE || n > FS_MAXFILE - off)
        return -IR_EFBIG;
    while (done < n && fs_log_room() >= BLOCK_COST + 1) {
        uint32_t bn, m = FS_BSIZE - off % FS_BSIZE;
        if (m > n - done)
            m = n - done;
        if ((r = bmap_alloc(ip, off / FS_BSIZE, &bn)) < 0)
            break;
        struct buf *b = fs_bread(bn);
        if (!b) {
            r = -IR_EIO;
            break;
        }
        memcpy(b->data + off % FS_BSIZE, s + done, m);
        fs_log_write(b);
        fs_brelse(b);
        done += m;
        off += m;
        if (off > ip->d.size)
            ip->d.size = off;
    }
    if (done == 0)
        return r;                     /* nothing changed: a failed bmap_alloc undoes itself */
    ip->d.mtime = fs_port_time();
    r = fs_iupdate(ip);
    return r < 0 ? r : (int32_t)done;
}

/* ---- truncation -------------------------------------------------------------------------------------------- */

/* The indirect block covering lbn starts at lbn (so it holds nothing below lbn): free it and clear its pointer.
 * Called after lbn's own data block was freed. */
static void free_indirect_if_start(struct fs_inode *ip, uint32_t lbn)
{
    if (lbn == FS_NDIRECT) {
        if (ip->d.addrs[FS_IND])
            fs_bfree(ip->d.addrs[FS_IND]);
        ip->d.addrs[FS_IND] = 0;
        return;
    }
    if (lbn < FS_NDIRECT + FS_NINDIRECT)
        return;
    uint32_t k = lbn - FS_NDIRECT - FS_NINDIRECT;
    if (k % FS_NINDIRECT)
        return;
    uint32_t dind = ip->d.addrs[FS_DIND];
    if (dind && is_data_block(dind)) {
        struct buf *b = fs_bread(dind);
        if (b) {
            uint32_t *e = &((uint32_t *)b->data)[k / FS_NINDIRECT];
            if (*e) {
                fs_bfree(*e);
                *e = 0;
                fs_log_write(b);
            }
            fs_brelse(b);
        }
    }
    if (k == 0) {
        if (dind)
            fs_bfree(dind);
        ip->d.addrs[FS_DIND] = 0;
    }
}

int fs_itrunc(struct fs_inode *ip, uint32_t size)
{
    int r;
    if (size > FS_MAXFILE)
        return -IR_EFBIG;
    if (size >= ip->d.size) {          /* extend: a hole; bytes past the old end are already zero */
        ip->d.size = size;
        ip->d.mtime = fs_port_time();
        return fs_iupdate(ip);
    }
    uint32_t keep = (size + FS_BSIZE - 1) / FS_BSIZE;
    uint32_t lbn = (ip->d.size + FS_BSIZE - 1) / FS_BSIZE;
    while (lbn > keep) {
        if (fs_log_room() < BLOCK_COST) {
            /* end this step: the file now ends at lbn blocks, everything past it is freed */
            ip->d.size = lbn * FS_BSIZE;
            if ((r = fs_iupdate(ip)) < 0 || (r = fs_log_step()) < 0)
                return r;
        }
        lbn--;
        struct buf *b;
        uint32_t *slot;
        if ((r = find_slot(ip, lbn, &b, &slot)) < 0) {
            /* a corrupt indirect pointer: drop the whole indirect subtree reference */
            fs_port_warn("truncate: dropping corrupt indirect block of inode", ip->inum, lbn);
            slot = 0;
            b = 0;
        }
        if (slot && *slot) {
            fs_bfree(*slot);
            *slot = 0;
            if (b)
                fs_log_write(b);
        }
        if (b)
            fs_brelse(b);
        free_indirect_if_start(ip, lbn);
        if (r < 0) {                  /* clear the corrupt top pointers so the walk can go on */
            if (lbn >= FS_NDIRECT + FS_NINDIRECT)
                ip->d.addrs[FS_DIND] = 0;
            else if (lbn >= FS_NDIRECT)
                ip->d.addrs[FS_IND] = 0;
        }
    }
    /* zero the tail of the new last block so that a later extension reads zeros */
    if (size % FS_BSIZE) {
        uint32_t bn;
        if (fs_bmap(ip, size / FS_BSIZE, &bn) == 0 && bn) {
            struct buf *b = fs_bread(bn);
            if (b) {
                memset(b->data + size % FS_BSIZE, 0, FS_BSIZE - size % FS_BSIZE);
                fs_log_write(b);
                fs_brelse(b);
            }
        }
    }
    ip->d.size = size;
    ip->d.mtime = fs_port_time();
    return fs_iupdate(ip);
}

/* blocks held by the file, indirect blocks included (for st_blocks) */
uint32_t fs_iblocks(struct fs_inode *ip)
{
    uint32_t count = 0;
    for (uint32_t i = 0; i < FS_NDIRECT; i++)
        count += ip->d.addrs[i] != 0;
    uint32_t ind = ip->d.addrs[FS_IND], dind = ip->d.addrs[FS_DIND];
    for (uint32_t level = 1; level <= 2; level++) {
        uint32_t top = level == 1 ? ind : dind;
        if (!top || !is_data_block(top))
            continue;
        struct buf *b = fs_bread(top);
        if (!b)
            continue;
        count++;
        for (uint32_t i = 0; i < FS_NINDIRECT; i++) {
            uint32_t e = ((uint32_t *)b->data)[i];
            if (!e)
                continue;
            count++;
            if (level == 2 && is_data_block(e)) {
                struct buf *c = fs_bread(e);
                if (!c)
                    continue;
                for (uint32_t j = 0; j < FS_NINDIRECT; j++)
                    count += ((uint32_t *)c->data)[j] != 0;
                fs_brelse(c);
            }
        }
        fs_brelse(b);
    }
    return count;
}

/* ---- orphans ----------------------------------------------------------------------------------------------- */

/* Free every inode marked by fs_iput. Runs outside any operation (from fs_end_op). */
int fs_reclaim_pending(void)
{
    static int running;               /* its own end_ops call it again: do nothing then */
    if (running)
        return 0;
    running = 1;
    int result = 0;
    for (uint32_t i = 0; i < FS_NINODE; i++) {
        struct fs_inode *ip = &itable[i];
        if (!ip->reclaim)
            continue;
        int r = fs_begin_op();
        if (r < 0) {
            result = r;
            break;
        }
        if ((r = fs_itrunc(ip, 0)) == 0) {
            memset(&ip->d, 0, sizeof ip->d);
            r = fs_iupdate(ip);
        }
        int e = fs_end_op();
        if (r == 0)
            r = e;
        if (r < 0) {
            result = r;
            continue;                 /* stays marked; the fs is broken or the next mount finishes it */
        }
        ip->reclaim = 0;
        ip->ref = 0;
    }
    running = 0;
    return result;
}

int fs_reclaim_orphans_at_mount(void)
{
    for (uint32_t inum = 1; inum < fs_cur.sb.ninodes; inum++) {
        struct fs_dinode *dp;
        struct buf *b = inode_block(inum, &dp);
        if (!b)
            return -IR_EIO;
        uint32_t type = dp->type, nlink = dp->nlink;
        fs_brelse(b);
        if (type == FS_T_FREE || nlink != 0)
            continue;
        if (inum == FS_ROOT_INO) {
            fs_port_warn("root inode has nlink 0: not reclaimed", inum, 0);
            continue;
        }
        struct fs_inode *ip;
        if (fs_iget(inum, &ip) < 0)
            continue;                 /* corrupt: warned, left alone */
        ip->reclaim = 1;              /* keeps the reference */
        int r = fs_reclaim_pending();
        if (r < 0)
            return r;
    }
    return 0;
}

uint32_t fs_itype(uint32_t inum)
{
    if (inum == 0 || inum >= fs_cur.sb.ninodes)
        return 0xff;
    for (uint32_t i = 0; i < FS_NINODE; i++)
        if (itable[i].valid && itable[i].inum == inum)
            return itable[i].d.type;
    struct fs_dinode *dp;
    struct buf *b = inode_block(inum, &dp);
    if (!b)
        return 0xff;
    uint32_t t = dp->type;
    fs_brelse(b);
    return t;
}

uint32_t fs_inode_count_free(void)
{
    uint32_t count = 0;
    for (uint32_t inum = 1; inum < fs_cur.sb.ninodes; inum++) {
        struct fs_dinode *dp;
        struct buf *b = inode_block(inum, &dp);
        if (!b)
            return count;
        count += dp->type == FS_T_FREE;
        fs_brelse(b);
    }
    return count;
}
