/*
 * fstests.c - file-system system tests run on Iridium: fstests [-l] [TEST...].
 *
 * Exercises the kernel's file system through the system calls at scale: thousands of files, a 500-entry
 * directory, a file past the double-indirect boundary (12 direct + 256 single-indirect blocks of 1 KiB), holes and
 * truncation, disk full (ENOSPC, then the file system still works after deleting), out of inodes, rename / rmdir /
 * unlink / open-flag cases with the kernel's exact error values (raw system calls), and concurrent writers from
 * forked processes (to different files, and to one file with O_APPEND). Designed for a fresh image (tests/os/
 * fs-tests.sh makes one of 16 MiB with 3072 inodes); the disk-full and out-of-inode cases fill whatever disk they
 * find, and every test deletes what it created.
 *
 * Each test runs in a forked child (ir_test_run, user/include/ir_test.h); "PASS name (N M cycles)" /
 * "FAIL name: why" per test, then "fstests: N passed, N failed".
 * The exit status is the number of failures (as init, pid 1, it powers off with that status). Finally it leaves
 * /fstests.keep (KEEP_BYTES bytes, pattern seed KEEP_SEED) and prints "fstests: keep /fstests.keep SIZE CKSUM"
 * (POSIX cksum CRC) so the host can check, with `fsimage get`, that the data reached the image.
 * Invariant: all file contents are ir_pattern(seed, offset), so any byte can be checked without keeping a copy.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ir.h"
#include "ir_test.h"

#define TOP        "/fst"
#define KEEP_PATH  "/fstests.keep"
#define KEEP_SEED  0x4b454550u
#define KEEP_BYTES 100000u

static unsigned char buf[65536], buf2[65536];

/* raw calls (kernel values, -IR_Exxx) */
static long r_open(const char *p, long flags) { return ir_syscall4(SYS_openat, IR_AT_FDCWD, (long)p, flags, 0644); }
static long r_unlink(const char *p) { return ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)p, 0); }
static long r_rmdir(const char *p) { return ir_syscall3(SYS_unlinkat, IR_AT_FDCWD, (long)p, IR_AT_REMOVEDIR); }
static long r_mkdir(const char *p) { return ir_syscall3(SYS_mkdirat, IR_AT_FDCWD, (long)p, 0755); }
static long r_rename(const char *a, const char *b)
{
    return ir_syscall5(SYS_renameat2, IR_AT_FDCWD, (long)a, IR_AT_FDCWD, (long)b, 0);
}
static long r_close(long fd) { return ir_syscall1(SYS_close, fd); }

/* ---- data patterns and checksums ------------------------------------------------------------------------- */
static void fill(unsigned char *b, uint32_t seed, uint32_t off, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        b[i] = ir_pattern(seed, off + i);
}

/* write size bytes of ir_pattern(seed) to path (created/truncated) in chunk-byte calls; 0, or 1 once reported */
static int write_pattern(const char *path, uint32_t seed, uint32_t size, uint32_t chunk)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return ir_test_fail("open %s for writing: %s", path, strerror(errno));
    for (uint32_t off = 0; off < size; off += chunk) {
        uint32_t n = size - off < chunk ? size - off : chunk;
        fill(buf, seed, off, n);
        ssize_t w = write(fd, buf, n);
        if (w != (ssize_t)n) {
            int e = errno;
            close(fd);
            return ir_test_fail("write %s at %lu: %s", path, (unsigned long)off, w < 0 ? strerror(e) : "short");
        }
    }
    if (close(fd) < 0)
        return ir_test_fail("close %s: %s", path, strerror(errno));
    return 0;
}

/* read path whole and compare with ir_pattern(seed), size bytes */
static int check_pattern(const char *path, uint32_t seed, uint32_t size)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return ir_test_fail("stat %s: %s", path, strerror(errno));
    if ((uint32_t)st.st_size != size)
        return ir_test_fail("%s: size %ld, want %lu", path, (long)st.st_size, (unsigned long)size);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return ir_test_fail("open %s: %s", path, strerror(errno));
    uint32_t off = 0;
    for (;;) {
        ssize_t n = read(fd, buf, 4096);
        if (n < 0) {
            close(fd);
            return ir_test_fail("read %s: %s", path, strerror(errno));
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] != ir_pattern(seed, off + (uint32_t)i)) {
                close(fd);
                return ir_test_fail("%s: byte %lu is %u, want %u", path, (unsigned long)(off + i), buf[i],
                            ir_pattern(seed, off + (uint32_t)i));
            }
        off += (uint32_t)n;
    }
    close(fd);
    if (off != size)
        return ir_test_fail("%s: read %lu bytes, want %lu", path, (unsigned long)off, (unsigned long)size);
    return 0;
}

/* pread-like check of n bytes at off */
static int check_at(int fd, uint32_t seed, uint32_t off, uint32_t n, const char *what)
{
    if (lseek(fd, (off_t)off, SEEK_SET) != (off_t)off)
        return ir_test_fail("%s: lseek %lu: %s", what, (unsigned long)off, strerror(errno));
    ssize_t r = read(fd, buf2, n);
    if (r != (ssize_t)n)
        return ir_test_fail("%s: read %lu at %lu: got %ld", what, (unsigned long)n, (unsigned long)off, (long)r);
    for (uint32_t i = 0; i < n; i++)
        if (buf2[i] != ir_pattern(seed, off + i))
            return ir_test_fail("%s: byte %lu differs", what, (unsigned long)(off + i));
    return 0;
}

