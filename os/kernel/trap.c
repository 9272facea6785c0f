/*
 * trap.c - trap handling: system calls, the timer tick (time slice), the forwarded UART interrupt, user faults,
 * and the idle loop's interrupt polling.
 *
 * Invariants: user_trap runs on the current process's kernel stack with interrupts off; it returns only to resume
 * that same process (user_return in entry.S restores its trapframe). A user fault that cannot be resolved (COW,
 * demand page) kills the process with a message, never the kernel. kernel_trap is a kernel bug: panic with the
 * cause, pc and address.
 */
#include "kernel.h"

uint64_t ticks;
static uint64_t tick_interval;

uint64_t time_now(void)
{
    uint32_t hi, lo, hi2;
    do {
        hi = csr_read(timeh);
        lo = csr_read(time);
        hi2 = csr_read(timeh);
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

uint64_t ticks_per_second(void)
{
    return bootinfo.timebase_hz;
}

void trap_init(void)
{
    tick_interval = (uint64_t)bootinfo.timebase_hz * TICK_MS / 1000u;
    if (tick_interval == 0)
        tick_interval = 1;
    csr_write(stvec, (uint32_t)(uintptr_t)trap_vector);
    csr_write(scounteren, 7u);
    csr_write(sie, SIE_STIE | SIE_SEIE);
    sbi_set_timer(time_now() + tick_interval);
}

static void timer_intr(void)
{
    ticks++;
    sbi_set_timer(time_now() + tick_interval);
    proc_tick();
    if (ticks % 100u == 0)
        blk_sync();     /* group commit of the file system once a second */
}

/* the idle loop: wait for an interrupt (SIE stays 0, wfi wakes on sip & sie) and handle it */
void idle_poll(void)
{
    __asm__ volatile("wfi");
    uint32_t sip = csr_read(sip);
    if (sip & SIP_STIP)
        timer_intr();
    if (sip & SIP_SEIP)
        console_intr();
}

static const char *fault_name(uint32_t cause)
{
    switch (cause) {
    case 0: return "misaligned instruction";
    case 1: return "instruction access fault";
    case 2: return "illegal instruction";
    case 3: return "breakpoint";
    case 4: return "misaligned load";
    case 5: return "load access fault";
    case 6: return "misaligned store";
    case 7: return "store access fault";
    case 12: return "page fault (fetch)";
    case 13: return "page fault (load)";
    case 15: return "page fault (store)";
    default: return "unexpected exception";
    }
}

void user_trap(struct trapframe *tf)
{
    struct proc *p = current;
    uint32_t cause = tf->scause;
    KASSERT(p && tf == p->tf);

    if (cause & 0x80000000u) {
        uint32_t irq = cause & 0x7FFFFFFFu;
        if (irq == 5) {
            timer_intr();
            if (!p->killed)
                yield();
        } else if (irq == 9) {
            console_intr();
        } else {
            panic("unexpected interrupt %u from user mode", irq);
        }
    } else if (cause == 8) {
        tf->sepc += 4;
        syscall(tf);
    } else if (cause == 12 || cause == 13 || cause == 15) {
        int r = vm_fault(p, tf->stval, cause == 15 ? 1 : cause == 12 ? 2 : 0);
        if (r == -IR_ENOMEM) {
            kprintf("pid %d (%s): killed: out of memory at %p (cause %u)\n", p->pid, p->name, tf->stval, cause);
            proc_exit(IR_WSIGNALED_STATUS(IR_SIGKILL));
        }
        if (r != 0)
            proc_kill_self("page fault", cause, tf->stval);
    } else {
        proc_kill_self(fault_name(cause), cause, cause == 2 ? tf->sepc : tf->stval);
    }
    if (p->killed)
        proc_exit(IR_WSIGNALED_STATUS(p->killed));
}

void usertrapret(void)
{
    struct proc *p = current;
    p->tf->sstatus = (csr_read(sstatus) & ~(SSTATUS_SPP | SSTATUS_SIE)) | SSTATUS_SPIE;
    user_return(p->tf);
}

void kernel_trap(struct trapframe *tf)
{
    uint32_t sp = tf->x[2];
    const char *what = "";
    if (sp >= KSTACK_BASE && (tf->stval >= KSTACK_BASE) &&
        ((tf->stval - KSTACK_BASE) % KSTACK_SLOT) < PAGE_SIZE)
        what = " (kernel stack overflow into its guard page)";
    panic("kernel trap: scause %x sepc %p stval %p sp %p ra %p pid %d%s", tf->scause, tf->sepc, tf->stval, sp,
          tf->x[1], current ? current->pid : 0, what);
}
