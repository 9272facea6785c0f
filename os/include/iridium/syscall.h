/*
 * syscall.h - the Iridium system-call interface, shared by the kernel and user space.
 *
 * Convention (RISC-V Linux): number in a7, arguments in a0-a5, result in a0; a negative result is -errno.
 * Numbers are Linux's generic ones where Linux has the call; Iridium's own calls start at 500. Constants and
 * structures carry an IR_ prefix so that this header can be included next to a C library's own errno.h/fcntl.h
 * (the user library translates). Values are the standard Linux ones.
 */
#ifndef IRIDIUM_SYSCALL_H
#define IRIDIUM_SYSCALL_H

#include <stdint.h>

/* ---- numbers ---------------------------------------------------------------------------------------------- */
#define SYS_getcwd        17
#define SYS_dup           23
#define SYS_dup3          24
#define SYS_fcntl         25
#define SYS_ioctl         29
#define SYS_mkdirat       34
#define SYS_unlinkat      35
#define SYS_linkat        37
#define SYS_ftruncate     46
#define SYS_chdir         49
#define SYS_openat        56
#define SYS_close         57
#define SYS_pipe2         59
#define SYS_getdents64    61
#define SYS_lseek         62
#define SYS_read          63
#define SYS_write         64
#define SYS_newfstatat    79
#define SYS_fstat         80
#define SYS_fsync         82
#define SYS_exit          93
#define SYS_exit_group    94
#define SYS_nanosleep     101
#define SYS_clock_gettime 113
#define SYS_sched_yield   124
#define SYS_kill          129
#define SYS_reboot        142
#define SYS_uname         160
#define SYS_getpid        172
#define SYS_getppid       173
#define SYS_sysinfo       179
#define SYS_brk           214
#define SYS_munmap        215
#define SYS_clone         220   /* clone(SIGCHLD, 0, ...) = fork with copy-on-write */
#define SYS_execve        221
#define SYS_mmap          222
#define SYS_mprotect      226
#define SYS_wait4         260
#define SYS_renameat2     276
/* Iridium's own */
#define SYS_mbox_send     500
#define SYS_mbox_recv     501
#define SYS_shm_open      502
#define SYS_shm_unlink    503
#define SYS_procinfo      504   /* procinfo(index, struct ir_procinfo *): fills the index-th used process slot */
#define SYS_meminfo       505   /* meminfo(struct ir_meminfo *) */

/* ---- errno (Linux values) --------------------------------------------------------------------------------- */
#define IR_EPERM 1
#define IR_ENOENT 2
#define IR_ESRCH 3
#define IR_EINTR 4
#define IR_EIO 5
#define IR_ENXIO 6
#define IR_E2BIG 7
#define IR_ENOEXEC 8
#define IR_EBADF 9
#define IR_ECHILD 10
#define IR_EAGAIN 11
#define IR_ENOMEM 12
#define IR_EACCES 13
#define IR_EFAULT 14
#define IR_EBUSY 16
#define IR_EEXIST 17
#define IR_EXDEV 18
#define IR_ENODEV 19
#define IR_ENOTDIR 20
#define IR_EISDIR 21
#define IR_EINVAL 22
#define IR_ENFILE 23
#define IR_EMFILE 24
#define IR_ENOTTY 25
#define IR_EFBIG 27
#define IR_ENOSPC 28
#define IR_ESPIPE 29
#define IR_EROFS 30
#define IR_EMLINK 31
#define IR_EPIPE 32
#define IR_ERANGE 34
#define IR_ENAMETOOLONG 36
#define IR_ENOSYS 38
#define IR_ENOTEMPTY 39
#define IR_EMSGSIZE 90
#define IR_ETIMEDOUT 110

/* ---- open flags, lseek, *at ------------------------------------------------------------------------------- */
#define IR_O_RDONLY    0x0
#define IR_O_WRONLY    0x1
#define IR_O_RDWR      0x2
#define IR_O_ACCMODE   0x3
#define IR_O_CREAT     0x40
#define IR_O_EXCL      0x80
#define IR_O_TRUNC     0x200
#define IR_O_APPEND    0x400
#define IR_O_NONBLOCK  0x800
#define IR_O_DIRECTORY 0x10000
#define IR_O_CLOEXEC   0x80000
#define IR_AT_FDCWD    (-100)
#define IR_AT_REMOVEDIR 0x200
#define IR_SEEK_SET 0
#define IR_SEEK_CUR 1
#define IR_SEEK_END 2

