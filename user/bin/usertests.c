/*
 * usertests.c - the kernel's system test suite, run on Iridium: usertests [-l] [TEST...].
 *
 * Each test runs in a forked child (so a crash or a leak in one test does not disturb the others) and passes when
 * that child exits with status 0; the parent also compares the free page count (SYS_meminfo) before the fork and
 * after the reap, and fails a test that loses pages. Tests check the kernel's exact answers through raw system
 * calls (ir_syscallN: -IR_Exxx values) where the error matters. Output: "PASS name" / "FAIL name: why" per test,
 * then "usertests: N passed, N failed"; the exit status is the number of failures (0 = all passed).
 * -l lists the tests; TEST... runs only those. The scaffolding (CHECK, EXPECT_ERR, ir_test_run...) is shared with the
 * other test programs: user/include/ir_test.h.
 * Files are created under /ut (made and removed by the suite). The program re-executes itself as /bin/usertests
 * for the exec tests (argument "--exec-child").
 * Assumptions about the kernel (docs/os.md): 4 KiB pages, user space below 0x40000000, stack growing on demand
 * up to a limit with a guard page below, fork exhaustion reported as EAGAIN or ENOMEM, a write to a pipe without
 * readers kills with SIGPIPE (13) or fails with EPIPE.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ir.h"
#include "ir_test.h"

#define PAGE 4096u
#define SELF "/bin/usertests"
#define DIRU "/ut"

static int write_file(const char *path, const void *data, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return -1;
    if (write(fd, data, n) != (ssize_t)n) {
        close(fd);
        return -1;
    }
    return close(fd);
}

/* ---- processes ---------------------------------------------------------------------------------------------- */
static int t_exit_status(void)
{
    pid_t pid = fork();
    int st;
    CHECK(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0)
        _exit(42);
    st = ir_wait_status(pid);
    CHECK(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 42, "status %#x, want exit 42", st);
    EXPECT_ERR(ir_syscall4(SYS_wait4, -1, 0, 0, 0), IR_ECHILD);
    EXPECT_ERR(ir_syscall4(SYS_wait4, 1, 0, 0, 0), IR_ECHILD);      /* init is not our child */
    return 0;
}

static int t_getppid(void)
{
    int p[2];
    pid_t me = getpid(), child, seen = 0;
    CHECK(pipe(p) == 0, "pipe: %s", strerror(errno));
    child = fork();
    CHECK(child >= 0, "fork: %s", strerror(errno));
    if (child == 0) {
        pid_t pp = getppid(), mine = getpid();
        write(p[1], &pp, sizeof pp);
        write(p[1], &mine, sizeof mine);
        _exit(0);
    }
    close(p[1]);
    CHECK(read(p[0], &seen, sizeof seen) == sizeof seen && seen == me, "child's getppid %d, want %d", seen, me);
    CHECK(read(p[0], &seen, sizeof seen) == sizeof seen && seen == child, "child's getpid %d, fork said %d", seen,
          child);
    CHECK(ir_wait_status(child) == 0, "child status");
    close(p[0]);
    return 0;
}

static int t_wait_nohang(void)
{
    int p[2];
    pid_t pid;
    char c;
    CHECK(pipe(p) == 0, "pipe");
    pid = fork();
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        close(p[1]);
        read(p[0], &c, 1);              /* until the parent closes */
        _exit(3);
    }
    close(p[0]);
    EXPECT_ERR(ir_syscall4(SYS_wait4, pid, 0, IR_WNOHANG, 0), 0);
    close(p[1]);
    {
        int st = ir_wait_status(pid);
        CHECK(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 3, "status %#x", st);
    }
    return 0;
}

static int t_kill(void)
{
    int p[2], st;
    pid_t a, b;
    char c;
    CHECK(pipe(p) == 0, "pipe");
    a = fork();
    if (a == 0) {
        ir_msleep(100000);              /* sleeping in nanosleep */
        _exit(0);
    }
    b = fork();
    if (b == 0) {
        close(p[1]);
        read(p[0], &c, 1);              /* sleeping in a pipe read */
        _exit(0);
    }
    CHECK(a > 0 && b > 0, "fork");
    ir_msleep(20);
    CHECK(kill(a, SIGKILL) == 0, "kill a: %s", strerror(errno));
    CHECK(kill(b, SIGTERM) == 0, "kill b: %s", strerror(errno));
    st = ir_wait_status(a);
    CHECK(st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "sleeper status %#x, want SIGKILL", st);
    st = ir_wait_status(b);
    CHECK(st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "reader status %#x, want SIGTERM", st);
    EXPECT_ERR(ir_syscall2(SYS_kill, 99999, IR_SIGKILL), IR_ESRCH);
    close(p[0]);
    close(p[1]);
    return 0;
}

static int t_fork_exhaust(void)
{
    int p[2], n = 0, err = 0;
    char c;
    CHECK(pipe(p) == 0, "pipe");
    for (;;) {
        long r = ir_syscall5(SYS_clone, IR_SIGCHLD, 0, 0, 0, 0);
        if (r == 0) {
            close(p[1]);
            read(p[0], &c, 1);
            _exit(0);
        }
        if (r < 0) {
            err = (int)-r;
            break;
        }
        if (++n > 10000)
            break;
    }
    close(p[1]);
    for (int i = 0; i < n; i++) {
        int st;
        pid_t r = wait(&st);
        CHECK(r > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "reap %d of %d: %d status %#x", i, n, (int)r, st);
    }
    CHECK(err == IR_EAGAIN || err == IR_ENOMEM, "fork failed with %d after %d children, want EAGAIN or ENOMEM",
          err, n);
    CHECK(n >= 8, "only %d children", n);
    printf("  (%d children before fork failed with %s)\n", n, err == IR_EAGAIN ? "EAGAIN" : "ENOMEM");
    {
        pid_t pid = fork();
        CHECK(pid >= 0, "fork after the exhaustion: %s", strerror(errno));
        if (pid == 0)
            _exit(0);
        CHECK(ir_wait_status(pid) == 0, "child after exhaustion");
    }
    close(p[0]);
    return 0;
}

