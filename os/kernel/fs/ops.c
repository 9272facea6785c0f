/*
 * ops.c - the public operations of the file-system core (fs.h): format, mount, names, contents, listing.
 *
 * Each operation that modifies the file system runs inside fs_begin_op/fs_end_op. Atomic operations (create, mkdir,
 * unlink, rmdir, link, rename) do all their checks first, then the one modification that can fail for lack of
 * space (fs_dirlink) before any other, so that an error leaves nothing half done; fs_write and fs_truncate are
 * sequences of atomic steps (fs_log_step) because they can touch any number of blocks.
 *
 * Invariants: a function that takes references (fs_iget, fs_namei, fs_ialloc) drops each one on every path out; read-only
 * operations (lookup, read, stat, readdir, getpath) do not open a transaction, so they still work after a
 * device write error made the file system read-only.
 */
#include "fs_internal.h"

struct fs_state fs_cur;

static union {
    struct fs_super sb;
    uint8_t raw[FS_BSIZE];
} sbuf;
static uint8_t fmt_block[FS_BSIZE];

/* ---- format and mount -------------------------------------------------------------------------------------- */

static uint32_t div_up(uint32_t a, uint32_t b)
{
    return a / b + (a % b != 0);
}

static uint32_t super_crc(struct fs_super *sb)
{
    struct fs_super copy = *sb;
    copy.crc32 = 0;
    return ir_crc32(0, &copy, sizeof copy);
}

int fs_format(const struct fs_blockdev *dev, uint32_t nblocks, uint32_t ninodes, uint32_t log_blocks)
{
    if (fs_cur.mounted)
        return -IR_EBUSY;
    if (log_blocks < FS_OP_MAX || log_blocks > FS_LOG_MAX || ninodes < 2 || nblocks > dev->sectors / 2)
        return -IR_EINVAL;
    struct fs_super *sb = &fs_cur.sb;
    memset(sb, 0, sizeof *sb);
    sb->magic = FS_MAGIC;
    sb->version = FS_VERSION;
    sb->nblocks = nblocks;
    sb->log_start = 1;
    sb->log_blocks = log_blocks;
    sb->inode_start = sb->log_start + 1 + log_blocks;
    sb->inode_blocks = div_up(ninodes, FS_INODES_PER_BLOCK);
    sb->ninodes = sb->inode_blocks * FS_INODES_PER_BLOCK;
    sb->bmap_start = sb->inode_start + sb->inode_blocks;
    sb->bmap_blocks = div_up(nblocks, FS_BITS_PER_BLOCK);
    sb->data_start = sb->bmap_start + sb->bmap_blocks;
    if (sb->inode_blocks > nblocks || (uint64_t)sb->data_start + 1 > nblocks)   /* room for the root's block */
        return -IR_ENOSPC;
    sb->crc32 = super_crc(sb);
    fs_cur.dev = dev;
    fs_cur.broken = 0;

    uint32_t root_block = sb->data_start;
    int r = 0;
    /* log header, inode table (root inode), bitmap */
    if ((r = fs_log_clear_header()) < 0)
        return r;
    for (uint32_t bn = sb->log_start + 1; bn < sb->data_start && r == 0; bn++) {
        memset(fmt_block, 0, FS_BSIZE);
        if (bn == sb->inode_start + FS_ROOT_INO / FS_INODES_PER_BLOCK) {
            struct fs_dinode *root = (struct fs_dinode *)fmt_block + FS_ROOT_INO % FS_INODES_PER_BLOCK;
            root->type = FS_T_DIR;
            root->nlink = 2;
            root->size = 2 * FS_DIRENT_SIZE;
            root->mtime = fs_port_time();
            root->addrs[0] = root_block;
        }
        if (bn >= sb->bmap_start) {   /* used: [0, data_start], and every bit past nblocks */
            uint32_t first = (bn - sb->bmap_start) * FS_BITS_PER_BLOCK;
            for (uint32_t bit = 0; bit < FS_BITS_PER_BLOCK; bit++) {
                uint32_t b = first + bit;
                if (b <= root_block || b >= nblocks)
                    fmt_block[bit / 8] |= (uint8_t)(1u << (bit % 8));
            }
        }
        r = fs_dev_write(bn, fmt_block);
    }
    if (r < 0)
        return r;
    memset(fmt_block, 0, FS_BSIZE);
    struct fs_dirent *de = (struct fs_dirent *)fmt_block;
    de[0].inum = FS_ROOT_INO;
    de[0].name[0] = '.';
    de[1].inum = FS_ROOT_INO;
    de[1].name[0] = de[1].name[1] = '.';
    if ((r = fs_dev_write(root_block, fmt_block)) < 0)
        return r;
    memset(sbuf.raw, 0, FS_BSIZE);
    sbuf.sb = *sb;
    return fs_dev_write(0, sbuf.raw);
}

