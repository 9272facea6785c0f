/*
 * ktests.c - the kernel's system-call test suite (freestanding, tlib). Run as a normal program or as init
 * (bootargs "init=/bin/ktests": init's exit status becomes the simulator's exit code).
 *
 * Each test prints "PASS name" or "FAIL name: why"; the last line is "ktests: N passed, M failed" and the exit
 * status is 0 only when nothing failed. Also prints measurements ("bench ...: N cycles") of a null system call,
 * fork+exec+wait of a small program, a pipe round trip and a fork of a large (COW) process.
 * Invariants checked at the end: the free page count is what it was at the start (nothing leaks).
 * Sub-modes (argv[1]) used by the tests themselves: "exit N", "spin", "sleep".
 */
#include "tlib.h"

static int passed, failed;
static const char *self = "/bin/ktests";

static void check(int ok, const char *name, const char *why)
{
    if (ok) {
        passed++;
        t_printf("PASS %s\n", name);
    } else {
        failed++;
        t_printf("FAIL %s: %s\n", name, why);
    }
}

static int atoi_s(const char *s)
{
    int v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (*s++ - '0');
    return v;
}

/* ---- processes ---- */
static void test_fork_wait(void)
{
    int st = -1;
    long pid = t_fork();
    if (pid == 0)
        t_exit(42);
    long w = t_wait((int)pid, &st);
    check(pid > 0 && w == pid && st == IR_WEXITED_STATUS(42), "fork-wait-status", "wrong pid or status");
    check(t_wait(-1, &st) == -IR_ECHILD, "wait-no-children", "expected ECHILD");
    pid = t_fork();
    if (pid == 0) {
        t_sleep_ms(30);
        t_exit(0);
    }
    long r = sys4(SYS_wait4, pid, &st, IR_WNOHANG, 0);
    long r2 = t_wait((int)pid, &st);
    check(r == 0 && r2 == pid, "wait-wnohang", "WNOHANG did not return 0 for a running child");
    check(sys0(SYS_getppid) >= 0 && t_getpid() > 0, "getpid-getppid", "bad pids");
}

static void test_exec(void)
{
    int st;
    long pid = t_fork();
    if (pid == 0) {
        char *av[] = {(char *)self, "exit", "7", 0};
        char *ev[] = {"A=1", 0};
        t_exec(self, av, ev);
        t_exit(99);
    }
    t_wait((int)pid, &st);
    check(st == IR_WEXITED_STATUS(7), "exec-args", "child exec with argv did not exit 7");
    char *av[] = {"nothing", 0};
    check(t_exec("/bin/does-not-exist", av, 0) == -IR_ENOENT, "exec-missing", "expected ENOENT");
    check(t_exec("/", av, 0) < 0, "exec-directory", "exec of a directory succeeded?");
}

static void test_kill(void)
{
    int st;
    long pid = t_fork();
    if (pid == 0) {
        for (;;)
            t_sleep_ms(1000);
    }
    t_sleep_ms(20);
    long r = sys2(SYS_kill, pid, IR_SIGTERM);
    t_wait((int)pid, &st);
    check(r == 0 && st == IR_WSIGNALED_STATUS(IR_SIGTERM), "kill-sleeping", "child not terminated by SIGTERM");
    check(sys2(SYS_kill, 99999, IR_SIGTERM) == -IR_ESRCH, "kill-missing", "expected ESRCH");
}

static void test_faults(void)
{
    int st;
    long pid = t_fork();
    if (pid == 0) {
        *(volatile int *)0 = 1;
        t_exit(0);
    }
    t_wait((int)pid, &st);
    check(st == IR_WSIGNALED_STATUS(IR_SIGSEGV), "null-store-killed", "child survived a store to 0");
    pid = t_fork();
    if (pid == 0) {
        *(volatile int *)0x40100000 = 1;    /* kernel memory */
        t_exit(0);
    }
    t_wait((int)pid, &st);
    check(st == IR_WSIGNALED_STATUS(IR_SIGSEGV), "kernel-store-killed", "child wrote kernel memory");
    pid = t_fork();
    if (pid == 0) {
        __asm__ volatile(".word 0xffffffff");
        t_exit(0);
    }
    t_wait((int)pid, &st);
    check(st == IR_WSIGNALED_STATUS(IR_SIGSEGV), "illegal-insn-killed", "child survived an illegal instruction");
    pid = t_fork();
    if (pid == 0) {
        /* write the program's own text */
        *(volatile uint32_t *)0x10000 = 0;
        t_exit(0);
    }
    t_wait((int)pid, &st);
    check(st == IR_WSIGNALED_STATUS(IR_SIGSEGV), "text-store-killed", "child wrote its text");
}

