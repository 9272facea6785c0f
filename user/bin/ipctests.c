/*
 * ipctests.c - tests of the kernel's IPC and memory mapping, run on Iridium: ipctests [-l] [TEST...].
 *
 * Mailboxes (capacity, oversize messages, blocking and waking, timeouts, ESRCH, a sender or receiver woken by the
 * other side's exit), shared memory (by name between unrelated processes, inherited across fork, unlink), and
 * mmap/munmap/mprotect (lazy zero fill, protection faults, MAP_FIXED, partial unmapping, private file mappings,
 * the region table's limit, bad arguments). Each test runs in a forked child (ir_test_run, user/include/ir_test.h);
 * it passes when the child exits 0 and the free page count (SYS_meminfo) is not lower after the reap than before
 * the fork (no leaked pages).
 * Kernel answers are checked through raw system calls (ir_syscallN: -IR_Exxx values).
 * Output: "PASS name" / "FAIL name: why" per test, then "ipctests: N passed, N failed"; exit status = the number
 * of failures. "ipctests --shm-peer NAME" is the unrelated process of the shm_by_name test and "ipctests
 * --exec-check" the exec'ed image of the exec test (mappings dropped, mailbox kept).
 * Assumptions (docs/os.md): mailbox capacity IR_MBOX_CAPACITY x IR_MBOX_MSG_MAX, NVMA = 32 regions, mmap area
 * [IR_MMAP_BASE, IR_MMAP_END), 10 ms timer ticks.
 */
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
#include "ir_ipc.h"
#include "ir_test.h"

#define PAGE 4096u
#define SELF "/bin/ipctests"
#define NVMA_EXPECTED 32

/* raw calls */
static long sys_send(long pid, const void *buf, long len, long flags)
{
    return ir_syscall4(SYS_mbox_send, pid, (long)buf, len, flags);
}
static long sys_recv(void *buf, long len, int *sender, long flags, long tmo)
{
    return ir_syscall5(SYS_mbox_recv, (long)buf, len, (long)sender, flags, tmo);
}
static long sys_mmap(uint32_t addr, uint32_t len, long prot, long flags, long fd, long off)
{
    return ir_syscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, off);
}
static long sys_munmap(uint32_t addr, uint32_t len) { return ir_syscall2(SYS_munmap, (long)addr, (long)len); }
static long sys_mprotect(uint32_t addr, uint32_t len, long prot)
{
    return ir_syscall3(SYS_mprotect, (long)addr, (long)len, prot);
}
static long sys_shm_open(const char *name, long flags) { return ir_syscall2(SYS_shm_open, (long)name, flags); }
static long sys_shm_unlink(const char *name) { return ir_syscall1(SYS_shm_unlink, (long)name); }

/* run fn in a child that must be killed by SIGSEGV; returns 1 if it was */
static int killed_by_segv(void (*fn)(uint32_t), uint32_t arg)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return 0;
    if (pid == 0) {
        fn(arg);
        _exit(0);
    }
    int st = ir_wait_status(pid);
    return st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV;
}
static void do_load(uint32_t a) { (void)*(volatile uint8_t *)a; }
static void do_store(uint32_t a) { *(volatile uint8_t *)a = 1; }
static void do_call(uint32_t a) { ((int (*)(void))a)(); }

/* ---- mailboxes ---------------------------------------------------------------------------------------------- */
static int t_mbox_basic(void)
{
    char buf[IR_MBOX_MSG_MAX];
    int from = 0;
    EXPECT_OK(sys_send(getpid(), "hello", 5, 0));
    EXPECT_OK(sys_send(getpid(), "", 0, 0));
    long n = sys_recv(buf, sizeof buf, &from, 0, 0);
    CHECK(n == 5 && memcmp(buf, "hello", 5) == 0 && from == getpid(), "first message: %ld bytes from %d", n, from);
    n = sys_recv(buf, sizeof buf, NULL, 0, 0);
    CHECK(n == 0, "empty message: %ld", n);
    EXPECT_ERR(sys_recv(buf, sizeof buf, NULL, IR_MBOX_NONBLOCK, 0), IR_EAGAIN);
    /* the library wrappers */
    CHECK(mbox_send(getpid(), "x", 1, 0) == 0, "mbox_send: %s", strerror(errno));
    CHECK(mbox_recv(buf, sizeof buf, &from, 0, 0) == 1 && buf[0] == 'x', "mbox_recv");
    CHECK(mbox_recv(buf, sizeof buf, &from, IR_MBOX_NONBLOCK, 0) == -1 && errno == EAGAIN, "mbox_recv EAGAIN");
    /* between processes: the sender's pid is reported */
    pid_t me = getpid(), child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0)
        _exit(mbox_send(me, "from child", 10, 0) == 0 ? 0 : 1);
    n = sys_recv(buf, sizeof buf, &from, 0, 0);
    CHECK(n == 10 && from == child && memcmp(buf, "from child", 10) == 0, "got %ld bytes from %d", n, from);
    CHECK(ir_wait_status(child) == 0, "child status");
    return 0;
}

static int t_mbox_capacity(void)
{
    char buf[IR_MBOX_MSG_MAX];
    int i;
    for (i = 0; i < IR_MBOX_CAPACITY; i++) {
        buf[0] = (char)i;
        EXPECT_OK(sys_send(getpid(), buf, 1 + i, IR_MBOX_NONBLOCK));
    }
    EXPECT_ERR(sys_send(getpid(), buf, 1, IR_MBOX_NONBLOCK), IR_EAGAIN);
    EXPECT_ERR(sys_send(getpid(), buf, 1, 0), IR_EDEADLK);
    for (i = 0; i < IR_MBOX_CAPACITY; i++) {
        long n = sys_recv(buf, sizeof buf, NULL, IR_MBOX_NONBLOCK, 0);
        CHECK(n == 1 + i && buf[0] == (char)i, "message %d: %ld bytes, tag %d (order)", i, n, buf[0]);
    }
    EXPECT_ERR(sys_recv(buf, sizeof buf, NULL, IR_MBOX_NONBLOCK, 0), IR_EAGAIN);
    return 0;
}

