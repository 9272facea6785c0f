/*
 * fsck.c - checks an IRFS image against every invariant of os/include/iridium/fs.h, without using the core:
 * superblock layout, log header, inodes, block pointers (range, duplicates, past the end), the bitmap against the
 * blocks really referenced, the directory tree (".", "..", names, duplicates, hard-linked or looping directories,
 * unreachable inodes) and link counts.
 *
 * A committed transaction still in the log is applied virtually (reads of its blocks come from the log), so the
 * check describes the file system as the next mount will see it. Each problem is one line; the count decides the
 * exit status. Invariants of this file: every block number is range-checked before it is read; every table is
 * indexed only by checked numbers; nothing is written to the image.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "fsck.h"

#define MAX_SHOWN 60                  /* problem lines printed; the rest are only counted */

struct ck {
    const struct fs_blockdev *dev;
    FILE *out;
    unsigned problems;
    struct fs_super sb;
    uint32_t logn, logblk[FS_LOG_MAX];   /* committed transaction applied virtually */
    struct fs_dinode *ino;
    uint32_t *owner;                  /* per block: inode that references it, 0 = none */
    uint32_t *refs;                   /* per inode: directory entries naming it (reachable dirs only) */
    uint8_t *seen;                    /* per inode: directory reached from the root */
    uint32_t *queue;
    uint32_t files, dirs, orphans, used_blocks;
};