static volatile unsigned spin_sink;

static void spin_forever(void)
{
    for (;;)
        spin_sink++;
}

static int t_preempt(void)
{
    int p[2], st;
    pid_t a, b;
    char buf[2];
    long t0;
    CHECK(pipe(p) == 0, "pipe");
    a = fork();
    if (a == 0) {
        write(p[1], "a", 1);
        spin_forever();
    }
    b = fork();
    if (b == 0) {
        write(p[1], "b", 1);
        spin_forever();
    }
    CHECK(a > 0 && b > 0, "fork");
    close(p[1]);                        /* a spinner dying early gives end of file, not a hang */
    /* both spinners must have run, and so must we, to read their bytes */
    CHECK(read(p[0], buf, 1) == 1 && read(p[0], buf + 1, 1) == 1, "read");
    CHECK((buf[0] == 'a' && buf[1] == 'b') || (buf[0] == 'b' && buf[1] == 'a'), "got %c%c", buf[0], buf[1]);
    t0 = ir_now_ms();
    ir_msleep(30);                      /* the timer must wake us despite two spinners */
    CHECK(ir_now_ms() - t0 >= 30, "slept %ld ms", ir_now_ms() - t0);
    kill(a, SIGKILL);
    kill(b, SIGKILL);
    st = ir_wait_status(a);
    CHECK(st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "spinner a status %#x", st);
    st = ir_wait_status(b);
    CHECK(st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "spinner b status %#x", st);
    close(p[0]);
    return 0;
}

static int proc_exists(pid_t pid)
{
    struct ir_procinfo pi;
    for (int i = 0; ir_syscall2(SYS_procinfo, i, (long)&pi) == 0 && i < 1024; i++)
        if (pi.pid == pid)
            return 1;
    return 0;
}

static int t_orphan(void)
{
    int p[2];
    pid_t c, g = 0, gpp = 0;
    long t0;
    CHECK(pipe(p) == 0, "pipe");
    c = fork();
    CHECK(c >= 0, "fork");
    if (c == 0) {
        pid_t gc = fork();
        if (gc == 0) {
            pid_t pp;
            ir_msleep(30);              /* by then our parent has exited */
            pp = getppid();
            write(p[1], &pp, sizeof pp);
            _exit(0);
        }
        write(p[1], &gc, sizeof gc);
        _exit(0);
    }
    close(p[1]);
    CHECK(read(p[0], &g, sizeof g) == sizeof g && g > 0, "grandchild pid");
    CHECK(ir_wait_status(c) == 0, "child status");
    CHECK(read(p[0], &gpp, sizeof gpp) == sizeof gpp, "grandchild's report");
    CHECK(gpp == 1, "orphan's parent is %d, want 1 (init)", gpp);
    close(p[0]);
    t0 = ir_now_ms();
    while (proc_exists(g)) {
        CHECK(ir_now_ms() - t0 < 2000, "orphan %d not reaped by init after 2 s", g);
        ir_msleep(10);
    }
    return 0;
}

/* ---- memory ------------------------------------------------------------------------------------------------- */
#define COW_PAGES 64
static unsigned cow_data[COW_PAGES * PAGE / sizeof(unsigned)];

static int t_cow(void)
{
    int p[2], q[2];
    pid_t pid;
    uint32_t before, after = 0;
    char c;
    for (size_t i = 0; i < sizeof cow_data / sizeof cow_data[0]; i++)
        cow_data[i] = (unsigned)i * 2654435761u;
    CHECK(pipe(p) == 0 && pipe(q) == 0, "pipe");
    before = ir_free_pages();
    pid = fork();
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        /* measured before anyone writes the data area (the parent waits for this report) */
        after = ir_free_pages();
        close(p[1]);
        close(q[0]);
        write(q[1], &after, sizeof after);
        read(p[0], &c, 1);              /* the parent has written its copy by now */
        for (size_t i = 0; i < sizeof cow_data / sizeof cow_data[0]; i++)
            if (cow_data[i] != (unsigned)i * 2654435761u) {
                printf("  cow: child sees the parent's write at %u\n", (unsigned)i);
                _exit(2);
            }
        for (size_t i = 0; i < sizeof cow_data / sizeof cow_data[0]; i++)
            cow_data[i] = 7;
        write(q[1], "x", 1);
        _exit(0);
    }
    close(p[0]);                        /* so that a dead child means end of file, not a hang */
    close(q[1]);
    CHECK(read(q[0], &after, sizeof after) == sizeof after, "child's page count");
    /* fork must share the pages: much less than COW_PAGES new pages */
    CHECK(before - after < COW_PAGES / 2, "fork used %u pages for a %u-page data area", (unsigned)(before - after),
          COW_PAGES);
    for (size_t i = 0; i < sizeof cow_data / sizeof cow_data[0]; i += 2)
        cow_data[i] = ~0u;
    write(p[1], "x", 1);
    CHECK(read(q[0], &c, 1) == 1, "child's report");
    CHECK(ir_wait_status(pid) == 0, "child failed");
    for (size_t i = 0; i < sizeof cow_data / sizeof cow_data[0]; i++)
        CHECK(cow_data[i] == (i % 2 == 0 ? ~0u : (unsigned)i * 2654435761u), "parent sees the child's write at %u",
              (unsigned)i);
    close(p[1]);
    close(q[0]);
    return 0;
}

