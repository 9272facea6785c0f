/*
 * kernel.h - the Iridium kernel's shared definitions: constants, the process/file structures and every
 * subsystem's entry points. docs/os.md explains the design (boot flow, memory layouts, trap path, states).
 *
 * Invariants kept by the whole kernel:
 * - one hart; the kernel runs with sstatus.SIE = 0 always (it is not preemptible and needs no locks); interrupts
 *   are taken only from U-mode, or polled from sip by the idle loop;
 * - every address space maps all RAM and the MMIO megapage identity (kernel only) and the kernel-stack area at
 *   KSTACK_BASE (shared page table), so the kernel uses physical addresses directly in any address space;
 * - user memory is touched only through copyin/copyout/copyinstr (vm.c), which check the page tables first.
 */
#ifndef IRIDIUM_KERNEL_H
#define IRIDIUM_KERNEL_H

#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>
#include "iridium/bootinfo.h"
#include "iridium/syscall.h"
#include "iridium_soc.h"

#define KERNEL_VERSION "0.1"

/* ---- parameters --------------------------------------------------------------------------------------------- */
#define NPROC         64          /* process slots */
#define NOFILE        16          /* descriptors per process */
#define NFILE         256         /* open files system-wide */
#define TICK_MS       10          /* time slice = timer tick */
#define KSTACK_PAGES  4           /* per-process kernel stack (plus one guard page below it) */
#define PAGE_SIZE     4096u
#define PAGE_SHIFT    12

/* ---- virtual layout ----------------------------------------------------------------------------------------- */
#define USER_BASE     0x00001000u
#define USER_TEXT     0x00010000u
#define USER_END      0x40000000u /* first address above user space */
#define USTACK_TOP    0x3FFFF000u
#define USTACK_MAX    (1u << 20)  /* stack may grow to 1 MiB; the page below that is the guard page */
#define USTACK_LIMIT  (USTACK_TOP - USTACK_MAX)
#define MMAP_BASE     IR_MMAP_BASE /* mmap area [MMAP_BASE, MMAP_END) (mmap.c) */
#define MMAP_END      IR_MMAP_END
#define HEAP_MAX_END  MMAP_BASE   /* brk may not reach the mmap area */
#define KSTACK_BASE   0xC0000000u /* slot i: guard page, then KSTACK_PAGES pages */
#define KSTACK_SLOT   ((KSTACK_PAGES + 1u) * PAGE_SIZE)

/* ---- Sv32 --------------------------------------------------------------------------------------------------- */
#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)
#define PTE_COW (1u << 8)         /* RSW bit: copy-on-write page (mapped read-only) */
#define PTE_SHARED (1u << 9)      /* RSW bit: frame of a shared mapping (fork shares it as is, never COW) */
#define PTE_PA(pte)   (((pte) >> 10) << 12)
#define PA_PTE(pa)    (((pa) >> 12) << 10)
#define SATP_SV32     0x80000000u

/* ---- CSRs --------------------------------------------------------------------------------------------------- */
#define SSTATUS_SIE   (1u << 1)
#define SSTATUS_SPIE  (1u << 5)
#define SSTATUS_SPP   (1u << 8)
#define SIE_STIE      (1u << 5)
#define SIE_SEIE      (1u << 9)
#define SIP_STIP      (1u << 5)
#define SIP_SEIP      (1u << 9)
#define csr_read(name) ({ uint32_t v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define csr_write(name, v) __asm__ volatile("csrw " #name ", %0" :: "r"((uint32_t)(v)))
#define csr_set(name, v) __asm__ volatile("csrs " #name ", %0" :: "r"((uint32_t)(v)))
#define csr_clear(name, v) __asm__ volatile("csrc " #name ", %0" :: "r"((uint32_t)(v)))
static inline void sfence_vma(void) { __asm__ volatile("sfence.vma zero, zero" ::: "memory"); }