/* count entries of a directory other than . and .. */
static int count_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) < 0 ? -1 : (long)st.st_size;
}

/* ---- scale ------------------------------------------------------------------------------------------------- */
#define MANY_DIRS 25
#define MANY_PER  100
static uint32_t many_size(int i) { return (uint32_t)((i * 37) % 1500) + 1u; }

static int t_many_files(void)
{
    char p[64];
    EXPECT_OK(r_mkdir(TOP "/many"));
    for (int d = 0; d < MANY_DIRS; d++) {
        snprintf(p, sizeof p, TOP "/many/d%02d", d);
        EXPECT_OK(r_mkdir(p));
    }
    for (int i = 0; i < MANY_DIRS * MANY_PER; i++) {
        snprintf(p, sizeof p, TOP "/many/d%02d/file-%04d", i % MANY_DIRS, i);
        if (write_pattern(p, (uint32_t)i, many_size(i), 4096))
            return 1;
    }
    for (int d = 0; d < MANY_DIRS; d++) {
        snprintf(p, sizeof p, TOP "/many/d%02d", d);
        int n = count_dir(p);
        CHECK(n == MANY_PER, "%s lists %d entries, want %d", p, n, MANY_PER);
    }
    for (int i = MANY_DIRS * MANY_PER; i-- > 0;) {
        snprintf(p, sizeof p, TOP "/many/d%02d/file-%04d", i % MANY_DIRS, i);
        if (check_pattern(p, (uint32_t)i, many_size(i)))
            return 1;
    }
    for (int i = 0; i < MANY_DIRS * MANY_PER; i++) {
        snprintf(p, sizeof p, TOP "/many/d%02d/file-%04d", i % MANY_DIRS, i);
        EXPECT_OK(r_unlink(p));
    }
    for (int d = 0; d < MANY_DIRS; d++) {
        snprintf(p, sizeof p, TOP "/many/d%02d", d);
        EXPECT_OK(r_rmdir(p));
    }
    EXPECT_OK(r_rmdir(TOP "/many"));
    printf("  %s: %d files of 1..1500 bytes in %d directories written, listed, read back, deleted\n", ir_test_name,
           MANY_DIRS * MANY_PER, MANY_DIRS);
    return 0;
}

static int t_dir500(void)
{
    char p[64];
    static unsigned char seen[500];
    EXPECT_OK(r_mkdir(TOP "/d500"));
    for (int i = 0; i < 500; i++) {
        snprintf(p, sizeof p, TOP "/d500/entry-%03d", i);
        long fd = r_open(p, IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL);
        CHECK(fd >= 0, "create %s: %ld", p, fd);
        r_close(fd);
    }
    long size500 = file_size(TOP "/d500");
    CHECK(size500 == 502 * 64, "directory size %ld, want %d (502 entries of 64 bytes)", size500, 502 * 64);
    DIR *d = opendir(TOP "/d500");
    CHECK(d, "opendir: %s", strerror(errno));
    struct dirent *e;
    int n = 0, dots = 0;
    while ((e = readdir(d))) {
        int k;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
            dots++;
            continue;
        }
        if (sscanf(e->d_name, "entry-%d", &k) != 1 || k < 0 || k >= 500 || seen[k]) {
            closedir(d);
            return ir_test_fail("unexpected or repeated entry '%s'", e->d_name);
        }
        seen[k] = 1;
        n++;
    }
    closedir(d);
    CHECK(n == 500 && dots == 2, "readdir: %d names and %d dot entries, want 500 and 2", n, dots);
    for (int i = 0; i < 500; i += 2) {
        snprintf(p, sizeof p, TOP "/d500/entry-%03d", i);
        EXPECT_OK(r_unlink(p));
    }
    for (int i = 0; i < 500; i++) {
        struct stat st;
        snprintf(p, sizeof p, TOP "/d500/entry-%03d", i);
        int r = stat(p, &st);
        CHECK((i & 1) ? r == 0 : (r < 0 && errno == ENOENT), "stat %s after deleting the even ones: %d", p, r);
    }
    CHECK(count_dir(TOP "/d500") == 250, "%d entries after deleting 250", count_dir(TOP "/d500"));
    for (int i = 0; i < 250; i++) {
        snprintf(p, sizeof p, TOP "/d500/new-%03d", i);
        long fd = r_open(p, IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL);
        CHECK(fd >= 0, "create %s: %ld", p, fd);
        r_close(fd);
    }
    CHECK(count_dir(TOP "/d500") == 500, "%d entries after re-filling", count_dir(TOP "/d500"));
    CHECK(file_size(TOP "/d500") == size500, "directory grew to %ld although 250 slots were free",
          file_size(TOP "/d500"));
    EXPECT_ERR(r_rmdir(TOP "/d500"), IR_ENOTEMPTY);
    for (int i = 1; i < 500; i += 2) {
        snprintf(p, sizeof p, TOP "/d500/entry-%03d", i);
        EXPECT_OK(r_unlink(p));
    }
    for (int i = 0; i < 250; i++) {
        snprintf(p, sizeof p, TOP "/d500/new-%03d", i);
        EXPECT_OK(r_unlink(p));
    }
    CHECK(count_dir(TOP "/d500") == 0, "not empty after deleting everything");
    EXPECT_OK(r_rmdir(TOP "/d500"));
    return 0;
}

