/*
 * file.c - open files, descriptor tables, pipes and every file-related system call.
 *
 * A struct file is shared by all descriptors (in any process) that were dup'ed or inherited from one open, so
 * they share the offset. Invariants: f->ref = number of descriptor slots pointing at f; a pipe lives while either
 * end has a file (readers/writers count the files); an F_INODE file holds one fs reference (fs_put on the last
 * close); an F_SHM file holds one count on its shared-memory object (ipc.c), dropped on the last close. User
 * pointers go through copyin/copyout/copyinstr only; a bad one fails the call with -EFAULT.
 */
#include "kernel.h"
#include "fs/fs.h"

#define PIPE_BUF_BYTES (PAGE_SIZE - 16u)
struct pipe {
    uint32_t r, w;                /* grow forever, modulo PIPE_BUF_BYTES */
    int readers, writers;
    char buf[PIPE_BUF_BYTES];
};

#define PATH_MAX_K 256
#define IR_SIGPIPE 13
#define IR_AT_EMPTY_PATH 0x1000
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030

static struct file files[NFILE];

void file_init(void)
{
    memset(files, 0, sizeof files);
}

struct file *file_alloc(void)
{
    for (int i = 0; i < NFILE; i++)
        if (files[i].ref == 0) {
            memset(&files[i], 0, sizeof files[i]);
            files[i].ref = 1;
            return &files[i];
        }
    return 0;
}

struct file *file_dup(struct file *f)
{
    KASSERT(f->ref > 0);
    f->ref++;
    return f;
}

void file_close(struct file *f)
{
    KASSERT(f->ref > 0);
    if (--f->ref > 0)
        return;
    if (f->type == F_PIPE) {
        struct pipe *pp = f->pipe;
        if (f->pipe_wr)
            pp->writers--;
        else
            pp->readers--;
        wakeup(pp);
        if (pp->readers == 0 && pp->writers == 0)
            page_free((uint32_t)(uintptr_t)pp);
    } else if (f->type == F_INODE) {
        if (f->written)
            blk_sync();
        fs_put(f->ip);
    } else if (f->type == F_SHM) {
        shm_file_close(f->shm);
        f->shm = 0;
    }
    f->type = F_NONE;
}

int fd_alloc(struct proc *p, struct file *f, int min)
{
    for (int fd = min; fd < NOFILE; fd++)
        if (!p->ofile[fd]) {
            p->ofile[fd] = f;
            p->cloexec &= ~(1u << fd);
            return fd;
        }
    return -IR_EMFILE;
}

/* give a new open file the lowest free descriptor, close-on-exec if oflags has IR_O_CLOEXEC; on failure the file
   is closed (the caller's reference is consumed either way) */
int fd_install(struct proc *p, struct file *f, uint32_t oflags)
{
    int fd = fd_alloc(p, f, 0);
    if (fd < 0) {
        file_close(f);
        return fd;
    }
    if (oflags & IR_O_CLOEXEC)
        p->cloexec |= 1u << fd;
    return fd;
}

void proc_close_all(struct proc *p)
{
    for (int fd = 0; fd < NOFILE; fd++)
        if (p->ofile[fd]) {
            file_close(p->ofile[fd]);
            p->ofile[fd] = 0;
        }
    if (p->cwd) {
        fs_put(p->cwd);
        p->cwd = 0;
    }
}

static struct file *getf(struct proc *p, uint32_t fd)
{
    return fd < NOFILE ? p->ofile[fd] : 0;
}

/* ---- pipes ---------------------------------------------------------------------------------------------------- */
static int pipe_read(struct file *f, uint32_t ubuf, uint32_t n)
{
    struct pipe *pp = f->pipe;
    while (pp->r == pp->w) {
        if (pp->writers == 0)
            return 0;
        if (f->flags & IR_O_NONBLOCK)
            return -IR_EAGAIN;
        if (sleep_on(pp) < 0)
            return -IR_EINTR;
    }
    uint32_t avail = pp->w - pp->r, k = n < avail ? n : avail;
    uint32_t start = pp->r % PIPE_BUF_BYTES, first = PIPE_BUF_BYTES - start;
    if (first > k)
        first = k;
    if (copyout(current, ubuf, pp->buf + start, first) < 0 ||
        copyout(current, ubuf + first, pp->buf, k - first) < 0)
        return -IR_EFAULT;
    pp->r += k;
    wakeup(pp);
    return (int)k;
}