static volatile int depth_limit = 1 << 30;   /* never reached: the guard page stops the recursion first */
static int recurse(int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    if (n >= depth_limit)
        return 0;
    return recurse(n + 1) + pad[0];
}

static void test_stack_guard(void)
{
    int st;
    long pid = t_fork();
    if (pid == 0) {
        recurse(0);
        t_exit(0);
    }
    t_wait((int)pid, &st);
    check(st == IR_WSIGNALED_STATUS(IR_SIGSEGV), "stack-guard", "runaway recursion not stopped by the guard page");
}

static char big[512 * 1024];

static void test_cow(void)
{
    for (unsigned i = 0; i < sizeof big; i += 64)
        big[i] = (char)(i >> 6);
    int p[2], st;
    sys2(SYS_pipe2, p, 0);
    uint32_t t0 = t_cycles();
    long pid = t_fork();
    if (pid == 0) {
        uint32_t t1 = t_cycles();
        t_write(p[1], &t1, 4);
        int ok = 1;
        for (unsigned i = 0; i < sizeof big; i += 4096)
            big[i] = 'c';
        for (unsigned i = 0; i < sizeof big; i += 4096)
            ok &= big[i] == 'c';
        t_exit(ok ? 0 : 1);
    }
    uint32_t t1 = 0;
    t_read(p[0], &t1, 4);
    t_wait((int)pid, &st);
    int ok = 1;
    for (unsigned i = 0; i < sizeof big; i += 64)
        ok &= big[i] == (char)(i >> 6);
    check(st == 0 && ok, "cow-fork", "parent or child saw the other's writes");
    t_printf("bench fork-large (512 KiB data, to child running): %u cycles\n", t1 - t0);
    t_close(p[0]);
    t_close(p[1]);
}

static void test_preempt(void)
{
    long a = t_fork();
    if (a == 0)
        for (;;)
            ;
    long b = t_fork();
    if (b == 0)
        for (;;)
            ;
    t_sleep_ms(100);
    uint64_t ta = 0, tb = 0;
    for (int i = 0; i < 64; i++) {
        struct ir_procinfo pi;
        if (sys2(SYS_procinfo, i, &pi) < 0)
            break;
        if (pi.pid == a)
            ta = pi.cpu_ticks;
        if (pi.pid == b)
            tb = pi.cpu_ticks;
    }
    sys2(SYS_kill, a, IR_SIGKILL);
    sys2(SYS_kill, b, IR_SIGKILL);
    int st;
    t_wait((int)a, &st);
    t_wait((int)b, &st);
    check(ta >= 2 && tb >= 2, "preemption", "a spinning child did not get the CPU");
}

static int proc_exists(long pid)
{
    for (int i = 0; i < 64; i++) {
        struct ir_procinfo pi;
        if (sys2(SYS_procinfo, i, &pi) < 0)
            break;
        if (pi.pid == pid)
            return 1;
    }
    return 0;
}

static void test_orphans(void)
{
    int st, p[2];
    sys2(SYS_pipe2, p, 0);
    long pid = t_fork();
    if (pid == 0) {
        long g = t_fork();
        if (g == 0) {
            t_sleep_ms(20);
            t_exit(0);
        }
        t_write(p[1], &g, sizeof g);
        t_exit(0);
    }
    long g = 0;
    t_read(p[0], &g, sizeof g);
    t_close(p[0]);
    t_close(p[1]);
    t_wait((int)pid, &st);
    /* the grandchild now belongs to init; wait for it to be reaped (by us if we are init) */
    int alive = 1;
    for (int tries = 0; tries < 100 && alive; tries++) {
        if (t_getpid() == 1)
            sys4(SYS_wait4, -1, &st, IR_WNOHANG, 0);
        t_sleep_ms(10);
        alive = proc_exists(g);
    }
    check(g > 0 && !alive, "orphan-reaped", "an orphan stayed around");
}