/* a file past the double-indirect boundary, random access, overwrite, holes, truncation */
#define BLK       1024u
#define DIND_OFF  ((12u + 256u) * BLK)          /* first byte mapped through the double-indirect block */
#define BIG_SIZE  (DIND_OFF + 300u * BLK + 333u)

static int t_big_file(void)
{
    const char *p = TOP "/big";
    if (write_pattern(p, 7, BIG_SIZE, 3000))
        return 1;
    if (check_pattern(p, 7, BIG_SIZE))
        return 1;
    int fd = open(p, O_RDWR);
    CHECK(fd >= 0, "open: %s", strerror(errno));
    static const uint32_t offs[] = { 0, 12 * BLK - 1, 12 * BLK - 100, DIND_OFF - 1, DIND_OFF - 500, DIND_OFF,
                                     DIND_OFF + 256 * BLK - 7, DIND_OFF + 256 * BLK, BIG_SIZE - 333, 100000 };
    for (unsigned i = 0; i < sizeof offs / sizeof offs[0]; i++)
        if (check_at(fd, 7, offs[i], 200 < BIG_SIZE - offs[i] ? 200 : BIG_SIZE - offs[i], "random access"))
            return 1;
    /* overwrite a range across the double-indirect boundary with another pattern: seed 8 on [a, b) */
    uint32_t a = DIND_OFF - 5000, b = DIND_OFF + 7000;
    CHECK(lseek(fd, a, SEEK_SET) == (off_t)a, "lseek");
    fill(buf, 8, a, b - a);
    CHECK(write(fd, buf, b - a) == (ssize_t)(b - a), "overwrite: %s", strerror(errno));
    if (check_at(fd, 7, a - 100, 100, "before the overwrite"))
        return 1;
    if (check_at(fd, 8, a, b - a, "the overwritten range"))
        return 1;
    if (check_at(fd, 7, b, 100, "after the overwrite"))
        return 1;
    CHECK(file_size(p) == (long)BIG_SIZE, "size changed by an overwrite: %ld", file_size(p));
    /* a hole: write 10 bytes at 3 MiB; everything between reads as zeros */
    uint32_t far = 3u << 20;
    CHECK(lseek(fd, far, SEEK_SET) == (off_t)far, "lseek far");
    fill(buf, 9, far, 10);
    CHECK(write(fd, buf, 10) == 10, "write at 3 MiB: %s", strerror(errno));
    CHECK(file_size(p) == (long)far + 10, "size %ld after writing at 3 MiB", file_size(p));
    CHECK(lseek(fd, BIG_SIZE, SEEK_SET) == (off_t)BIG_SIZE, "lseek");
    for (uint32_t off = BIG_SIZE; off < far; off += sizeof buf2) {
        uint32_t n = far - off < sizeof buf2 ? far - off : sizeof buf2;
        CHECK(read(fd, buf2, n) == (ssize_t)n, "read in the hole at %lu", (unsigned long)off);
        for (uint32_t i = 0; i < n; i++)
            CHECK(buf2[i] == 0, "hole byte %lu is %u", (unsigned long)(off + i), buf2[i]);
    }
    if (check_at(fd, 9, far, 10, "data after the hole"))
        return 1;
    CHECK(read(fd, buf2, 100) == 0, "read at the end of file is not 0");
    /* truncate back into the single-indirect range, then grow again: the tail must read as zeros */
    uint32_t cut = 200u * BLK + 17u;
    CHECK(ftruncate(fd, cut) == 0, "ftruncate: %s", strerror(errno));
    CHECK(file_size(p) == (long)cut, "size %ld after ftruncate", file_size(p));
    if (check_at(fd, 7, cut - 1000, 1000, "data kept by ftruncate"))
        return 1;
    CHECK(ftruncate(fd, DIND_OFF + 2000) == 0, "ftruncate up: %s", strerror(errno));
    CHECK(lseek(fd, cut, SEEK_SET) == (off_t)cut, "lseek");
    CHECK(read(fd, buf2, 8000) == 8000, "read after growing");
    for (uint32_t i = 0; i < 8000; i++)
        CHECK(buf2[i] == 0, "byte %lu after truncate+grow is %u, want 0", (unsigned long)(cut + i), buf2[i]);
    CHECK(fsync(fd) == 0, "fsync: %s", strerror(errno));
    CHECK(close(fd) == 0, "close");
    EXPECT_OK(r_unlink(p));
    return 0;
}