/* the superblock's layout must be exactly what fs_format computes from nblocks, ninodes and log_blocks */
static int super_valid(const struct fs_super *sb, uint32_t dev_sectors)
{
    if (sb->magic != FS_MAGIC || sb->version != FS_VERSION)
        return 0;
    struct fs_super copy = *sb;
    if (super_crc(&copy) != sb->crc32)
        return 0;
    if ((uint64_t)sb->nblocks * FS_SECTORS_PER_BLOCK > dev_sectors)
        return 0;
    if (sb->log_start != 1 || sb->log_blocks < FS_OP_MAX || sb->log_blocks > FS_LOG_MAX)
        return 0;
    if (sb->inode_start != sb->log_start + 1 + sb->log_blocks || sb->inode_blocks > sb->nblocks ||
        sb->ninodes != sb->inode_blocks * FS_INODES_PER_BLOCK || sb->ninodes < 2)
        return 0;
    if (sb->bmap_start != sb->inode_start + sb->inode_blocks ||
        sb->bmap_blocks != div_up(sb->nblocks, FS_BITS_PER_BLOCK))
        return 0;
    if (sb->data_start != sb->bmap_start + sb->bmap_blocks || sb->data_start >= sb->nblocks)
        return 0;
    return 1;
}

int fs_mount(const struct fs_blockdev *dev, uint32_t flags)
{
    if (fs_cur.mounted)
        return -IR_EBUSY;
    memset(&fs_cur, 0, sizeof fs_cur);
    fs_cur.dev = dev;
    fs_cur.flags = flags;
    if (dev->sectors < FS_SECTORS_PER_BLOCK ||
        dev->read(dev->ctx, 0, sbuf.raw, FS_SECTORS_PER_BLOCK) < 0)
        return -IR_EIO;
    if (!super_valid(&sbuf.sb, dev->sectors)) {
        fs_port_warn("bad superblock", sbuf.sb.magic, sbuf.sb.nblocks);
        return -IR_EINVAL;
    }
    fs_cur.sb = sbuf.sb;
    fs_binit();
    fs_inode_init();
    fs_log_init(fs_cur.sb.log_blocks < FS_LOG_CAP ? fs_cur.sb.log_blocks : FS_LOG_CAP);
    int r = fs_log_recover();
    if (r < 0)
        return r;
    struct fs_inode *root;
    if ((r = fs_iget(FS_ROOT_INO, &root)) < 0)
        return r;
    int is_dir = root->d.type == FS_T_DIR;
    root->ref--;
    if (!is_dir) {
        fs_port_warn("root inode is not a directory", root->d.type, 0);
        return -IR_EIO;
    }
    if ((r = fs_reclaim_orphans_at_mount()) < 0)
        return r;
    fs_cur.mounted = 1;
    return 0;
}

int fs_sync(void)
{
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    return fs_log_commit();
}

int fs_unmount(void)
{
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    int r = fs_log_commit();
    fs_cur.mounted = 0;
    return r;
}

void fs_forget(void)
{
    fs_cur.mounted = 0;
}

int fs_statfs(struct fs_statfs *out)
{
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    out->block_size = FS_BSIZE;
    out->blocks = fs_cur.sb.nblocks;
    out->free_blocks = 0;
    for (uint32_t i = 0; i < fs_cur.sb.bmap_blocks; i++) {
        struct buf *b = fs_bread(fs_cur.sb.bmap_start + i);
        if (!b)
            return -IR_EIO;
        for (uint32_t bit = 0; bit < FS_BITS_PER_BLOCK; bit++)
            out->free_blocks += !(b->data[bit / 8] & (1u << (bit % 8)));
        fs_brelse(b);
    }
    out->inodes = fs_cur.sb.ninodes - 1;
    out->free_inodes = fs_inode_count_free();
    return 0;
}

/* ---- references -------------------------------------------------------------------------------------------- */

struct fs_inode *fs_root(void)
{
    struct fs_inode *ip;
    if (!fs_cur.mounted || fs_iget(FS_ROOT_INO, &ip) < 0)
        return 0;
    return ip;
}