static int pipe_write(struct file *f, uint32_t ubuf, uint32_t n)
{
    struct pipe *pp = f->pipe;
    uint32_t done = 0;
    while (done < n) {
        if (pp->readers == 0) {
            proc_signal(current, IR_SIGPIPE);
            return done ? (int)done : -IR_EPIPE;
        }
        uint32_t space = PIPE_BUF_BYTES - (pp->w - pp->r);
        if (space == 0) {
            if (f->flags & IR_O_NONBLOCK)
                return done ? (int)done : -IR_EAGAIN;
            wakeup(pp);
            if (sleep_on(pp) < 0)
                return done ? (int)done : -IR_EINTR;
            continue;
        }
        uint32_t start = pp->w % PIPE_BUF_BYTES, k = PIPE_BUF_BYTES - start;
        if (k > space)
            k = space;
        if (k > n - done)
            k = n - done;
        if (copyin(current, pp->buf + start, ubuf + done, k) < 0)
            return done ? (int)done : -IR_EFAULT;
        pp->w += k;
        done += k;
    }
    wakeup(pp);
    return (int)done;
}

static int sys_pipe2(struct proc *p, uint32_t ufds, uint32_t flags)
{
    if (flags & ~(IR_O_CLOEXEC | IR_O_NONBLOCK))
        return -IR_EINVAL;
    struct pipe *pp = (struct pipe *)(uintptr_t)page_alloc_raw();
    if (!pp)
        return -IR_ENOMEM;
    pp->r = pp->w = 0;
    pp->readers = pp->writers = 1;
    struct file *rf = file_alloc(), *wf = rf ? file_alloc() : 0;
    if (!rf || !wf) {
        if (rf)
            rf->ref = 0;
        page_free((uint32_t)(uintptr_t)pp);
        return -IR_ENFILE;
    }
    rf->type = wf->type = F_PIPE;
    rf->pipe = wf->pipe = pp;
    rf->flags = IR_O_RDONLY | (flags & IR_O_NONBLOCK);
    wf->flags = IR_O_WRONLY | (flags & IR_O_NONBLOCK);
    wf->pipe_wr = 1;
    int fd0 = fd_alloc(p, rf, 0);
    int fd1 = fd0 < 0 ? fd0 : fd_alloc(p, wf, 0);
    int32_t fds[2] = {fd0, fd1};
    if (fd1 < 0 || copyout(p, ufds, fds, sizeof fds) < 0) {
        if (fd0 >= 0)
            p->ofile[fd0] = 0;
        if (fd1 >= 0)
            p->ofile[fd1] = 0;
        file_close(rf);
        file_close(wf);
        return fd1 < 0 ? fd1 : -IR_EFAULT;
    }
    if (flags & IR_O_CLOEXEC)
        p->cloexec |= (1u << fd0) | (1u << fd1);
    return 0;
}

/* ---- read / write ----------------------------------------------------------------------------------------- */
static int file_read(struct proc *p, struct file *f, uint32_t ubuf, uint32_t n)
{
    if ((f->flags & IR_O_ACCMODE) == IR_O_WRONLY)
        return -IR_EBADF;
    switch (f->type) {
    case F_CONSOLE: return console_read(p, ubuf, n);
    case F_PIPE: return pipe_read(f, ubuf, n);
    case F_NULL: return 0;
    case F_INODE: {
        if (f->ip->d.type == FS_T_DIR)
            return -IR_EISDIR;
        char kbuf[1024];
        uint32_t done = 0;
        while (done < n) {
            uint32_t k = n - done < sizeof kbuf ? n - done : sizeof kbuf;
            int32_t r = fs_read(f->ip, kbuf, f->off, k);
            if (r < 0)
                return done ? (int)done : r;
            if (r == 0)
                break;
            if (copyout(p, ubuf + done, kbuf, (uint32_t)r) < 0)
                return done ? (int)done : -IR_EFAULT;
            f->off += (uint32_t)r;
            done += (uint32_t)r;
            if ((uint32_t)r < k)
                break;
        }
        return (int)done;
    }
    case F_SHM: return -IR_EINVAL;     /* shared memory is used through mmap only */
    default: return -IR_EBADF;
    }
}

