/*
 * sys.c - POSIX system-call wrappers of the Iridium user library, on top of picolibc.
 *
 * Every function calls the kernel through ir_syscallN() (include/ir.h) and converts the result with ir_ret():
 * negative kernel results (-IR_Exxx, Linux numbering) become -1 with errno set to picolibc's number for the same
 * error. Flag and structure arguments are translated between picolibc's definitions (O_*, struct stat, struct
 * timespec, signal numbers) and the kernel's (IR_O_*, struct ir_stat, struct ir_timespec, Linux signals).
 * Invariant: nothing here keeps state except errno (thread-local in picolibc; crt0 sets tp).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ir.h"

/* ---- errno -------------------------------------------------------------------------------------------------- */
int ir_errno(int e)
{
    if (e >= 1 && e <= 34)          /* EPERM .. ERANGE: same numbers in Linux and picolibc */
        return e;
    switch (e) {
    case 35: return EDEADLK;
    case IR_ENAMETOOLONG: return ENAMETOOLONG;
    case 37: return ENOLCK;
    case IR_ENOSYS: return ENOSYS;
    case IR_ENOTEMPTY: return ENOTEMPTY;
    case 40: return ELOOP;
    case 75: return EOVERFLOW;
    case IR_EMSGSIZE: return EMSGSIZE;
    case 95: return ENOTSUP;
    case IR_ETIMEDOUT: return ETIMEDOUT;
    default: return EIO;
    }
}

long ir_ret(long r)
{
    if (r < 0 && r > -4096) {
        errno = ir_errno((int)-r);
        return -1;
    }
    return r;
}

static int pico_to_ir_oflags(int f)
{
    int r = 0;
    switch (f & O_ACCMODE) {
    case O_WRONLY: r = IR_O_WRONLY; break;
    case O_RDWR: r = IR_O_RDWR; break;
    default: r = IR_O_RDONLY; break;
    }
    if (f & O_CREAT) r |= IR_O_CREAT;
    if (f & O_EXCL) r |= IR_O_EXCL;
    if (f & O_TRUNC) r |= IR_O_TRUNC;
    if (f & O_APPEND) r |= IR_O_APPEND;
    if (f & O_NONBLOCK) r |= IR_O_NONBLOCK;
    if (f & O_DIRECTORY) r |= IR_O_DIRECTORY;
    if (f & O_CLOEXEC) r |= IR_O_CLOEXEC;
    return r;
}

static int ir_to_pico_oflags(int f)
{
    int r;
    switch (f & IR_O_ACCMODE) {
    case IR_O_WRONLY: r = O_WRONLY; break;
    case IR_O_RDWR: r = O_RDWR; break;
    default: r = O_RDONLY; break;
    }
    if (f & IR_O_APPEND) r |= O_APPEND;
    if (f & IR_O_NONBLOCK) r |= O_NONBLOCK;
    return r;
}

/* Linux signal numbers equal picolibc's for 1..15; SIGCHLD differs (17 vs 20). */
static int pico_to_ir_sig(int s) { return s == SIGCHLD ? IR_SIGCHLD : s; }

/* ---- files -------------------------------------------------------------------------------------------------- */
ssize_t read(int fd, void *buf, size_t n) { return ir_ret(ir_syscall3(SYS_read, fd, (long)buf, (long)n)); }

ssize_t write(int fd, const void *buf, size_t n)
{
    return ir_ret(ir_syscall3(SYS_write, fd, (long)buf, (long)n));
}

int openat(int dirfd, const char *path, int flags, ...)
{
    int mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, int);
        va_end(ap);
    }
    return (int)ir_ret(ir_syscall4(SYS_openat, dirfd, (long)path, pico_to_ir_oflags(flags), mode));
}

int open(const char *path, int flags, ...)
{
    int mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, int);
        va_end(ap);
    }
    return (int)ir_ret(ir_syscall4(SYS_openat, IR_AT_FDCWD, (long)path, pico_to_ir_oflags(flags), mode));
}

int creat(const char *path, mode_t mode) { return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode); }

int close(int fd) { return (int)ir_ret(ir_syscall1(SYS_close, fd)); }

off_t lseek(int fd, off_t off, int whence)
{
    int w = whence == SEEK_CUR ? IR_SEEK_CUR : whence == SEEK_END ? IR_SEEK_END : IR_SEEK_SET;
    return (off_t)ir_ret(ir_syscall3(SYS_lseek, fd, (long)off, w));
}