static void test_fork_exhaustion(void)
{
    int p[2];
    sys2(SYS_pipe2, p, 0);
    int n = 0;
    long r;
    while ((r = t_fork()) > 0)
        n++;
    if (r == 0) {
        char c;
        t_close(p[1]);
        t_read(p[0], &c, 1);
        t_exit(0);
    }
    t_close(p[0]);
    t_close(p[1]);
    int st, reaped = 0;
    while (t_wait(-1, &st) > 0)
        reaped++;
    check(r == -IR_EAGAIN && n > 10 && reaped == n, "fork-exhaustion", "fork did not fail cleanly with EAGAIN");
}

static void test_oom(void)
{
    int st;
    long pid = t_fork();
    if (pid == 0) {
        uint32_t cur = (uint32_t)sys1(SYS_brk, 0);
        for (;;) {
            uint32_t want = cur + (1u << 20);
            uint32_t got = (uint32_t)sys1(SYS_brk, want);
            if (got != want)
                break;
            for (uint32_t a = cur; a < want; a += 4096)
                *(volatile char *)a = 1;
            cur = want;
        }
        t_exit(3);
    }
    t_wait((int)pid, &st);
    check(st == IR_WEXITED_STATUS(3) || st == IR_WSIGNALED_STATUS(IR_SIGKILL), "out-of-memory",
          "child neither saw brk fail nor was killed");
    /* fork a second process while memory is short is not needed: the kernel survived if we are here */
}

/* ---- files ---- */
static void test_files(void)
{
    long fd = t_open("/tmp-ut.txt", IR_O_CREAT | IR_O_RDWR | IR_O_TRUNC);
    check(fd >= 0, "open-create", "cannot create /tmp-ut.txt");
    if (fd < 0)
        return;
    check(t_write((int)fd, "hello world", 11) == 11, "write-file", "short write");
    check(sys3(SYS_lseek, fd, 6, IR_SEEK_SET) == 6, "lseek", "lseek failed");
    char buf[32] = {0};
    check(t_read((int)fd, buf, 31) == 5 && buf[0] == 'w' && buf[4] == 'd', "read-file", "wrong data");
    struct ir_stat st;
    check(sys2(SYS_fstat, fd, &st) == 0 && st.st_size == 11 && (st.st_mode & IR_S_IFMT) == IR_S_IFREG,
          "fstat", "wrong size or mode");
    /* shared offset across fork */
    sys3(SYS_lseek, fd, 0, IR_SEEK_SET);
    int wst;
    long pid = t_fork();
    if (pid == 0) {
        char c;
        t_read((int)fd, &c, 1);
        t_exit(0);
    }
    t_wait((int)pid, &wst);
    check(sys3(SYS_lseek, fd, 0, IR_SEEK_CUR) == 1, "shared-offset", "child's read did not move the offset");
    long d = sys1(SYS_dup, fd);
    check(d > fd && sys3(SYS_lseek, d, 0, IR_SEEK_CUR) == 1, "dup", "dup does not share the offset");
    t_close((int)d);
    check(sys3(SYS_dup3, fd, 10, 0) == 10, "dup3", "dup3 failed");
    t_close(10);
    check(sys2(SYS_ftruncate, fd, 3) == 0 && sys2(SYS_fstat, fd, &st) == 0 && st.st_size == 3, "ftruncate",
          "size not 3");
    check(sys1(SYS_fsync, fd) == 0, "fsync", "fsync failed");
    t_close((int)fd);
    check(sys3(SYS_mkdirat, IR_AT_FDCWD, "/ut-dir", 0755) == 0, "mkdir", "mkdir failed");
    check(sys5(SYS_renameat2, IR_AT_FDCWD, "/tmp-ut.txt", IR_AT_FDCWD, "/ut-dir/f", 0) == 0, "rename",
          "rename failed");
    check(sys1(SYS_chdir, "/ut-dir") == 0, "chdir", "chdir failed");
    char cwd[64];
    check(sys2(SYS_getcwd, cwd, sizeof cwd) > 0 && t_strcmp(cwd, "/ut-dir") == 0, "getcwd", "wrong cwd");
    fd = t_open(".", IR_O_RDONLY | IR_O_DIRECTORY);
    char dents[512];
    long n = sys3(SYS_getdents64, fd, dents, sizeof dents);
    int found = 0;
    for (long off = 0; off < n;) {
        struct ir_dirent64 *de = (struct ir_dirent64 *)(dents + off);
        if (t_strcmp(de->d_name, "f") == 0)
            found = 1;
        off += de->d_reclen;
    }
    check(n > 0 && found, "getdents64", "file f not listed");
    t_close((int)fd);
    check(sys3(SYS_unlinkat, IR_AT_FDCWD, "f", 0) == 0, "unlink", "unlink failed");
    sys1(SYS_chdir, "/");
    check(sys3(SYS_unlinkat, IR_AT_FDCWD, "/ut-dir", IR_AT_REMOVEDIR) == 0, "rmdir", "rmdir failed");
    check(t_open("/ut-dir/f", IR_O_RDONLY) == -IR_ENOENT, "gone", "file still there");
}