struct fs_inode *fs_dup(struct fs_inode *ip)
{
    return fs_idup(ip);
}

int fs_put(struct fs_inode *ip)
{
    if (ip->ref == 1 && ip->d.nlink == 0 && ip->d.type != FS_T_FREE) {
        int r = fs_begin_op();           /* the orphan's blocks are freed now (by fs_end_op) */
        fs_iput(ip);
        return r < 0 ? r : fs_end_op();
    }
    fs_iput(ip);
    return 0;
}

int fs_lookup(struct fs_inode *dir, const char *path, struct fs_inode **out)
{
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    return fs_namei(dir, path, out);
}

/* ---- helpers for the modifying operations ------------------------------------------------------------------ */

static int is_dot(const char *name)
{
    return (name[0] == '.' && name[1] == 0) || (name[0] == '.' && name[1] == '.' && name[2] == 0);
}

/* undo fs_ialloc for an inode that never got a directory entry (it holds at most its first direct block) */
static void discard_new(struct fs_inode *ip)
{
    if (ip->d.addrs[0])
        fs_bfree(ip->d.addrs[0]);
    memset(&ip->d, 0, sizeof ip->d);
    fs_iupdate(ip);
    fs_iput(ip);
}

/* end the operation; the first error wins */
static int finish(int r)
{
    int e = fs_end_op();
    return r < 0 ? r : e < 0 ? e : r;
}

/* ---- operations -------------------------------------------------------------------------------------------- */

int fs_open(struct fs_inode *dir, const char *path, uint32_t flags, struct fs_inode **out)
{
    struct fs_inode *dp, *ip = 0;
    char name[FS_NAME_MAX + 1];
    uint32_t inum;
    int r;
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    uint32_t writing = (flags & IR_O_ACCMODE) != IR_O_RDONLY || (flags & IR_O_TRUNC);
    *out = 0;
    if (!(flags & IR_O_CREAT) && !writing) {          /* read-only: no transaction */
        if ((r = fs_namei(dir, path, &ip)) < 0)
            return r;
        if (ip->d.type != FS_T_DIR && (flags & IR_O_DIRECTORY)) {
            fs_iput(ip);
            return -IR_ENOTDIR;
        }
        *out = ip;
        return 0;
    }
    if ((r = fs_begin_op()) < 0)
        return r;
    if (flags & IR_O_CREAT) {
        r = fs_nameiparent(dir, path, &dp, name);
        if (r == -IR_EBUSY)           /* "/" */
            r = fs_namei(dir, path, &ip);
        else if (r == 0) {
            r = fs_dirlookup(dp, name, &inum, 0);
            if (r == 0)
                r = (flags & IR_O_EXCL) ? -IR_EEXIST : fs_iget(inum, &ip);
            else if (r == -IR_ENOENT && (r = fs_ialloc(FS_T_FILE, &ip)) == 0) {
                if ((r = fs_dirlink(dp, name, ip->inum)) < 0) {
                    discard_new(ip);
                    ip = 0;
                } else {
                    ip->d.nlink = 1;
                    r = fs_iupdate(ip);
                }
            }
            fs_iput(dp);
        }
    } else {
        r = fs_namei(dir, path, &ip);
    }
    if (r == 0 && ip->d.type != FS_T_DIR && (flags & IR_O_DIRECTORY))
        r = -IR_ENOTDIR;
    if (r == 0 && ip->d.type == FS_T_DIR && writing)
        r = -IR_EISDIR;
    if (r == 0 && (flags & IR_O_TRUNC) && ip->d.size)
        r = fs_itrunc(ip, 0);
    if (r < 0 && ip) {
        fs_iput(ip);
        ip = 0;
    }
    *out = ip;
    return finish(r);
}