static int t_sbrk(void)
{
    char *a = sbrk(0), *b;
    CHECK(a != (char *)-1, "sbrk(0)");
    CHECK(sbrk(1 << 20) == a, "sbrk(1 MiB): %s", strerror(errno));
    for (unsigned i = 0; i < (1u << 20); i += PAGE)
        CHECK(a[i] == 0, "new heap not zero at %u", i);
    for (unsigned i = 0; i < (1u << 20); i += 512)
        a[i] = (char)i;
    b = sbrk(-(1 << 20));
    CHECK(b == a + (1 << 20), "shrink");
    CHECK(sbrk(0) == a, "break after shrink");
    CHECK(sbrk(2 * PAGE) == a, "regrow");
    CHECK(a[PAGE] == 0, "regrown heap not zero");
    {
        /* malloc stress */
        void *ptrs[64];
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < 64; i++) {
                ptrs[i] = malloc((size_t)(i * 97 + round * 13 + 1));
                CHECK(ptrs[i] != NULL, "malloc");
                memset(ptrs[i], i, (size_t)(i * 97 + round * 13 + 1));
            }
            for (int i = 0; i < 64; i++) {
                CHECK(((unsigned char *)ptrs[i])[0] == i, "heap corruption");
                free(ptrs[i]);
            }
        }
    }
    /* the break may not move into kernel space */
    CHECK(ir_syscall1(SYS_brk, 0x40000000) != 0x40000000, "brk to 0x40000000 accepted");
    CHECK(ir_syscall1(SYS_brk, 0xC0000000) != (long)0xC0000000, "brk to 0xC0000000 accepted");
    return 0;
}

static int t_oom_sbrk(void)
{
    pid_t pid = fork();
    int st;
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        unsigned long pages = 0;
        for (;;) {
            char *p = sbrk(16 * PAGE);
            if (p == (char *)-1)
                break;
            for (unsigned i = 0; i < 16; i++)
                p[i * PAGE] = 1;
            pages += 16;
        }
        printf("  (heap grew to %lu pages before sbrk failed)\n", pages);
        _exit(errno == ENOMEM ? 0 : 1);
    }
    st = ir_wait_status(pid);
    /* either sbrk reported ENOMEM, or the kernel killed the process when it ran out: both are acceptable */
    CHECK(st >= 0 && ((WIFEXITED(st) && WEXITSTATUS(st) == 0) || WIFSIGNALED(st)), "child status %#x", st);
    return 0;
}

static int t_oom_cow(void)
{
    /* a process holding most of memory forks, and both write everything: the copies cannot all fit */
    pid_t pid = fork();
    int st;
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        uint32_t n = ir_free_pages() * 3 / 5;
        char *p = sbrk((intptr_t)(n * PAGE));
        pid_t c;
        if (p == (char *)-1)
            _exit(0);
        for (uint32_t i = 0; i < n; i++)
            p[i * PAGE] = 1;
        c = fork();
        if (c < 0)
            _exit(0);                   /* refusing the fork is fine too */
        for (uint32_t i = 0; i < n; i++)
            p[i * PAGE] = 2;
        if (c == 0)
            _exit(0);
        wait(&st);
        _exit(0);
    }
    st = ir_wait_status(pid);
    CHECK(st >= 0, "wait");
    return 0;
}

static int deep(int n)
{
    volatile char frame[1024];
    frame[0] = (char)n;
    frame[sizeof frame - 1] = (char)n;
    if (n > (1 << 30))
        return 0;
    return deep(n + 1) + frame[0] + frame[sizeof frame - 1];
}

static int t_stack(void)
{
    pid_t pid;
    int st;
    /* 64 KiB of stack must work */
    pid = fork();
    if (pid == 0) {
        volatile char big[64 * 1024];
        for (size_t i = 0; i < sizeof big; i += 512)
            big[i] = (char)i;
        _exit(big[512] == (char)512 ? 0 : 1);
    }
    CHECK(pid > 0, "fork");
    st = ir_wait_status(pid);
    CHECK(st == 0, "64 KiB stack: status %#x", st);
    /* unbounded recursion must hit the guard page: SIGSEGV, not a hang or a kernel crash */
    pid = fork();
    if (pid == 0)
        _exit(deep(0));
    st = ir_wait_status(pid);
    CHECK(st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "runaway recursion: status %#x, want SIGSEGV", st);
    return 0;
}

static int run_fault(void (*fn)(void), const char *what)
{
    pid_t pid = fork();
    int st;
    if (pid == 0) {
        fn();
        _exit(0);
    }
    CHECK(pid > 0, "fork");
    st = ir_wait_status(pid);
    CHECK(st >= 0 && WIFSIGNALED(st), "%s: status %#x, want killed by a signal", what, st);
    return 0;
}

static void f_null(void) { spin_sink = *(volatile unsigned *)0; }
static void f_kernel_read(void) { spin_sink = *(volatile unsigned *)0x40100000u; }
static void f_kernel_write(void) { *(volatile unsigned *)0x40100000u = 0; }
static void f_mmio(void) { *(volatile unsigned *)0x80001000u = 0x5555; }   /* the finisher: must not power off */
static void f_kstack(void) { *(volatile unsigned *)0xC0001000u = 0; }
static void f_text_write(void) { *(volatile unsigned *)(uintptr_t)&f_null = 0; }
static void f_jump_kernel(void) { ((void (*)(void))0x40100000u)(); }
static void f_illegal(void) { __asm__ volatile(".word 0x00000000"); }
static void f_csr(void) { unsigned v; __asm__ volatile("csrr %0, sstatus" : "=r"(v)); spin_sink = v; }
static void f_misaligned_jump(void) { ((void (*)(void))((uintptr_t)&f_null + 2))(); }