/* ---- running out of space and inodes -------------------------------------------------------------------- */
static int t_disk_full(void)
{
    const char *p = TOP "/fill";
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0, "open: %s", strerror(errno));
    uint32_t total = 0;
    int err = 0;
    for (;;) {
        fill(buf, 11, total, sizeof buf);
        ssize_t w = write(fd, buf, sizeof buf);
        if (w < 0) {
            err = errno;
            break;
        }
        total += (uint32_t)w;
        if (w < (ssize_t)sizeof buf) {
            /* a short write: the next one must fail with ENOSPC */
            w = write(fd, buf, 1);
            CHECK(w < 0, "write after a short write succeeded");
            err = errno;
            break;
        }
        CHECK(total < (256u << 20), "the disk never fills");
    }
    CHECK(err == ENOSPC, "the write that found the disk full failed with '%s', want ENOSPC", strerror(err));
    CHECK(total > (1u << 20), "only %lu bytes fitted", (unsigned long)total);
    CHECK(fsync(fd) == 0, "fsync on a full disk: %s", strerror(errno));
    CHECK(close(fd) == 0, "close on a full disk: %s", strerror(errno));
    printf("  %s: the disk took %lu bytes\n", ir_test_name, (unsigned long)total);
    /* while full: no directory can be made, no data block can be written */
    EXPECT_ERR(r_mkdir(TOP "/nodir"), IR_ENOSPC);
    long f2 = r_open(TOP "/small", IR_O_WRONLY | IR_O_CREAT);
    if (f2 >= 0) {                    /* the name may fit in a free directory slot; the data may not */
        long w = ir_syscall3(SYS_write, f2, (long)buf, 5000);
        r_close(f2);
        CHECK(w == -IR_ENOSPC || (w >= 0 && w < 5000), "a 5000-byte write on a full disk returned %ld", w);
        EXPECT_OK(r_unlink(TOP "/small"));
    } else {
        CHECK(f2 == -IR_ENOSPC, "create on a full disk: %ld", f2);
    }
    if (check_pattern(p, 11, total))
        return 1;
    EXPECT_OK(r_unlink(p));
    /* everything works again */
    EXPECT_OK(r_mkdir(TOP "/after"));
    if (write_pattern(TOP "/after/one", 12, 1u << 20, 8192) || check_pattern(TOP "/after/one", 12, 1u << 20))
        return 1;
    for (int i = 0; i < 20; i++) {
        char q[64];
        snprintf(q, sizeof q, TOP "/after/s%d", i);
        if (write_pattern(q, 100u + (uint32_t)i, 3000u + (uint32_t)i, 1000))
            return 1;
    }
    for (int i = 0; i < 20; i++) {
        char q[64];
        snprintf(q, sizeof q, TOP "/after/s%d", i);
        if (check_pattern(q, 100u + (uint32_t)i, 3000u + (uint32_t)i))
            return 1;
        EXPECT_OK(r_unlink(q));
    }
    EXPECT_OK(r_unlink(TOP "/after/one"));
    EXPECT_OK(r_rmdir(TOP "/after"));
    return 0;
}

#define INO_DIRS 16
static int t_out_of_inodes(void)
{
    char p[64];
    EXPECT_OK(r_mkdir(TOP "/ino"));
    for (int d = 0; d < INO_DIRS; d++) {
        snprintf(p, sizeof p, TOP "/ino/d%02d", d);
        EXPECT_OK(r_mkdir(p));
    }
    int n = 0;
    long r;
    for (;;) {
        snprintf(p, sizeof p, TOP "/ino/d%02d/i%05d", n % INO_DIRS, n);
        r = r_open(p, IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL);
        if (r < 0)
            break;
        r_close(r);
        n++;
        CHECK(n < 100000, "inodes never run out");
    }
    CHECK(r == -IR_ENOSPC, "create #%d failed with %ld, want -ENOSPC", n, r);
    CHECK(n > 100, "only %d inodes were free", n);
    EXPECT_ERR(r_mkdir(TOP "/ino/x"), IR_ENOSPC);
    printf("  %s: %d empty files created before ENOSPC\n", ir_test_name, n);
    /* the files exist and are empty; free one, and exactly one create succeeds */
    snprintf(p, sizeof p, TOP "/ino/d%02d/i%05d", (n / 2) % INO_DIRS, n / 2);
    CHECK(file_size(p) == 0, "%s: size %ld", p, file_size(p));
    EXPECT_OK(r_unlink(p));
    r = r_open(TOP "/ino/again", IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL);
    CHECK(r >= 0, "create after freeing one inode: %ld", r);
    r_close(r);
    r = r_open(TOP "/ino/again2", IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL);
    CHECK(r == -IR_ENOSPC, "second create after freeing one inode: %ld, want -ENOSPC", r);
    EXPECT_OK(r_unlink(TOP "/ino/again"));
    for (int i = 0; i < n; i++) {
        if (i == n / 2)
            continue;
        snprintf(p, sizeof p, TOP "/ino/d%02d/i%05d", i % INO_DIRS, i);
        EXPECT_OK(r_unlink(p));
    }
    for (int d = 0; d < INO_DIRS; d++) {
        snprintf(p, sizeof p, TOP "/ino/d%02d", d);
        EXPECT_OK(r_rmdir(p));
    }
    EXPECT_OK(r_rmdir(TOP "/ino"));
    /* inodes are back: a few hundred creates work again */
    EXPECT_OK(r_mkdir(TOP "/ino2"));
    for (int i = 0; i < 200; i++) {
        snprintf(p, sizeof p, TOP "/ino2/f%d", i);
        r = r_open(p, IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL);
        CHECK(r >= 0, "create %s after freeing the inodes: %ld", p, r);
        r_close(r);
    }
    for (int i = 0; i < 200; i++) {
        snprintf(p, sizeof p, TOP "/ino2/f%d", i);
        EXPECT_OK(r_unlink(p));
    }
    EXPECT_OK(r_rmdir(TOP "/ino2"));
    return 0;
}