int fs_mkdir(struct fs_inode *dir, const char *path)
{
    struct fs_inode *dp, *ip;
    char name[FS_NAME_MAX + 1];
    uint32_t inum;
    int r;
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    if ((r = fs_begin_op()) < 0)
        return r;
    if ((r = fs_nameiparent(dir, path, &dp, name)) < 0)
        return finish(r == -IR_EBUSY ? -IR_EEXIST : r);
    if (is_dot(name) || (r = fs_dirlookup(dp, name, &inum, 0)) == 0)
        r = -IR_EEXIST;
    else if (r == -IR_ENOENT && dp->d.nlink >= FS_NLINK_MAX)
        r = -IR_EMLINK;
    else if (r == -IR_ENOENT && (r = fs_ialloc(FS_T_DIR, &ip)) == 0) {
        if ((r = fs_dirlink(ip, ".", ip->inum)) < 0 || (r = fs_dirlink(ip, "..", dp->inum)) < 0 ||
            (r = fs_dirlink(dp, name, ip->inum)) < 0) {
            discard_new(ip);
        } else {
            ip->d.nlink = 2;
            dp->d.nlink++;
            if ((r = fs_iupdate(ip)) == 0)
                r = fs_iupdate(dp);
            fs_iput(ip);
        }
    }
    fs_iput(dp);
    return finish(r);
}

/* unlink (dir = 0) or rmdir (dir = 1) */
static int remove_entry(struct fs_inode *dir, const char *path, int rmdir)
{
    struct fs_inode *dp, *ip;
    char name[FS_NAME_MAX + 1];
    uint32_t inum, off;
    int r;
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    if ((r = fs_begin_op()) < 0)
        return r;
    if ((r = fs_nameiparent(dir, path, &dp, name)) < 0)
        return finish(r == -IR_EBUSY ? (rmdir ? -IR_EBUSY : -IR_EISDIR) : r);
    if (is_dot(name))
        r = rmdir ? (name[1] ? -IR_ENOTEMPTY : -IR_EINVAL) : -IR_EISDIR;
    else if ((r = fs_dirlookup(dp, name, &inum, &off)) == 0 && (r = fs_iget(inum, &ip)) == 0) {
        if (!rmdir && ip->d.type == FS_T_DIR)
            r = -IR_EISDIR;
        else if (rmdir && ip->d.type != FS_T_DIR)
            r = -IR_ENOTDIR;
        else if (rmdir && (r = fs_dirempty(ip)) >= 0)
            r = r ? 0 : -IR_ENOTEMPTY;
        if (r == 0)
            r = fs_dirremove(dp, off);
        if (r == 0) {
            if (rmdir) {
                ip->d.nlink = 0;      /* its entry in dp and its "." are gone */
                if (dp->d.nlink > 0)
                    dp->d.nlink--;    /* its ".." is gone */
                r = fs_iupdate(dp);
            } else if (ip->d.nlink > 0) {
                ip->d.nlink--;
            }
            if (r == 0)
                r = fs_iupdate(ip);
        }
        fs_iput(ip);
    }
    fs_iput(dp);
    return finish(r);
}

int fs_unlink(struct fs_inode *dir, const char *path)
{
    return remove_entry(dir, path, 0);
}

int fs_rmdir(struct fs_inode *dir, const char *path)
{
    return remove_entry(dir, path, 1);
}

int fs_link(struct fs_inode *olddir, const char *oldpath, struct fs_inode *newdir, const char *newpath)
{
    struct fs_inode *ip, *dp;
    char name[FS_NAME_MAX + 1];
    int r;
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    if ((r = fs_begin_op()) < 0)
        return r;
    if ((r = fs_namei(olddir, oldpath, &ip)) < 0)
        return finish(r);
    if (ip->d.type == FS_T_DIR)
        r = -IR_EPERM;
    else if (ip->d.nlink >= FS_NLINK_MAX)
        r = -IR_EMLINK;
    else if ((r = fs_nameiparent(newdir, newpath, &dp, name)) == 0) {
        r = is_dot(name) ? -IR_EEXIST : fs_dirlink(dp, name, ip->inum);
        if (r == 0) {
            ip->d.nlink++;
            r = fs_iupdate(ip);
        }
        fs_iput(dp);
    } else if (r == -IR_EBUSY) {
        r = -IR_EEXIST;
    }
    fs_iput(ip);
    return finish(r);
}

/* is dir (a directory) ip itself or below it? Walks ".." up to the root. 1 yes, 0 no, < 0 error */
static int is_below(struct fs_inode *dir, struct fs_inode *ip)
{
    struct fs_inode *cur = fs_idup(dir), *up;
    int r = 0;
    for (uint32_t depth = 0; r == 0; depth++) {
        uint32_t inum;
        if (cur->inum == ip->inum) {
            r = 1;
            break;
        }
        if (cur->inum == FS_ROOT_INO)
            break;
        if (depth > fs_cur.sb.ninodes) {
            fs_port_warn("directory loop through ..", cur->inum, 0);
            r = -IR_EIO;
            break;
        }
        if ((r = fs_dirlookup(cur, "..", &inum, 0)) < 0 || (r = fs_iget(inum, &up)) < 0)
            break;
        fs_iput(cur);
        cur = up;
    }
    fs_iput(cur);
    return r;
}