static void stat_from_ir(struct stat *st, const struct ir_stat *is)
{
    memset(st, 0, sizeof *st);
    st->st_dev = (dev_t)is->st_dev;
    st->st_ino = (ino_t)is->st_ino;
    st->st_mode = (mode_t)is->st_mode;
    st->st_nlink = (nlink_t)is->st_nlink;
    st->st_size = (off_t)is->st_size;
    st->st_blocks = (blkcnt_t)is->st_blocks;
    st->st_blksize = 512;
    st->st_mtim.tv_sec = is->st_mtime_sec;
    st->st_atim.tv_sec = is->st_mtime_sec;
    st->st_ctim.tv_sec = is->st_mtime_sec;
}

int fstat(int fd, struct stat *st)
{
    struct ir_stat is;
    if (ir_ret(ir_syscall2(SYS_fstat, fd, (long)&is)) < 0)
        return -1;
    stat_from_ir(st, &is);
    return 0;
}

int stat(const char *path, struct stat *st)
{
    struct ir_stat is;
    if (ir_ret(ir_syscall4(SYS_newfstatat, IR_AT_FDCWD, (long)path, (long)&is, 0)) < 0)
        return -1;
    stat_from_ir(st, &is);
    return 0;
}

int lstat(const char *path, struct stat *st) { return stat(path, st); }

int access(const char *path, int mode)
{
    struct stat st;
    (void)mode;                          /* no permissions on Iridium: existence is all there is to check */
    return stat(path, &st);
}

int isatty(int fd)
{
    uint32_t mode;
    return ir_con_getmode(fd, &mode) == 0;
}

int ftruncate(int fd, off_t len) { return (int)ir_ret(ir_syscall2(SYS_ftruncate, fd, (long)len)); }
int fsync(int fd) { return (int)ir_ret(ir_syscall1(SYS_fsync, fd)); }

int dup(int fd) { return (int)ir_ret(ir_syscall1(SYS_dup, fd)); }

int dup2(int oldfd, int newfd)
{
    if (oldfd == newfd) {                /* dup3 refuses this case; dup2 only checks that oldfd is open */
        if (ir_ret(ir_syscall3(SYS_fcntl, oldfd, 1 /* F_GETFD */, 0)) < 0)
            return -1;
        return newfd;
    }
    return (int)ir_ret(ir_syscall3(SYS_dup3, oldfd, newfd, 0));
}

int dup3(int oldfd, int newfd, int flags)
{
    return (int)ir_ret(ir_syscall3(SYS_dup3, oldfd, newfd, (flags & O_CLOEXEC) ? IR_O_CLOEXEC : 0));
}

int pipe2(int fds[2], int flags) { return (int)ir_ret(ir_syscall2(SYS_pipe2, (long)fds, pico_to_ir_oflags(flags))); }
int pipe(int fds[2]) { return pipe2(fds, 0); }

/* fcntl: picolibc's commands F_DUPFD..F_SETFL (0..4) equal Linux's; F_DUPFD_CLOEXEC (picolibc 14) is Linux's 1030.
 * FD_CLOEXEC is 1 in both. */
int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    long arg;
    va_start(ap, cmd);
    arg = va_arg(ap, long);
    va_end(ap);
    switch (cmd) {
    case F_DUPFD: return (int)ir_ret(ir_syscall3(SYS_fcntl, fd, 0, arg));
#ifdef F_DUPFD_CLOEXEC
    case F_DUPFD_CLOEXEC: return (int)ir_ret(ir_syscall3(SYS_fcntl, fd, IR_F_DUPFD_CLOEXEC, arg));
#endif
    case F_GETFD: return (int)ir_ret(ir_syscall3(SYS_fcntl, fd, 1, 0));
    case F_SETFD: return (int)ir_ret(ir_syscall3(SYS_fcntl, fd, 2, arg));
    case F_GETFL: {
        long r = ir_ret(ir_syscall3(SYS_fcntl, fd, 3, 0));
        return r < 0 ? -1 : ir_to_pico_oflags((int)r);
    }
    case F_SETFL: return (int)ir_ret(ir_syscall3(SYS_fcntl, fd, 4, pico_to_ir_oflags((int)arg)));
    default: errno = EINVAL; return -1;
    }
}

int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    long arg;
    va_start(ap, request);
    arg = va_arg(ap, long);
    va_end(ap);
    return (int)ir_ret(ir_syscall3(SYS_ioctl, fd, (long)request, arg));
}

/* ---- names -------------------------------------------------------------------------------------------------- */
int chdir(const char *path) { return (int)ir_ret(ir_syscall1(SYS_chdir, (long)path)); }

char *getcwd(char *buf, size_t size)
{
    char *mine = NULL;
    if (buf == NULL) {                   /* extension: allocate */
        if (size == 0)
            size = 256;
        buf = mine = malloc(size);
        if (buf == NULL)
            return NULL;
    }
    if (ir_ret(ir_syscall2(SYS_getcwd, (long)buf, (long)size)) < 0) {
        free(mine);
        return NULL;
    }
    return buf;
}