static int t_faults(void)
{
    if (run_fault(f_null, "read of address 0")) return 1;
    if (run_fault(f_kernel_read, "read of kernel memory")) return 1;
    if (run_fault(f_kernel_write, "write to kernel memory")) return 1;
    if (run_fault(f_mmio, "write to the finisher")) return 1;
    if (run_fault(f_kstack, "write to kernel stacks")) return 1;
    if (run_fault(f_text_write, "write to program text")) return 1;
    if (run_fault(f_jump_kernel, "jump into the kernel")) return 1;
    if (run_fault(f_illegal, "illegal instruction")) return 1;
    if (run_fault(f_csr, "supervisor CSR read")) return 1;
    if (run_fault(f_misaligned_jump, "misaligned jump")) return 1;
    EXPECT_ERR(ir_syscall0(9999), IR_ENOSYS);
    EXPECT_ERR(ir_syscall0(-1), IR_ENOSYS);
    return 0;
}

/* ---- bad pointers --------------------------------------------------------------------------------------------- */
static const uint32_t bad_addrs[] = {
    0x00000000u,        /* null page */
    0x00001000u,        /* user space, unmapped */
    0x20000000u,        /* unmapped middle */
    0x3FFFF000u,        /* just above the stack top */
    0x40000000u,        /* RAM (kernel only) */
    0x40100000u,        /* the kernel */
    0x80000000u,        /* MMIO */
    0xC0000000u,        /* kernel stacks */
    0xFFFFF000u,        /* top page */
    0xFFFFFFFCu,        /* wraps around */
};
#define NBAD (sizeof bad_addrs / sizeof bad_addrs[0])