/* the checks and changes of rename, with every reference already taken; see fs_rename */
static int rename_locked(struct fs_inode *odp, const char *oname, struct fs_inode *ndp, const char *nname)
{
    struct fs_inode *ip, *tp = 0;
    uint32_t inum, ooff, tinum, toff;
    int r;
    if (is_dot(oname) || is_dot(nname))
        return -IR_EINVAL;
    if ((r = fs_dirlookup(odp, oname, &inum, &ooff)) < 0)
        return r;
    if ((r = fs_iget(inum, &ip)) < 0)
        return r;
    int isdir = ip->d.type == FS_T_DIR;
    if (ndp->d.type != FS_T_DIR)
        r = -IR_ENOTDIR;
    else if (isdir && (r = is_below(ndp, ip)) != 0)
        r = r > 0 ? -IR_EINVAL : r;
    if (r == 0) {
        r = fs_dirlookup(ndp, nname, &tinum, &toff);
        if (r == 0 && tinum == inum) {
            fs_iput(ip);
            return 0;                 /* same file: nothing to do */
        }
        if (r == 0 && (r = fs_iget(tinum, &tp)) == 0) {
            if (isdir && tp->d.type != FS_T_DIR)
                r = -IR_ENOTDIR;
            else if (!isdir && tp->d.type == FS_T_DIR)
                r = -IR_EISDIR;
            else if (isdir && (r = fs_dirempty(tp)) >= 0)
                r = r ? 0 : -IR_ENOTEMPTY;
        } else if (r == -IR_ENOENT) {
            r = isdir && odp != ndp && ndp->d.nlink >= FS_NLINK_MAX ? -IR_EMLINK : 0;
        }
    }
    /* changes: the only one that may fail for want of space comes first */
    if (r == 0)
        r = tp ? fs_dirset(ndp, toff, inum) : fs_dirlink(ndp, nname, inum);
    if (r == 0)
        r = fs_dirremove(odp, ooff);
    if (r == 0 && tp) {
        if (tp->d.type == FS_T_DIR) {
            tp->d.nlink = 0;
            ndp->d.nlink--;           /* tp's ".." */
        } else {
            tp->d.nlink--;
        }
        r = fs_iupdate(tp);
    }
    if (r == 0 && isdir && odp != ndp) {
        uint32_t dotdot, off;
        if ((r = fs_dirlookup(ip, "..", &dotdot, &off)) == 0 && (r = fs_dirset(ip, off, ndp->inum)) == 0) {
            odp->d.nlink--;
            ndp->d.nlink++;
        }
    }
    if (r == 0)
        r = fs_iupdate(odp);
    if (r == 0)
        r = fs_iupdate(ndp);
    if (tp)
        fs_iput(tp);
    fs_iput(ip);
    return r;
}

int fs_rename(struct fs_inode *olddir, const char *oldpath, struct fs_inode *newdir, const char *newpath)
{
    struct fs_inode *odp, *ndp;
    char oname[FS_NAME_MAX + 1], nname[FS_NAME_MAX + 1];
    int r;
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    if ((r = fs_begin_op()) < 0)
        return r;
    if ((r = fs_nameiparent(olddir, oldpath, &odp, oname)) < 0)
        return finish(r);
    if ((r = fs_nameiparent(newdir, newpath, &ndp, nname)) == 0) {
        r = rename_locked(odp, oname, ndp, nname);
        fs_iput(ndp);
    }
    fs_iput(odp);
    return finish(r);
}

/* ---- contents ---------------------------------------------------------------------------------------------- */

int32_t fs_read(struct fs_inode *ip, void *dst, uint32_t off, uint32_t n)
{
    if (n > 0x7fffffffu)
        n = 0x7fffffffu;
    return fs_readi(ip, dst, off, n);
}