int mkdir(const char *path, mode_t mode) { return (int)ir_ret(ir_syscall3(SYS_mkdirat, IR_AT_FDCWD, (long)path, mode)); }
int rmdir(const char *path) { return (int)ir_ret(ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)path, IR_AT_REMOVEDIR)); }
int unlink(const char *path) { return (int)ir_ret(ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)path, 0)); }

int rename(const char *from, const char *to)
{
    return (int)ir_ret(ir_syscall5(SYS_renameat2, IR_AT_FDCWD, (long)from, IR_AT_FDCWD, (long)to, 0));
}

int link(const char *from, const char *to)
{
    return (int)ir_ret(ir_syscall5(SYS_linkat, IR_AT_FDCWD, (long)from, IR_AT_FDCWD, (long)to, 0));
}

long ir_getdents64(int fd, void *buf, size_t len) { return ir_ret(ir_syscall3(SYS_getdents64, fd, (long)buf, (long)len)); }

/* ---- processes ---------------------------------------------------------------------------------------------- */
void _exit(int status)
{
    for (;;)
        ir_syscall1(SYS_exit_group, status);
}

pid_t getpid(void) { return (pid_t)ir_syscall0(SYS_getpid); }
pid_t getppid(void) { return (pid_t)ir_syscall0(SYS_getppid); }
uid_t getuid(void) { return 0; }
uid_t geteuid(void) { return 0; }
gid_t getgid(void) { return 0; }
gid_t getegid(void) { return 0; }

int kill(pid_t pid, int sig) { return (int)ir_ret(ir_syscall2(SYS_kill, pid, pico_to_ir_sig(sig))); }

pid_t fork(void)
{
    fflush(stdout);                     /* else buffered output would be written twice, by parent and child */
    fflush(stderr);
    return (pid_t)ir_ret(ir_syscall5(SYS_clone, IR_SIGCHLD, 0, 0, 0, 0));
}

pid_t vfork(void) { return fork(); }

int execve(const char *path, char *const argv[], char *const envp[])
{
    fflush(stdout);
    fflush(stderr);
    return (int)ir_ret(ir_syscall3(SYS_execve, (long)path, (long)argv, (long)envp));
}

extern char **environ;

int execv(const char *path, char *const argv[]) { return execve(path, argv, environ); }