static int t_mbox_oversize(void)
{
    static char big[IR_MBOX_MSG_MAX + 1];
    char small[100];
    int from = 0;
    memset(big, 'q', sizeof big);
    EXPECT_ERR(sys_send(getpid(), big, IR_MBOX_MSG_MAX + 1, 0), IR_EMSGSIZE);
    EXPECT_ERR(sys_send(getpid(), big, 100000, 0), IR_EMSGSIZE);
    EXPECT_OK(sys_send(getpid(), big, IR_MBOX_MSG_MAX, 0));
    EXPECT_ERR(sys_recv(small, sizeof small, &from, 0, 0), IR_EMSGSIZE);
    EXPECT_ERR(sys_recv(small, sizeof small, &from, IR_MBOX_NONBLOCK, 0), IR_EMSGSIZE);   /* still queued */
    memset(big, 0, sizeof big);
    long n = sys_recv(big, IR_MBOX_MSG_MAX, &from, 0, 0);
    CHECK(n == IR_MBOX_MSG_MAX && big[0] == 'q' && big[IR_MBOX_MSG_MAX - 1] == 'q', "full-size message: %ld", n);
    return 0;
}

static int t_mbox_badargs(void)
{
    char buf[16];
    int from;
    EXPECT_ERR(sys_send(getpid(), (void *)0, 4, 0), IR_EFAULT);
    EXPECT_ERR(sys_send(getpid(), (void *)0x40100000, 4, 0), IR_EFAULT);
    EXPECT_ERR(sys_send(getpid(), buf, 4, 0x100), IR_EINVAL);
    EXPECT_ERR(sys_recv(buf, sizeof buf, NULL, 0x100, 0), IR_EINVAL);
    EXPECT_ERR(sys_recv(buf, sizeof buf, NULL, IR_MBOX_FROM, 0), IR_EFAULT);
    from = 0;
    EXPECT_ERR(sys_recv(buf, sizeof buf, &from, IR_MBOX_FROM, 0), IR_EINVAL);
    EXPECT_OK(sys_send(getpid(), "abc", 3, 0));
    EXPECT_ERR(sys_recv((void *)0x40000000, sizeof buf, NULL, 0, 0), IR_EFAULT);
    EXPECT_ERR(sys_recv(buf, sizeof buf, (int *)0x80000000, 0, 0), IR_EFAULT);
    CHECK(sys_recv(buf, sizeof buf, &from, 0, 0) == 3 && from == getpid(), "message lost after EFAULT");
    return 0;
}

static int t_mbox_esrch(void)
{
    EXPECT_ERR(sys_send(99999, "x", 1, 0), IR_ESRCH);
    EXPECT_ERR(sys_send(0, "x", 1, 0), IR_ESRCH);
    EXPECT_ERR(sys_send(-1, "x", 1, 0), IR_ESRCH);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0)
        _exit(0);
    ir_msleep(30);                      /* child is a zombie now */
    EXPECT_ERR(sys_send(child, "x", 1, 0), IR_ESRCH);
    CHECK(ir_wait_status(child) == 0, "child");
    EXPECT_ERR(sys_send(child, "x", 1, 0), IR_ESRCH);
    int from = child;
    char buf[8];
    EXPECT_ERR(sys_recv(buf, sizeof buf, &from, IR_MBOX_FROM, 0), IR_ESRCH);
    return 0;
}

/* a receiver blocks until a message comes; a sender blocks on a full mailbox until a slot frees */
static int t_mbox_block_wake(void)
{
    char buf[IR_MBOX_MSG_MAX];
    pid_t me = getpid();
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        int from;
        long n = sys_recv(buf, sizeof buf, &from, 0, 0);       /* blocks */
        if (n != 4 || from != me || memcmp(buf, "wake", 4))
            _exit(1);
        for (int i = 0; i < IR_MBOX_CAPACITY; i++)             /* fill the parent's mailbox */
            if (sys_send(me, &i, sizeof i, 0) != 0)
                _exit(2);
        int last = 99;
        _exit(sys_send(me, &last, sizeof last, 0) == 0 ? 0 : 3);   /* blocks until the parent receives */
    }
    ir_msleep(50);
    int st;
    CHECK(waitpid(child, &st, WNOHANG) == 0, "receiver did not wait");
    EXPECT_OK(sys_send(child, "wake", 4, 0));
    long t0 = ir_now_ms();
    while (ir_syscall0(SYS_sched_yield) == 0 && ir_now_ms() - t0 < 2000) {
        struct ir_procinfo pi;
        int full = 0;
        for (int i = 0; ir_procinfo(i, &pi) == 0; i++)
            if (pi.pid == child && pi.state == 2)
                full = 1;
        if (full)
            break;
    }
    ir_msleep(50);
    CHECK(waitpid(child, &st, WNOHANG) == 0, "sender did not block on the full mailbox");
    for (int i = 0; i <= IR_MBOX_CAPACITY; i++) {
        int v = -1, from = 0;
        long n = sys_recv(&v, sizeof v, &from, 0, 1000);
        CHECK(n == 4 && from == child && v == (i < IR_MBOX_CAPACITY ? i : 99), "message %d: n %ld v %d", i, n, v);
    }
    st = ir_wait_status(child);
    CHECK(st == 0, "child status %#x", st);
    return 0;
}

static int t_mbox_timeout(void)
{
    char buf[8];
    long t0 = ir_now_ms();
    EXPECT_ERR(sys_recv(buf, sizeof buf, NULL, 0, 50), IR_ETIMEDOUT);
    long dt = ir_now_ms() - t0;
    CHECK(dt >= 50 && dt < 1000, "timeout after %ld ms, want 50", dt);
    CHECK(mbox_recv(buf, sizeof buf, NULL, 0, 20) == -1 && errno == ETIMEDOUT, "wrapper: errno %d", errno);
    /* a message that comes before the deadline is received */
    pid_t me = getpid(), child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        ir_msleep(30);
        _exit(sys_send(me, "late", 4, 0) == 0 ? 0 : 1);
    }
    int from = 0;
    long n = sys_recv(buf, sizeof buf, &from, 0, 2000);
    CHECK(n == 4 && from == child, "message within the timeout: %ld", n);
    CHECK(ir_wait_status(child) == 0, "child");
    return 0;
}

