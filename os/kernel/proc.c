/*
 * proc.c - processes: the table, the round-robin scheduler, sleep/wakeup, fork, exit, wait4 and kill.
 *
 * States: UNUSED -> RUNNABLE (fork/user_init) <-> RUNNING (scheduler/yield); RUNNING -> SLEEPING (sleep_on) ->
 * RUNNABLE (wakeup, kill, timeout); RUNNING -> ZOMBIE (exit) -> UNUSED (reaped by wait4 of the parent, or of init
 * after reparenting). Invariants: exactly one process is RUNNING while user code or a system call runs
 * (`current`); the scheduler runs on the boot stack with current = 0; a ZOMBIE holds only its slot, its kernel
 * stack and its exit status (address space, mappings, mailbox and files are released in exit); every live
 * process except init has a live parent.
 */
#include "kernel.h"
#include "fs/fs.h"

struct proc procs[NPROC];
struct proc *current;
struct proc *initproc;
static struct context sched_ctx;
static int next_pid = 1;

void proc_init(void)
{
    memset(procs, 0, sizeof procs);
}

struct proc *proc_alloc(void)
{
    struct proc *p = 0;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state == P_UNUSED) {
            p = &procs[i];
            break;
        }
    if (!p)
        return 0;
    int slot = (int)(p - procs);
    memset(p, 0, sizeof *p);
    for (int i = 0; i < KSTACK_PAGES; i++) {
        p->kstack_pages[i] = page_alloc_raw();
        if (!p->kstack_pages[i]) {
            while (i-- > 0)
                page_free(p->kstack_pages[i]);
            return 0;
        }
    }
    kstack_map(slot, p->kstack_pages);
    uint32_t top = KSTACK_BASE + (uint32_t)(slot + 1) * KSTACK_SLOT;
    p->tf = (struct trapframe *)(top - sizeof(struct trapframe));
    memset(p->tf, 0, sizeof *p->tf);
    p->ctx.ra = (uint32_t)(uintptr_t)forkret;
    p->ctx.sp = (uint32_t)(uintptr_t)p->tf;
    p->pid = next_pid++;
    p->state = P_SLEEPING;     /* not schedulable until the caller makes it RUNNABLE */
    p->chan = p;
    return p;
}

/* release the slot (kernel stack, and the address space if still there); p must not be running */
void proc_free(struct proc *p)
{
    int slot = (int)(p - procs);
    if (p->root)
        as_destroy(p->root);
    vma_release_all(p);
    mbox_exit(p);
    kstack_unmap(slot);
    for (int i = 0; i < KSTACK_PAGES; i++)
        page_free(p->kstack_pages[i]);
    memset(p, 0, sizeof *p);
    p->state = P_UNUSED;
}

/* first return of a new process: its trapframe is ready */
void forkret(void)
{
    usertrapret();
}

void scheduler(void)
{
    int last = 0;
    for (;;) {
        struct proc *p = 0;
        for (int k = 1; k <= NPROC; k++) {
            struct proc *q = &procs[(last + k) % NPROC];
            if (q->state == P_RUNNABLE) {
                p = q;
                last = (int)(q - procs);
                break;
            }
        }
        if (!p) {
            idle_poll();
            continue;
        }
        p->state = P_RUNNING;
        current = p;
        as_activate(p->root);
        swtch(&sched_ctx, &p->ctx);
        current = 0;
    }
}

/* give the CPU back to the scheduler; current->state must already be changed */
void sched(void)
{
    struct proc *p = current;
    KASSERT(p && p->state != P_RUNNING);
    swtch(&p->ctx, &sched_ctx);
}

void yield(void)
{
    current->state = P_RUNNABLE;
    sched();
}

int sleep_on(const void *chan)
{
    struct proc *p = current;
    if (p->killed)
        return -IR_EINTR;
    p->chan = chan;
    p->state = P_SLEEPING;
    sched();
    p->chan = 0;
    return p->killed ? -IR_EINTR : 0;
}

void wakeup(const void *chan)
{
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state == P_SLEEPING && procs[i].chan == chan)
            procs[i].state = P_RUNNABLE;
}

void proc_signal(struct proc *p, int sig)
{
    if (p->state == P_UNUSED || p->state == P_ZOMBIE)
        return;
    if (!p->killed)
        p->killed = sig;
    if (p->state == P_SLEEPING)
        p->state = P_RUNNABLE;
}