static int t_badptr(void)
{
    int p[2], fd, dfd;
    char *const ok_argv[] = { "true", NULL };
    uint32_t text = (uint32_t)(uintptr_t)&t_badptr & ~(PAGE - 1);
    pid_t z;

    CHECK(pipe(p) == 0, "pipe");
    fd = open(SELF, O_RDONLY);
    CHECK(fd >= 0, "open %s: %s", SELF, strerror(errno));
    dfd = open("/", O_RDONLY | O_DIRECTORY);
    CHECK(dfd >= 0, "open /: %s", strerror(errno));
    mkdir(DIRU, 0755);
    CHECK(write_file(DIRU "/bp", "x", 1) == 0, "create " DIRU "/bp: %s", strerror(errno));
    /* a zombie child for wait4 */
    z = fork();
    if (z == 0)
        _exit(0);
    CHECK(z > 0, "fork");
    ir_msleep(10);

    for (size_t i = 0; i < NBAD; i++) {
        long b = (long)bad_addrs[i];
        struct ir_stat st;
        struct ir_timespec ts = { 0, 1000000, 0 };
        char *const bad_argv[] = { "true", (char *)b, NULL };
        (void)ts;
        EXPECT_ERR(ir_syscall3(SYS_read, fd, b, 64), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_write, p[1], b, 64), IR_EFAULT);
        EXPECT_ERR(ir_syscall4(SYS_openat, IR_AT_FDCWD, b, IR_O_RDONLY, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall4(SYS_openat, IR_AT_FDCWD, b, IR_O_WRONLY | IR_O_CREAT, 0644), IR_EFAULT);
        EXPECT_ERR(ir_syscall4(SYS_newfstatat, IR_AT_FDCWD, b, (long)&st, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall4(SYS_newfstatat, IR_AT_FDCWD, (long)"/", b, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall2(SYS_fstat, fd, b), IR_EFAULT);
        EXPECT_ERR(ir_syscall2(SYS_getcwd, b, 64), IR_EFAULT);
        EXPECT_ERR(ir_syscall1(SYS_chdir, b), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_mkdirat, IR_AT_FDCWD, b, 0755), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, b, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall5(SYS_renameat2, IR_AT_FDCWD, b, IR_AT_FDCWD, (long)DIRU "/bp2", 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall5(SYS_renameat2, IR_AT_FDCWD, (long)DIRU "/bp", IR_AT_FDCWD, b, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall5(SYS_linkat, IR_AT_FDCWD, b, IR_AT_FDCWD, (long)DIRU "/bp3", 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall2(SYS_pipe2, b, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_getdents64, dfd, b, 512), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_execve, b, (long)ok_argv, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_execve, (long)"/bin/true", b, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_execve, (long)"/bin/true", (long)bad_argv, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_execve, (long)"/bin/true", (long)ok_argv, b), IR_EFAULT);
        EXPECT_ERR(ir_syscall2(SYS_clock_gettime, IR_CLOCK_MONOTONIC, b), IR_EFAULT);
        EXPECT_ERR(ir_syscall2(SYS_nanosleep, b, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall1(SYS_uname, b), IR_EFAULT);
        EXPECT_ERR(ir_syscall2(SYS_procinfo, 0, b), IR_EFAULT);
        EXPECT_ERR(ir_syscall1(SYS_meminfo, b), IR_EFAULT);
        EXPECT_ERR(ir_syscall4(SYS_wait4, z, b, 0, 0), IR_EFAULT);
    }
    /* writes into read-only program text */
    EXPECT_ERR(ir_syscall3(SYS_read, fd, text, 64), IR_EFAULT);
    EXPECT_ERR(ir_syscall2(SYS_fstat, fd, text), IR_EFAULT);
    EXPECT_ERR(ir_syscall2(SYS_pipe2, text, 0), IR_EFAULT);
    EXPECT_ERR(ir_syscall2(SYS_clock_gettime, IR_CLOCK_MONOTONIC, text), IR_EFAULT);
    {
        /* a string running into an unmapped page, and a buffer straddling the end of the heap */
        char *cur = sbrk(0), *pg;
        uintptr_t pad = (PAGE - ((uintptr_t)cur & (PAGE - 1))) & (PAGE - 1);
        CHECK(sbrk((intptr_t)pad) != (void *)-1, "sbrk");
        pg = sbrk(PAGE);
        CHECK(pg != (void *)-1 && ((uintptr_t)pg & (PAGE - 1)) == 0, "sbrk page");
        memset(pg, 'a', PAGE);
        EXPECT_ERR(ir_syscall4(SYS_openat, IR_AT_FDCWD, (long)(pg + PAGE - 100), IR_O_RDONLY, 0), IR_EFAULT);
        EXPECT_ERR(ir_syscall3(SYS_execve, (long)(pg + PAGE - 100), (long)ok_argv, 0), IR_EFAULT);
        {
            long r = ir_syscall3(SYS_read, fd, (long)(pg + PAGE - 8), 64);
            CHECK(r == -IR_EFAULT || (r >= 0 && r <= 8), "read across the end of the heap: %ld", r);
        }
        {
            /* an argv array running off the heap */
            char **v = (char **)(pg + PAGE - sizeof(char *));
            v[0] = "true";
            EXPECT_ERR(ir_syscall3(SYS_execve, (long)"/bin/true", (long)v, 0), IR_EFAULT);
        }
    }
    /* nothing above may have hurt the zombie or the descriptors */
    {
        int st;
        CHECK(waitpid(z, &st, 0) == z && WIFEXITED(st), "reap the zombie");
        CHECK(write(p[1], "ok", 2) == 2, "pipe still works");
    }
    close(fd);
    close(dfd);
    close(p[0]);
    close(p[1]);
    unlink(DIRU "/bp");
    return 0;
}

/* ---- pipes -------------------------------------------------------------------------------------------------- */
static int t_pipe(void)
{
    int p[2], st;
    pid_t pid;
    char buf[64];
    CHECK(pipe(p) == 0, "pipe");
    CHECK(write(p[1], "hello", 5) == 5, "write");
    CHECK(read(p[0], buf, sizeof buf) == 5 && memcmp(buf, "hello", 5) == 0, "read back");
    close(p[1]);
    CHECK(read(p[0], buf, sizeof buf) == 0, "EOF after the writer closed");
    close(p[0]);
    /* no reader: the writer gets SIGPIPE (13, as Linux) or, if the kernel has no SIGPIPE, EPIPE */
    CHECK(pipe(p) == 0, "pipe");
    close(p[0]);
    pid = fork();
    if (pid == 0)
        _exit(ir_syscall3(SYS_write, p[1], (long)"x", 1) == -IR_EPIPE ? 0 : 1);
    st = ir_wait_status(pid);
    CHECK(st == 0 || (st > 0 && WIFSIGNALED(st) && WTERMSIG(st) == 13), "write without a reader: status %#x", st);
    close(p[1]);
    /* a large transfer through a small pipe, checked byte by byte */
    CHECK(pipe(p) == 0, "pipe");
    pid = fork();
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        static unsigned char out[1000];
        close(p[0]);
        for (unsigned blk = 0; blk < 100; blk++) {
            for (unsigned i = 0; i < sizeof out; i++)
                out[i] = (unsigned char)(blk * 7 + i);
            for (size_t off = 0; off < sizeof out;) {
                ssize_t w = write(p[1], out + off, sizeof out - off);
                if (w <= 0)
                    _exit(1);
                off += (size_t)w;
            }
        }
        _exit(0);
    }
    close(p[1]);
    {
        unsigned long total = 0;
        static unsigned char in[777];
        for (;;) {
            ssize_t n = read(p[0], in, sizeof in);
            CHECK(n >= 0, "read: %s", strerror(errno));
            if (n == 0)
                break;
            for (ssize_t i = 0; i < n; i++, total++)
                CHECK(in[i] == (unsigned char)((total / 1000) * 7 + total % 1000), "byte %lu wrong", total);
        }
        CHECK(total == 100000, "got %lu bytes, want 100000", total);
    }
    st = ir_wait_status(pid);
    CHECK(st == 0, "writer status %#x", st);
    close(p[0]);
    return 0;
}

static int t_fd_limits(void)
{
    int fds[64], n = 0, r;
    for (;;) {
        r = dup(0);
        if (r < 0)
            break;
        fds[n++] = r;
        CHECK(n < 64, "no descriptor limit below 64");
    }
    CHECK(errno == EMFILE, "dup failed with %s, want EMFILE", strerror(errno));
    {
        int p[2];
        EXPECT_ERR(ir_syscall2(SYS_pipe2, (long)p, 0), IR_EMFILE);
    }
    for (int i = 0; i < n; i++)
        close(fds[i]);
    EXPECT_ERR(ir_syscall1(SYS_close, 1000), IR_EBADF);
    EXPECT_ERR(ir_syscall1(SYS_close, -1), IR_EBADF);
    EXPECT_ERR(ir_syscall3(SYS_read, 1000, (long)fds, 1), IR_EBADF);
    EXPECT_ERR(ir_syscall3(SYS_write, 15, (long)fds, 1), IR_EBADF);
    EXPECT_ERR(ir_syscall1(SYS_dup, 1000), IR_EBADF);
    EXPECT_ERR(ir_syscall3(SYS_dup3, 0, 1000, 0), IR_EBADF);
    /* many pipes created and destroyed: no leak (the page check of the suite verifies) */
    for (int i = 0; i < 200; i++) {
        int p[2];
        CHECK(pipe(p) == 0, "pipe %d: %s", i, strerror(errno));
        close(p[0]);
        close(p[1]);
    }
    return 0;
}

/* ---- files -------------------------------------------------------------------------------------------------- */
static int t_dup_offsets(void)
{
    int fd, fd2, fa;
    char buf[32];
    pid_t pid;
    mkdir(DIRU, 0755);
    fd = open(DIRU "/dup", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0, "create: %s", strerror(errno));
    CHECK(write(fd, "abc", 3) == 3, "write");
    fd2 = dup(fd);
    CHECK(fd2 >= 0 && fd2 != fd, "dup");
    CHECK(write(fd2, "def", 3) == 3, "write dup");
    CHECK(lseek(fd, 0, SEEK_CUR) == 6, "shared offset: %ld", (long)lseek(fd, 0, SEEK_CUR));
    CHECK(lseek(fd2, 0, SEEK_SET) == 0, "lseek");
    CHECK(read(fd, buf, sizeof buf) == 6 && memcmp(buf, "abcdef", 6) == 0, "read through the other fd");
    /* a forked child shares the offset too */
    pid = fork();
    if (pid == 0)
        _exit(write(fd, "ghi", 3) == 3 ? 0 : 1);
    CHECK(pid > 0 && ir_wait_status(pid) == 0, "child write");
    CHECK(lseek(fd, 0, SEEK_CUR) == 9, "offset after the child's write: %ld", (long)lseek(fd, 0, SEEK_CUR));
    /* dup2 onto an open descriptor replaces it */
    CHECK(dup2(fd, 10) == 10, "dup2: %s", strerror(errno));
    CHECK(dup2(fd2, 10) == 10, "dup2 over an open fd");
    CHECK(dup2(10, 10) == 10, "dup2 onto itself");
    EXPECT_ERR(ir_syscall3(SYS_dup3, 10, 10, 0), IR_EINVAL);
    close(fd);
    CHECK(lseek(10, 0, SEEK_SET) == 0 && read(10, buf, sizeof buf) == 9 && memcmp(buf, "abcdefghi", 9) == 0,
          "read through dup2 copy");
    close(10);
    close(fd2);
    /* independent opens have independent offsets; O_APPEND writes at the end */
    fd = open(DIRU "/dup", O_RDONLY);
    fa = open(DIRU "/dup", O_WRONLY | O_APPEND);
    CHECK(fd >= 0 && fa >= 0, "reopen");
    CHECK(write(fa, "jk", 2) == 2, "append");
    CHECK(read(fd, buf, 3) == 3 && memcmp(buf, "abc", 3) == 0, "independent offset");
    CHECK(lseek(fd, 0, SEEK_END) == 11, "size after append: %ld", (long)lseek(fd, 0, SEEK_END));
    EXPECT_ERR(ir_syscall3(SYS_write, fd, (long)"x", 1), IR_EBADF);     /* read-only descriptor */
    EXPECT_ERR(ir_syscall3(SYS_read, fa, (long)buf, 1), IR_EBADF);      /* write-only descriptor */
    EXPECT_ERR(ir_syscall3(SYS_lseek, fd, -5, IR_SEEK_SET), IR_EINVAL);
    {
        int p[2];
        CHECK(pipe(p) == 0, "pipe");
        EXPECT_ERR(ir_syscall3(SYS_lseek, p[0], 0, IR_SEEK_SET), IR_ESPIPE);
        close(p[0]);
        close(p[1]);
    }
    close(fd);
    close(fa);
    CHECK(unlink(DIRU "/dup") == 0, "unlink");
    return 0;
}

static int t_files(void)
{
    struct stat st;
    int fd;
    char buf[64];
    mkdir(DIRU, 0755);
    CHECK(write_file(DIRU "/f1", "hello, world\n", 13) == 0, "create: %s", strerror(errno));
    CHECK(stat(DIRU "/f1", &st) == 0 && st.st_size == 13 && S_ISREG(st.st_mode), "stat size %ld",
          (long)st.st_size);
    fd = open(DIRU "/f1", O_RDONLY);
    CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 13 && memcmp(buf, "hello, world\n", 13) == 0, "read back");
    close(fd);
    EXPECT_ERR(ir_syscall4(SYS_openat, IR_AT_FDCWD, (long)DIRU "/f1", IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL, 0644),
               IR_EEXIST);
    EXPECT_ERR(ir_syscall4(SYS_openat, IR_AT_FDCWD, (long)DIRU "/nope", IR_O_RDONLY, 0), IR_ENOENT);
    EXPECT_ERR(ir_syscall4(SYS_openat, IR_AT_FDCWD, (long)DIRU "/f1/x", IR_O_RDONLY, 0), IR_ENOTDIR);
    EXPECT_ERR(ir_syscall4(SYS_openat, IR_AT_FDCWD, (long)DIRU, IR_O_WRONLY, 0), IR_EISDIR);
    /* truncate */
    fd = open(DIRU "/f1", O_WRONLY | O_TRUNC);
    CHECK(fd >= 0, "open O_TRUNC");
    close(fd);
    CHECK(stat(DIRU "/f1", &st) == 0 && st.st_size == 0, "size after O_TRUNC: %ld", (long)st.st_size);
    /* rename and unlink */
    CHECK(rename(DIRU "/f1", DIRU "/f2") == 0, "rename: %s", strerror(errno));
    CHECK(stat(DIRU "/f1", &st) < 0 && errno == ENOENT, "old name still there");
    CHECK(stat(DIRU "/f2", &st) == 0, "new name missing");
    CHECK(unlink(DIRU "/f2") == 0, "unlink: %s", strerror(errno));
    EXPECT_ERR(ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)DIRU "/f2", 0), IR_ENOENT);
    /* an open file survives its unlink */
    fd = open(DIRU "/f3", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0 && write(fd, "zz", 2) == 2, "create f3");
    CHECK(unlink(DIRU "/f3") == 0, "unlink open file");
    CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 2) == 2 && buf[0] == 'z', "read after unlink");
    close(fd);
    return 0;
}