/* a sender blocked on a full mailbox gets ESRCH when the target exits; a receiver waiting for a pid gets ESRCH */
static int t_mbox_peer_exit(void)
{
    char buf[8];
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        ir_msleep(80);
        _exit(0);
    }
    for (int i = 0; i < IR_MBOX_CAPACITY; i++)
        EXPECT_OK(sys_send(child, "m", 1, IR_MBOX_NONBLOCK));
    long t0 = ir_now_ms();
    EXPECT_ERR(sys_send(child, "m", 1, 0), IR_ESRCH);
    CHECK(ir_now_ms() - t0 >= 40, "sender did not wait for the exit");
    CHECK(ir_wait_status(child) == 0, "child 1");

    pid_t me = getpid();
    child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        sys_send(me, "bye", 3, 0);      /* queued messages outlive their sender */
        ir_msleep(50);
        _exit(0);
    }
    int from = child;
    CHECK(sys_recv(buf, sizeof buf, &from, IR_MBOX_FROM, 0) == 3 && from == child, "message from the child");
    from = child;
    t0 = ir_now_ms();
    EXPECT_ERR(sys_recv(buf, sizeof buf, &from, IR_MBOX_FROM, 0), IR_ESRCH);
    CHECK(ir_now_ms() - t0 >= 20, "receiver did not wait for the exit");
    CHECK(ir_wait_status(child) == 0, "child 2");
    return 0;
}

/* IR_MBOX_FROM picks one sender's messages out of order; others stay queued */
static int t_mbox_from(void)
{
    int a = 0, b = 0;
    char buf[8];
    pid_t me = getpid();
    pid_t c1 = fork();
    if (c1 == 0)
        _exit(sys_send(me, "1", 1, 0) == 0 ? 0 : 1);
    CHECK(c1 > 0 && ir_wait_status(c1) == 0, "child 1");
    pid_t c2 = fork();
    if (c2 == 0)
        _exit(sys_send(me, "2", 1, 0) == 0 ? 0 : 1);
    CHECK(c2 > 0 && ir_wait_status(c2) == 0, "child 2");
    b = c2;
    CHECK(sys_recv(buf, sizeof buf, &b, IR_MBOX_FROM, 0) == 1 && buf[0] == '2', "selected message");
    CHECK(sys_recv(buf, sizeof buf, &a, 0, 0) == 1 && buf[0] == '1' && a == c1, "remaining message");
    return 0;
}

/* messages left in a dead process's mailbox are freed with it; a blocked receiver can be killed */
static int t_mbox_dies(void)
{
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        char buf[8];
        sys_recv(buf, sizeof buf, NULL, IR_MBOX_FROM, 0);   /* EFAULT: returns at once */
        ir_msleep(60);
        _exit(0);
    }
    for (int i = 0; i < 5; i++)
        EXPECT_OK(sys_send(child, "data", 4, 0));
    CHECK(ir_wait_status(child) == 0, "child");
    child = fork();
    if (child == 0) {
        char buf[8];
        sys_recv(buf, sizeof buf, NULL, 0, 0);
        _exit(0);
    }
    ir_msleep(30);
    CHECK(kill(child, SIGTERM) == 0, "kill");
    int st = ir_wait_status(child);
    CHECK(st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "status %#x", st);
    return 0;
}

/* ---- shared memory ------------------------------------------------------------------------------------------ */
static int shm_peer(const char *name)
{
    int fd = shm_open(name, O_RDWR, 0);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size != 3 * PAGE)
        return 10;
    char *m = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED)
        return 11;
    close(fd);
    for (unsigned i = 0; i < PAGE; i++)
        if (m[i] != (char)('A' + i % 26))
            return 12;
    if (m[2 * PAGE + 100] != 0)
        return 13;
    m[PAGE + 5] = 'Z';
    return 0;
}

static int t_shm_by_name(void)
{
    const char *name = "/ipct-name";
    sys_shm_unlink(name);
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0, "shm_open: %s", strerror(errno));
    CHECK(shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600) < 0 && errno == EEXIST, "second O_EXCL create");
    CHECK(ftruncate(fd, 3 * PAGE) == 0, "ftruncate: %s", strerror(errno));
    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size == 3 * PAGE, "fstat size %ld", (long)st.st_size);
    char *m = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED, "mmap: %s", strerror(errno));
    CHECK((uint32_t)m >= IR_MMAP_BASE && (uint32_t)m < IR_MMAP_END, "address %p", m);
    for (unsigned i = 0; i < PAGE; i++)
        m[i] = (char)('A' + i % 26);
    fflush(stdout);
    pid_t pid = fork();
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        char *argv[] = { SELF, "--shm-peer", (char *)name, NULL };
        execv(SELF, argv);
        _exit(99);
    }
    int s = ir_wait_status(pid);
    CHECK(s == 0, "peer status %#x", s);
    CHECK(m[PAGE + 5] == 'Z', "peer's store not visible");
    /* a second descriptor by name sees the same object */
    int fd2 = shm_open("ipct-name", O_RDONLY, 0);
    CHECK(fd2 >= 0, "open without slash: %s", strerror(errno));
    char *r = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd2, PAGE);
    CHECK(r != MAP_FAILED && r[5] == 'Z', "read-only view at offset");
    EXPECT_ERR(sys_mmap(0, PAGE, IR_PROT_READ | IR_PROT_WRITE, IR_MAP_SHARED, fd2, 0), IR_EACCES);
    EXPECT_ERR(sys_mprotect((uint32_t)r, PAGE, IR_PROT_READ | IR_PROT_WRITE), IR_EACCES);
    CHECK(killed_by_segv(do_store, (uint32_t)r), "store to a read-only shared view not killed");
    /* unlink: the name goes, the mappings stay */
    CHECK(shm_unlink(name) == 0, "shm_unlink: %s", strerror(errno));
    CHECK(shm_open(name, O_RDWR, 0) < 0 && errno == ENOENT, "name still visible");
    CHECK(shm_unlink(name) < 0 && errno == ENOENT, "second unlink");
    m[2 * PAGE] = 7;
    CHECK(m[2 * PAGE] == 7 && r[5] == 'Z', "mapping after unlink");
    int fd3 = shm_open(name, O_RDWR | O_CREAT, 0600);
    CHECK(fd3 >= 0, "recreate");
    CHECK(fstat(fd3, &st) == 0 && st.st_size == 0, "a new object has size 0");
    close(fd3);
    CHECK(shm_unlink(name) == 0, "unlink 2");
    close(fd);
    close(fd2);
    CHECK(m[2 * PAGE] == 7, "mapping after close");
    CHECK(munmap(m, 3 * PAGE) == 0 && munmap(r, PAGE) == 0, "munmap");
    return 0;
}

