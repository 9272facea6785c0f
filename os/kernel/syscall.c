/*
 * syscall.c - the system-call dispatcher and the process/memory/time/system calls (file calls are in file.c).
 *
 * Convention (RISC-V Linux): a7 = number, a0-a5 = arguments, a0 = result, negative = -errno. Invariant: every
 * call validates its arguments (user pointers through copyin/copyout) and fails with -errno instead of faulting;
 * unknown numbers return -ENOSYS.
 */
#include "kernel.h"
#include "fs/fs.h"

#define LINUX_REBOOT_MAGIC1 0xfee1deadu

static long sys_nanosleep(struct proc *p, uint32_t ureq, uint32_t urem)
{
    struct ir_timespec ts;
    if (copyin(p, &ts, ureq, sizeof ts) < 0)
        return -IR_EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
        return -IR_EINVAL;
    uint64_t tb = ticks_per_second();
    uint64_t delta = (uint64_t)ts.tv_sec * tb + (uint64_t)ts.tv_nsec * tb / 1000000000u;
    uint64_t deadline = time_now() + delta;
    if (delta == 0) {
        yield();
        return 0;
    }
    while (time_now() < deadline) {
        p->wake_time = deadline;
        if (sleep_on(&p->wake_time) < 0) {
            p->wake_time = 0;
            if (urem) {
                uint64_t left = deadline > time_now() ? deadline - time_now() : 0;
                struct ir_timespec rem = {(int64_t)(left / tb), (int32_t)((left % tb) * 1000000000u / tb), 0};
                copyout(p, urem, &rem, sizeof rem);
            }
            return -IR_EINTR;
        }
    }
    p->wake_time = 0;
    return 0;
}

static long sys_brk(struct proc *p, uint32_t addr)
{
    if (addr == 0 || addr < p->heap_start || addr > HEAP_MAX_END)
        return (long)p->brk;
    uint32_t old_end = page_round_up(p->brk), new_end = page_round_up(addr);
    if (new_end < old_end) {
        as_unmap_range(p->root, new_end, old_end);
    } else if ((new_end - old_end) / PAGE_SIZE + 16u > free_pages) {
        return (long)p->brk;   /* would not fit in memory: fail now rather than at the first touch */
    }
    p->brk = addr;
    return (long)p->brk;
}

static long sys_procinfo(struct proc *p, uint32_t index, uint32_t uptr)
{
    uint32_t n = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *q = &procs[i];
        if (q->state == P_UNUSED)
            continue;
        if (n++ != index)
            continue;
        struct ir_procinfo pi;
        memset(&pi, 0, sizeof pi);
        pi.pid = q->pid;
        pi.ppid = q->parent ? q->parent->pid : 0;
        pi.state = q->state == P_RUNNABLE ? 0 : q->state == P_RUNNING ? 1 : q->state == P_SLEEPING ? 2 : 3;
        pi.pages = q->root ? as_user_pages(q->root) : 0;
        pi.cpu_ticks = q->cpu_ticks;
        memcpy(pi.name, q->name, sizeof pi.name);
        return copyout(p, uptr, &pi, sizeof pi) < 0 ? -IR_EFAULT : 0;
    }
    return -IR_ESRCH;
}

static void set_field(char *dst, const char *src)
{
    strlcpy(dst, src, 65);
}