static int file_write(struct proc *p, struct file *f, uint32_t ubuf, uint32_t n)
{
    if ((f->flags & IR_O_ACCMODE) == IR_O_RDONLY)
        return -IR_EBADF;
    switch (f->type) {
    case F_CONSOLE: return console_write(p, ubuf, n);
    case F_PIPE: return pipe_write(f, ubuf, n);
    case F_NULL: return (int)n;
    case F_INODE: {
        char kbuf[1024];
        uint32_t done = 0;
        if (f->flags & IR_O_APPEND)
            f->off = f->ip->d.size;
        f->written = 1;
        while (done < n) {
            uint32_t k = n - done < sizeof kbuf ? n - done : sizeof kbuf;
            if (copyin(p, kbuf, ubuf + done, k) < 0)
                return done ? (int)done : -IR_EFAULT;
            int32_t r = fs_write(f->ip, kbuf, f->off, k);
            if (r < 0)
                return done ? (int)done : r;
            f->off += (uint32_t)r;
            done += (uint32_t)r;
            if ((uint32_t)r < k)
                break;
        }
        return (int)done;
    }
    case F_SHM: return -IR_EINVAL;     /* shared memory is used through mmap only */
    default: return -IR_EBADF;
    }
}

/* ---- names ----------------------------------------------------------------------------------------------- */
/* the directory a *at call starts from (no new reference); -errno */
static int at_dir(struct proc *p, int32_t dirfd, struct fs_inode **dir)
{
    if (dirfd == IR_AT_FDCWD) {
        *dir = p->cwd;
        return 0;
    }
    struct file *f = getf(p, (uint32_t)dirfd);
    if (!f)
        return -IR_EBADF;
    if (f->type != F_INODE || f->ip->d.type != FS_T_DIR)
        return -IR_ENOTDIR;
    *dir = f->ip;
    return 0;
}

static int get_path(struct proc *p, uint32_t upath, char *buf)
{
    int n = copyinstr(p, buf, upath, PATH_MAX_K);
    if (n < 0)
        return n;
    if (n == 0)
        return -IR_ENOENT;
    return 0;
}

static int sys_openat(struct proc *p, int32_t dirfd, uint32_t upath, uint32_t flags)
{
    char path[PATH_MAX_K];
    struct fs_inode *dir;
    int r = get_path(p, upath, path);
    if (r < 0)
        return r;
    struct file *f = file_alloc();
    if (!f)
        return -IR_ENFILE;
    f->flags = flags & (IR_O_ACCMODE | IR_O_APPEND | IR_O_NONBLOCK);
    if (!strcmp(path, "/dev/console") || !strcmp(path, "/dev/tty")) {
        f->type = F_CONSOLE;
    } else if (!strcmp(path, "/dev/null")) {
        f->type = F_NULL;
    } else {
        r = at_dir(p, dirfd, &dir);
        if (r == 0)
            r = fs_open(dir, path, flags & (IR_O_ACCMODE | IR_O_CREAT | IR_O_EXCL | IR_O_TRUNC | IR_O_DIRECTORY),
                        &f->ip);
        if (r < 0) {
            f->ref = 0;
            return r;
        }
        f->type = F_INODE;
        if (flags & IR_O_TRUNC)
            f->written = 1;
    }
    return fd_install(p, f, flags);
}

static int stat_file(struct file *f, struct ir_stat *st)
{
    memset(st, 0, sizeof *st);
    switch (f->type) {
    case F_INODE: return fs_stat(f->ip, st);
    case F_PIPE: st->st_mode = IR_S_IFIFO | 0600; st->st_nlink = 1; return 0;
    case F_SHM:
        st->st_mode = IR_S_IFREG | 0600;
        st->st_nlink = 1;
        st->st_size = shm_size(f->shm);
        st->st_blocks = (st->st_size + 511u) / 512u;
        return 0;
    default: st->st_mode = IR_S_IFCHR | 0666; st->st_nlink = 1; return 0;
    }
}