static int t_shm_fork(void)
{
    int fd = shm_open("/ipct-fork", O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0, "shm_open: %s", strerror(errno));
    CHECK(shm_unlink("/ipct-fork") == 0, "unlink");
    CHECK(ftruncate(fd, 16 * PAGE) == 0, "ftruncate");
    volatile uint32_t *s = mmap(NULL, 16 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    volatile uint32_t *a = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    volatile uint32_t *pv = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(s != MAP_FAILED && a != MAP_FAILED && pv != MAP_FAILED, "mmap");
    close(fd);
    s[0] = 1;
    a[0] = 2;
    pv[0] = 3;                          /* touched before the fork: COW afterwards */
    pid_t pid = fork();
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        if (s[0] != 1 || a[0] != 2 || pv[0] != 3)
            _exit(1);
        s[0] = 10;
        s[15 * PAGE / 4] = 11;          /* a page nobody touched yet */
        a[0] = 20;
        a[PAGE / 4] = 21;
        pv[0] = 30;
        pv[PAGE / 4] = 31;
        pid_t g = fork();               /* and a grandchild */
        if (g == 0) {
            a[2 * PAGE / 4] = 22;
            _exit(0);
        }
        _exit(ir_wait_status(g) == 0 ? 0 : 2);
    }
    CHECK(ir_wait_status(pid) == 0, "child");
    CHECK(s[0] == 10 && s[15 * PAGE / 4] == 11, "shm object not shared: %u %u", (unsigned)s[0],
          (unsigned)s[15 * PAGE / 4]);
    CHECK(a[0] == 20 && a[PAGE / 4] == 21 && a[2 * PAGE / 4] == 22, "anonymous shared mapping not shared");
    CHECK(pv[0] == 3 && pv[PAGE / 4] == 0, "private mapping changed by the child: %u %u", (unsigned)pv[0],
          (unsigned)pv[PAGE / 4]);
    return 0;
}

static void touch_page(uint32_t a) { (void)*(volatile uint8_t *)a; }

static int t_shm_errors(void)
{
    char longname[IR_SHM_NAME_MAX + 8];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    EXPECT_ERR(sys_shm_open(longname, IR_O_RDWR | IR_O_CREAT), IR_ENAMETOOLONG);
    EXPECT_ERR(sys_shm_open("", IR_O_RDWR | IR_O_CREAT), IR_EINVAL);
    EXPECT_ERR(sys_shm_open("/", IR_O_RDWR | IR_O_CREAT), IR_EINVAL);
    EXPECT_ERR(sys_shm_open("/a/b", IR_O_RDWR | IR_O_CREAT), IR_EINVAL);
    EXPECT_ERR(sys_shm_open("/x", IR_O_WRONLY | IR_O_CREAT), IR_EINVAL);
    EXPECT_ERR(sys_shm_open("/x", IR_O_RDWR | IR_O_CREAT | IR_O_APPEND), IR_EINVAL);
    EXPECT_ERR(sys_shm_open((char *)0x40000000, IR_O_RDWR | IR_O_CREAT), IR_EFAULT);
    EXPECT_ERR(sys_shm_open("/ipct-none", IR_O_RDWR), IR_ENOENT);
    EXPECT_ERR(sys_shm_unlink("/ipct-none"), IR_ENOENT);
    long fd = sys_shm_open("/ipct-err", IR_O_RDWR | IR_O_CREAT);
    CHECK(fd >= 0, "create: %ld", fd);
    sys_shm_unlink("/ipct-err");
    EXPECT_ERR(ir_syscall2(SYS_ftruncate, fd, (long)(IR_SHM_MAX_BYTES + PAGE)), IR_EFBIG);
    EXPECT_OK(ir_syscall2(SYS_ftruncate, fd, 2 * PAGE + 100));
    char c;
    EXPECT_ERR(ir_syscall3(SYS_read, fd, (long)&c, 1), IR_EINVAL);
    EXPECT_ERR(ir_syscall3(SYS_write, fd, (long)&c, 1), IR_EINVAL);
    /* mapping more than the object: pages beyond its end fault */
    long m = sys_mmap(0, 4 * PAGE, IR_PROT_READ | IR_PROT_WRITE, IR_MAP_SHARED, fd, 0);
    CHECK(m > 0, "mmap: %ld", m);
    touch_page((uint32_t)m + 2 * PAGE);
    CHECK(killed_by_segv(touch_page, (uint32_t)m + 3 * PAGE), "access beyond the object's end not killed");
    EXPECT_ERR(ir_syscall2(SYS_ftruncate, fd, PAGE), IR_EBUSY);          /* shrink under a mapping */
    EXPECT_OK(ir_syscall2(SYS_ftruncate, fd, 4 * PAGE));                 /* growing is fine */
    touch_page((uint32_t)m + 3 * PAGE);
    EXPECT_OK(sys_munmap((uint32_t)m, 4 * PAGE));
    EXPECT_OK(ir_syscall2(SYS_ftruncate, fd, 0));
    EXPECT_OK(ir_syscall1(SYS_close, fd));
    /* read-only descriptor: no ftruncate */
    fd = sys_shm_open("/ipct-ro", IR_O_RDWR | IR_O_CREAT | IR_O_EXCL);
    long ro = sys_shm_open("/ipct-ro", IR_O_RDONLY);
    CHECK(fd >= 0 && ro >= 0, "open: %ld %ld", fd, ro);
    EXPECT_ERR(ir_syscall2(SYS_ftruncate, ro, PAGE), IR_EINVAL);
    EXPECT_ERR(sys_shm_open("/ipct-ro", IR_O_RDONLY | IR_O_TRUNC), IR_EINVAL);
    EXPECT_OK(sys_shm_unlink("/ipct-ro"));
    ir_syscall1(SYS_close, fd);
    ir_syscall1(SYS_close, ro);
    return 0;
}