void syscall(struct trapframe *tf)
{
    struct proc *p = current;
    uint32_t nr = tf->x[17];
    uint32_t a[6] = {tf->x[10], tf->x[11], tf->x[12], tf->x[13], tf->x[14], tf->x[15]};
    long r;

    switch (nr) {
    case SYS_exit:
    case SYS_exit_group:
        proc_exit(IR_WEXITED_STATUS(a[0]));
    case SYS_getpid:
        r = p->pid;
        break;
    case SYS_getppid:
        r = p->parent ? p->parent->pid : 0;
        break;
    case SYS_clone:
        r = ((a[0] & ~0xFFu) || a[1]) ? -IR_EINVAL : proc_fork();
        break;
    case SYS_execve:
        r = sys_execve(a[0], a[1], a[2]);
        break;
    case SYS_wait4:
        r = proc_wait((int32_t)a[0] > 0 ? (int)a[0] : -1, a[1], (int)a[2]);
        break;
    case SYS_kill:
        r = proc_kill((int32_t)a[0], (int32_t)a[1]);
        break;
    case SYS_nanosleep:
        r = sys_nanosleep(p, a[0], a[1]);
        break;
    case SYS_sched_yield:
        yield();
        r = 0;
        break;
    case SYS_brk:
        r = sys_brk(p, a[0]);
        break;
    case SYS_clock_gettime: {
        if (a[0] != IR_CLOCK_REALTIME && a[0] != IR_CLOCK_MONOTONIC) {
            r = -IR_EINVAL;
            break;
        }
        uint64_t now = time_now(), tb = ticks_per_second();
        struct ir_timespec ts = {(int64_t)(now / tb), (int32_t)((now % tb) * 1000000000u / tb), 0};
        r = copyout(p, a[1], &ts, sizeof ts) < 0 ? -IR_EFAULT : 0;
        break;
    }
    case SYS_reboot: {
        /* reboot(cmd, code) (Iridium) or reboot(MAGIC1, MAGIC2, cmd, code) (Linux order) */
        int linux_order = a[0] == LINUX_REBOOT_MAGIC1;
        uint32_t cmd = linux_order ? a[2] : a[0], code = linux_order ? a[3] : a[1];
        if (cmd == IR_REBOOT_POWER_OFF) {
            if (code)
                kprintf("power off (status %u)\n", code);
            else
                kprintf("power off\n");
            system_poweroff(code & 0xFFu);
        } else if (cmd == IR_REBOOT_RESTART) {
            kprintf("reboot\n");
            system_reboot();
        }
        r = -IR_EINVAL;
        break;
    }
    case SYS_uname: {
        static struct ir_utsname u;
        memset(&u, 0, sizeof u);
        set_field(u.sysname, "Iridium");
        set_field(u.nodename, "iridium");
        set_field(u.release, KERNEL_VERSION);
        set_field(u.version, "Iridium kernel " KERNEL_VERSION);
        set_field(u.machine, "riscv32");
        r = copyout(p, a[0], &u, sizeof u) < 0 ? -IR_EFAULT : 0;
        break;
    }
    case SYS_procinfo:
        r = sys_procinfo(p, a[0], a[1]);
        break;
    case SYS_meminfo: {
        struct ir_meminfo m;
        page_stats(&m);
        r = copyout(p, a[0], &m, sizeof m) < 0 ? -IR_EFAULT : 0;
        break;
    }
    case SYS_mmap:
        r = sys_mmap(p, a[0], a[1], a[2], a[3], (int32_t)a[4], a[5]);
        break;
    case SYS_munmap:
        r = sys_munmap(p, a[0], a[1]);
        break;
    case SYS_mprotect:
        r = sys_mprotect(p, a[0], a[1], a[2]);
        break;
    case SYS_mbox_send:
        r = sys_mbox_send(p, (int32_t)a[0], a[1], a[2], a[3]);
        break;
    case SYS_mbox_recv:
        r = sys_mbox_recv(p, a[0], a[1], a[2], a[3], a[4]);
        break;
    case SYS_shm_open:
        r = sys_shm_open(p, a[0], a[1]);
        break;
    case SYS_shm_unlink:
        r = sys_shm_unlink(p, a[0]);
        break;
    case SYS_openat: case SYS_close: case SYS_read: case SYS_write: case SYS_lseek: case SYS_dup:
    case SYS_dup3: case SYS_fcntl: case SYS_ioctl: case SYS_pipe2: case SYS_fstat: case SYS_newfstatat:
    case SYS_mkdirat: case SYS_unlinkat: case SYS_linkat: case SYS_renameat2: case SYS_chdir: case SYS_getcwd:
    case SYS_getdents64: case SYS_ftruncate: case SYS_fsync:
        r = sys_file(nr, a);
        break;
    default:
        r = -IR_ENOSYS;
    }
    tf->x[10] = (uint32_t)r;
}