static int t_dirs(void)
{
    DIR *d;
    struct dirent *e;
    int seen = 0, dots = 0;
    char name[64], cwd[64];
    mkdir(DIRU, 0755);
    CHECK(mkdir(DIRU "/d", 0755) == 0, "mkdir: %s", strerror(errno));
    EXPECT_ERR(ir_syscall3(SYS_mkdirat, IR_AT_FDCWD, (long)DIRU "/d", 0755), IR_EEXIST);
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, DIRU "/d/file%02d", i);
        CHECK(write_file(name, name, strlen(name)) == 0, "create %s: %s", name, strerror(errno));
    }
    d = opendir(DIRU "/d");
    CHECK(d != NULL, "opendir: %s", strerror(errno));
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            dots++;
        else if (strncmp(e->d_name, "file", 4) == 0)
            seen++;
    }
    closedir(d);
    CHECK(seen == 40, "readdir saw %d of 40 files", seen);
    CHECK(dots == 2, "readdir saw %d of '.' and '..'", dots);
    EXPECT_ERR(ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)DIRU "/d", IR_AT_REMOVEDIR), IR_ENOTEMPTY);
    EXPECT_ERR(ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)DIRU "/d", 0), IR_EISDIR);
    EXPECT_ERR(ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)DIRU "/d/file00", IR_AT_REMOVEDIR), IR_ENOTDIR);
    /* cwd */
    CHECK(chdir(DIRU "/d") == 0, "chdir: %s", strerror(errno));
    CHECK(getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, DIRU "/d") == 0, "getcwd: %s", cwd);
    EXPECT_ERR(ir_syscall2(SYS_getcwd, (long)cwd, 3), IR_ERANGE);
    CHECK(access("file07", F_OK) == 0, "relative path");
    CHECK(chdir("..") == 0 && getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, DIRU) == 0, "chdir ..: %s", cwd);
    EXPECT_ERR(ir_syscall1(SYS_chdir, (long)DIRU "/d/file00"), IR_ENOTDIR);
    CHECK(chdir("/") == 0, "chdir /");
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, DIRU "/d/file%02d", i);
        CHECK(unlink(name) == 0, "unlink %s: %s", name, strerror(errno));
    }
    CHECK(rmdir(DIRU "/d") == 0, "rmdir: %s", strerror(errno));
    return 0;
}