static void test_pipe(void)
{
    int p[2], st;
    check(sys2(SYS_pipe2, p, 0) == 0, "pipe2", "pipe2 failed");
    long pid = t_fork();
    if (pid == 0) {
        t_close(p[0]);
        char buf[1000];
        for (int i = 0; i < 20; i++) {
            t_memset(buf, 'a' + i, sizeof buf);
            t_write(p[1], buf, sizeof buf);
        }
        t_exit(0);
    }
    t_close(p[1]);
    char buf[300];
    long total = 0, r;
    int ok = 1;
    while ((r = t_read(p[0], buf, sizeof buf)) > 0) {
        for (long i = 0; i < r; i++)
            ok &= buf[i] == 'a' + (total + i) / 1000;
        total += r;
    }
    t_close(p[0]);
    t_wait((int)pid, &st);
    check(ok && total == 20000 && r == 0, "pipe-data", "wrong data through the pipe");
    /* writing to a pipe without readers: EPIPE + SIGPIPE */
    sys2(SYS_pipe2, p, 0);
    pid = t_fork();
    if (pid == 0) {
        t_close(p[0]);
        t_write(p[1], "x", 1);
        t_exit(0);
    }
    t_close(p[0]);
    t_close(p[1]);
    t_wait((int)pid, &st);
    check(st == IR_WSIGNALED_STATUS(13), "pipe-sigpipe", "writer to a closed pipe not killed by SIGPIPE");
}

