/*
 * fs.h - the on-disk format of the Iridium file system (IRFS), shared by the kernel's file-system core
 * (os/kernel/fs/) and the host tool fsimage. docs/fs.md draws the layout and explains the log protocol.
 *
 * All numbers are little-endian 32-bit words (the format is only read by little-endian machines: rv32 and the
 * x86/arm hosts). A block is 1024 bytes = 2 disk sectors; block numbers are relative to the start of the file
 * system partition (disk_header.fs_sector). The file system occupies blocks [0, nblocks):
 *
 *   block 0                      superblock (struct fs_super); written once by mkfs, never modified afterwards
 *   log_start                    log header (struct fs_log_header): the commit record of the redo log
 *   log_start+1 .. +log_blocks   log blocks: copies of the blocks of the committed transaction
 *   inode_start .. +inode_blocks inode table (struct fs_dinode, FS_INODES_PER_BLOCK per block); inode 0 unused
 *   bmap_start .. +bmap_blocks   block bitmap: bit b (byte b/8, bit b%8) set = block b in use
 *   data_start .. nblocks-1      data: file contents, directory contents, indirect blocks
 *
 * Invariants of a consistent file system (what `fsimage fsck` checks, after virtually replaying the log):
 * - the superblock's regions are contiguous in the order above and inside [0, nblocks);
 * - the bitmap has bits [0, data_start) set, bit b in [data_start, nblocks) set iff exactly one allocated inode
 *   references block b (directly or as an indirect block), and bits past nblocks (in the last bitmap block) set;
 * - an allocated inode has type FS_T_FILE or FS_T_DIR; a free inode (type 0) is all zero;
 * - no block is mapped at a logical index >= ceil(size / FS_BSIZE), and an indirect block exists only if the
 *   first logical block it covers is below that bound; the bytes of the last block past `size` are zero (so an
 *   extension reads zeros); holes (0 pointers) read as zero;
 * - nlink = number of directory entries, among directories reachable from the root, naming the inode ("." and
 *   ".." included); an inode with nlink 0 is an orphan (unlinked while open) that the next mount frees;
 * - a directory's size is a multiple of FS_DIRENT_SIZE; its entry 0 is "." (itself) and entry 1 is ".." (its
 *   parent; the root's parent is the root); names are 1..FS_NAME_MAX bytes, NUL-terminated, without '/', unique
 *   in a directory; a directory has exactly one entry in one parent (no hard links to directories).
 */
#ifndef IRIDIUM_FS_H
#define IRIDIUM_FS_H

#include <stdint.h>

#define FS_BSIZE            1024u
#define FS_SECTORS_PER_BLOCK 2u            /* FS_BSIZE / DISK_SECTOR */
#define FS_MAGIC            0x53465249u    /* "IRFS" */
#define FS_VERSION          1u
#define FS_ROOT_INO         1u             /* inode 0 is never used: an entry with inum 0 is a free slot */

/* ---- superblock (block 0) ---------------------------------------------------------------------------------- */
struct fs_super {
    uint32_t magic, version;
    uint32_t nblocks;                      /* size of the file system in blocks */
    uint32_t ninodes;                      /* inodes 0 .. ninodes-1 (0 unused) */
    uint32_t log_start, log_blocks;        /* header block, then log_blocks log blocks */
    uint32_t inode_start, inode_blocks;
    uint32_t bmap_start, bmap_blocks;
    uint32_t data_start;
    uint32_t crc32;                        /* CRC-32 (IEEE) of this struct with this field zero */
};

/* ---- redo log ------------------------------------------------------------------------------------------------
 * The header records one committed transaction: n blocks, log block i (at log_start+1+i) holds the new contents
 * of file-system block `block[i]`. n == 0: nothing to replay. The header is valid only if its magic and crc32
 * match (a torn or never-completed header write reads as "no transaction"), and the transaction is replayed
 * only if data_crc32 (CRC-32 of the n log blocks in order) matches too. */
#define FS_LOG_MAGIC        0x474F4C49u    /* "ILOG" */
#define FS_LOG_MAX          251u           /* most blocks one transaction (and the log region) may hold */
struct fs_log_header {
    uint32_t magic;
    uint32_t seq;                          /* commit sequence number (information only) */
    uint32_t n;                            /* blocks in the committed transaction, 0 = none */
    uint32_t data_crc32;                   /* CRC-32 of the n log blocks, concatenated */
    uint32_t block[FS_LOG_MAX];            /* home block numbers, all in [log_start+1+log_blocks, nblocks) */
    uint32_t hdr_crc32;                    /* CRC-32 of the whole block with this field zero; last word */
};

/* ---- inodes ------------------------------------------------------------------------------------------------ */
#define FS_T_FREE           0u
#define FS_T_FILE           1u
#define FS_T_DIR            2u

#define FS_NDIRECT          12u
#define FS_NINDIRECT        (FS_BSIZE / 4u)                     /* 256 pointers per indirect block */
#define FS_IND              FS_NDIRECT                          /* addrs[12]: single indirect */
#define FS_DIND             (FS_NDIRECT + 1u)                   /* addrs[13]: double indirect */
#define FS_NADDR            (FS_NDIRECT + 2u)
#define FS_MAXFILE_BLOCKS   (FS_NDIRECT + FS_NINDIRECT + FS_NINDIRECT * FS_NINDIRECT)   /* 65804 */
#define FS_MAXFILE          (FS_MAXFILE_BLOCKS * FS_BSIZE)                              /* 67,383,296 bytes */
#define FS_NLINK_MAX        65535u

struct fs_dinode {
    uint16_t type;                         /* FS_T_* */
    uint16_t nlink;
    uint32_t size;                         /* bytes */
    uint32_t mtime;                        /* seconds (kernel: since boot; fsimage: host Unix time) */
    uint32_t reserved0;
    uint32_t addrs[FS_NADDR];              /* 0 = not mapped (a hole) */
    uint32_t reserved[14];                 /* zero */
};                                         /* 128 bytes */
#define FS_INODE_SIZE       128u
#define FS_INODES_PER_BLOCK (FS_BSIZE / FS_INODE_SIZE)

/* ---- directories ------------------------------------------------------------------------------------------- */
#define FS_NAME_MAX         59u            /* bytes of a name, without the terminating NUL */
struct fs_dirent {
    uint32_t inum;                         /* 0 = free slot */
    char     name[FS_NAME_MAX + 1];        /* NUL-terminated, rest zero */
};
#define FS_DIRENT_SIZE      64u
#define FS_DIRENTS_PER_BLOCK (FS_BSIZE / FS_DIRENT_SIZE)

#define FS_BITS_PER_BLOCK   (FS_BSIZE * 8u)

/* compile-time checks of the layout (C11) */
_Static_assert(sizeof(struct fs_super) == 48, "fs_super layout");
_Static_assert(sizeof(struct fs_log_header) == FS_BSIZE, "fs_log_header must fill one block");
_Static_assert(sizeof(struct fs_dinode) == FS_INODE_SIZE, "fs_dinode layout");
_Static_assert(sizeof(struct fs_dirent) == FS_DIRENT_SIZE, "fs_dirent layout");

#endif