/* ---- mmap --------------------------------------------------------------------------------------------------- */
static int t_mmap_lazy(void)
{
    uint32_t f0 = ir_free_pages();
    uint8_t *m = mmap(NULL, 64 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED, "mmap: %s", strerror(errno));
    uint32_t f1 = ir_free_pages();
    CHECK(f1 == f0, "mmap allocated %d pages up front", (int)(f0 - f1));
    CHECK(m[10 * PAGE + 7] == 0, "not zero");
    uint32_t f2 = ir_free_pages();
    CHECK(f1 - f2 >= 1 && f1 - f2 <= 2, "first touch took %d pages", (int)(f1 - f2));
    for (int i = 20; i < 30; i++)
        m[i * PAGE] = (uint8_t)i;
    uint32_t f3 = ir_free_pages();
    CHECK(f2 - f3 == 10, "10 stores took %d pages", (int)(f2 - f3));
    for (int i = 0; i < 64; i++)
        CHECK(m[i * PAGE + 1] == 0 && m[i * PAGE] == (i >= 20 && i < 30 ? i : 0), "content of page %d", i);
    CHECK(munmap(m, 64 * PAGE) == 0, "munmap");
    uint32_t f4 = ir_free_pages();
    CHECK(f4 == f3 + 11, "munmap gave back %d pages, want the 11 touched", (int)(f4 - f3));
    /* system calls read and write mapped memory that was never touched (the kernel supplies the pages) */
    int p[2];
    char *w = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *ro = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(w != MAP_FAILED && ro != MAP_FAILED && pipe(p) == 0, "setup");
    CHECK(write(p[1], w + PAGE - 2, 4) == 4, "write from untouched mapping");
    CHECK(read(p[0], w + 3, 4) == 4 && w[3] == 0, "read into untouched mapping");
    CHECK(write(p[1], "abcd", 4) == 4, "write");
    EXPECT_ERR(ir_syscall3(SYS_read, p[0], (long)ro, 4), IR_EFAULT);
    return 0;
}

static int t_mmap_prot(void)
{
    uint8_t *r = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(r != MAP_FAILED && r[100] == 0, "read-only mapping");
    CHECK(killed_by_segv(do_store, (uint32_t)r + 100), "store to PROT_READ not killed");
    uint8_t *n = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(n != MAP_FAILED, "PROT_NONE mapping");
    CHECK(killed_by_segv(do_load, (uint32_t)n), "load from PROT_NONE not killed");
    /* mprotect: RW, write, then R (store faults, data stays), NONE (load faults), RW again (data still there) */
    uint8_t *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED, "mmap");
    m[0] = 0x5A;
    CHECK(mprotect(m, PAGE, PROT_READ) == 0, "mprotect R: %s", strerror(errno));
    CHECK(m[0] == 0x5A, "content after mprotect");
    CHECK(killed_by_segv(do_store, (uint32_t)m), "store after mprotect(R) not killed");
    m[PAGE] = 1;                                 /* the other half is still writable */
    CHECK(mprotect(m, 2 * PAGE, PROT_NONE) == 0, "mprotect NONE");
    CHECK(killed_by_segv(do_load, (uint32_t)m + PAGE), "load after mprotect(NONE) not killed");
    EXPECT_ERR(ir_syscall3(SYS_write, 1, (long)m, 1), IR_EFAULT);
    CHECK(mprotect(m, 2 * PAGE, PROT_READ | PROT_WRITE) == 0, "mprotect RW");
    CHECK(m[0] == 0x5A && m[PAGE] == 1, "content after PROT_NONE and back");
    m[0] = 0x33;
    /* a child's killed write did not change anything; a child sees our data (COW) */
    pid_t pid = fork();
    if (pid == 0)
        _exit(m[0] == 0x33 ? 0 : 1);
    CHECK(pid > 0 && ir_wait_status(pid) == 0, "child view");
    /* execute: code written to a RW page, then made R|X */
    uint32_t *code = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(code != MAP_FAILED, "mmap code");
    code[0] = 0x02a00513;                        /* li a0, 42 */
    code[1] = 0x00008067;                        /* ret */
    CHECK(killed_by_segv(do_call, (uint32_t)code), "executing a non-PROT_EXEC page not killed");
    CHECK(mprotect(code, PAGE, PROT_READ | PROT_EXEC) == 0, "mprotect RX");
    __asm__ volatile("fence.i" ::: "memory");
    CHECK(((int (*)(void))code)() == 42, "code in the mapping did not return 42");
    CHECK(killed_by_segv(do_store, (uint32_t)code), "store to R|X not killed");
    uint32_t *x = mmap(NULL, PAGE, PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(x != MAP_FAILED, "PROT_EXEC only");
    CHECK(killed_by_segv(do_load, (uint32_t)x), "load from exec-only not killed");
    /* bad arguments */
    EXPECT_ERR(sys_mprotect((uint32_t)m + 1, PAGE, IR_PROT_READ), IR_EINVAL);
    EXPECT_ERR(sys_mprotect((uint32_t)m, PAGE, 0x10), IR_EINVAL);
    EXPECT_ERR(sys_mprotect(0x00010000, PAGE, IR_PROT_READ | IR_PROT_WRITE), IR_ENOMEM);   /* not a mapping */
    EXPECT_ERR(sys_mprotect(IR_MMAP_END - PAGE, PAGE, IR_PROT_READ), IR_ENOMEM);
    EXPECT_ERR(sys_mprotect((uint32_t)m, 64 * PAGE, IR_PROT_READ), IR_ENOMEM);             /* runs past the end */
    return 0;
}