/* ---- bad pointers ---- */
static void test_bad_pointers(void)
{
    static const uint32_t bad[] = {0, 0x1000, 0x20000000, 0x40100000, 0x80000000, 0xFFFFF000, 0x10000};
    int ok = 1, i;
    for (i = 0; i < 7; i++) {
        long b = (long)bad[i];
        int wr = bad[i] != 0x10000;   /* text is readable: only writes must fail there */
        int fds[2];
        sys2(SYS_pipe2, fds, 0);
        t_write(fds[1], "abc", 3);
        if (sys3(SYS_read, fds[0], b, 3) != -IR_EFAULT) { ok = 0; t_printf("  read %x\n", bad[i]); }
        t_close(fds[0]);
        t_close(fds[1]);
        if (wr && sys3(SYS_write, 1, b, 3) != -IR_EFAULT) { ok = 0; t_printf("  write %x\n", bad[i]); }
        if (wr && sys4(SYS_openat, IR_AT_FDCWD, b, 0, 0) != -IR_EFAULT) { ok = 0; t_printf("  open %x\n", bad[i]); }
        if (wr && sys3(SYS_execve, b, 0, 0) != -IR_EFAULT) { ok = 0; t_printf("  exec %x\n", bad[i]); }
        if (wr && b && sys3(SYS_execve, self, b, 0) != -IR_EFAULT) { ok = 0; t_printf("  exec argv %x\n", bad[i]); }
        if (sys1(SYS_pipe2, b) != -IR_EFAULT) { ok = 0; t_printf("  pipe2 %x\n", bad[i]); }
        if (sys2(SYS_fstat, 0, b) != -IR_EFAULT) { ok = 0; t_printf("  fstat %x\n", bad[i]); }
        if (wr && sys4(SYS_newfstatat, IR_AT_FDCWD, b, b, 0) != -IR_EFAULT) { ok = 0; t_printf("  fstatat %x\n", bad[i]); }
        if (sys4(SYS_newfstatat, IR_AT_FDCWD, "/", b, 0) != -IR_EFAULT) { ok = 0; t_printf("  fstatat2 %x\n", bad[i]); }
        if (wr && sys3(SYS_mkdirat, IR_AT_FDCWD, b, 0) != -IR_EFAULT) { ok = 0; t_printf("  mkdir %x\n", bad[i]); }
        if (wr && sys3(SYS_unlinkat, IR_AT_FDCWD, b, 0) != -IR_EFAULT) { ok = 0; t_printf("  unlink %x\n", bad[i]); }
        if (wr && sys1(SYS_chdir, b) != -IR_EFAULT) { ok = 0; t_printf("  chdir %x\n", bad[i]); }
        if (sys2(SYS_getcwd, b, 64) != -IR_EFAULT) { ok = 0; t_printf("  getcwd %x\n", bad[i]); }
        long dfd = t_open("/", IR_O_RDONLY | IR_O_DIRECTORY);
        if (sys3(SYS_getdents64, dfd, b, 512) != -IR_EFAULT) { ok = 0; t_printf("  getdents %x\n", bad[i]); }
        t_close((int)dfd);
        if (wr && sys5(SYS_renameat2, IR_AT_FDCWD, b, IR_AT_FDCWD, "/x", 0) != -IR_EFAULT) { ok = 0; t_printf("  rename %x\n", bad[i]); }
        if (wr && sys2(SYS_nanosleep, b, 0) != -IR_EFAULT) { ok = 0; t_printf("  nanosleep %x\n", bad[i]); }
        if (sys2(SYS_clock_gettime, 0, b) != -IR_EFAULT) { ok = 0; t_printf("  clock_gettime %x\n", bad[i]); }
        if (sys1(SYS_uname, b) != -IR_EFAULT) { ok = 0; t_printf("  uname %x\n", bad[i]); }
        if (sys2(SYS_procinfo, 0, b) != -IR_EFAULT) { ok = 0; t_printf("  procinfo %x\n", bad[i]); }
        if (sys1(SYS_meminfo, b) != -IR_EFAULT) { ok = 0; t_printf("  meminfo %x\n", bad[i]); }
        if (sys3(SYS_ioctl, 0, IR_CON_GETMODE, b) != -IR_EFAULT) { ok = 0; t_printf("  ioctl %x\n", bad[i]); }
        long pid = t_fork();
        if (pid == 0)
            t_exit(0);
        if (b && sys4(SYS_wait4, pid, b, 0, 0) != -IR_EFAULT) { ok = 0; t_printf("  wait4 %x\n", bad[i]); }
        int st;
        t_wait((int)pid, &st);
    }
    check(ok, "bad-pointers", "a system call accepted a bad pointer (see above)");
    check(sys0(9999) == -IR_ENOSYS, "bad-syscall-number", "expected ENOSYS");
    check(sys3(SYS_read, 99, 0, 0) == -IR_EBADF && sys1(SYS_close, -5) == -IR_EBADF, "bad-fd", "expected EBADF");
}

/* ---- measurements ---- */
static void bench(void)
{
    uint32_t t0 = t_cycles();
    for (int i = 0; i < 1000; i++)
        sys0(SYS_getpid);
    t_printf("bench null-syscall: %u cycles\n", (t_cycles() - t0) / 1000);
    t0 = t_cycles();
    for (int i = 0; i < 10; i++) {
        long pid = t_fork();
        if (pid == 0) {
            char *av[] = {(char *)self, "exit", "0", 0};
            t_exec(self, av, 0);
            t_exit(1);
        }
        int st;
        t_wait((int)pid, &st);
    }
    t_printf("bench fork-exec-wait: %u cycles\n", (t_cycles() - t0) / 10);
    int a[2], b[2];
    sys2(SYS_pipe2, a, 0);
    sys2(SYS_pipe2, b, 0);
    long pid = t_fork();
    if (pid == 0) {
        char c;
        t_close(a[1]);
        t_close(b[0]);
        while (t_read(a[0], &c, 1) == 1)
            t_write(b[1], &c, 1);
        t_exit(0);
    }
    t_close(a[0]);
    t_close(b[1]);
    char c = 'x';
    t0 = t_cycles();
    for (int i = 0; i < 100; i++) {
        t_write(a[1], &c, 1);
        t_read(b[0], &c, 1);
    }
    t_printf("bench pipe-round-trip: %u cycles\n", (t_cycles() - t0) / 100);
    t_close(a[1]);
    t_close(b[0]);
    int st;
    t_wait((int)pid, &st);
}