static void problem(struct ck *c, const char *fmt, ...)
{
    c->problems++;
    if (!c->out)
        return;
    if (c->problems > MAX_SHOWN) {
        if (c->problems == MAX_SHOWN + 1)
            fprintf(c->out, "fsck: ... (further problems counted, not shown)\n");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    fprintf(c->out, "fsck: ");
    vfprintf(c->out, fmt, ap);
    fprintf(c->out, "\n");
    va_end(ap);
}

static void note(struct ck *c, const char *fmt, ...)
{
    if (!c->out)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(c->out, "fsck: note: ");
    vfprintf(c->out, fmt, ap);
    fprintf(c->out, "\n");
    va_end(ap);
}

static int raw_read(struct ck *c, uint32_t bn, void *buf)
{
    if ((uint64_t)bn * FS_SECTORS_PER_BLOCK + FS_SECTORS_PER_BLOCK > c->dev->sectors)
        return -1;
    return c->dev->read(c->dev->ctx, bn * FS_SECTORS_PER_BLOCK, buf, FS_SECTORS_PER_BLOCK);
}

/* a block as the next mount will see it (after log replay) */
static int rd(struct ck *c, uint32_t bn, void *buf)
{
    for (uint32_t i = c->logn; i-- > 0;)
        if (c->logblk[i] == bn)
            return raw_read(c, c->sb.log_start + 1 + i, buf);
    if (raw_read(c, bn, buf) < 0) {
        problem(c, "block %u: read error", bn);
        return -1;
    }
    return 0;
}

static int is_data(struct ck *c, uint32_t bn)
{
    return bn >= c->sb.data_start && bn < c->sb.nblocks;
}

/* ---- superblock and log ------------------------------------------------------------------------------------ */

static int check_super(struct ck *c)
{
    uint8_t blk[FS_BSIZE];
    struct fs_super *sb = &c->sb;
    if (c->dev->sectors < FS_SECTORS_PER_BLOCK || raw_read(c, 0, blk) < 0) {
        problem(c, "superblock: cannot read block 0");
        return -1;
    }
    memcpy(sb, blk, sizeof *sb);
    if (sb->magic != FS_MAGIC) {
        problem(c, "superblock: bad magic 0x%08x (want 0x%08x): not an IRFS file system", sb->magic, FS_MAGIC);
        return -1;
    }
    if (sb->version != FS_VERSION) {
        problem(c, "superblock: version %u, this tool knows %u", sb->version, FS_VERSION);
        return -1;
    }
    struct fs_super copy = *sb;
    copy.crc32 = 0;
    if (ir_crc32(0, &copy, sizeof copy) != sb->crc32)
        problem(c, "superblock: CRC mismatch (stored 0x%08x)", sb->crc32);
    int bad = 0;
    uint32_t ib = (uint32_t)(((uint64_t)sb->ninodes + FS_INODES_PER_BLOCK - 1) / FS_INODES_PER_BLOCK);
    uint32_t bb = (uint32_t)(((uint64_t)sb->nblocks + FS_BITS_PER_BLOCK - 1) / FS_BITS_PER_BLOCK);
#define LAYOUT(cond, ...) do { if (!(cond)) { problem(c, __VA_ARGS__); bad = 1; } } while (0)
    LAYOUT((uint64_t)sb->nblocks * FS_SECTORS_PER_BLOCK <= c->dev->sectors,
           "superblock: %u blocks but the partition holds only %u", sb->nblocks, c->dev->sectors / 2);
    LAYOUT(sb->log_start == 1, "superblock: log_start %u, want 1", sb->log_start);
    LAYOUT(sb->log_blocks >= FS_OP_MAX && sb->log_blocks <= FS_LOG_MAX, "superblock: log_blocks %u not in [%u, %u]",
           sb->log_blocks, FS_OP_MAX, FS_LOG_MAX);
    LAYOUT(sb->inode_start == (uint64_t)sb->log_start + 1 + sb->log_blocks, "superblock: inode_start %u, want %u",
           sb->inode_start, sb->log_start + 1 + sb->log_blocks);
    LAYOUT(sb->ninodes >= 2 && sb->inode_blocks == ib && sb->ninodes == ib * FS_INODES_PER_BLOCK,
           "superblock: %u inodes do not fill %u inode blocks", sb->ninodes, sb->inode_blocks);
    LAYOUT(sb->bmap_start == (uint64_t)sb->inode_start + sb->inode_blocks, "superblock: bmap_start %u, want %u",
           sb->bmap_start, sb->inode_start + sb->inode_blocks);
    LAYOUT(sb->bmap_blocks == bb, "superblock: bmap_blocks %u, want %u", sb->bmap_blocks, bb);
    LAYOUT(sb->data_start == (uint64_t)sb->bmap_start + sb->bmap_blocks && sb->data_start < sb->nblocks,
           "superblock: data_start %u inconsistent (bitmap ends at %u, %u blocks)", sb->data_start,
           sb->bmap_start + sb->bmap_blocks, sb->nblocks);
#undef LAYOUT
    return bad ? -1 : 0;
}

static void check_log(struct ck *c)
{
    union {
        struct fs_log_header h;
        uint8_t raw[FS_BSIZE];
    } hb;
    uint8_t blk[FS_BSIZE];
    c->logn = 0;
    if (raw_read(c, c->sb.log_start, hb.raw) < 0) {
        problem(c, "log header: read error");
        return;
    }
    uint32_t want = hb.h.hdr_crc32;
    hb.h.hdr_crc32 = 0;
    if (hb.h.magic != FS_LOG_MAGIC || ir_crc32(0, hb.raw, FS_BSIZE) != want) {
        note(c, "log header invalid (torn write or damage): the next mount treats the log as empty");
        return;
    }
    uint32_t n = hb.h.n, log_end = c->sb.log_start + 1 + c->sb.log_blocks;
    if (n == 0)
        return;
    if (n > c->sb.log_blocks) {
        problem(c, "log header: %u blocks, the log holds %u (mount will refuse)", n, c->sb.log_blocks);
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        if (hb.h.block[i] < log_end || hb.h.block[i] >= c->sb.nblocks) {
            problem(c, "log header: entry %u names block %u outside [%u, %u) (mount will refuse)", i,
                    hb.h.block[i], log_end, c->sb.nblocks);
            return;
        }
    uint32_t crc = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (raw_read(c, c->sb.log_start + 1 + i, blk) < 0) {
            problem(c, "log block %u: read error", i);
            return;
        }
        crc = ir_crc32(crc, blk, FS_BSIZE);
    }
    if (crc != hb.h.data_crc32) {
        note(c, "log: transaction %u (%u blocks) has a bad data CRC: it will be discarded at mount", hb.h.seq, n);
        return;
    }
    note(c, "log: committed transaction %u of %u blocks not yet installed: checking as replayed", hb.h.seq, n);
    c->logn = n;
    memcpy(c->logblk, hb.h.block, n * sizeof(uint32_t));
}

/* ---- inodes and blocks ------------------------------------------------------------------------------------- */

static uint32_t limit_blocks(const struct fs_dinode *d)
{
    return (uint32_t)(((uint64_t)d->size + FS_BSIZE - 1) / FS_BSIZE);
}

/* record that inode inum references bn; 1 if bn may be followed */
static int claim(struct ck *c, uint32_t inum, uint32_t bn, uint32_t lbn, const char *what)
{
    if (!is_data(c, bn)) {
        problem(c, "inode %u: %s pointer %u (logical block %u) outside the data region [%u, %u)", inum, what, bn,
                lbn, c->sb.data_start, c->sb.nblocks);
        return 0;
    }
    if (c->owner[bn]) {
        problem(c, "block %u: referenced by inode %u and by inode %u (%s, logical block %u)", bn, c->owner[bn],
                inum, what, lbn);
        return 0;
    }
    c->owner[bn] = inum;
    c->used_blocks++;
    if (lbn >= limit_blocks(&c->ino[inum]))
        problem(c, "inode %u: %s block %u at logical block %u, past the end (size %u)", inum, what, bn, lbn,
                c->ino[inum].size);
    return 1;
}

static void walk_blocks(struct ck *c, uint32_t inum)
{
    struct fs_dinode *d = &c->ino[inum];
    uint32_t ind[FS_NINDIRECT], sub[FS_NINDIRECT];
    for (uint32_t i = 0; i < FS_NDIRECT; i++)
        if (d->addrs[i])
            claim(c, inum, d->addrs[i], i, "data");
    if (d->addrs[FS_IND] && claim(c, inum, d->addrs[FS_IND], FS_NDIRECT, "indirect") &&
        rd(c, d->addrs[FS_IND], ind) == 0)
        for (uint32_t i = 0; i < FS_NINDIRECT; i++)
            if (ind[i])
                claim(c, inum, ind[i], FS_NDIRECT + i, "data");
    uint32_t base = FS_NDIRECT + FS_NINDIRECT;
    if (d->addrs[FS_DIND] && claim(c, inum, d->addrs[FS_DIND], base, "double-indirect") &&
        rd(c, d->addrs[FS_DIND], ind) == 0)
        for (uint32_t i = 0; i < FS_NINDIRECT; i++) {
            if (!ind[i] || !claim(c, inum, ind[i], base + i * FS_NINDIRECT, "indirect") || rd(c, ind[i], sub) < 0)
                continue;
            for (uint32_t j = 0; j < FS_NINDIRECT; j++)
                if (sub[j])
                    claim(c, inum, sub[j], base + i * FS_NINDIRECT + j, "data");
        }
}

/* block number of logical block lbn of inode d (0: hole or invalid pointer, already reported) */
static uint32_t fbmap(struct ck *c, const struct fs_dinode *d, uint32_t lbn)
{
    uint32_t ind[FS_NINDIRECT], bn;
    if (lbn < FS_NDIRECT)
        bn = d->addrs[lbn];
    else if ((lbn -= FS_NDIRECT) < FS_NINDIRECT) {
        if (!is_data(c, d->addrs[FS_IND]) || rd(c, d->addrs[FS_IND], ind) < 0)
            return 0;
        bn = ind[lbn];
    } else {
        lbn -= FS_NINDIRECT;
        if (!is_data(c, d->addrs[FS_DIND]) || rd(c, d->addrs[FS_DIND], ind) < 0)
            return 0;
        bn = ind[lbn / FS_NINDIRECT % FS_NINDIRECT];
        if (!is_data(c, bn) || rd(c, bn, ind) < 0)
            return 0;
        bn = ind[lbn % FS_NINDIRECT];
    }
    return is_data(c, bn) ? bn : 0;
}

static void check_inodes(struct ck *c)
{
    uint8_t blk[FS_BSIZE];
    for (uint32_t b = 0; b < c->sb.inode_blocks; b++) {
        if (rd(c, c->sb.inode_start + b, blk) < 0)
            memset(blk, 0, sizeof blk);
        memcpy(&c->ino[b * FS_INODES_PER_BLOCK], blk, FS_BSIZE);
    }
    static const struct fs_dinode zero;
    if (memcmp(&c->ino[0], &zero, sizeof zero))
        problem(c, "inode 0 (reserved) is not zero");
    for (uint32_t inum = 1; inum < c->sb.ninodes; inum++) {
        struct fs_dinode *d = &c->ino[inum];
        if (d->type == FS_T_FREE) {
            if (memcmp(d, &zero, sizeof zero))
                problem(c, "inode %u: free but not zeroed (nlink %u, size %u)", inum, d->nlink, d->size);
            continue;
        }
        if (d->type != FS_T_FILE && d->type != FS_T_DIR) {
            problem(c, "inode %u: invalid type %u", inum, d->type);
            continue;
        }
        if (d->size > FS_MAXFILE) {
            problem(c, "inode %u: size %u larger than the maximum %u", inum, d->size, FS_MAXFILE);
            continue;
        }
        for (uint32_t i = 0; i < 14; i++)
            if (d->reserved[i] || d->reserved0) {
                problem(c, "inode %u: reserved fields not zero", inum);
                break;
            }
        if (d->type == FS_T_FILE)
            c->files++;
        else
            c->dirs++;
        walk_blocks(c, inum);
        if (d->size % FS_BSIZE) {     /* the bytes past the end of the last block must be zero */
            uint32_t bn = fbmap(c, d, d->size / FS_BSIZE);
            if (bn && rd(c, bn, blk) == 0)
                for (uint32_t i = d->size % FS_BSIZE; i < FS_BSIZE; i++)
                    if (blk[i]) {
                        problem(c, "inode %u: non-zero byte at offset %u past the end (size %u)", inum,
                                d->size / FS_BSIZE * FS_BSIZE + i, d->size);
                        break;
                    }
        }
    }
    if (c->ino[FS_ROOT_INO].type != FS_T_DIR)
        problem(c, "root inode %u is not a directory (type %u)", FS_ROOT_INO, c->ino[FS_ROOT_INO].type);
}

static void check_bitmap(struct ck *c)
{
    uint8_t blk[FS_BSIZE];
    for (uint32_t b = 0; b < c->sb.bmap_blocks; b++) {
        if (rd(c, c->sb.bmap_start + b, blk) < 0)
            continue;
        for (uint32_t bit = 0; bit < FS_BITS_PER_BLOCK; bit++) {
            uint32_t bn = b * FS_BITS_PER_BLOCK + bit;
            int set = (blk[bit / 8] >> (bit % 8)) & 1;
            if (bn < c->sb.data_start || bn >= c->sb.nblocks) {
                if (!set)
                    problem(c, "bitmap: block %u (%s) marked free", bn,
                            bn < c->sb.data_start ? "metadata" : "past the end of the file system");
            } else if (set && !c->owner[bn]) {
                problem(c, "bitmap: block %u marked in use but referenced by no inode (leaked)", bn);
            } else if (!set && c->owner[bn]) {
                problem(c, "bitmap: block %u referenced by inode %u but marked free", bn, c->owner[bn]);
            }
        }
    }
}

/* ---- directory tree ---------------------------------------------------------------------------------------- */

static int cmp_names(const void *a, const void *b)
{
    return strncmp(a, b, FS_NAME_MAX + 1);
}

static void check_dir(struct ck *c, uint32_t inum, uint32_t parent, uint32_t *qtail)
{
    struct fs_dinode *d = &c->ino[inum];
    struct fs_dirent blk[FS_DIRENTS_PER_BLOCK];
    if (d->size % FS_DIRENT_SIZE)
        problem(c, "directory %u: size %u not a multiple of %u", inum, d->size, FS_DIRENT_SIZE);
    uint32_t nent = d->size / FS_DIRENT_SIZE;
    char (*names)[FS_NAME_MAX + 1] = calloc(nent ? nent : 1, FS_NAME_MAX + 1);
    uint32_t nnames = 0;
    if (nent < 2)
        problem(c, "directory %u: fewer than 2 entries (. and ..)", inum);
    for (uint32_t e = 0; e < nent; e++) {
        if (e % FS_DIRENTS_PER_BLOCK == 0) {
            uint32_t bn = fbmap(c, d, e / FS_DIRENTS_PER_BLOCK);
            if (!bn || rd(c, bn, blk) < 0) {
                problem(c, "directory %u: block %u is a hole or unreadable", inum, e / FS_DIRENTS_PER_BLOCK);
                e += FS_DIRENTS_PER_BLOCK - 1;
                continue;
            }
        }
        struct fs_dirent *de = &blk[e % FS_DIRENTS_PER_BLOCK];
        const char *want = e == 0 ? "." : e == 1 ? ".." : 0;
        uint32_t want_inum = e == 0 ? inum : parent;
        uint32_t len = (uint32_t)strnlen(de->name, sizeof de->name);
        if (want) {
            if (strcmp(de->name, want) || de->inum != want_inum) {
                problem(c, "directory %u: entry %u should be \"%s\" -> %u, is \"%.*s\" -> %u", inum, e, want,
                        want_inum, (int)len, de->name, de->inum);
                continue;
            }
        } else if (de->inum == 0) {
            continue;
        } else if (len == sizeof de->name || len == 0 || memchr(de->name, '/', len) ||
                   !strcmp(de->name, ".") || !strcmp(de->name, "..")) {
            problem(c, "directory %u: entry %u has an invalid name \"%.*s\"", inum, e, (int)len, de->name);
            continue;
        }
        if (de->inum >= c->sb.ninodes) {
            problem(c, "directory %u: entry \"%s\" names inode %u, out of range", inum, de->name, de->inum);
            continue;
        }
        struct fs_dinode *t = &c->ino[de->inum];
        if (t->type != FS_T_FILE && t->type != FS_T_DIR) {
            problem(c, "directory %u: entry \"%s\" names inode %u, which is %s", inum, de->name, de->inum,
                    t->type == FS_T_FREE ? "free" : "invalid");
            continue;
        }
        c->refs[de->inum]++;
        if (want)
            continue;
        memcpy(names[nnames++], de->name, len + 1);
        if (t->type == FS_T_DIR) {
            if (c->seen[de->inum]) {
                problem(c, "directory %u: entry \"%s\" names directory %u, already reached (hard link or loop)",
                        inum, de->name, de->inum);
                continue;
            }
            c->seen[de->inum] = 1;
            c->queue[(*qtail)++] = de->inum;
            c->queue[(*qtail)++] = inum;
        }
    }
    qsort(names, nnames, FS_NAME_MAX + 1, cmp_names);
    for (uint32_t i = 1; i < nnames; i++)
        if (!strcmp(names[i - 1], names[i]))
            problem(c, "directory %u: name \"%s\" appears more than once", inum, names[i]);
    free(names);
}

static void check_tree(struct ck *c)
{
    if (c->ino[FS_ROOT_INO].type != FS_T_DIR)
        return;
    uint32_t head = 0, tail = 0;
    c->seen[FS_ROOT_INO] = 1;
    c->queue[tail++] = FS_ROOT_INO;
    c->queue[tail++] = FS_ROOT_INO;
    while (head < tail) {
        uint32_t inum = c->queue[head++], parent = c->queue[head++];
        check_dir(c, inum, parent, &tail);
    }
    for (uint32_t inum = 1; inum < c->sb.ninodes; inum++) {
        struct fs_dinode *d = &c->ino[inum];
        if (d->type != FS_T_FILE && d->type != FS_T_DIR)
            continue;
        if (d->nlink == 0 && c->refs[inum] == 0) {
            c->orphans++;
            note(c, "inode %u: orphan (nlink 0, unlinked while open): freed at the next mount", inum);
        } else if (c->refs[inum] == 0) {
            problem(c, "inode %u: nlink %u but no directory entry reaches it", inum, d->nlink);
        } else if (c->refs[inum] != d->nlink) {
            problem(c, "inode %u: nlink %u but %u directory entries", inum, d->nlink, c->refs[inum]);
        }
    }
}

int fsck_fs(const struct fs_blockdev *part, FILE *out, int verbose)
{
    struct ck c;
    memset(&c, 0, sizeof c);
    c.dev = part;
    c.out = out;
    if (check_super(&c) < 0) {
        if (out)
            fprintf(out, "fsck: the superblock is unusable: nothing more can be checked\n");
        return FSCK_UNREADABLE;
    }
    check_log(&c);
    c.ino = calloc(c.sb.ninodes, sizeof *c.ino);
    c.owner = calloc(c.sb.nblocks, sizeof *c.owner);
    c.refs = calloc(c.sb.ninodes, sizeof *c.refs);
    c.seen = calloc(c.sb.ninodes, 1);
    c.queue = calloc(2 * (size_t)c.sb.ninodes + 2, sizeof *c.queue);
    if (!c.ino || !c.owner || !c.refs || !c.seen || !c.queue) {
        if (out)
            fprintf(out, "fsck: out of memory\n");
        return FSCK_UNREADABLE;
    }
    check_inodes(&c);
    check_bitmap(&c);
    check_tree(&c);
    if (out && verbose)
        fprintf(out, "fsck: %u files, %u directories, %u orphans; %u of %u blocks used (%u data); "
                "%u inodes; log %u blocks\n", c.files, c.dirs, c.orphans, c.used_blocks + c.sb.data_start,
                c.sb.nblocks, c.used_blocks, c.sb.ninodes, c.sb.log_blocks);
    if (out && (verbose || c.problems))
        fprintf(out, "fsck: %s (%u problem%s)\n", c.problems ? "PROBLEMS FOUND" : "clean", c.problems,
                c.problems == 1 ? "" : "s");
    free(c.ino);
    free(c.owner);
    free(c.refs);
    free(c.seen);
    free(c.queue);
    return c.problems ? FSCK_PROBLEMS : FSCK_CLEAN;
}

int fsck_image(struct image *im, FILE *out, int verbose)
{
    char err[256];
    if (image_load_header(im, err, sizeof err) < 0) {
        if (out)
            fprintf(out, "fsck: %s\n", err);
        return FSCK_UNREADABLE;
    }
    struct disk_header *h = &im->hdr;
    int extra = 0;
    if ((uint64_t)h->disk_sectors * DISK_SECTOR > im->size) {
        if (out)
            fprintf(out, "fsck: image truncated: %llu bytes, the header says %llu\n",
                    (unsigned long long)im->size, (unsigned long long)h->disk_sectors * DISK_SECTOR);
        extra++;
    }
    if (h->kernel_bytes) {
        uint8_t *k = malloc(h->kernel_bytes);
        if (!k || image_read(im, (uint64_t)h->kernel_sector * DISK_SECTOR, k, h->kernel_bytes) < 0) {
            if (out)
                fprintf(out, "fsck: kernel image (%u bytes at sector %u) not readable\n", h->kernel_bytes,
                        h->kernel_sector);
            extra++;
        } else if (ir_crc32(0, k, h->kernel_bytes) != h->kernel_crc32) {
            if (out)
                fprintf(out, "fsck: kernel image CRC mismatch (stored 0x%08x, computed 0x%08x)\n",
                        h->kernel_crc32, ir_crc32(0, k, h->kernel_bytes));
            extra++;
        }
        free(k);
    }
    if (out && verbose)
        fprintf(out, "fsck: disk %u sectors; kernel %u bytes at sector %u (load 0x%08x, entry 0x%08x); "
                "file system at sector %u, %u sectors\n", h->disk_sectors, h->kernel_bytes, h->kernel_sector,
                h->kernel_load, h->kernel_entry, h->fs_sector, h->fs_sectors);
    int r = fsck_fs(&im->part, out, verbose);
    if (r == FSCK_CLEAN && extra)
        r = FSCK_PROBLEMS;
    return r;
}
