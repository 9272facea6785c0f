/*
 * fs_internal.h - declarations shared by the files of the file-system core (not for its users).
 *
 * Layers, bottom up (each file's header comment has its invariants):
 *   bio.c    buffer cache: FS_NBUF block buffers, LRU replacement, pinned while part of the open transaction
 *   log.c    redo log: begin_op/end_op, log_write, group commit, recovery at mount
 *   inode.c  block bitmap allocator, inode table, block mapping (bmap), readi/writei, truncation, orphans
 *   dir.c    directory entries and path-name resolution
 *   ops.c    the public operations of fs.h (mount, open, mkdir, unlink, rename, ...), mkfs (fs_format), CRC-32
 *
 * Rules every layer follows: all modifications of disk blocks go through log_write inside begin_op/end_op (never
 * straight to the device, except the log itself and fs_format); an operation step modifies at most FS_OP_MAX
 * distinct blocks (writers check log_room() before each block); an error leaves the on-disk state consistent,
 * because every step undoes its own partial work before it returns its error (or the file system turns
 * read-only: fs.broken).
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
extern struct fs_state fs;

/* ---- bio.c ---- */
struct buf {
    uint32_t blockno;
    uint32_t refcnt;                  /* holders between bread/bget_zero and brelse */
    uint8_t  valid;                   /* data holds the block's current contents */
    uint8_t  in_log;                  /* modified in the open transaction: pinned until commit */
    uint32_t stamp;                   /* LRU: value of a counter at the last brelse */
    uint8_t  data[FS_BSIZE];
};
void        binit(void);
struct buf *bread(uint32_t blockno);          /* NULL on a device error (warned) or an out-of-range block */
struct buf *bget_zero(uint32_t blockno);      /* a buffer for blockno filled with zeros, without reading */
void        brelse(struct buf *b);
int         dev_read_block(uint32_t blockno, void *data);       /* direct device access (log, format) */
int         dev_write_block(uint32_t blockno, const void *data);
struct buf *bfind_cached(uint32_t blockno);   /* the cached buffer, if any (no reference taken) */

/* ---- log.c ---- */
void     log_init(uint32_t capacity);
int      log_recover(void);
int      begin_op(void);                      /* -IR_EIO if the fs is broken */
int      end_op(void);                        /* commits in FS_MOUNT_SYNC mode; runs pending orphan reclaims */
void     log_write(struct buf *b);            /* b was modified: make it part of the transaction */
uint32_t log_room(void);                      /* blocks the current step may still add to the transaction */
int      log_commit(void);

/* ---- inode.c ---- */
void     inode_init(void);
int      balloc(uint32_t *bn);                /* allocate a zeroed data block; -IR_ENOSPC */
void     bfree(uint32_t bn);
int      ialloc(uint16_t type, struct fs_inode **out);   /* -IR_ENOSPC when out of inodes */
int      iget(uint32_t inum, struct fs_inode **out);     /* reads the inode; -IR_EIO on bad inum or corruption */
struct fs_inode *idup(struct fs_inode *ip);
void     iput(struct fs_inode *ip);           /* inside an op; an orphan whose last reference goes is reclaimed */
int      iupdate(struct fs_inode *ip);        /* copy ip->d to the inode table (logged) */
int      bmap(struct fs_inode *ip, uint32_t lbn, uint32_t *bn);  /* 0 in *bn: a hole */
int32_t  readi(struct fs_inode *ip, void *dst, uint32_t off, uint32_t n);
int32_t  writei(struct fs_inode *ip, const void *src, uint32_t off, uint32_t n);  /* stops when log room ends */
int      itrunc(struct fs_inode *ip, uint32_t size);     /* may end and begin ops between its steps */
int      reclaim_pending(void);                          /* free orphans marked by iput (own ops) */
int      reclaim_orphans_at_mount(void);
uint32_t inode_count_free(void);

/* ---- dir.c ---- */
int  namecmp(const char *a, const char *b);
int  dirlookup(struct fs_inode *dp, const char *name, uint32_t *inum, uint32_t *off);
int  dirlink(struct fs_inode *dp, const char *name, uint32_t inum);
int  dirset(struct fs_inode *dp, uint32_t off, uint32_t inum);  /* rewrite the inum of the entry at off */
int  dirremove(struct fs_inode *dp, uint32_t off);              /* free the entry at off */
int  dirempty(struct fs_inode *dp);                             /* 1 empty, 0 not, < 0 error */
int  namei(struct fs_inode *dir, const char *path, struct fs_inode **out);
int  nameiparent(struct fs_inode *dir, const char *path, struct fs_inode **parent, char *name);

#endif
