/*
 * fs_internal.h - declarations shared by the files of the file-system core (not for its users).
 *
 * Layers, bottom up (each file's header comment has its invariants):
 *   bio.c    buffer cache: FS_NBUF block buffers, LRU replacement, pinned while part of the open transaction
 *   log.c    redo log: fs_begin_op/fs_end_op, fs_log_write, group commit, recovery at mount
 *   inode.c  block bitmap allocator, inode table, block mapping (fs_bmap), fs_readi/fs_writei, truncation, orphans
 *   dir.c    directory entries and path-name resolution
 *   ops.c    the public operations of fs.h (mount, open, mkdir, unlink, rename, ...), mkfs (fs_format), CRC-32
 *
 * Rules every layer follows: all modifications of disk blocks go through fs_log_write inside fs_begin_op/fs_end_op (never
 * straight to the device, except the log itself and fs_format); an operation step modifies at most FS_OP_MAX
 * distinct blocks (writers check fs_log_room() before each block); an error leaves the on-disk state consistent,
 * because every step undoes its own partial work before it returns its error (or the file system turns
 * read-only: fs_cur.broken).
 */
#ifndef IRIDIUM_FS_INTERNAL_H
#define IRIDIUM_FS_INTERNAL_H

#include "fs.h"
#include "fs_port.h"

/* global state of the mounted file system */
struct fs_state {
    const struct fs_blockdev *dev;
    struct fs_super sb;
    uint32_t mounted;
    uint32_t broken;                  /* a device error happened: refuse every further modification */
    uint32_t flags;                   /* FS_MOUNT_* */
};
extern struct fs_state fs_cur;

/* ---- bio.c ---- */
struct buf {
    uint32_t blockno;
    uint32_t refcnt;                  /* holders between fs_bread/fs_bget_zero and fs_brelse */
    uint8_t  valid;                   /* data holds the block's current contents */
    uint8_t  in_log;                  /* modified in the open transaction: pinned until commit */
    uint32_t stamp;                   /* LRU: value of a counter at the last fs_brelse */
    uint8_t  data[FS_BSIZE];
};
void        fs_binit(void);
struct buf *fs_bread(uint32_t blockno);          /* NULL on a device error (warned) or an out-of-range block */
struct buf *fs_bget_zero(uint32_t blockno);      /* a buffer for blockno filled with zeros, without reading */
void        fs_brelse(struct buf *b);
int         fs_dev_read(uint32_t blockno, void *data);       /* direct device access (log, format) */
int         fs_dev_write(uint32_t blockno, const void *data);
struct buf *fs_bfind_cached(uint32_t blockno);   /* the cached buffer, if any (no reference taken) */

/* ---- log.c ---- */
void     fs_log_init(uint32_t capacity);
int      fs_log_recover(void);
int      fs_begin_op(void);                      /* -IR_EIO if the fs is broken */
int      fs_end_op(void);                        /* commits in FS_MOUNT_SYNC mode; runs pending orphan reclaims */
void     fs_log_write(struct buf *b);            /* b was modified: make it part of the transaction */
uint32_t fs_log_room(void);
int      fs_log_step(void);                      /* between two consistent steps of one long operation */                      /* blocks the current step may still add to the transaction */
int      fs_log_commit(void);
int      fs_log_clear_header(void);              /* fs_format: write an empty, valid log header */

/* ---- inode.c ---- */
void     fs_inode_init(void);
int      fs_balloc(uint32_t *bn);                /* allocate a zeroed data block; -IR_ENOSPC */
void     fs_bfree(uint32_t bn);
int      fs_ialloc(uint16_t type, struct fs_inode **out);   /* -IR_ENOSPC when out of inodes */
int      fs_iget(uint32_t inum, struct fs_inode **out);     /* reads the inode; -IR_EIO on bad inum or corruption */
struct fs_inode *fs_idup(struct fs_inode *ip);
void     fs_iput(struct fs_inode *ip);           /* inside an op; an orphan whose last reference goes is reclaimed */
int      fs_iupdate(struct fs_inode *ip);        /* copy ip->d to the inode table (logged) */
int      fs_bmap(struct fs_inode *ip, uint32_t lbn, uint32_t *bn);  /* 0 in *bn: a hole */
int32_t  fs_readi(struct fs_inode *ip, void *dst, uint32_t off, uint32_t n);
int32_t  fs_writei(struct fs_inode *ip, const void *src, uint32_t off, uint32_t n);  /* stops when log room ends */
int      fs_itrunc(struct fs_inode *ip, uint32_t size);     /* may end and begin ops between its steps */
int      fs_reclaim_pending(void);                          /* free orphans marked by fs_iput (own ops) */
int      fs_reclaim_orphans_at_mount(void);
uint32_t fs_inode_count_free(void);
uint32_t fs_iblocks(struct fs_inode *ip);                   /* blocks held, indirect ones included */
uint32_t fs_itype(uint32_t inum);                           /* FS_T_* of an inode, 0xff if unreadable */

/* ---- dir.c ---- */
int  fs_namecmp(const char *a, const char *b);
int  fs_dirlookup(struct fs_inode *dp, const char *name, uint32_t *inum, uint32_t *off);
int  fs_dirlink(struct fs_inode *dp, const char *name, uint32_t inum);
int  fs_dirset(struct fs_inode *dp, uint32_t off, uint32_t inum);  /* rewrite the inum of the entry at off */
int  fs_dirremove(struct fs_inode *dp, uint32_t off);              /* free the entry at off */
int  fs_dirempty(struct fs_inode *dp);                             /* 1 empty, 0 not, < 0 error */
int  fs_namei(struct fs_inode *dir, const char *path, struct fs_inode **out);
int  fs_nameiparent(struct fs_inode *dir, const char *path, struct fs_inode **parent, char *name);

#endif
