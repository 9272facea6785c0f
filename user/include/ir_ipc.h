/*
 * ir_ipc.h - Iridium inter-process communication and memory mapping for user programs (user/lib/ipc.c):
 * mailboxes (mbox_send, mbox_recv), POSIX shared memory (shm_open, shm_unlink) and mmap/munmap/mprotect with their
 * PROT_/MAP_ constants. docs/os.md ("Inter-process communication and memory mapping") is the manual of each call.
 *
 * Conventions: C library style, -1 and errno (picolibc's numbering) on failure. picolibc has no <sys/mman.h>: this
 * header provides the POSIX names (mmap, munmap and mprotect themselves are defined by user/lib/sys.c); their
 * PROT_ and MAP_ values are the kernel's (Linux) ones, identical to IR_PROT_* / IR_MAP_*. shm_open takes the C
 * library's O_ flags (O_RDONLY or O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_CLOEXEC); the mode is ignored.
 * Invariant: nothing here keeps state.
 */
#ifndef IR_IPC_H
#define IR_IPC_H

#include <stddef.h>
#include <sys/types.h>
#include "ir.h"

/* ---- mailboxes -------------------------------------------------------------------------------------------- */
/* Queue a message of len <= IR_MBOX_MSG_MAX bytes for process pid. flags: 0 (wait while its mailbox is full) or
 * IR_MBOX_NONBLOCK (EAGAIN). Errors: ESRCH (no such live process, or it exited while we waited), EMSGSIZE,
 * EAGAIN, EDEADLK (own full mailbox), EFAULT, EINTR, ENOMEM, EINVAL. Returns 0. */
int mbox_send(int pid, const void *buf, size_t len, int flags);

/* Take the oldest message (or, with IR_MBOX_FROM, the oldest from pid *sender) into buf. Returns its length and
 * stores the sender's pid in *sender (sender may be NULL without IR_MBOX_FROM). timeout_ms: 0 = no limit.
 * Errors: EAGAIN (IR_MBOX_NONBLOCK, empty), ETIMEDOUT, EMSGSIZE (buf smaller than the message: it stays queued),
 * ESRCH (IR_MBOX_FROM: that process does not exist or exited), EFAULT, EINTR, EINVAL. */
ssize_t mbox_recv(void *buf, size_t len, int *sender, int flags, unsigned timeout_ms);

/* ---- shared memory ---------------------------------------------------------------------------------------- */
int shm_open(const char *name, int oflag, mode_t mode);   /* name "/x" or "x", < IR_SHM_NAME_MAX bytes */
int shm_unlink(const char *name);

/* ---- memory mapping --------------------------------------------------------------------------------------- */
#define PROT_NONE      0x0
#define PROT_READ      IR_PROT_READ
#define PROT_WRITE     IR_PROT_WRITE
#define PROT_EXEC      IR_PROT_EXEC
#define MAP_SHARED     IR_MAP_SHARED
#define MAP_PRIVATE    IR_MAP_PRIVATE
#define MAP_FIXED      IR_MAP_FIXED
#define MAP_ANONYMOUS  IR_MAP_ANONYMOUS
#define MAP_ANON       IR_MAP_ANONYMOUS
#define MAP_FAILED     ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);   /* user/lib/sys.c */
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);

/* the same with the IR_ constants spelled out (identical behaviour) */
void *ir_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int ir_munmap(void *addr, size_t len);
int ir_mprotect(void *addr, size_t len, int prot);

#endif
