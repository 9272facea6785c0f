/*
 * fs.h - the API of the Iridium file-system core (IRFS), used by the kernel and by the host tool fsimage.
 *
 * The core is portable C: it compiles freestanding for the kernel (rv32, no libc: see fs_port.h) and on the host.
 * It keeps all its state in static tables sized by the constants below (no dynamic memory) and serves one mounted
 * file system at a time. It is single-threaded: the kernel calls it with interrupts off, the block device is
 * synchronous, and no function sleeps or re-enters the core.
 *
 * Conventions:
 * - Every function returning int returns 0 (or a count) on success and a negative IR_E* value (iridium/syscall.h)
 *   on failure. After a device error the file system turns read-only for the rest of the mount (-IR_EIO).
 * - A `struct fs_inode *` is a counted reference. fs_root, fs_lookup, fs_open and fs_dup hand out a new reference;
 *   the caller drops it with fs_put. The kernel keeps one per open file and one per process cwd. A file unlinked
 *   while referenced keeps its data until the last fs_put (or, after a crash, until the next mount).
 * - Paths: absolute ("/a/b") or relative to `dir` (a directory reference; NULL means the root). "." and ".." work
 *   everywhere (the root's ".." is the root). Trailing slashes are accepted on directories. A component is at most
 *   FS_NAME_MAX (59) bytes (else -IR_ENAMETOOLONG).
 * - Durability: every operation is atomic with respect to crashes (all or nothing), except fs_write and
 *   fs_truncate of large ranges, which are a sequence of atomic steps (each leaves a consistent file: a prefix of
 *   the data written, a size between old and new). Mounted with FS_MOUNT_SYNC, an operation is durable when it
 *   returns. Otherwise (group commit) operations accumulate in the current transaction, which is committed when
 *   the log fills, and by fs_sync(): the kernel calls fs_sync on fsync(), on close() of a file it wrote, on
 *   sync(), periodically from its timer tick, and before power off. docs/fs.md has the details.
 */
#ifndef IRIDIUM_FS_CORE_H
#define IRIDIUM_FS_CORE_H

#include <stdint.h>
#include <iridium/fs.h>
#include <iridium/crc32.h>
#include <iridium/syscall.h>

/* ---- sizes of the static tables (the kernel's memory cost is about FS_NBUF KiB + FS_NINODE * 160 bytes) ---- */
#define FS_LOG_CAP    128u   /* most blocks one transaction holds in memory (min of this and the disk's log) */
#define FS_OP_MAX     32u    /* most distinct blocks one atomic step of an operation may modify */
#define FS_NBUF       (FS_LOG_CAP + 48u)   /* buffer cache: the whole transaction stays pinned until commit */
#define FS_NINODE     128u   /* in-memory inodes: open files + cwds + a few in use by an operation */

/* ---- the block device: 512-byte sectors relative to the start of the file-system partition ---------------- */
struct fs_blockdev {
    void *ctx;
    int (*read)(void *ctx, uint32_t sector, void *buf, uint32_t count);         /* 0 ok, < 0 error */
    int (*write)(void *ctx, uint32_t sector, const void *buf, uint32_t count);  /* 0 ok, < 0 error */
    uint32_t sectors;                      /* size of the partition (checked against the superblock) */
};

/* ---- in-memory inode (read-only for callers) ------------------------------------------------------------- */
struct fs_inode {
    uint32_t inum;
    uint32_t ref;                          /* references: callers + the core's own while it works */
    uint8_t  valid;                        /* d holds the on-disk inode */
    uint8_t  reclaim;                      /* orphan waiting to be freed (nlink 0, no caller reference) */
    struct fs_dinode d;                    /* d.type (FS_T_*), d.nlink, d.size, d.mtime */
};

/* one directory entry, as fs_readdir returns it */
struct fs_dirinfo {
    uint32_t inum;
    uint32_t type;                         /* IR_DT_DIR / IR_DT_REG / IR_DT_UNKNOWN */
    char     name[FS_NAME_MAX + 1];
};

