/*
 * dir.c - directories (arrays of 64-byte struct fs_dirent) and path-name resolution.
 *
 * Invariants:
 * - a directory's size is a multiple of FS_DIRENT_SIZE; entry 0 is "." and entry 1 is ".." (written by mkdir);
 *   a free slot has inum 0 and is reused by the next fs_dirlink; directories never shrink (except when freed);
 * - names stored are 1..FS_NAME_MAX bytes, without '/', NUL-terminated and zero-padded, unique in a directory;
 * - lookups compare at most FS_NAME_MAX + 1 bytes, so a corrupt (unterminated) name cannot overrun;
 * - resolution holds exactly one reference at a time on the walk (plus the caller's), drops it on every error
 *   path, and refuses to walk through a removed directory (nlink 0).
 */
#include "fs_internal.h"

int fs_namecmp(const char *a, const char *b)
{
    for (uint32_t i = 0; i <= FS_NAME_MAX; i++) {
        if (a[i] != b[i])
            return (uint8_t)a[i] - (uint8_t)b[i];
        if (a[i] == 0)
            return 0;
    }
    return 0;
}

static int dir_block(struct fs_inode *dp, uint32_t off, struct buf **b)
{
    uint32_t bn;
    int r = fs_bmap(dp, off / FS_BSIZE, &bn);
    if (r < 0)
        return r;
    if (bn == 0) {                    /* directories have no holes */
        fs_port_warn("hole in directory", dp->inum, off);
        return -IR_EIO;
    }
    *b = fs_bread(bn);
    return *b ? 0 : -IR_EIO;
}

/* Scan dp for name (name may be 0: only look for a free slot). Returns 0 and *inum, *off when found,
 * -IR_ENOENT (and *free_off = first free slot or the size) otherwise. */
static int dirscan(struct fs_inode *dp, const char *name, uint32_t *inum, uint32_t *off, uint32_t *free_off)
{
    if (dp->d.type != FS_T_DIR)
        return -IR_ENOTDIR;
    if (dp->d.size % FS_DIRENT_SIZE) {
        fs_port_warn("directory size not a multiple of 64", dp->inum, dp->d.size);
        return -IR_EIO;
    }
    uint32_t first_free = dp->d.size;
    for (uint32_t o = 0; o < dp->d.size; o += FS_BSIZE) {
        struct buf *b;
        int r = dir_block(dp, o, &b);
        if (r < 0)
            return r;
        uint32_t n = dp->d.size - o < FS_BSIZE ? (dp->d.size - o) / FS_DIRENT_SIZE : FS_DIRENTS_PER_BLOCK;
        struct fs_dirent *de = (struct fs_dirent *)b->data;
        for (uint32_t i = 0; i < n; i++) {
            if (de[i].inum == 0) {
                if (first_free == dp->d.size)
                    first_free = o + i * FS_DIRENT_SIZE;
                continue;
            }
            if (name && fs_namecmp(de[i].name, name) == 0) {
                *inum = de[i].inum;
                if (off)
                    *off = o + i * FS_DIRENT_SIZE;
                fs_brelse(b);
                return 0;
            }
        }
        fs_brelse(b);
    }
    if (free_off)
        *free_off = first_free;
    return -IR_ENOENT;
}

int fs_dirlookup(struct fs_inode *dp, const char *name, uint32_t *inum, uint32_t *off)
{
    return dirscan(dp, name, inum, off, 0);
}

static int name_check(const char *name)
{
    uint32_t n = 0;
    while (name[n]) {
        if (name[n] == '/')
            return -IR_EINVAL;
        if (++n > FS_NAME_MAX)
            return -IR_ENAMETOOLONG;
    }
    return n ? 0 : -IR_ENOENT;
}

static int write_entry(struct fs_inode *dp, uint32_t off, uint32_t inum, const char *name)
{
    struct fs_dirent de;
    memset(&de, 0, sizeof de);
    de.inum = inum;
    if (name)
        memcpy(de.name, name, strlen(name));
    int32_t r = fs_writei(dp, &de, off, sizeof de);
    if (r == (int32_t)sizeof de)
        return 0;
    if (r >= 0)
        fs_port_panic("directory write did not fit in the operation");
    return r;
}