static int t_mmap_fixed(void)
{
    const uint32_t at = 0x30000000u;
    long r = sys_mmap(at, 4 * PAGE, IR_PROT_READ | IR_PROT_WRITE, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS | IR_MAP_FIXED, -1, 0);
    CHECK(r == (long)at, "MAP_FIXED returned %#lx", r);
    volatile uint8_t *m = (volatile uint8_t *)at;
    m[0] = 1;
    m[3 * PAGE] = 3;
    /* a hint without MAP_FIXED is used when free, and never replaces anything */
    long h = sys_mmap(at, PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS, -1, 0);
    CHECK(h > 0 && h != (long)at, "hint over a mapping: %#lx", h);
    CHECK(m[0] == 1, "hint clobbered the mapping");
    long h2 = sys_mmap(0x31000000u, PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS, -1, 0);
    CHECK(h2 == 0x31000000, "free hint not used: %#lx", h2);
    /* MAP_FIXED over the middle replaces those pages (fresh zeros), the rest stays */
    r = sys_mmap(at + PAGE, 2 * PAGE, IR_PROT_READ | IR_PROT_WRITE, IR_MAP_SHARED | IR_MAP_ANONYMOUS | IR_MAP_FIXED,
                 -1, 0);
    CHECK(r == (long)(at + PAGE), "MAP_FIXED over a mapping: %#lx", r);
    m[PAGE] = 9;
    CHECK(m[0] == 1 && m[3 * PAGE] == 3 && m[2 * PAGE] == 0, "pages around the replaced range");
    r = sys_mmap(at, 4 * PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS | IR_MAP_FIXED, -1, 0);
    CHECK(r == (long)at && m[0] == 0 && m[PAGE] == 0 && m[3 * PAGE] == 0, "full replacement");
    CHECK(killed_by_segv(do_store, at), "replacement's protection not applied");
    EXPECT_ERR(sys_mmap(at + 12, PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS | IR_MAP_FIXED, -1, 0),
               IR_EINVAL);
    EXPECT_ERR(sys_mmap(0x00100000, PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS | IR_MAP_FIXED, -1, 0),
               IR_EINVAL);
    EXPECT_ERR(sys_mmap(IR_MMAP_END - PAGE, 2 * PAGE, IR_PROT_READ,
                        IR_MAP_PRIVATE | IR_MAP_ANONYMOUS | IR_MAP_FIXED, -1, 0), IR_EINVAL);
    EXPECT_ERR(sys_mmap(0x40000000, PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS | IR_MAP_FIXED, -1, 0),
               IR_EINVAL);
    return 0;
}

static int t_munmap_partial(void)
{
    uint8_t *m = mmap(NULL, 8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED, "mmap");
    for (int i = 0; i < 8; i++)
        m[i * PAGE] = (uint8_t)(i + 1);
    CHECK(munmap(m + 3 * PAGE, 2 * PAGE) == 0, "munmap middle: %s", strerror(errno));
    CHECK(killed_by_segv(do_load, (uint32_t)m + 3 * PAGE), "unmapped page 3 still readable");
    CHECK(killed_by_segv(do_store, (uint32_t)m + 4 * PAGE + 8), "unmapped page 4 still writable");
    for (int i = 0; i < 8; i++)
        if (i < 3 || i > 4)
            CHECK(m[i * PAGE] == i + 1, "page %d lost its data", i);
    CHECK(munmap(m, PAGE) == 0 && munmap(m + 7 * PAGE, PAGE) == 0, "munmap head/tail");
    CHECK(killed_by_segv(do_load, (uint32_t)m), "head still mapped");
    CHECK(m[PAGE] == 2 && m[6 * PAGE] == 7, "pieces kept");
    CHECK(mprotect(m + PAGE, PAGE, PROT_READ) == 0, "mprotect a piece");
    CHECK(killed_by_segv(do_store, (uint32_t)m + PAGE), "store to the read-only piece");
    m[2 * PAGE] = 0x77;                           /* its neighbour is still RW */
    CHECK(munmap(m, 8 * PAGE) == 0, "munmap over holes");
    CHECK(killed_by_segv(do_load, (uint32_t)m + 6 * PAGE), "still mapped after the last munmap");
    CHECK(munmap(m, 8 * PAGE) == 0, "munmap of nothing");
    /* munmap then access faults; a new mapping is zero-filled again */
    uint8_t *n = mmap(m, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(n != MAP_FAILED && n[0] == 0 && n[PAGE] == 0, "remap");
    EXPECT_ERR(sys_munmap((uint32_t)n + 1, PAGE), IR_EINVAL);
    EXPECT_ERR(sys_munmap((uint32_t)n, 0), IR_EINVAL);
    EXPECT_ERR(sys_munmap(0xC0000000u, PAGE), IR_EINVAL);
    EXPECT_ERR(sys_munmap(0x3FFFF000u, 0x2000), IR_EINVAL);
    EXPECT_OK(sys_munmap(0x00010000, PAGE));     /* not a mapping: nothing happens */
    return 0;
}

static int t_mmap_errors(void)
{
    const long rw = IR_PROT_READ | IR_PROT_WRITE, pa = IR_MAP_PRIVATE | IR_MAP_ANONYMOUS;
    int p[2];
    EXPECT_ERR(sys_mmap(0, 0, rw, pa, -1, 0), IR_EINVAL);
    EXPECT_ERR(sys_mmap(0, PAGE, rw, IR_MAP_ANONYMOUS, -1, 0), IR_EINVAL);
    EXPECT_ERR(sys_mmap(0, PAGE, rw, IR_MAP_ANONYMOUS | IR_MAP_SHARED | IR_MAP_PRIVATE, -1, 0), IR_EINVAL);
    EXPECT_ERR(sys_mmap(0, PAGE, 0x8, pa, -1, 0), IR_EINVAL);
    EXPECT_ERR(sys_mmap(0, PAGE, rw, pa | 0x100000, -1, 0), IR_EINVAL);
    EXPECT_ERR(sys_mmap(0, PAGE, rw, IR_MAP_PRIVATE, 99, 0), IR_EBADF);
    EXPECT_ERR(sys_mmap(0, PAGE, rw, IR_MAP_PRIVATE, 5, 0), IR_EBADF);
    EXPECT_ERR(sys_mmap(0, PAGE, rw, pa, -1, 123), IR_EINVAL);
    EXPECT_ERR(sys_mmap(0, 0x80000000u, rw, pa, -1, 0), IR_ENOMEM);
    EXPECT_ERR(sys_mmap(0, 0xFFFFF000u, rw, pa, -1, 0), IR_ENOMEM);
    CHECK(pipe(p) == 0, "pipe");
    EXPECT_ERR(sys_mmap(0, PAGE, IR_PROT_READ, IR_MAP_PRIVATE, p[0], 0), IR_ENODEV);
    EXPECT_ERR(sys_mmap(0, PAGE, IR_PROT_READ, IR_MAP_PRIVATE, p[1], 0), IR_EACCES);
    int fd = open(SELF, O_RDONLY);
    CHECK(fd >= 0, "open self");
    EXPECT_ERR(sys_mmap(0, PAGE, IR_PROT_READ, IR_MAP_SHARED, fd, 0), IR_ENODEV);
    /* the whole mmap area in one piece fits, twice does not */
    long big = sys_mmap(0, IR_MMAP_END - IR_MMAP_BASE, IR_PROT_READ, pa, -1, 0);
    CHECK(big == (long)IR_MMAP_BASE, "whole area: %#lx", big);
    EXPECT_ERR(sys_mmap(0, PAGE, IR_PROT_READ, pa, -1, 0), IR_ENOMEM);
    EXPECT_OK(sys_munmap(IR_MMAP_BASE, IR_MMAP_END - IR_MMAP_BASE));
    return 0;
}

/* private file mappings: the file's bytes, private copies, zeros past the end of the file */
static int t_mmap_file(void)
{
    int fd = open(SELF, O_RDONLY);
    CHECK(fd >= 0, "open");
    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size > (off_t)(2 * PAGE), "fstat");
    uint32_t size = (uint32_t)st.st_size, len = (size + PAGE - 1) & ~(PAGE - 1);
    uint8_t *m = mmap(NULL, len + PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(m != MAP_FAILED, "mmap: %s", strerror(errno));
    CHECK(memcmp(m, "\177ELF", 4) == 0, "not the ELF header");
    uint8_t buf[64];
    CHECK(lseek(fd, PAGE + 100, SEEK_SET) == PAGE + 100 && read(fd, buf, sizeof buf) == sizeof buf, "read");
    CHECK(memcmp(m + PAGE + 100, buf, sizeof buf) == 0, "page 1 differs from the file");
    CHECK(m[size] == 0 && m[len + 10] == 0, "bytes past the end of the file are not zero");
    m[0] = 'X';                                   /* private: the file does not change */
    uint8_t *m2 = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
    CHECK(m2 != MAP_FAILED && memcmp(m2 + 100, buf, sizeof buf) == 0, "mapping at an offset");
    CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 4) == 4 && memcmp(buf, "\177ELF", 4) == 0, "file changed");
    close(fd);
    CHECK(m2[100] == m[PAGE + 100], "mapping after close");
    EXPECT_OK(sys_munmap((uint32_t)m, len + PAGE));
    EXPECT_OK(sys_munmap((uint32_t)m2, PAGE));
    return 0;
}