/* timer tick: account, wake sleepers whose deadline passed */
void proc_tick(void)
{
    uint64_t now = time_now();
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == P_SLEEPING && p->wake_time && p->wake_time <= now) {
            p->wake_time = 0;
            p->state = P_RUNNABLE;
        }
    }
    if (current)
        current->cpu_ticks++;
}

int proc_fork(void)
{
    struct proc *parent = current, *p = proc_alloc();
    if (!p)
        return -IR_EAGAIN;
    p->root = as_create();
    if (!p->root || as_fork(p->root, parent->root) < 0) {
        proc_free(p);
        return -IR_ENOMEM;
    }
    vma_fork(p, parent);
    *p->tf = *parent->tf;
    p->tf->x[10] = 0;
    p->heap_start = parent->heap_start;
    p->brk = parent->brk;
    p->bss_start = parent->bss_start;
    memcpy(p->name, parent->name, sizeof p->name);
    for (int i = 0; i < NOFILE; i++)
        if (parent->ofile[i])
            p->ofile[i] = file_dup(parent->ofile[i]);
    p->cloexec = parent->cloexec;
    p->cwd = parent->cwd ? fs_dup(parent->cwd) : 0;
    p->parent = parent;
    p->state = P_RUNNABLE;
    return p->pid;
}

void proc_exit(int status)
{
    struct proc *p = current;
    if (p == initproc) {
        int code = (status >> 8) & 0xFF;
        if (status & 0x7F)
            code = 128 + (status & 0x7F);
        kprintf("init exited with status %d: power off\n", code);
        proc_close_all(p);      /* close init's files before the file system is committed */
        system_poweroff((uint32_t)code);
    }
    proc_close_all(p);
    console_proc_exit(p->pid);
    as_activate(kernel_root);
    as_destroy(p->root);
    p->root = 0;
    vma_release_all(p);
    mbox_exit(p);
    int zombie_child = 0;
    for (int i = 0; i < NPROC; i++) {
        if (procs[i].parent == p && procs[i].state != P_UNUSED) {
            procs[i].parent = initproc;
            zombie_child |= procs[i].state == P_ZOMBIE;
        }
    }
    if (zombie_child)
        wakeup(initproc);
    p->xstatus = status;
    p->state = P_ZOMBIE;
    wakeup(p->parent);
    sched();
    panic("zombie pid %d ran again", p->pid);
}

void proc_kill_self(const char *why, uint32_t scause, uint32_t addr)
{
    struct proc *p = current;
    kprintf("pid %d (%s): killed: %s at %p (cause %u)\n", p->pid, p->name, why, addr, scause);
    proc_exit(IR_WSIGNALED_STATUS(IR_SIGSEGV));
}

int proc_wait(int pid, uint32_t ustatus, int options)
{
    struct proc *p = current;
    if (options & ~IR_WNOHANG)
        return -IR_EINVAL;
    for (;;) {
        int have = 0;
        for (int i = 0; i < NPROC; i++) {
            struct proc *c = &procs[i];
            if (c->parent != p || c->state == P_UNUSED || (pid > 0 && c->pid != pid))
                continue;
            have = 1;
            if (c->state != P_ZOMBIE)
                continue;
            int cpid = c->pid;
            if (ustatus && copyout(p, ustatus, &c->xstatus, 4) < 0)
                return -IR_EFAULT;
            proc_free(c);
            return cpid;
        }
        if (!have)
            return -IR_ECHILD;
        if (options & IR_WNOHANG)
            return 0;
        if (sleep_on(p) < 0)
            return -IR_EINTR;
    }
}

int proc_is_descendant(struct proc *p, int ancestor_pid)
{
    for (int depth = 0; p && depth < NPROC; depth++, p = p->parent)
        if (p->pid == ancestor_pid)
            return 1;
    return 0;
}

int proc_kill(int pid, int sig)
{
    if (sig < 0 || sig > 64)
        return -IR_EINVAL;
    if (pid <= 0)
        return -IR_EINVAL;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->pid == pid && p->state != P_UNUSED) {
            if (p == initproc && sig)
                return -IR_EPERM;
            if (sig && p->state != P_ZOMBIE)
                proc_signal(p, sig);
            return 0;
        }
    }
    return -IR_ESRCH;
}