/* ---- basic helpers (string.c, printf.c) ---------------------------------------------------------------------- */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
size_t strlcpy(char *d, const char *s, size_t n);
void kprintf(const char *fmt, ...);
int ksnprintf(char *buf, size_t n, const char *fmt, ...);
int kvsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
void panic(const char *fmt, ...) __attribute__((noreturn));
#define KASSERT(c) do { if (!(c)) panic("assertion failed: %s (%s:%d)", #c, __FILE__, __LINE__); } while (0)
static inline uint32_t page_round_up(uint32_t a) { return (a + PAGE_SIZE - 1u) & ~(PAGE_SIZE - 1u); }
static inline uint32_t page_round_down(uint32_t a) { return a & ~(PAGE_SIZE - 1u); }

/* ---- SBI (sbi.c) -------------------------------------------------------------------------------------------- */
struct sbiret { int32_t error; uint32_t value; };
struct sbiret sbi_call(uint32_t ext, uint32_t fid, uint32_t a0, uint32_t a1, uint32_t a2);
void sbi_set_timer(uint64_t when);
void sbi_shutdown(uint32_t code) __attribute__((noreturn));   /* 0 = success */
void sbi_reboot(void) __attribute__((noreturn));
void system_poweroff(uint32_t code) __attribute__((noreturn)); /* commit the file system, then power off */
void system_reboot(void) __attribute__((noreturn));
void sbi_ext_irq_done(void);

/* ---- time (trap.c) ------------------------------------------------------------------------------------------ */
extern struct bootinfo bootinfo;
uint64_t time_now(void);        /* mtime */
uint64_t ticks_per_second(void);
extern uint64_t ticks;

/* ---- physical pages (page.c) -------------------------------------------------------------------------------- */
void page_init(void);
uint32_t page_alloc(void);       /* zeroed page, or 0 when memory is exhausted */
uint32_t page_alloc_raw(void);   /* not zeroed */
void page_ref(uint32_t pa);
void page_free(uint32_t pa);     /* drop one reference; the page is free at zero */
uint32_t page_refcount(uint32_t pa);
void page_stats(struct ir_meminfo *m);
extern uint32_t free_pages;

/* ---- address spaces (vm.c) ---------------------------------------------------------------------------------- */
struct proc;
void vm_init(void);
uint32_t as_create(void);                           /* root table pa, or 0 */
void as_destroy(uint32_t root);
int as_fork(uint32_t dst, uint32_t src);            /* COW-share user pages; -ENOMEM */
uint32_t *as_walk(uint32_t root, uint32_t va, int alloc);
int as_map(uint32_t root, uint32_t va, uint32_t pa, uint32_t perm); /* perm: R/W/X/U; sets V, A, D */
void as_unmap_range(uint32_t root, uint32_t start, uint32_t end);  /* frees the pages */
uint32_t as_user_pages(uint32_t root);
void as_activate(uint32_t root);
void kstack_map(int slot, const uint32_t *pages);
void kstack_unmap(int slot);
int vm_fault(struct proc *p, uint32_t va, int write);   /* 0 = resolved (COW, demand page), else -EFAULT/-ENOMEM */
int copyin(struct proc *p, void *dst, uint32_t usrc, uint32_t n);
int copyout(struct proc *p, uint32_t udst, const void *src, uint32_t n);
int copyinstr(struct proc *p, char *dst, uint32_t usrc, uint32_t max);  /* length, or -EFAULT/-ENAMETOOLONG */
extern uint32_t kernel_root;

/* ---- processes (proc.c) ------------------------------------------------------------------------------------- */
struct trapframe {
    uint32_t x[32];               /* x[2] = user sp */
    uint32_t sepc, sstatus, scause, stval;
};
struct context { uint32_t ra, sp, s[12]; };

enum pstate { P_UNUSED, P_RUNNABLE, P_RUNNING, P_SLEEPING, P_ZOMBIE };

struct file;
struct fs_inode;
struct shmobj;