static int sys_getdents64(struct proc *p, struct file *f, uint32_t ubuf, uint32_t count)
{
    if (f->type != F_INODE || f->ip->d.type != FS_T_DIR)
        return -IR_ENOTDIR;
    uint8_t rec[96];
    uint32_t done = 0;
    for (;;) {
        uint32_t pos = f->off;
        struct fs_dirinfo di;
        int r = fs_readdir(f->ip, &pos, &di);
        if (r < 0)
            return done ? (int)done : r;
        if (r == 0)
            break;
        uint32_t nlen = strlen(di.name);
        uint32_t reclen = (19u + nlen + 1u + 7u) & ~7u;
        if (done + reclen > count) {
            if (done == 0)
                return -IR_EINVAL;
            break;
        }
        memset(rec, 0, reclen);
        struct ir_dirent64 *d = (struct ir_dirent64 *)rec;
        d->d_ino = di.inum;
        d->d_off = pos;
        d->d_reclen = (uint16_t)reclen;
        d->d_type = (uint8_t)di.type;
        memcpy(rec + 19, di.name, nlen + 1);
        if (copyout(p, ubuf + done, rec, reclen) < 0)
            return done ? (int)done : -IR_EFAULT;
        done += reclen;
        f->off = pos;
    }
    return (int)done;
}