/* ---- file types (st_mode) --------------------------------------------------------------------------------- */
#define IR_S_IFMT   0170000
#define IR_S_IFIFO  0010000
#define IR_S_IFCHR  0020000
#define IR_S_IFDIR  0040000
#define IR_S_IFREG  0100000

struct ir_stat {
    uint32_t st_dev, st_ino, st_mode, st_nlink;
    uint32_t st_size, st_blocks;        /* bytes; 512-byte blocks */
    uint32_t st_mtime_sec;              /* last modification, seconds (0 if unknown); not st_mtime, which C
                                           libraries define as a macro */
    uint32_t st_reserved;
};

/* getdents64 record (Linux layout) */
struct ir_dirent64 {
    uint64_t d_ino;
    int64_t  d_off;
    uint16_t d_reclen;
    uint8_t  d_type;                    /* IR_DT_* */
    char     d_name[];
};
#define IR_DT_UNKNOWN 0
#define IR_DT_FIFO 1
#define IR_DT_CHR 2
#define IR_DT_DIR 4
#define IR_DT_REG 8

struct ir_timespec {
    int64_t tv_sec;
    int32_t tv_nsec;
    int32_t pad;
};
#define IR_CLOCK_REALTIME  0            /* time since boot (no real-time clock) */
#define IR_CLOCK_MONOTONIC 1

/* fcntl commands (Linux values) */
#define IR_F_DUPFD         0
#define IR_F_GETFD         1
#define IR_F_SETFD         2
#define IR_F_GETFL         3
#define IR_F_SETFL         4
#define IR_F_DUPFD_CLOEXEC 1030
#define IR_FD_CLOEXEC      1

/* wait4 options and status encoding (as Linux) */
#define IR_WNOHANG 1
#define IR_WEXITED_STATUS(code)  (((code) & 0xff) << 8)
#define IR_WSIGNALED_STATUS(sig) ((sig) & 0x7f)

/* signals the kernel can deliver (kill(2) terminates with these; no handlers) */
#define IR_SIGINT  2
#define IR_SIGKILL 9
#define IR_SIGSEGV 11
#define IR_SIGPIPE 13
#define IR_SIGTERM 15
#define IR_SIGCHLD 17

/* reboot(2) commands */
#define IR_REBOOT_POWER_OFF 0x4321fedc
#define IR_REBOOT_RESTART   0x01234567

/* mmap */
#define IR_PROT_READ  0x1
#define IR_PROT_WRITE 0x2
#define IR_PROT_EXEC  0x4
#define IR_MAP_SHARED    0x01
#define IR_MAP_PRIVATE   0x02
#define IR_MAP_FIXED     0x10
#define IR_MAP_ANONYMOUS 0x20

/* SYS_procinfo */
struct ir_procinfo {
    int32_t  pid, ppid;
    uint32_t state;                     /* 0 runnable, 1 running, 2 sleeping, 3 zombie */
    uint32_t pages;                     /* resident user pages */
    uint64_t cpu_ticks;                 /* timer ticks while running */
    char     name[16];
};

/* SYS_meminfo */
struct ir_meminfo {
    uint32_t page_size;
    uint32_t total_pages, free_pages;
    uint32_t kernel_pages;
};

/* uname */
struct ir_utsname {
    char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};


/* ---- IPC and memory mapping (docs/os.md "Inter-process communication and memory mapping") -------------------- */
#define IR_EDEADLK 35                   /* mbox_send to oneself with a full mailbox, blocking */

/* mailboxes: mbox_send(pid, buf, len, flags), mbox_recv(buf, len, &sender, flags, timeout_ms) */
#define IR_MBOX_CAPACITY 16             /* messages queued per mailbox (all senders together) */
#define IR_MBOX_MSG_MAX  256            /* bytes per message (0 allowed); longer: EMSGSIZE */
#define IR_MBOX_NONBLOCK 0x1            /* send/recv: EAGAIN instead of waiting */
#define IR_MBOX_FROM     0x2            /* recv: *sender (input) selects the sending pid; ESRCH when it has exited */

/* shared memory objects: shm_open(name, flags, mode), shm_unlink(name); size by ftruncate */
#define IR_SHM_NAME_MAX  32             /* bytes including the NUL (an optional leading '/' included) */
#define IR_SHM_MAX_BYTES (16u << 20)    /* largest object */

/* user virtual range of mmap: mappings are placed here (MAP_FIXED too); the heap (brk) ends below it */
#define IR_MMAP_BASE     0x20000000u
#define IR_MMAP_END      0x3F000000u

#endif