static int t_bigfile(void)
{
    /* 300 KiB: beyond the direct blocks of any small inode */
    static unsigned char blk[4096];
    int fd;
    const int nblk = 75;
    mkdir(DIRU, 0755);
    fd = open(DIRU "/big", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0, "create: %s", strerror(errno));
    for (int b = 0; b < nblk; b++) {
        for (unsigned i = 0; i < sizeof blk; i++)
            blk[i] = (unsigned char)(b * 31 + i * 7);
        CHECK(write(fd, blk, sizeof blk) == sizeof blk, "write block %d: %s", b, strerror(errno));
    }
    CHECK(close(fd) == 0, "close");
    fd = open(DIRU "/big", O_RDONLY);
    CHECK(fd >= 0, "open");
    for (int b = 0; b < nblk; b++) {
        CHECK(read(fd, blk, sizeof blk) == sizeof blk, "read block %d", b);
        for (unsigned i = 0; i < sizeof blk; i++)
            CHECK(blk[i] == (unsigned char)(b * 31 + i * 7), "block %d byte %u", b, i);
    }
    CHECK(read(fd, blk, 1) == 0, "EOF");
    /* random access */
    CHECK(lseek(fd, 4096 * 40 + 5, SEEK_SET) == 4096 * 40 + 5 && read(fd, blk, 1) == 1 &&
          blk[0] == (unsigned char)(40 * 31 + 5 * 7), "seek + read");
    close(fd);
    CHECK(unlink(DIRU "/big") == 0, "unlink");
    return 0;
}

/* ---- exec --------------------------------------------------------------------------------------------------- */
static int t_exec(void)
{
    char *const argv[] = { "usertests", "--exec-child", "two words", "", "last", NULL };
    char *const envp[] = { "UT_A=1", "UT_B=hello world", NULL };
    char *const true_argv[] = { "true", NULL };
    static const unsigned char junk[] = "#!/bin/sh\necho not an ELF\n";
    pid_t pid;
    int st, p[2];
    char buf[16];

    mkdir(DIRU, 0755);
    EXPECT_ERR(ir_syscall3(SYS_execve, (long)"/bin/does-not-exist", (long)true_argv, 0), IR_ENOENT);
    EXPECT_ERR(ir_syscall3(SYS_execve, (long)"/bin/true/x", (long)true_argv, 0), IR_ENOTDIR);
    CHECK(ir_syscall3(SYS_execve, (long)"/bin", (long)true_argv, 0) < 0, "exec of a directory succeeded?");
    CHECK(write_file(DIRU "/junk", junk, sizeof junk) == 0, "create junk");
    EXPECT_ERR(ir_syscall3(SYS_execve, (long)DIRU "/junk", (long)true_argv, 0), IR_ENOEXEC);
    CHECK(write_file(DIRU "/empty", "", 0) == 0, "create empty");
    EXPECT_ERR(ir_syscall3(SYS_execve, (long)DIRU "/empty", (long)true_argv, 0), IR_ENOEXEC);
    {
        /* a truncated ELF: the header of /bin/true only */
        unsigned char hdr[100];
        int fd = open("/bin/true", O_RDONLY);
        CHECK(fd >= 0 && read(fd, hdr, sizeof hdr) == sizeof hdr, "read /bin/true");
        close(fd);
        CHECK(write_file(DIRU "/trunc", hdr, sizeof hdr) == 0, "create trunc");
        CHECK(ir_syscall3(SYS_execve, (long)DIRU "/trunc", (long)true_argv, 0) < 0, "truncated ELF accepted");
    }
    unlink(DIRU "/junk");
    unlink(DIRU "/empty");
    unlink(DIRU "/trunc");
    /* we survived all that: now real execs */
    pid = fork();
    if (pid == 0) {
        execve("/bin/true", true_argv, envp);
        _exit(99);
    }
    st = ir_wait_status(pid);
    CHECK(st == 0, "/bin/true: status %#x", st);
    pid = fork();
    if (pid == 0) {
        execve("/bin/false", true_argv, envp);
        _exit(99);
    }
    st = ir_wait_status(pid);
    CHECK(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 1, "/bin/false: status %#x", st);
    /* argv and envp arrive intact */
    pid = fork();
    if (pid == 0) {
        execve(SELF, argv, envp);
        _exit(99);
    }
    st = ir_wait_status(pid);
    CHECK(st == 0, "argv/envp check: status %#x", st);
    /* output of an exec'd program through a pipe */
    CHECK(pipe(p) == 0, "pipe");
    pid = fork();
    if (pid == 0) {
        char *const e_argv[] = { "echo", "piped", NULL };
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execve("/bin/echo", e_argv, envp);
        _exit(99);
    }
    close(p[1]);
    {
        ssize_t n = read(p[0], buf, sizeof buf);
        CHECK(n == 6 && memcmp(buf, "piped\n", 6) == 0, "echo through a pipe: %zd bytes", n);
    }
    close(p[0]);
    CHECK(ir_wait_status(pid) == 0, "echo status");
    return 0;
}