long sys_file(uint32_t nr, const uint32_t *a)
{
    struct proc *p = current;
    struct file *f;
    struct fs_inode *dir, *ip;
    char path[PATH_MAX_K], path2[PATH_MAX_K];
    struct ir_stat st;
    int r;

    switch (nr) {
    case SYS_openat:
        return sys_openat(p, (int32_t)a[0], a[1], a[2]);
    case SYS_close:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        p->ofile[a[0]] = 0;
        file_close(f);
        return 0;
    case SYS_read:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        return file_read(p, f, a[1], a[2]);
    case SYS_write:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        return file_write(p, f, a[1], a[2]);
    case SYS_lseek: {
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        if (f->type != F_INODE)
            return -IR_ESPIPE;
        int64_t base = a[2] == IR_SEEK_SET ? 0 : a[2] == IR_SEEK_CUR ? (int64_t)f->off
                     : a[2] == IR_SEEK_END ? (int64_t)f->ip->d.size : -1;
        if (a[2] > IR_SEEK_END)
            return -IR_EINVAL;
        int64_t off = base + (int32_t)a[1];
        if (off < 0 || off > 0x7FFFFFFF)
            return -IR_EINVAL;
        f->off = (uint32_t)off;
        return (long)off;
    }
    case SYS_dup:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        r = fd_alloc(p, f, 0);
        if (r >= 0)
            file_dup(f);
        return r;
    case SYS_dup3:
        if (!(f = getf(p, a[0])) || a[1] >= NOFILE)
            return -IR_EBADF;
        if (a[0] == a[1] || (a[2] & ~IR_O_CLOEXEC))
            return -IR_EINVAL;
        file_dup(f);
        if (p->ofile[a[1]])
            file_close(p->ofile[a[1]]);
        p->ofile[a[1]] = f;
        p->cloexec = (p->cloexec & ~(1u << a[1])) | ((a[2] & IR_O_CLOEXEC) ? 1u << a[1] : 0);
        return (long)a[1];
    case SYS_fcntl:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        switch (a[1]) {
        case F_DUPFD:
        case F_DUPFD_CLOEXEC:
            if (a[2] >= NOFILE)
                return -IR_EINVAL;
            r = fd_alloc(p, f, (int)a[2]);
            if (r >= 0) {
                file_dup(f);
                if (a[1] == F_DUPFD_CLOEXEC)
                    p->cloexec |= 1u << r;
            }
            return r;
        case F_GETFD: return (p->cloexec >> a[0]) & 1u;
        case F_SETFD:
            p->cloexec = (p->cloexec & ~(1u << a[0])) | ((a[2] & 1u) << a[0]);
            return 0;
        case F_GETFL: return f->flags;
        case F_SETFL:
            f->flags = (f->flags & ~(IR_O_APPEND | IR_O_NONBLOCK)) | (a[2] & (IR_O_APPEND | IR_O_NONBLOCK));
            return 0;
        default: return -IR_EINVAL;
        }
    case SYS_ioctl:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        if (f->type != F_CONSOLE)
            return -IR_ENOTTY;
        return console_ioctl(p, a[1], a[2]);
    case SYS_pipe2:
        return sys_pipe2(p, a[0], a[1]);
    case SYS_fstat:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        if ((r = stat_file(f, &st)) < 0)
            return r;
        return copyout(p, a[1], &st, sizeof st) < 0 ? -IR_EFAULT : 0;
    case SYS_newfstatat:
        if ((a[3] & IR_AT_EMPTY_PATH) && copyinstr(p, path, a[1], PATH_MAX_K) == 0) {
            if (!(f = getf(p, a[0])))
                return -IR_EBADF;
            r = stat_file(f, &st);
        } else {
            if ((r = get_path(p, a[1], path)) < 0 || (r = at_dir(p, (int32_t)a[0], &dir)) < 0)
                return r;
            if (!strcmp(path, "/dev/console") || !strcmp(path, "/dev/tty") || !strcmp(path, "/dev/null")) {
                memset(&st, 0, sizeof st);
                st.st_mode = IR_S_IFCHR | 0666;
                st.st_nlink = 1;
                r = 0;
            } else {
                if ((r = fs_lookup(dir, path, &ip)) < 0)
                    return r;
                r = fs_stat(ip, &st);
                fs_put(ip);
            }
        }
        if (r < 0)
            return r;
        return copyout(p, a[2], &st, sizeof st) < 0 ? -IR_EFAULT : 0;
    case SYS_mkdirat:
        if ((r = get_path(p, a[1], path)) < 0 || (r = at_dir(p, (int32_t)a[0], &dir)) < 0)
            return r;
        return fs_mkdir(dir, path);
    case SYS_unlinkat:
        if ((r = get_path(p, a[1], path)) < 0 || (r = at_dir(p, (int32_t)a[0], &dir)) < 0)
            return r;
        if (a[2] & ~IR_AT_REMOVEDIR)
            return -IR_EINVAL;
        return (a[2] & IR_AT_REMOVEDIR) ? fs_rmdir(dir, path) : fs_unlink(dir, path);
    case SYS_linkat: {
        struct fs_inode *dir2;
        if ((r = get_path(p, a[1], path)) < 0 || (r = at_dir(p, (int32_t)a[0], &dir)) < 0 ||
            (r = get_path(p, a[3], path2)) < 0 || (r = at_dir(p, (int32_t)a[2], &dir2)) < 0)
            return r;
        return fs_link(dir, path, dir2, path2);
    }
    case SYS_renameat2: {
        struct fs_inode *dir2;
        if (a[4] != 0)
            return -IR_EINVAL;
        if ((r = get_path(p, a[1], path)) < 0 || (r = at_dir(p, (int32_t)a[0], &dir)) < 0 ||
            (r = get_path(p, a[3], path2)) < 0 || (r = at_dir(p, (int32_t)a[2], &dir2)) < 0)
            return r;
        return fs_rename(dir, path, dir2, path2);
    }
    case SYS_chdir:
        if ((r = get_path(p, a[0], path)) < 0)
            return r;
        if ((r = fs_lookup(p->cwd, path, &ip)) < 0)
            return r;
        if (ip->d.type != FS_T_DIR) {
            fs_put(ip);
            return -IR_ENOTDIR;
        }
        fs_put(p->cwd);
        p->cwd = ip;
        return 0;
    case SYS_getcwd: {
        uint32_t size = a[1] < PATH_MAX_K ? a[1] : PATH_MAX_K;
        if (size == 0)
            return -IR_ERANGE;
        if ((r = fs_getpath(p->cwd, path, size)) < 0)
            return r;
        uint32_t len = strlen(path) + 1;
        return copyout(p, a[0], path, len) < 0 ? -IR_EFAULT : (long)len;
    }
    case SYS_getdents64:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        return sys_getdents64(p, f, a[1], a[2]);
    case SYS_ftruncate:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        if ((f->type != F_INODE && f->type != F_SHM) || (f->flags & IR_O_ACCMODE) == IR_O_RDONLY)
            return -IR_EINVAL;
        if (f->type == F_SHM)
            return (int32_t)a[1] < 0 ? -IR_EINVAL : shm_truncate(f->shm, a[1]);
        if ((int32_t)a[1] < 0)
            return -IR_EINVAL;
        f->written = 1;
        return fs_truncate(f->ip, a[1]);
    case SYS_fsync:
        if (!(f = getf(p, a[0])))
            return -IR_EBADF;
        return fs_sync();
    default:
        return -IR_ENOSYS;
    }
}
