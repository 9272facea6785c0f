/*
 * ipc.c - user-library wrappers of the Iridium IPC and memory-mapping calls (user/include/ir_ipc.h): mailboxes,
 * POSIX shared-memory names, ir_mmap & co. Results follow the C library convention through ir_ret() (sys.c):
 * -1 with errno in picolibc's numbering. Invariant: no state; flags are translated, never passed through blindly
 * (picolibc's O_ values differ from the kernel's).
 */
#include <errno.h>
#include <fcntl.h>

#include "ir_ipc.h"

int mbox_send(int pid, const void *buf, size_t len, int flags)
{
    return (int)ir_ret(ir_syscall4(SYS_mbox_send, pid, (long)buf, (long)len, flags));
}

ssize_t mbox_recv(void *buf, size_t len, int *sender, int flags, unsigned timeout_ms)
{
    return (ssize_t)ir_ret(ir_syscall5(SYS_mbox_recv, (long)buf, (long)len, (long)sender, flags, (long)timeout_ms));
}

int shm_open(const char *name, int oflag, mode_t mode)
{
    int f = (oflag & O_ACCMODE) == O_RDWR ? IR_O_RDWR : (oflag & O_ACCMODE) == O_WRONLY ? IR_O_WRONLY : IR_O_RDONLY;
    (void)mode;
    if (oflag & O_CREAT)
        f |= IR_O_CREAT;
    if (oflag & O_EXCL)
        f |= IR_O_EXCL;
    if (oflag & O_TRUNC)
        f |= IR_O_TRUNC;
    if (oflag & O_CLOEXEC)
        f |= IR_O_CLOEXEC;
    if (oflag & ~(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC)) {
        errno = EINVAL;
        return -1;
    }
    return (int)ir_ret(ir_syscall2(SYS_shm_open, (long)name, f));
}

int shm_unlink(const char *name)
{
    return (int)ir_ret(ir_syscall1(SYS_shm_unlink, (long)name));
}

void *ir_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    long r = ir_syscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, (long)off);
    if (r < 0 && r > -4096) {
        errno = ir_errno((int)-r);
        return MAP_FAILED;
    }
    return (void *)r;
}

int ir_munmap(void *addr, size_t len)
{
    return (int)ir_ret(ir_syscall2(SYS_munmap, (long)addr, (long)len));
}

int ir_mprotect(void *addr, size_t len, int prot)
{
    return (int)ir_ret(ir_syscall3(SYS_mprotect, (long)addr, (long)len, prot));
}