/* a mapped region made by mmap (mmap.c); end == 0 marks a free slot */
#define NVMA 32
#define VMA_SHARED   0x1          /* pages come from obj and are shared (PTE_SHARED) */
#define VMA_MAYWRITE 0x2          /* mprotect may add PROT_WRITE (shared mapping of a read-only fd: not set) */
struct vma {
    uint32_t start, end;          /* page aligned, [start, end) inside [MMAP_BASE, MMAP_END) */
    uint16_t prot;                /* IR_PROT_* */
    uint16_t flags;               /* VMA_* */
    struct shmobj *obj;           /* shared: backing object (one count in obj->nmaps per vma) */
    struct fs_inode *ip;          /* private file mapping: counted reference, else 0 */
    uint32_t off;                 /* byte offset in obj / file of start (page aligned) */
};

/* a process's mailbox (ipc.c): message data in one page allocated at the first message, slot i at i*256 */
struct mbox {
    uint32_t page;                /* pa of the data page, 0 = none yet */
    uint16_t used;                /* bit i: slot i holds a message */
    uint8_t n;                    /* queued messages */
    uint8_t order[IR_MBOX_CAPACITY];   /* slots, oldest first */
    uint16_t len[IR_MBOX_CAPACITY];
    int32_t from[IR_MBOX_CAPACITY];
    int32_t wait_from;            /* while blocked in recv with IR_MBOX_FROM: the pid awaited, else 0 */
};

struct proc {
    enum pstate state;
    int pid;
    struct proc *parent;
    char name[16];
    uint32_t root;                /* page table (pa) */
    uint32_t heap_start, brk;
    uint32_t bss_start;           /* [bss_start, brk) is demand-zero (bss and heap) */
    struct trapframe *tf;         /* at the top of the kernel stack */
    struct context ctx;
    uint32_t kstack_pages[KSTACK_PAGES];
    struct file *ofile[NOFILE];
    uint32_t cloexec;             /* bit fd */
    struct fs_inode *cwd;         /* counted reference (fs/fs.h) */
    int xstatus;                  /* wait status */
    int killed;                   /* pending fatal signal, 0 = none */
    const void *chan;             /* what a sleeping process waits for */
    uint64_t wake_time;           /* nanosleep deadline (mtime), 0 = none */
    uint64_t cpu_ticks;
    struct vma vmas[NVMA];        /* mmap regions */
    struct mbox mbox;
};
extern struct proc procs[NPROC];
extern struct proc *current;
extern struct proc *initproc;

void proc_init(void);
void scheduler(void) __attribute__((noreturn));
void sched(void);
void yield(void);
int sleep_on(const void *chan);      /* 0, or -EINTR when killed */
void wakeup(const void *chan);
void proc_exit(int status) __attribute__((noreturn));
void proc_kill_self(const char *why, uint32_t scause, uint32_t addr);
int proc_fork(void);
int proc_wait(int pid, uint32_t ustatus, int options);
int proc_kill(int pid, int sig);
void proc_signal(struct proc *p, int sig);
void proc_tick(void);
struct proc *proc_alloc(void);
void proc_free(struct proc *p);
int proc_is_descendant(struct proc *p, int ancestor_pid);
void user_init(const char *path);
void swtch(struct context *old, struct context *new);
void usertrapret(void) __attribute__((noreturn));
void user_return(struct trapframe *tf) __attribute__((noreturn));
extern char trap_vector[];
void forkret(void);

/* ---- traps and system calls (trap.c, syscall.c) -------------------------------------------------------------- */
void trap_init(void);
void user_trap(struct trapframe *tf);
void kernel_trap(struct trapframe *tf) __attribute__((noreturn));
void idle_poll(void);
void syscall(struct trapframe *tf);
int do_execve(const char *path, char *const *argv, int argc, char *const *envp, int envc);
int sys_execve(uint32_t upath, uint32_t uargv, uint32_t uenvp);