struct fs_statfs {
    uint32_t block_size, blocks, free_blocks;   /* whole file system (metadata included) */
    uint32_t inodes, free_inodes;
};

/* ---- mounting ------------------------------------------------------------------------------------------ */
#define FS_MOUNT_SYNC 1u     /* commit at the end of every operation (else: group commit, see above) */

/* Write an empty file system (superblock, log, inodes, bitmap, root directory) on dev. log_blocks in
 * [FS_OP_MAX, FS_LOG_MAX]; ninodes >= 2 (rounded up to fill the inode blocks). Must not be mounted. */
int  fs_format(const struct fs_blockdev *dev, uint32_t nblocks, uint32_t ninodes, uint32_t log_blocks);
/* Check the superblock, replay the log, free orphan inodes. The core keeps the pointer dev. */
int  fs_mount(const struct fs_blockdev *dev, uint32_t flags);
/* Commit, then forget everything (references still held become invalid). */
int  fs_unmount(void);
/* Forget everything without writing (a simulated power cut, for tests; or after a fatal device error). */
void fs_forget(void);
/* Commit the current transaction: everything done before is durable when it returns 0. */
int  fs_sync(void);
int  fs_statfs(struct fs_statfs *out);

/* ---- names --------------------------------------------------------------------------------------------- */
struct fs_inode *fs_root(void);                                   /* new reference to "/" (NULL if not mounted) */
int  fs_lookup(struct fs_inode *dir, const char *path, struct fs_inode **out);
/* open: flags are IR_O_* (access mode, IR_O_CREAT, IR_O_EXCL, IR_O_TRUNC, IR_O_DIRECTORY); creates a regular
 * file with IR_O_CREAT; -IR_EISDIR when a directory is opened for writing. IR_O_APPEND is the caller's job. */
int  fs_open(struct fs_inode *dir, const char *path, uint32_t flags, struct fs_inode **out);
int  fs_mkdir(struct fs_inode *dir, const char *path);
int  fs_unlink(struct fs_inode *dir, const char *path);           /* not a directory (-IR_EISDIR) */
int  fs_rmdir(struct fs_inode *dir, const char *path);            /* empty directory only (-IR_ENOTEMPTY) */
int  fs_link(struct fs_inode *olddir, const char *oldpath, struct fs_inode *newdir, const char *newpath);
/* rename: files and directories; replaces an existing file (or an empty directory by a directory);
 * -IR_EINVAL when moving a directory into itself or below itself. */
int  fs_rename(struct fs_inode *olddir, const char *oldpath, struct fs_inode *newdir, const char *newpath);

/* ---- inodes -------------------------------------------------------------------------------------------- */
struct fs_inode *fs_dup(struct fs_inode *ip);
int  fs_put(struct fs_inode *ip);
/* read/write n bytes at off: return the byte count (read: short at end of file; write: short only when the disk
 * fills, -IR_ENOSPC when nothing could be written, -IR_EFBIG past FS_MAXFILE). Writing a directory: -IR_EISDIR. */
int32_t fs_read(struct fs_inode *ip, void *dst, uint32_t off, uint32_t n);
int32_t fs_write(struct fs_inode *ip, const void *src, uint32_t off, uint32_t n);
int  fs_truncate(struct fs_inode *ip, uint32_t size);             /* shrink or extend (with a hole) a file */
int  fs_stat(struct fs_inode *ip, struct ir_stat *st);
/* directory listing: *pos starts at 0; returns 1 and fills *out, 0 at the end ("." and ".." included) */
int  fs_readdir(struct fs_inode *dir, uint32_t *pos, struct fs_dirinfo *out);
/* absolute path of directory dir into buf (getcwd); -IR_ERANGE if it does not fit */
int  fs_getpath(struct fs_inode *dir, char *buf, uint32_t size);


#endif