/* the region table (NVMA): fills up, then splits need free slots */
static int t_mmap_table(void)
{
    static uint32_t at[64];
    int n = 0;
    for (; n < 64; n++) {
        long r = sys_mmap(0, PAGE, IR_PROT_READ | IR_PROT_WRITE, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS, -1, 0);
        if (r < 0) {
            CHECK(r == -IR_ENOMEM, "error %ld, want -ENOMEM", r);
            break;
        }
        at[n] = (uint32_t)r;
        *(volatile uint32_t *)r = (uint32_t)n;
    }
    CHECK(n == NVMA_EXPECTED, "%d regions, want %d", n, NVMA_EXPECTED);
    for (int i = 0; i < n; i++)
        CHECK(*(volatile uint32_t *)at[i] == (uint32_t)i, "region %d", i);
    EXPECT_OK(sys_munmap(at[5], PAGE));
    long big = sys_mmap(0, 4 * PAGE, IR_PROT_READ | IR_PROT_WRITE, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS, -1, 0);
    CHECK(big > 0, "mmap into the freed slot: %ld", big);
    EXPECT_ERR(sys_mprotect((uint32_t)big + PAGE, PAGE, IR_PROT_READ), IR_ENOMEM);   /* would need 2 slots */
    EXPECT_ERR(sys_munmap((uint32_t)big + PAGE, PAGE), IR_ENOMEM);                    /* needs 1 slot */
    EXPECT_OK(sys_munmap((uint32_t)big, PAGE));                                      /* head: no split */
    EXPECT_OK(sys_munmap((uint32_t)big + 3 * PAGE, PAGE));                           /* tail: no split */
    EXPECT_ERR(sys_mprotect((uint32_t)big + PAGE, PAGE, IR_PROT_READ), IR_ENOMEM);   /* 1 split, 0 slots */
    EXPECT_OK(sys_munmap(at[6], PAGE));
    EXPECT_OK(sys_mprotect((uint32_t)big + PAGE, PAGE, IR_PROT_READ));               /* now it fits */
    CHECK(*(volatile uint8_t *)(big + 2 * PAGE) == 0, "piece");
    CHECK(killed_by_segv(do_store, (uint32_t)big + PAGE), "store to the read-only piece not killed");
    for (int i = 0; i < n; i++)
        if (i != 5 && i != 6)
            EXPECT_OK(sys_munmap(at[i], PAGE));
    EXPECT_OK(sys_munmap(IR_MMAP_BASE, IR_MMAP_END - IR_MMAP_BASE));
    long again = sys_mmap(0, PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS, -1, 0);
    CHECK(again == (long)IR_MMAP_BASE, "table not empty after unmapping everything: %#lx", again);
    return 0;
}