int execvpe(const char *file, char *const argv[], char *const envp[])
{
    const char *path, *p;
    char buf[256];
    int saved = ENOENT;

    if (file == NULL || *file == '\0') {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/') != NULL)
        return execve(file, argv, envp);
    path = getenv("PATH");
    if (path == NULL || *path == '\0')
        path = "/bin";
    for (p = path;;) {
        const char *end = strchr(p, ':');
        size_t dl = end ? (size_t)(end - p) : strlen(p);
        size_t fl = strlen(file);
        if (dl + 1 + fl + 1 <= sizeof buf) {
            memcpy(buf, p, dl);
            if (dl == 0)
                buf[dl++] = '.';
            buf[dl] = '/';
            memcpy(buf + dl + 1, file, fl + 1);
            execve(buf, argv, envp);
            if (errno != ENOENT && errno != ENOTDIR)
                saved = errno;          /* remember e.g. ENOEXEC or EACCES, but keep looking */
        }
        if (end == NULL)
            break;
        p = end + 1;
    }
    errno = saved;
    return -1;
}

int execvp(const char *file, char *const argv[]) { return execvpe(file, argv, environ); }

#define EXECL_MAX 32
static int execl_common(const char *path, const char *arg0, va_list ap, int search)
{
    char *argv[EXECL_MAX + 1];
    int n = 0;
    const char *a = arg0;
    while (a != NULL) {
        if (n == EXECL_MAX) {
            errno = E2BIG;
            return -1;
        }
        argv[n++] = (char *)a;
        a = va_arg(ap, const char *);
    }
    argv[n] = NULL;
    return search ? execvp(path, argv) : execv(path, argv);
}

int execl(const char *path, const char *arg0, ...)
{
    va_list ap;
    int r;
    va_start(ap, arg0);
    r = execl_common(path, arg0, ap, 0);
    va_end(ap);
    return r;
}

int execlp(const char *file, const char *arg0, ...)
{
    va_list ap;
    int r;
    va_start(ap, arg0);
    r = execl_common(file, arg0, ap, 1);
    va_end(ap);
    return r;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    int opts = (options & WNOHANG) ? IR_WNOHANG : 0;
    return (pid_t)ir_ret(ir_syscall4(SYS_wait4, pid, (long)status, opts, 0));
}

pid_t wait(int *status) { return waitpid(-1, status, 0); }

/* ---- memory ------------------------------------------------------------------------------------------------- */
static char *cur_brk;

int brk(void *addr)
{
    char *r = (char *)ir_syscall1(SYS_brk, (long)addr);
    cur_brk = r;
    if (r != (char *)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

void *sbrk(ptrdiff_t incr)
{
    char *old, *want;
    if (cur_brk == NULL)
        cur_brk = (char *)ir_syscall1(SYS_brk, 0);
    old = cur_brk;
    if (incr == 0)
        return old;
    want = old + incr;
    if ((incr > 0 && want < old) || (incr < 0 && want > old)) {
        errno = ENOMEM;
        return (void *)-1;
    }
    cur_brk = (char *)ir_syscall1(SYS_brk, (long)want);
    if (cur_brk != want) {
        errno = ENOMEM;
        return (void *)-1;
    }
    return old;
}

/* prot and flags: <sys/mman.h> (user/include) uses the kernel's (Linux) values, no translation needed */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    long r = ir_syscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, (long)off);
    if (r < 0 && r > -4096) {
        errno = ir_errno((int)-r);
        return (void *)-1;
    }
    return (void *)r;
}

int munmap(void *addr, size_t len) { return (int)ir_ret(ir_syscall2(SYS_munmap, (long)addr, (long)len)); }
int mprotect(void *addr, size_t len, int prot) { return (int)ir_ret(ir_syscall3(SYS_mprotect, (long)addr, (long)len, prot)); }

/* ---- time --------------------------------------------------------------------------------------------------- */
int clock_gettime(clockid_t clk, struct timespec *ts)
{
    struct ir_timespec its;
    if (ir_ret(ir_syscall2(SYS_clock_gettime, clk == CLOCK_MONOTONIC ? IR_CLOCK_MONOTONIC : IR_CLOCK_REALTIME,
                           (long)&its)) < 0)
        return -1;
    ts->tv_sec = (time_t)its.tv_sec;
    ts->tv_nsec = its.tv_nsec;
    return 0;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    struct timespec ts;
    (void)tz;
    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}

/* times(): no per-process accounting; everything is elapsed time since boot, in CLOCKS_PER_SEC (µs) units. */
clock_t times(struct tms *t)
{
    struct timespec ts;
    clock_t c;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
        return (clock_t)-1;
    c = (clock_t)(ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
    if (t != NULL) {
        t->tms_utime = c;
        t->tms_stime = 0;
        t->tms_cutime = 0;
        t->tms_cstime = 0;
    }
    return c;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    struct ir_timespec ireq, irem;
    long r;
    ireq.tv_sec = req->tv_sec;
    ireq.tv_nsec = (int32_t)req->tv_nsec;
    ireq.pad = 0;
    r = ir_ret(ir_syscall2(SYS_nanosleep, (long)&ireq, (long)&irem));
    if (r < 0 && rem != NULL && errno == EINTR) {
        rem->tv_sec = (time_t)irem.tv_sec;
        rem->tv_nsec = irem.tv_nsec;
    }
    return (int)r;
}

unsigned sleep(unsigned s)
{
    struct timespec ts = { .tv_sec = s, .tv_nsec = 0 };
    return nanosleep(&ts, NULL) < 0 ? s : 0;
}

int usleep(useconds_t us)
{
    struct timespec ts = { .tv_sec = us / 1000000, .tv_nsec = (long)(us % 1000000) * 1000 };
    return nanosleep(&ts, NULL);
}

int sched_yield(void) { return (int)ir_ret(ir_syscall0(SYS_sched_yield)); }

/* ---- Iridium ------------------------------------------------------------------------------------------------ */
int ir_procinfo(int index, struct ir_procinfo *out) { return (int)ir_ret(ir_syscall2(SYS_procinfo, index, (long)out)); }
int ir_meminfo(struct ir_meminfo *out) { return (int)ir_ret(ir_syscall1(SYS_meminfo, (long)out)); }
int ir_uname(struct ir_utsname *out) { return (int)ir_ret(ir_syscall1(SYS_uname, (long)out)); }
int ir_reboot(unsigned cmd, int status) { return (int)ir_ret(ir_syscall2(SYS_reboot, (long)cmd, status)); }

int ir_con_getmode(int fd, uint32_t *mode) { return (int)ir_ret(ir_syscall3(SYS_ioctl, fd, (long)IR_CON_GETMODE, (long)mode)); }
int ir_con_setmode(int fd, uint32_t mode) { return (int)ir_ret(ir_syscall3(SYS_ioctl, fd, (long)IR_CON_SETMODE, (long)mode)); }
int ir_con_setfg(int fd, int pid) { return (int)ir_ret(ir_syscall3(SYS_ioctl, fd, (long)IR_CON_SETFG, pid)); }