static int exec_child(int argc, char **argv)
{
    extern char **environ;
    int n = 0;
    if (argc != 5 || strcmp(argv[2], "two words") != 0 || argv[3][0] != '\0' || strcmp(argv[4], "last") != 0 ||
        argv[5] != NULL) {
        printf("  exec child: bad argv (argc %d)\n", argc);
        return 1;
    }
    for (char **e = environ; *e; e++)
        n++;
    if (n != 2 || strcmp(getenv("UT_A") ? getenv("UT_A") : "", "1") != 0 ||
        strcmp(getenv("UT_B") ? getenv("UT_B") : "", "hello world") != 0) {
        printf("  exec child: bad environment (%d entries)\n", n);
        return 1;
    }
    return 0;
}

/* ---- time --------------------------------------------------------------------------------------------------- */
static int t_time(void)
{
    struct timespec a, b;
    long ms;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0, "clock_gettime");
    ir_msleep(50);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0, "clock_gettime");
    ms = (long)((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000);
    CHECK(ms >= 50 && ms < 1000, "nanosleep(50 ms) took %ld ms", ms);
    CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000, "tv_nsec out of range");
    {
        struct ir_timespec bad = { 0, 1000000000, 0 };
        EXPECT_ERR(ir_syscall2(SYS_nanosleep, (long)&bad, 0), IR_EINVAL);
        bad.tv_sec = -1;
        bad.tv_nsec = 0;
        EXPECT_ERR(ir_syscall2(SYS_nanosleep, (long)&bad, 0), IR_EINVAL);
    }
    EXPECT_ERR(ir_syscall2(SYS_clock_gettime, 77, (long)&a), IR_EINVAL);
    return 0;
}

/* ---- driver ------------------------------------------------------------------------------------------------- */
static const struct ir_test tests[] = {
    { "exit_status", t_exit_status, 0 },
    { "getppid", t_getppid, 0 },
    { "wait_nohang", t_wait_nohang, 0 },
    { "kill", t_kill, 0 },
    { "badptr", t_badptr, 0 },
    { "faults", t_faults, 0 },
    { "stack", t_stack, 0 },
    { "cow", t_cow, 0 },
    { "sbrk", t_sbrk, 0 },
    { "pipe", t_pipe, 0 },
    { "fd_limits", t_fd_limits, 0 },
    { "dup_offsets", t_dup_offsets, 0 },
    { "files", t_files, 0 },
    { "dirs", t_dirs, 0 },
    { "bigfile", t_bigfile, 0 },
    { "exec", t_exec, 0 },
    { "time", t_time, 0 },
    { "preempt", t_preempt, 0 },
    { "orphan", t_orphan, 0 },
    { "fork_exhaust", t_fork_exhaust, 0 },
    { "oom_sbrk", t_oom_sbrk, 0 },
    { "oom_cow", t_oom_cow, 0 },
};
#define NTESTS (sizeof tests / sizeof tests[0])

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    const char *bad;

    if (argc >= 2 && strcmp(argv[1], "--exec-child") == 0)
        return exec_child(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "-l") == 0) {
        ir_test_list(tests, NTESTS);
        return 0;
    }
    if ((bad = ir_test_unknown(tests, NTESTS, argc, argv, 1))) {
        fprintf(stderr, "usertests: unknown test %s (usertests -l lists them)\nusage: usertests [-l] [TEST...]\n",
                bad);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("usertests: starting (%u free pages)\n", (unsigned)ir_free_pages());
    {
        /* warm-up: besides the first fork, the first file-system writes and a pipe may fill kernel caches for
         * good; that is not a leak of the test that happens to come first */
        int p[2];
        ir_test_warm_up();
        mkdir(DIRU, 0755);
        write_file(DIRU "/warm", "warm", 4);
        unlink(DIRU "/warm");
        if (pipe(p) == 0) {
            close(p[0]);
            close(p[1]);
        }
    }
    for (size_t i = 0; i < NTESTS; i++) {
        if (!ir_test_wanted(&tests[i], argc, argv, 1))
            continue;
        if (ir_test_run(&tests[i], IR_TEST_PAGES))
            passed++;
        else
            failed++;
    }
    rmdir(DIRU);
    printf("usertests: %d passed, %d failed\n", passed, failed);
    return failed;
}