/* ---- names ------------------------------------------------------------------------------------------------- */
static int t_rename(void)
{
    char cwd[128];
    EXPECT_OK(r_mkdir(TOP "/rn"));
    EXPECT_OK(r_mkdir(TOP "/rn/a"));
    EXPECT_OK(r_mkdir(TOP "/rn/b"));
    if (write_pattern(TOP "/rn/a/f", 21, 5000, 1000) || write_pattern(TOP "/rn/b/g", 22, 7000, 1000))
        return 1;
    /* same directory, new name */
    EXPECT_OK(r_rename(TOP "/rn/a/f", TOP "/rn/a/f2"));
    EXPECT_ERR(r_open(TOP "/rn/a/f", IR_O_RDONLY), IR_ENOENT);
    if (check_pattern(TOP "/rn/a/f2", 21, 5000))
        return 1;
    /* across directories */
    EXPECT_OK(r_rename(TOP "/rn/a/f2", TOP "/rn/b/f3"));
    if (check_pattern(TOP "/rn/b/f3", 21, 5000))
        return 1;
    /* replacing an existing file: g's old data is gone, f3's name is gone */
    EXPECT_OK(r_rename(TOP "/rn/b/f3", TOP "/rn/b/g"));
    EXPECT_ERR(r_open(TOP "/rn/b/f3", IR_O_RDONLY), IR_ENOENT);
    if (check_pattern(TOP "/rn/b/g", 21, 5000))
        return 1;
    /* a file renamed onto itself (and onto a second link of itself) stays */
    EXPECT_OK(r_rename(TOP "/rn/b/g", TOP "/rn/b/g"));
    if (check_pattern(TOP "/rn/b/g", 21, 5000))
        return 1;
    /* errors */
    EXPECT_ERR(r_rename(TOP "/rn/nothing", TOP "/rn/x"), IR_ENOENT);
    EXPECT_ERR(r_rename(TOP "/rn/b/g", TOP "/rn/nodir/x"), IR_ENOENT);
    EXPECT_ERR(r_rename(TOP "/rn/b/g", TOP "/rn/a"), IR_EISDIR);
    EXPECT_ERR(r_rename(TOP "/rn/a", TOP "/rn/b/g"), IR_ENOTDIR);
    EXPECT_ERR(r_rename(TOP "/rn/a", TOP "/rn/b"), IR_ENOTEMPTY);
    EXPECT_ERR(r_rename(TOP "/rn/a", TOP "/rn/a/sub"), IR_EINVAL);
    EXPECT_ERR(r_rename(TOP "/rn", TOP "/rn/a/deeper"), IR_EINVAL);
    EXPECT_ERR(r_rename(TOP "/rn/b/g", TOP "/rn/b/g/x"), IR_ENOTDIR);
    /* a directory with contents moves; its ".." follows */
    if (write_pattern(TOP "/rn/a/inner", 23, 100, 100))
        return 1;
    EXPECT_OK(r_mkdir(TOP "/rn/b/empty"));
    EXPECT_OK(r_rename(TOP "/rn/a", TOP "/rn/b/empty"));      /* onto an empty directory: replaces it */
    EXPECT_ERR(r_open(TOP "/rn/a", IR_O_RDONLY), IR_ENOENT);
    if (check_pattern(TOP "/rn/b/empty/inner", 23, 100))
        return 1;
    if (check_pattern(TOP "/rn/b/empty/../g", 21, 5000))
        return 1;
    CHECK(chdir(TOP "/rn/b/empty") == 0, "chdir: %s", strerror(errno));
    CHECK(getcwd(cwd, sizeof cwd) && !strcmp(cwd, TOP "/rn/b/empty"), "getcwd '%s' in the moved directory", cwd);
    CHECK(chdir("/") == 0, "chdir /");
    struct stat st;
    CHECK(stat(TOP "/rn/b", &st) == 0 && st.st_nlink == 3, "nlink of b is %d, want 3", (int)st.st_nlink);
    CHECK(stat(TOP "/rn", &st) == 0 && st.st_nlink == 3, "nlink of rn is %d, want 3", (int)st.st_nlink);
    /* an open file keeps working across the rename of its name */
    int fd = open(TOP "/rn/b/g", O_RDONLY);
    CHECK(fd >= 0, "open g");
    EXPECT_OK(r_rename(TOP "/rn/b/g", TOP "/rn/g-moved"));
    if (check_at(fd, 21, 1000, 3000, "open file after rename"))
        return 1;
    close(fd);
    EXPECT_OK(r_unlink(TOP "/rn/g-moved"));
    EXPECT_OK(r_unlink(TOP "/rn/b/empty/inner"));
    EXPECT_OK(r_rmdir(TOP "/rn/b/empty"));
    EXPECT_OK(r_rmdir(TOP "/rn/b"));
    EXPECT_OK(r_rmdir(TOP "/rn"));
    return 0;
}