int fs_dirlink(struct fs_inode *dp, const char *name, uint32_t inum)
{
    uint32_t found, free_off;
    int r = name_check(name);
    if (r < 0)
        return r;
    r = dirscan(dp, name, &found, 0, &free_off);
    if (r == 0)
        return -IR_EEXIST;
    if (r != -IR_ENOENT)
        return r;
    return write_entry(dp, free_off, inum, name);
}

int fs_dirset(struct fs_inode *dp, uint32_t off, uint32_t inum)
{
    struct buf *b;
    int r = dir_block(dp, off, &b);
    if (r < 0)
        return r;
    ((struct fs_dirent *)(b->data + off % FS_BSIZE))->inum = inum;
    fs_log_write(b);
    fs_brelse(b);
    dp->d.mtime = fs_port_time();
    return fs_iupdate(dp);
}

int fs_dirremove(struct fs_inode *dp, uint32_t off)
{
    struct buf *b;
    int r = dir_block(dp, off, &b);
    if (r < 0)
        return r;
    memset(b->data + off % FS_BSIZE, 0, FS_DIRENT_SIZE);
    fs_log_write(b);
    fs_brelse(b);
    dp->d.mtime = fs_port_time();
    return fs_iupdate(dp);
}

int fs_dirempty(struct fs_inode *dp)
{
    for (uint32_t o = 2 * FS_DIRENT_SIZE; o < dp->d.size; o += FS_DIRENT_SIZE) {
        struct fs_dirent de;
        int32_t r = fs_readi(dp, &de, o, sizeof de);
        if (r < 0)
            return r;
        if (r == (int32_t)sizeof de && de.inum != 0)
            return 0;
    }
    return 1;
}

/* Copy the next path element into name; return the rest of the path, or 0 when there is none.
 * *err = -IR_ENAMETOOLONG for an element longer than FS_NAME_MAX. */
static const char *skipelem(const char *path, char *name, int *err)
{
    while (*path == '/')
        path++;
    if (*path == 0)
        return 0;
    uint32_t len = 0;
    while (path[len] != '/' && path[len] != 0)
        len++;
    if (len > FS_NAME_MAX) {
        *err = -IR_ENAMETOOLONG;
        return 0;
    }
    memcpy(name, path, len);
    name[len] = 0;
    path += len;
    while (*path == '/')
        path++;
    return path;
}

/* Walk path from dir (or the root). parent: stop before the last element, leaving it in name. */
static int namex(struct fs_inode *dir, const char *path, int parent, char *name, struct fs_inode **out)
{
    struct fs_inode *ip, *next;
    int r = 0;
    if (path[0] == 0)
        return -IR_ENOENT;
    if (path[0] == '/' || !dir) {
        if ((r = fs_iget(FS_ROOT_INO, &ip)) < 0)
            return r;
    } else {
        ip = fs_idup(dir);
    }
    const char *rest = path;
    while ((rest = skipelem(rest, name, &r)) != 0) {
        if (ip->d.type != FS_T_DIR) {
            fs_iput(ip);
            return -IR_ENOTDIR;
        }
        if (ip->d.nlink == 0) {       /* a removed directory (someone's cwd): it has no entries any more */
            fs_iput(ip);
            return -IR_ENOENT;
        }
        if (parent && *rest == 0) {
            *out = ip;
            return 0;
        }
        uint32_t inum;
        r = fs_dirlookup(ip, name, &inum, 0);
        if (r == 0)
            r = fs_iget(inum, &next);
        fs_iput(ip);
        if (r < 0)
            return r;
        ip = next;
    }
    if (r < 0 || parent) {            /* too long an element, or no last element ("/") */
        fs_iput(ip);
        return r < 0 ? r : -IR_EBUSY;
    }
    *out = ip;
    return 0;
}

int fs_namei(struct fs_inode *dir, const char *path, struct fs_inode **out)
{
    char name[FS_NAME_MAX + 1];
    return namex(dir, path, 0, name, out);
}

int fs_nameiparent(struct fs_inode *dir, const char *path, struct fs_inode **parent, char *name)
{
    return namex(dir, path, 1, name, parent);
}