/* touch 8 KiB of stack below the caller so that later calls do not grow the stack during the leak check */
static void __attribute__((noinline)) grow_stack(void)
{
    volatile char pad[8192];
    for (unsigned i = 0; i < sizeof pad; i += 256)
        pad[i] = 0;
}

struct test_group { const char *name; void (*fn)(void); };
static const struct test_group groups[] = {
    {"fork-wait", test_fork_wait}, {"exec", test_exec}, {"kill", test_kill}, {"faults", test_faults},
    {"stack-guard", test_stack_guard}, {"cow", test_cow}, {"pipe", test_pipe}, {"files", test_files},
    {"bad-pointers", test_bad_pointers}, {"preempt", test_preempt}, {"orphans", test_orphans},
    {"fork-exhaustion", test_fork_exhaustion}, {"oom", test_oom}, {"bench", bench},
};

int main(int argc, char **argv)
{
    if (argc >= 3 && t_strcmp(argv[1], "exit") == 0)
        return atoi_s(argv[2]);
    if (argc >= 1 && argv[0][0] == '/')
        self = argv[0];
    /* each group runs in a child; the parent reaps everything (it may be init: orphans come to it) and checks
     * that the free page count is back to where it was */
    uint32_t c0 = t_cycles();
    if (t_getpid() == 1)
        t_printf("bench reset-to-init-main: %u cycles\n", c0);   /* mcycle counts from reset */
    t_printf("ktests: pid %d\n", (int)t_getpid());
    grow_stack();
    int total_pass = 0, total_fail = 0;
    uint32_t free_start = t_free_pages();
    for (unsigned g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        int p[2], st;
        uint32_t free0 = t_free_pages();
        sys2(SYS_pipe2, p, 0);
        long pid = t_fork();
        if (pid == 0) {
            t_close(p[0]);
            groups[g].fn();
            int counts[2] = {passed, failed};
            t_write(p[1], counts, sizeof counts);
            t_exit(0);
        }
        t_close(p[1]);
        long w;
        do
            w = t_wait(-1, &st);
        while (w > 0 && w != pid);
        while (sys4(SYS_wait4, -1, &st, IR_WNOHANG, 0) > 0)
            ;
        int counts[2] = {0, 0};
        if (t_read(p[0], counts, sizeof counts) != sizeof counts) {
            t_printf("FAIL %s: the test process died\n", groups[g].name);
            counts[1] = 1;
        }
        t_close(p[0]);
        total_pass += counts[0];
        total_fail += counts[1];
        /* orphans of the group may still be finishing: give them a moment */
        uint32_t free1 = t_free_pages();
        for (int tries = 0; tries < 20 && free1 != free0; tries++) {
            t_sleep_ms(10);
            while (sys4(SYS_wait4, -1, &st, IR_WNOHANG, 0) > 0)
                ;
            free1 = t_free_pages();
        }
        if (free1 != free0) {
            t_printf("FAIL no-leaks-%s: free pages %u before, %u after\n", groups[g].name, free0, free1);
            total_fail++;
        }
    }
    uint32_t free_end = t_free_pages();
    if (free_end == free_start) {
        t_printf("PASS no-leaks\n");
        total_pass++;
    } else {
        t_printf("FAIL no-leaks: free pages changed\n");
        total_fail++;
    }
    t_printf("ktests: free pages %u -> %u\n", free_start, free_end);
    t_printf("ktests: %d passed, %d failed\n", total_pass, total_fail);
    return total_fail ? 1 : 0;
}