/* many processes sharing one object, and an object freed when the last user goes */
static int t_shm_many(void)
{
    uint32_t f0 = ir_free_pages();
    int fd = shm_open("/ipct-many", O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0 && ftruncate(fd, 64 * PAGE) == 0, "create");
    volatile uint32_t *s = mmap(NULL, 64 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(s != MAP_FAILED, "mmap");
    close(fd);
    pid_t pids[6];
    for (int k = 0; k < 6; k++) {
        pids[k] = fork();
        CHECK(pids[k] >= 0, "fork");
        if (pids[k] == 0) {
            for (int i = 0; i < 64; i++)
                s[i * PAGE / 4 + k] = (uint32_t)(k + 1) * 1000 + (uint32_t)i;
            _exit(0);
        }
    }
    for (int k = 0; k < 6; k++)
        CHECK(ir_wait_status(pids[k]) == 0, "child %d", k);
    for (int k = 0; k < 6; k++)
        for (int i = 0; i < 64; i++)
            CHECK(s[i * PAGE / 4 + k] == (uint32_t)(k + 1) * 1000 + (uint32_t)i, "word %d of page %d", k, i);
    uint32_t f1 = ir_free_pages();
    CHECK(f0 - f1 >= 64, "the object holds %d pages", (int)(f0 - f1));
    CHECK(shm_unlink("/ipct-many") == 0, "unlink");
    CHECK(munmap((void *)s, 64 * PAGE) == 0, "munmap");
    uint32_t f2 = ir_free_pages();
    CHECK(f2 >= f0 - 2, "object not freed: %u free before, %u after", (unsigned)f0, (unsigned)f2);
    return 0;
}

/* execve drops every mapping but keeps the mailbox */
static int exec_check(void)
{
    char buf[16];
    int from = 0;
    long a = sys_mmap(IR_MMAP_BASE, PAGE, IR_PROT_READ, IR_MAP_PRIVATE | IR_MAP_ANONYMOUS, -1, 0);
    if (a != (long)IR_MMAP_BASE)
        return 20;                      /* the old mapping is still there */
    if (sys_recv(buf, sizeof buf, &from, IR_MBOX_NONBLOCK, 0) != 4 || memcmp(buf, "kept", 4) || from != getpid())
        return 21;
    return 0;
}

static int t_exec(void)
{
    fflush(stdout);
    pid_t pid = fork();
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        long a = sys_mmap(IR_MMAP_BASE, 4 * PAGE, IR_PROT_READ | IR_PROT_WRITE,
                          IR_MAP_SHARED | IR_MAP_ANONYMOUS | IR_MAP_FIXED, -1, 0);
        if (a != (long)IR_MMAP_BASE)
            _exit(30);
        *(volatile int *)a = 1;
        if (sys_send(getpid(), "kept", 4, 0) != 0)
            _exit(31);
        char *argv[] = { SELF, "--exec-check", NULL };
        execv(SELF, argv);
        _exit(32);
    }
    int st = ir_wait_status(pid);
    CHECK(st == 0, "status %#x (20: mapping survived exec, 21: mailbox lost)", st);
    return 0;
}

/* ---- driver ------------------------------------------------------------------------------------------------- */
static const struct ir_test tests[] = {
    { "mbox_basic", t_mbox_basic, 1 },
    { "mbox_capacity", t_mbox_capacity, 1 },
    { "mbox_oversize", t_mbox_oversize, 1 },
    { "mbox_badargs", t_mbox_badargs, 0 },
    { "mbox_esrch", t_mbox_esrch, 0 },
    { "mbox_block_wake", t_mbox_block_wake, 1 },
    { "mbox_timeout", t_mbox_timeout, 1 },
    { "mbox_peer_exit", t_mbox_peer_exit, 0 },
    { "mbox_from", t_mbox_from, 0 },
    { "mbox_dies", t_mbox_dies, 0 },
    { "shm_by_name", t_shm_by_name, 1 },
    { "shm_fork", t_shm_fork, 1 },
    { "shm_errors", t_shm_errors, 0 },
    { "shm_many", t_shm_many, 0 },
    { "mmap_lazy", t_mmap_lazy, 1 },
    { "mmap_prot", t_mmap_prot, 1 },
    { "mmap_fixed", t_mmap_fixed, 0 },
    { "munmap_partial", t_munmap_partial, 1 },
    { "mmap_errors", t_mmap_errors, 0 },
    { "mmap_file", t_mmap_file, 0 },
    { "mmap_table", t_mmap_table, 0 },
    { "exec", t_exec, 0 },
};
#define NTESTS (sizeof tests / sizeof tests[0])

int main(int argc, char **argv)
{
    int passed = 0, failed = 0, quick = 0, first = 1;
    const char *bad;
    if (argc == 3 && strcmp(argv[1], "--shm-peer") == 0)
        return shm_peer(argv[2]);
    if (argc == 2 && strcmp(argv[1], "--exec-check") == 0)
        return exec_check();
    if (argc >= 2 && strcmp(argv[1], "-l") == 0) {
        ir_test_list(tests, NTESTS);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "-q") == 0) {
        quick = 1;
        first = 2;
    }
    if ((bad = ir_test_unknown(tests, NTESTS, argc, argv, first))) {
        fprintf(stderr, "ipctests: unknown test %s (ipctests -l lists them)\n"
                        "usage: ipctests [-l] [-q] [TEST...]\n", bad);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    uint32_t start = ir_free_pages();
    printf("ipctests: starting (%u free pages)\n", (unsigned)start);
    ir_test_warm_up();
    for (size_t i = 0; i < NTESTS; i++) {
        int want = ir_test_wanted(&tests[i], argc, argv, first);
        if (quick && argc <= first)
            want = tests[i].quick;
        if (!want)
            continue;
        if (ir_test_run(&tests[i], IR_TEST_PAGES))
            passed++;
        else
            failed++;
    }
    uint32_t end = ir_free_pages();
    printf("ipctests: free pages %u -> %u\n", (unsigned)start, (unsigned)end);
    if (end < start) {
        printf("FAIL no_leaks: %u pages lost over the whole run\n", (unsigned)(start - end));
        failed++;
    } else {
        printf("PASS no_leaks\n");
        passed++;
    }
    printf("ipctests: %d passed, %d failed\n", passed, failed);
    return failed;
}