static int t_unlink_rmdir(void)
{
    EXPECT_OK(r_mkdir(TOP "/ur"));
    EXPECT_OK(r_mkdir(TOP "/ur/d"));
    if (write_pattern(TOP "/ur/d/f", 31, 20000, 4096))
        return 1;
    EXPECT_ERR(r_rmdir(TOP "/ur/d"), IR_ENOTEMPTY);
    EXPECT_ERR(r_rmdir(TOP "/ur/d/f"), IR_ENOTDIR);
    EXPECT_ERR(r_unlink(TOP "/ur/d"), IR_EISDIR);
    EXPECT_ERR(r_unlink(TOP "/ur/missing"), IR_ENOENT);
    EXPECT_ERR(r_rmdir(TOP "/ur/missing"), IR_ENOENT);
    EXPECT_ERR(r_rmdir(TOP "/ur/d/."), IR_EINVAL);
    EXPECT_ERR(r_rmdir("/"), IR_EBUSY);
    EXPECT_ERR(r_mkdir(TOP "/ur/d"), IR_EEXIST);
    EXPECT_ERR(r_mkdir(TOP "/ur/d/f/x"), IR_ENOTDIR);
    EXPECT_ERR(r_open(TOP "/ur/d/f/x", IR_O_RDONLY), IR_ENOTDIR);
    EXPECT_ERR(r_open(TOP "/ur/d", IR_O_WRONLY), IR_EISDIR);
    EXPECT_ERR(r_open(TOP "/ur/d/f", IR_O_WRONLY | IR_O_CREAT | IR_O_EXCL), IR_EEXIST);
    EXPECT_ERR(r_open(TOP "/ur/d/f", IR_O_RDONLY | IR_O_DIRECTORY), IR_ENOTDIR);
    /* names: 59 bytes fit, 60 do not */
    char name[128];
    memset(name, 0, sizeof name);
    memcpy(name, TOP "/ur/", 8);
    memset(name + 8, 'n', 59);
    long fd = r_open(name, IR_O_WRONLY | IR_O_CREAT);
    CHECK(fd >= 0, "create a 59-byte name: %ld", fd);
    r_close(fd);
    EXPECT_OK(r_unlink(name));
    name[8 + 59] = 'n';
    EXPECT_ERR(r_open(name, IR_O_WRONLY | IR_O_CREAT), IR_ENAMETOOLONG);
    /* unlink while open: the data stays readable and writable through the descriptor, the name is gone */
    int f = open(TOP "/ur/d/f", O_RDWR);
    CHECK(f >= 0, "open: %s", strerror(errno));
    EXPECT_OK(r_unlink(TOP "/ur/d/f"));
    EXPECT_ERR(r_open(TOP "/ur/d/f", IR_O_RDONLY), IR_ENOENT);
    if (check_at(f, 31, 0, 20000, "unlinked open file"))
        return 1;
    CHECK(lseek(f, 0, SEEK_END) == 20000, "lseek end");
    fill(buf, 31, 20000, 10000);
    CHECK(write(f, buf, 10000) == 10000, "write to an unlinked file: %s", strerror(errno));
    if (check_at(f, 31, 15000, 15000, "unlinked file after growing"))
        return 1;
    struct stat st;
    CHECK(fstat(f, &st) == 0 && st.st_nlink == 0 && st.st_size == 30000, "fstat of the unlinked file: nlink %d "
          "size %ld", (int)st.st_nlink, (long)st.st_size);
    CHECK(close(f) == 0, "close");
    CHECK(count_dir(TOP "/ur/d") == 0, "the directory still lists %d entries", count_dir(TOP "/ur/d"));
    EXPECT_OK(r_rmdir(TOP "/ur/d"));
    /* a removed directory that is still the cwd: lookups fail, nothing crashes */
    EXPECT_OK(r_mkdir(TOP "/ur/gone"));
    CHECK(chdir(TOP "/ur/gone") == 0, "chdir");
    EXPECT_OK(r_rmdir(TOP "/ur/gone"));
    long r = r_open("newfile", IR_O_WRONLY | IR_O_CREAT);
    CHECK(r < 0, "created a file in a removed directory");
    CHECK(chdir("/") == 0, "chdir /");
    /* O_TRUNC and O_APPEND */
    if (write_pattern(TOP "/ur/t", 32, 9000, 9000))
        return 1;
    f = open(TOP "/ur/t", O_WRONLY | O_TRUNC);
    CHECK(f >= 0 && file_size(TOP "/ur/t") == 0, "O_TRUNC left size %ld", file_size(TOP "/ur/t"));
    close(f);
    f = open(TOP "/ur/t", O_WRONLY | O_APPEND);
    CHECK(f >= 0, "open O_APPEND");
    for (uint32_t off = 0; off < 9000; off += 1000) {
        lseek(f, 0, SEEK_SET);                  /* O_APPEND ignores the offset */
        fill(buf, 32, off, 1000);
        CHECK(write(f, buf, 1000) == 1000, "append write");
    }
    close(f);
    if (check_pattern(TOP "/ur/t", 32, 9000))
        return 1;
    EXPECT_OK(r_unlink(TOP "/ur/t"));
    /* descriptors: a process has 16 */
    int fds[20], nfd = 0;
    for (; nfd < 20; nfd++) {
        fds[nfd] = open("/", O_RDONLY);
        if (fds[nfd] < 0)
            break;
    }
    CHECK(nfd == 13 && errno == EMFILE, "opened %d descriptors above 0-2 (errno %d), want 13 then EMFILE", nfd,
          errno);
    while (nfd-- > 0)
        close(fds[nfd]);
    EXPECT_OK(r_rmdir(TOP "/ur"));
    return 0;
}