/* ---- console (console.c) ------------------------------------------------------------------------------------ */
void console_init(void);
void console_putc(char c);
void console_write_raw(const char *s, uint32_t n);
void console_intr(void);
int console_read(struct proc *p, uint32_t ubuf, uint32_t n);
int console_write(struct proc *p, uint32_t ubuf, uint32_t n);
int console_ioctl(struct proc *p, uint32_t req, uint32_t arg);
void console_proc_exit(int pid);

/* ---- files (file.c) ----------------------------------------------------------------------------------------- */
enum ftype { F_NONE, F_CONSOLE, F_PIPE, F_INODE, F_NULL, F_SHM };
struct pipe;
struct file {
    enum ftype type;
    int ref;
    uint32_t flags;               /* IR_O_ACCMODE | IR_O_APPEND | IR_O_NONBLOCK */
    uint32_t off;
    struct pipe *pipe;
    int pipe_wr;                  /* write end */
    struct fs_inode *ip;          /* counted reference */
    int written;                  /* close commits the file system's transaction */
    struct shmobj *shm;           /* F_SHM: the object (one count in shm->nfiles per file) */
};
void file_init(void);
struct file *file_alloc(void);
struct file *file_dup(struct file *f);
void file_close(struct file *f);
int fd_alloc(struct proc *p, struct file *f, int min);
int fd_install(struct proc *p, struct file *f, uint32_t oflags);
void proc_close_all(struct proc *p);
long sys_file(uint32_t nr, const uint32_t *a);   /* every file-related system call */

/* ---- IPC: mailboxes and shared-memory objects (ipc.c) ---------------------------------------------------------- */
long sys_mbox_send(struct proc *p, int32_t pid, uint32_t ubuf, uint32_t len, uint32_t flags);
long sys_mbox_recv(struct proc *p, uint32_t ubuf, uint32_t len, uint32_t usender, uint32_t flags, uint32_t tmo_ms);
void mbox_exit(struct proc *p);             /* free p's mailbox, wake whoever waits on it or for p */
long sys_shm_open(struct proc *p, uint32_t uname, uint32_t flags);
long sys_shm_unlink(struct proc *p, uint32_t uname);
struct shmobj *shm_anon(uint32_t size);     /* unnamed object for MAP_SHARED|MAP_ANONYMOUS (nmaps = 0) */
uint32_t shm_size(const struct shmobj *o);
uint32_t shm_page(struct shmobj *o, uint32_t index);   /* frame of page index (zeroed on first use); 0 = ENOMEM */
void shm_map_ref(struct shmobj *o);         /* a vma starts/stops using o */
void shm_map_put(struct shmobj *o);
void shm_file_close(struct shmobj *o);      /* the last close of an F_SHM file */
int shm_truncate(struct shmobj *o, uint32_t len);

/* ---- memory mapping (mmap.c) --------------------------------------------------------------------------------- */
long sys_mmap(struct proc *p, uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int32_t fd, uint32_t off);
long sys_munmap(struct proc *p, uint32_t addr, uint32_t len);
long sys_mprotect(struct proc *p, uint32_t addr, uint32_t len, uint32_t prot);
struct vma *vma_find(struct proc *p, uint32_t va);
int vma_fault(struct proc *p, struct vma *v, uint32_t va, int kind);  /* supply the missing page: 0 or -errno */
void vma_fork(struct proc *dst, struct proc *src);  /* copy the table, take the references */
void vma_release_all(struct proc *p);       /* drop every vma's references (pages: as_destroy/as_unmap_range) */

/* ---- block device and file system mount (blk.c) -------------------------------------------------------------
 * The file-system core (fs/, written separately) reads and writes through struct fs_blockdev (fs/fs.h):
 * read(ctx, sector, buf, n) / write(ctx, sector, buf, n) on the file-system partition. blk.c provides the RAM
 * disk (bootinfo DISK_RAM); an SD-card driver plugs in the same way. */
int blk_mount_root(void);     /* 0, or negative errno (the kernel then panics: no init without a root) */
void blk_sync(void);          /* commit the file system (timer, power off) */

#endif