int32_t fs_write(struct fs_inode *ip, const void *src, uint32_t off, uint32_t n)
{
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    if (ip->d.type == FS_T_DIR)
        return -IR_EISDIR;
    if (n == 0)
        return 0;
    if (off >= FS_MAXFILE)
        return -IR_EFBIG;
    if (n > FS_MAXFILE - off)
        n = FS_MAXFILE - off;
    if (n > 0x7fffffffu)
        n = 0x7fffffffu;
    int r = fs_begin_op();
    if (r < 0)
        return r;
    uint32_t done = 0;
    while (done < n) {
        int32_t w = fs_writei(ip, (const uint8_t *)src + done, off + done, n - done);
        if (w < 0) {
            r = w;
            break;
        }
        done += (uint32_t)w;
        if (done < n && (r = fs_log_step()) < 0)
            break;
    }
    int e = fs_end_op();
    if (done)
        return (int32_t)done;
    return r < 0 ? r : e;
}

int fs_truncate(struct fs_inode *ip, uint32_t size)
{
    if (!fs_cur.mounted)
        return -IR_EINVAL;
    if (ip->d.type == FS_T_DIR)
        return -IR_EISDIR;
    int r = fs_begin_op();
    if (r < 0)
        return r;
    return finish(fs_itrunc(ip, size));
}

int fs_stat(struct fs_inode *ip, struct ir_stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_dev = 1;
    st->st_ino = ip->inum;
    st->st_mode = ip->d.type == FS_T_DIR ? IR_S_IFDIR | 0755 : IR_S_IFREG | 0644;
    st->st_nlink = ip->d.nlink;
    st->st_size = ip->d.size;
    st->st_blocks = fs_iblocks(ip) * FS_SECTORS_PER_BLOCK;
    st->st_mtime_sec = ip->d.mtime;
    return 0;
}

int fs_readdir(struct fs_inode *dp, uint32_t *pos, struct fs_dirinfo *out)
{
    struct fs_dirent de;
    if (dp->d.type != FS_T_DIR)
        return -IR_ENOTDIR;
    while (*pos < dp->d.size) {
        int32_t r = fs_readi(dp, &de, *pos, sizeof de);
        if (r < 0)
            return r;
        *pos += FS_DIRENT_SIZE;
        if (r != (int32_t)sizeof de || de.inum == 0)
            continue;
        out->inum = de.inum;
        memcpy(out->name, de.name, FS_NAME_MAX);
        out->name[FS_NAME_MAX] = 0;
        uint32_t t = fs_itype(de.inum);
        out->type = t == FS_T_DIR ? IR_DT_DIR : t == FS_T_FILE ? IR_DT_REG : IR_DT_UNKNOWN;
        return 1;
    }
    return 0;
}

/* the name under which directory parent lists inode inum */
static int name_in(struct fs_inode *parent, uint32_t inum, char *name)
{
    struct fs_dirent de;
    for (uint32_t o = 2 * FS_DIRENT_SIZE; o < parent->d.size; o += FS_DIRENT_SIZE) {
        int32_t r = fs_readi(parent, &de, o, sizeof de);
        if (r < 0)
            return r;
        if (de.inum == inum) {
            memcpy(name, de.name, FS_NAME_MAX);
            name[FS_NAME_MAX] = 0;
            return 0;
        }
    }
    return -IR_ENOENT;
}

int fs_getpath(struct fs_inode *dir, char *buf, uint32_t size)
{
    char name[FS_NAME_MAX + 1];
    struct fs_inode *cur, *up;
    uint32_t pos = size;
    int r = 0;
    if (size < 2)
        return -IR_ERANGE;
    buf[--pos] = 0;
    if (dir->d.nlink == 0)
        return -IR_ENOENT;
    cur = fs_idup(dir);
    for (uint32_t depth = 0; cur->inum != FS_ROOT_INO; depth++) {
        uint32_t inum;
        if (depth > fs_cur.sb.ninodes) {
            r = -IR_EIO;
            break;
        }
        if ((r = fs_dirlookup(cur, "..", &inum, 0)) < 0 || (r = fs_iget(inum, &up)) < 0)
            break;
        r = name_in(up, cur->inum, name);
        fs_iput(cur);
        cur = up;
        if (r < 0)
            break;
        uint32_t len = strlen(name);
        if (len + 1 > pos) {
            r = -IR_ERANGE;
            break;
        }
        pos -= len;
        memcpy(buf + pos, name, len);
        buf[--pos] = '/';
    }
    fs_iput(cur);
    if (r < 0)
        return r;
    if (pos == size - 1)
        buf[--pos] = '/';
    for (uint32_t i = 0; pos + i < size; i++)   /* move to the front (forward copy: destination is lower) */
        buf[i] = buf[pos + i];
    return 0;
}