/* ---- concurrency --------------------------------------------------------------------------------------------- */
#define NWRITERS 4
#define CW_SIZE  (160u * 1024u + 77u)

static int t_concurrent_files(void)
{
    char p[64];
    pid_t pids[NWRITERS];
    EXPECT_OK(r_mkdir(TOP "/cw"));
    fflush(stdout);
    for (int k = 0; k < NWRITERS; k++) {
        pids[k] = fork();
        CHECK(pids[k] >= 0, "fork: %s", strerror(errno));
        if (pids[k] == 0) {
            snprintf(p, sizeof p, TOP "/cw/w%d", k);
            _exit(write_pattern(p, 40u + (uint32_t)k, CW_SIZE, 700u + 300u * (uint32_t)k) ? 1 : 0);
        }
    }
    int bad = 0;
    for (int k = 0; k < NWRITERS; k++) {
        int st;
        if (waitpid(pids[k], &st, 0) != pids[k] || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
            bad++;
    }
    CHECK(!bad, "%d writers failed", bad);
    for (int k = 0; k < NWRITERS; k++) {
        snprintf(p, sizeof p, TOP "/cw/w%d", k);
        if (check_pattern(p, 40u + (uint32_t)k, CW_SIZE))
            return 1;
        EXPECT_OK(r_unlink(p));
    }
    EXPECT_OK(r_rmdir(TOP "/cw"));
    return 0;
}

/* O_APPEND from several processes: fixed-size records, each written by one write(); none may be torn or lost */
#define REC      100u
#define NREC     250u

static void make_record(unsigned char *r, uint32_t writer, uint32_t seq)
{
    snprintf((char *)r, 16, "W%01lu S%05lu ", (unsigned long)writer, (unsigned long)seq);
    for (uint32_t i = 10; i < REC - 1; i++)
        r[i] = 'a' + (unsigned char)((writer * 7u + seq * 13u + i) % 26u);
    r[REC - 1] = '\n';
}

static int t_concurrent_append(void)
{
    const char *p = TOP "/append.log";
    pid_t pids[NWRITERS];
    int fd0 = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd0 >= 0, "create: %s", strerror(errno));
    close(fd0);
    fflush(stdout);
    for (int k = 0; k < NWRITERS; k++) {
        pids[k] = fork();
        CHECK(pids[k] >= 0, "fork: %s", strerror(errno));
        if (pids[k] == 0) {
            int fd = open(p, O_WRONLY | O_APPEND);
            if (fd < 0)
                _exit(1);
            unsigned char rec[REC];
            for (uint32_t s = 0; s < NREC; s++) {
                make_record(rec, (uint32_t)k, s);
                if (write(fd, rec, REC) != (ssize_t)REC)
                    _exit(1);
                if (s % 50 == 49)
                    fsync(fd);
                for (volatile int spin = 0; spin < 2000 * (k + 1); spin++)
                    ;
            }
            _exit(close(fd) == 0 ? 0 : 1);
        }
    }
    int bad = 0;
    for (int k = 0; k < NWRITERS; k++) {
        int st;
        if (waitpid(pids[k], &st, 0) != pids[k] || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
            bad++;
    }
    CHECK(!bad, "%d writers failed", bad);
    CHECK(file_size(p) == (long)(NWRITERS * NREC * REC), "size %ld, want %lu", file_size(p),
          (unsigned long)(NWRITERS * NREC * REC));
    int fd = open(p, O_RDONLY);
    CHECK(fd >= 0, "open");
    uint32_t next[NWRITERS] = { 0 }, switches = 0, last = ~0u;
    unsigned char rec[REC], want[REC];
    for (uint32_t i = 0; i < NWRITERS * NREC; i++) {
        CHECK(read(fd, rec, REC) == (ssize_t)REC, "read record %lu", (unsigned long)i);
        unsigned long w, s;
        CHECK(sscanf((char *)rec, "W%1lu S%5lu", &w, &s) == 2 && w < NWRITERS, "record %lu is torn: '%.20s'",
              (unsigned long)i, (char *)rec);
        CHECK(s == next[w], "record %lu: writer %lu seq %lu, want seq %lu", (unsigned long)i, w, s,
              (unsigned long)next[w]);
        make_record(want, (uint32_t)w, (uint32_t)s);
        CHECK(!memcmp(rec, want, REC), "record %lu (writer %lu seq %lu) is damaged", (unsigned long)i, w, s);
        next[w]++;
        if (w != last)
            switches++;
        last = (uint32_t)w;
    }
    close(fd);
    printf("  %s: %u records from %d processes, %lu changes of writer in the file\n", ir_test_name,
           NWRITERS * NREC, NWRITERS, (unsigned long)switches);
    CHECK(switches > NWRITERS, "the writers never interleaved (%lu switches): concurrency not exercised",
          (unsigned long)switches);
    EXPECT_OK(r_unlink(p));
    return 0;
}

/* a second, bigger concurrent mix: writers, a reader re-checking, and a deleter, all at once */
static int t_concurrent_mix(void)
{
    char p[64];
    pid_t pids[3];
    EXPECT_OK(r_mkdir(TOP "/mix"));
    fflush(stdout);
    for (int k = 0; k < 3; k++) {
        pids[k] = fork();
        CHECK(pids[k] >= 0, "fork");
        if (pids[k] == 0) {
            int st = 0;
            for (int i = 0; i < 60 && !st; i++) {
                snprintf(p, sizeof p, TOP "/mix/p%d-%d", k, i);
                uint32_t seed = 1000u * (uint32_t)k + (uint32_t)i, size = 1000u + 517u * (uint32_t)i;
                st = write_pattern(p, seed, size, 900) || check_pattern(p, seed, size);
                if (!st && i % 3 == 0)
                    st = unlink(p) != 0;
            }
            _exit(st);
        }
    }
    int bad = 0;
    for (int k = 0; k < 3; k++) {
        int st;
        if (waitpid(pids[k], &st, 0) != pids[k] || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
            bad++;
    }
    CHECK(!bad, "%d processes failed", bad);
    CHECK(count_dir(TOP "/mix") == 3 * 40, "%d files left, want 120", count_dir(TOP "/mix"));
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 60; i++) {
            if (i % 3 == 0)
                continue;
            snprintf(p, sizeof p, TOP "/mix/p%d-%d", k, i);
            if (check_pattern(p, 1000u * (uint32_t)k + (uint32_t)i, 1000u + 517u * (uint32_t)i))
                return 1;
            EXPECT_OK(r_unlink(p));
        }
    EXPECT_OK(r_rmdir(TOP "/mix"));
    return 0;
}

/* ---- the runner ---------------------------------------------------------------------------------------------- */
static const struct ir_test tests[] = {
    { "many-files", t_many_files, 0 },
    { "dir-500", t_dir500, 0 },
    { "big-file", t_big_file, 0 },
    { "rename", t_rename, 0 },
    { "unlink-rmdir", t_unlink_rmdir, 0 },
    { "concurrent-files", t_concurrent_files, 0 },
    { "concurrent-append", t_concurrent_append, 0 },
    { "concurrent-mix", t_concurrent_mix, 0 },
    { "out-of-inodes", t_out_of_inodes, 0 },
    { "disk-full", t_disk_full, 0 },
};
#define NTESTS (sizeof tests / sizeof tests[0])

/* leave a file for the host to check */
static int keep_file(void)
{
    if (write_pattern(KEEP_PATH, KEEP_SEED, KEEP_BYTES, 4096))
        return 1;
    uint32_t crc = 0;
    for (uint32_t off = 0; off < KEEP_BYTES; off += sizeof buf) {
        uint32_t n = KEEP_BYTES - off < sizeof buf ? KEEP_BYTES - off : sizeof buf;
        fill(buf, KEEP_SEED, off, n);
        crc = ir_cksum_add(crc, buf, n);
    }
    printf("fstests: keep %s %lu %lu\n", KEEP_PATH, (unsigned long)KEEP_BYTES,
           (unsigned long)ir_cksum_end(crc, KEEP_BYTES));
    return 0;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    const char *bad;
    if (argc > 1 && !strcmp(argv[1], "-l")) {
        ir_test_list(tests, NTESTS);
        return 0;
    }
    if ((bad = ir_test_unknown(tests, NTESTS, argc, argv, 1))) {
        fprintf(stderr, "fstests: unknown test %s (-l lists them)\n", bad);
        if (getpid() == 1)
            ir_reboot(IR_REBOOT_POWER_OFF, 2);
        return 2;
    }
    long r = r_mkdir(TOP);
    if (r < 0 && r != -IR_EEXIST) {
        printf("fstests: mkdir %s: %ld\n", TOP, r);
        failed++;
    }
    for (unsigned i = 0; i < NTESTS; i++) {
        if (!ir_test_wanted(&tests[i], argc, argv, 1))
            continue;
        if (ir_test_run(&tests[i], IR_TEST_CYCLES))
            passed++;
        else
            failed++;
        chdir("/");
    }
    if (r_rmdir(TOP) < 0) {
        printf("FAIL cleanup: %s is not empty after the tests\n", TOP);
        failed++;
    }
    ir_test_name = "keep";
    if (keep_file())
        failed++;
    printf("fstests: %d passed, %d failed\n", passed, failed);
    fflush(stdout);
    if (getpid() == 1)
        ir_reboot(IR_REBOOT_POWER_OFF, failed > 255 ? 255 : failed);
    return failed;
}
