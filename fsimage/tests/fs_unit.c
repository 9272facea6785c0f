/*
 * fs_unit.c - unit tests of the file-system core (os/kernel/fs/) on an in-memory disk: each case formats a fresh
 * device, exercises one area, checks the results and runs fsck (which must find the image clean). One PASS/FAIL
 * line per case; exit status 1 if any failed.
 *
 * Invariant: cases are independent (each starts from fs_format on its own device and unmounts at the end).
 */
#include "fsck.h"
#include "testdev.h"

extern int fs_port_quiet;
static int case_failed, total_failed;

#define CHECK(cond) do { if (!(cond)) { printf("    check failed at line %d: %s\n", __LINE__, #cond); \
                                        case_failed = 1; } } while (0)
#define CHECK_EQ(a, b) do { long long _a = (long long)(a), _b = (long long)(b); if (_a != _b) { \
        printf("    check failed at line %d: %s == %lld, want %lld\n", __LINE__, #a, _a, _b); case_failed = 1; } \
    } while (0)

static struct memdev md;

static void setup(uint32_t mib, uint32_t ninodes, uint32_t flags)
{
    memdev_init(&md, mib);
    int r = fs_format(&md.dev, mib * 1024, ninodes, 128);
    if (r == 0)
        r = fs_mount(&md.dev, flags);
    if (r < 0) {
        printf("    setup failed: %d\n", r);
        exit(1);
    }
}

static void check_fsck(void)
{
    int r = fsck_fs(&md.dev, stdout, 0);
    if (r != FSCK_CLEAN) {
        printf("    fsck found problems (status %d)\n", r);
        case_failed = 1;
    }
}

static void teardown(void)
{
    CHECK_EQ(fs_unmount(), 0);
    check_fsck();
    memdev_free(&md);
}

static void remount(uint32_t flags)
{
    CHECK_EQ(fs_unmount(), 0);
    CHECK_EQ(fs_mount(&md.dev, flags), 0);
}

/* ---- helpers ---- */

static int put(const char *path, const void *data, uint32_t len)
{
    struct fs_inode *ip;
    int r = fs_open(0, path, IR_O_WRONLY | IR_O_CREAT | IR_O_TRUNC, &ip);
    if (r < 0)
        return r;
    int32_t w = len ? fs_write(ip, data, 0, len) : 0;
    fs_put(ip);
    return w;
}

/* 1 if path holds exactly data */
static int same(const char *path, const void *data, uint32_t len)
{
    struct fs_inode *ip;
    if (fs_lookup(0, path, &ip) < 0)
        return 0;
    uint8_t *buf = malloc(len + 1);
    int ok = ip->d.size == len && fs_read(ip, buf, 0, len + 1) == (int32_t)len && !memcmp(buf, data, len);
    free(buf);
    fs_put(ip);
    return ok;
}

static int exists(const char *path)
{
    struct fs_inode *ip;
    if (fs_lookup(0, path, &ip) < 0)
        return 0;
    fs_put(ip);
    return 1;
}

static uint32_t nlink_of(const char *path)
{
    struct fs_inode *ip;
    if (fs_lookup(0, path, &ip) < 0)
        return 0xffffffff;
    uint32_t n = ip->d.nlink;
    fs_put(ip);
    return n;
}

static uint32_t free_blocks(void)
{
    struct fs_statfs s;
    fs_statfs(&s);
    return s.free_blocks;
}

static uint32_t free_inodes(void)
{
    struct fs_statfs s;
    fs_statfs(&s);
    return s.free_inodes;
}

static void fill_pattern(uint8_t *p, uint32_t n, uint32_t seed)
{
    for (uint32_t i = 0; i < n; i++)
        p[i] = (uint8_t)(i * 7 + seed * 13 + (i >> 10));
}

/* ---- cases ---- */

static void t_format_mount(void)
{
    setup(8, 256, 0);
    struct fs_statfs s;
    CHECK_EQ(fs_statfs(&s), 0);
    CHECK_EQ(s.blocks, 8192);
    CHECK_EQ(s.inodes, 255);
    CHECK_EQ(s.free_inodes, 254);
    struct fs_inode *root = fs_root();
    CHECK(root && root->d.type == FS_T_DIR && root->d.nlink == 2);
    struct fs_dirinfo de;
    uint32_t pos = 0, n = 0;
    while (fs_readdir(root, &pos, &de) > 0)
        n++;
    CHECK_EQ(n, 2);
    fs_put(root);
    CHECK_EQ(fs_mount(&md.dev, 0), -IR_EBUSY);
    teardown();
    /* a device that is not a file system */
    memdev_init(&md, 1);
    fs_port_quiet = 1;
    CHECK_EQ(fs_mount(&md.dev, 0), -IR_EINVAL);
    fs_port_quiet = 0;
    CHECK_EQ(fsck_fs(&md.dev, 0, 0), FSCK_UNREADABLE);
    memdev_free(&md);
}

static void t_read_write(void)
{
    setup(8, 256, 0);
    uint8_t buf[5000], out[6000];
    fill_pattern(buf, sizeof buf, 1);
    CHECK_EQ(put("/a", buf, sizeof buf), sizeof buf);
    CHECK(same("/a", buf, sizeof buf));
    struct fs_inode *ip;
    CHECK_EQ(fs_open(0, "/a", IR_O_RDWR, &ip), 0);
    memset(buf + 1000, 'x', 100);                             /* overwrite in the middle */
    CHECK_EQ(fs_write(ip, buf + 1000, 1000, 100), 100);
    CHECK_EQ(fs_read(ip, out, 0, sizeof out), sizeof buf);
    CHECK(!memcmp(out, buf, sizeof buf));
    CHECK_EQ(fs_write(ip, "tail", 5000, 4), 4);               /* append */
    CHECK_EQ(ip->d.size, 5004);
    CHECK_EQ(fs_read(ip, out, 4998, 100), 6);
    CHECK(!memcmp(out + 2, "tail", 4));
    CHECK_EQ(fs_read(ip, out, 9000, 10), 0);                  /* past the end */
    CHECK_EQ(fs_write(ip, "Z", 10000, 1), 1);                 /* past the end: a hole */
    CHECK_EQ(fs_read(ip, out, 5004, 4997), 4997);
    int zeros = 1;
    for (int i = 0; i < 4996; i++)
        zeros &= out[i] == 0;
    CHECK(zeros && out[4996] == 'Z');
    struct ir_stat st;
    CHECK_EQ(fs_stat(ip, &st), 0);
    CHECK_EQ(st.st_size, 10001);
    CHECK_EQ(st.st_mode, IR_S_IFREG | 0644);
    CHECK_EQ(st.st_blocks, 2 * 6);                            /* blocks 0..4 and 9 */
    fs_put(ip);
    remount(0);
    CHECK_EQ(nlink_of("/a"), 1);
    teardown();
}

static void t_many_files(void)
{
    setup(32, 8192, 0);
    char path[64];
    uint8_t buf[3000], want[3000];
    for (int d = 0; d < 30; d++) {
        snprintf(path, sizeof path, "/dir%d", d);
        CHECK_EQ(fs_mkdir(0, path), 0);
    }
    uint32_t before = free_blocks();
    for (int i = 0; i < 3000; i++) {
        snprintf(path, sizeof path, "/dir%d/file%d", i % 30, i);
        fill_pattern(buf, (uint32_t)(i % 3000), (uint32_t)i);
        if (put(path, buf, (uint32_t)(i % 3000)) != i % 3000) {
            CHECK(!"put");
            break;
        }
    }
    remount(0);
    check_fsck();
    int bad = 0;
    for (int i = 0; i < 3000; i++) {
        snprintf(path, sizeof path, "/dir%d/file%d", i % 30, i);
        fill_pattern(want, (uint32_t)(i % 3000), (uint32_t)i);
        bad += !same(path, want, (uint32_t)(i % 3000));
    }
    CHECK_EQ(bad, 0);
    for (int i = 0; i < 3000; i += 2) {
        snprintf(path, sizeof path, "/dir%d/file%d", i % 30, i);
        CHECK_EQ(fs_unlink(0, path), 0);
    }
    remount(0);
    check_fsck();
    bad = 0;
    for (int i = 0; i < 3000; i++) {
        snprintf(path, sizeof path, "/dir%d/file%d", i % 30, i);
        fill_pattern(want, (uint32_t)(i % 3000), (uint32_t)i);
        bad += (i % 2 == 0) ? exists(path) : !same(path, want, (uint32_t)(i % 3000));
    }
    CHECK_EQ(bad, 0);
    for (int i = 1; i < 3000; i += 2) {
        snprintf(path, sizeof path, "/dir%d/file%d", i % 30, i);
        CHECK_EQ(fs_unlink(0, path), 0);
    }
    CHECK_EQ(free_blocks(), before - 30 * 6);                 /* each directory grew by 6 blocks */
    for (int d = 0; d < 30; d++) {
        snprintf(path, sizeof path, "/dir%d", d);
        CHECK_EQ(fs_rmdir(0, path), 0);
    }
    CHECK_EQ(free_blocks(), before + 30);                     /* everything came back */
    teardown();
}

static void t_big_dir(void)
{
    setup(8, 1024, 0);
    char path[80];
    CHECK_EQ(fs_mkdir(0, "/big"), 0);
    for (int i = 0; i < 500; i++) {
        snprintf(path, sizeof path, "/big/entry-with-a-long-name-%04d", i);
        CHECK_EQ(put(path, path, (uint32_t)strlen(path)), (int)strlen(path));
    }
    struct fs_inode *dp;
    CHECK_EQ(fs_lookup(0, "/big", &dp), 0);
    CHECK_EQ(dp->d.size, 502 * FS_DIRENT_SIZE);
    struct fs_dirinfo de;
    uint32_t pos = 0, n = 0, regs = 0;
    while (fs_readdir(dp, &pos, &de) > 0) {
        n++;
        regs += de.type == IR_DT_REG;
    }
    CHECK_EQ(n, 502);
    CHECK_EQ(regs, 500);
    for (int i = 0; i < 500; i++) {
        snprintf(path, sizeof path, "/big/entry-with-a-long-name-%04d", i);
        CHECK(same(path, path, (uint32_t)strlen(path)));
    }
    CHECK_EQ(fs_rmdir(0, "/big"), -IR_ENOTEMPTY);
    for (int i = 0; i < 500; i++) {
        snprintf(path, sizeof path, "big/entry-with-a-long-name-%04d", i);
        CHECK_EQ(fs_unlink(0, path), 0);
    }
    pos = n = 0;
    while (fs_readdir(dp, &pos, &de) > 0)
        n++;
    CHECK_EQ(n, 2);
    /* freed slots are reused: the directory does not grow */
    CHECK_EQ(put("/big/again", "x", 1), 1);
    CHECK_EQ(dp->d.size, 502 * FS_DIRENT_SIZE);
    fs_put(dp);
    CHECK_EQ(fs_unlink(0, "/big/again"), 0);
    CHECK_EQ(fs_rmdir(0, "/big"), 0);
    teardown();
}

static void t_large_file(void)
{
    setup(40, 256, 0);
    uint32_t len = 17u << 20;                                 /* 17 MiB: deep into the double-indirect range */
    uint8_t *buf = malloc(len), *out = malloc(len);
    fill_pattern(buf, len, 3);
    uint32_t before = free_blocks();
    CHECK_EQ(put("/huge", buf, len), len);
    remount(0);
    CHECK(same("/huge", buf, len));
    struct fs_inode *ip;
    CHECK_EQ(fs_open(0, "/huge", IR_O_RDWR, &ip), 0);
    struct ir_stat st;
    fs_stat(ip, &st);
    uint32_t nblk = len / FS_BSIZE, ind = 1 + 1 + (nblk - 12 - 256 + 255) / 256;
    CHECK_EQ(st.st_blocks, 2 * (nblk + ind));
    /* reads that straddle the single/double indirect boundary */
    uint32_t edge = (12 + 256) * FS_BSIZE - 10;
    CHECK_EQ(fs_read(ip, out, edge, 20), 20);
    CHECK(!memcmp(out, buf + edge, 20));
    /* shrink to a non-aligned size inside the indirect range, then extend: the tail must read as zeros */
    CHECK_EQ(fs_truncate(ip, 100000 + 17), 0);
    CHECK_EQ(ip->d.size, 100017);
    CHECK_EQ(fs_truncate(ip, 300000), 0);
    CHECK_EQ(fs_read(ip, out, 0, len), 300000);
    CHECK(!memcmp(out, buf, 100017));
    int zeros = 1;
    for (uint32_t i = 100017; i < 300000; i++)
        zeros &= out[i] == 0;
    CHECK(zeros);
    CHECK_EQ(fs_truncate(ip, 0), 0);
    CHECK_EQ(free_blocks(), before);
    /* the size limit */
    CHECK_EQ(fs_write(ip, "ab", FS_MAXFILE - 1, 2), 1);
    CHECK_EQ(fs_write(ip, "ab", FS_MAXFILE, 2), -IR_EFBIG);
    CHECK_EQ(ip->d.size, FS_MAXFILE);
    CHECK_EQ(fs_read(ip, out, FS_MAXFILE - 3, 10), 3);
    CHECK(out[0] == 0 && out[1] == 0 && out[2] == 'a');
    fs_put(ip);
    check_fsck();
    CHECK_EQ(fs_unlink(0, "/huge"), 0);
    CHECK_EQ(free_blocks(), before);
    free(buf);
    free(out);
    teardown();
}

static void t_disk_full(void)
{
    setup(1, 64, 0);
    uint32_t before = free_blocks();
    uint8_t *buf = calloc(1, 2u << 20);
    fill_pattern(buf, 2u << 20, 9);
    struct fs_inode *ip;
    CHECK_EQ(fs_open(0, "/fill", IR_O_RDWR | IR_O_CREAT, &ip), 0);
    int32_t w = fs_write(ip, buf, 0, 2u << 20);
    CHECK(w > 0 && w < (2 << 20));
    CHECK_EQ(ip->d.size, (uint32_t)w);
    CHECK_EQ(fs_write(ip, buf, (uint32_t)w, 4096), -IR_ENOSPC);
    CHECK_EQ(free_blocks(), 0);
    /* creating and growing directories fails cleanly too */
    char path[32];
    int r = 0, made = 0;
    for (int i = 0; i < 40 && r == 0; i++) {
        snprintf(path, sizeof path, "/d%d", i);
        if ((r = fs_mkdir(0, path)) == 0)
            made++;
    }
    CHECK_EQ(r, -IR_ENOSPC);
    CHECK_EQ(made, 0);
    r = 0;
    for (int i = 0; i < 40 && r == 0; i++) {
        snprintf(path, sizeof path, "/f%d", i);
        r = put(path, "", 0);
    }
    CHECK_EQ(r, -IR_ENOSPC);                                  /* "/" cannot grow */
    fs_put(ip);
    check_fsck();
    remount(0);
    check_fsck();
    CHECK(same("/fill", buf, (uint32_t)w));
    CHECK_EQ(fs_unlink(0, "/fill"), 0);
    for (int i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "/f%d", i);
        fs_unlink(0, path);
    }
    CHECK_EQ(free_blocks(), before);
    free(buf);
    teardown();
}

static void t_out_of_inodes(void)
{
    setup(4, 64, 0);
    char path[32];
    int r = 0, n = 0;
    for (int i = 0; i < 100 && r == 0; i++) {
        snprintf(path, sizeof path, "/f%d", i);
        if ((r = put(path, "data", 4)) == 4)
            n++, r = 0;
    }
    CHECK_EQ(r, -IR_ENOSPC);
    CHECK_EQ(n, 62);                                          /* 64 - inode 0 - root */
    CHECK_EQ(free_inodes(), 0);
    CHECK_EQ(fs_mkdir(0, "/d"), -IR_ENOSPC);
    CHECK(!exists("/d"));
    check_fsck();
    CHECK_EQ(fs_unlink(0, "/f3"), 0);
    CHECK_EQ(fs_mkdir(0, "/d"), 0);
    teardown();
}

static void t_rename(void)
{
    setup(8, 256, 0);
    uint32_t base = free_blocks();
    CHECK_EQ(put("/a", "aaaa", 4), 4);
    CHECK_EQ(fs_rename(0, "/a", 0, "/b"), 0);                 /* same directory */
    CHECK(!exists("/a") && same("/b", "aaaa", 4));
    CHECK_EQ(fs_mkdir(0, "/d1"), 0);
    CHECK_EQ(fs_mkdir(0, "/d2"), 0);
    CHECK_EQ(fs_rename(0, "/b", 0, "/d1/b"), 0);              /* across directories */
    CHECK(same("/d1/b", "aaaa", 4));
    uint8_t big[50000];
    fill_pattern(big, sizeof big, 5);
    CHECK_EQ(put("/d2/victim", big, sizeof big), sizeof big);
    uint32_t with_victim = free_blocks();
    CHECK_EQ(fs_rename(0, "/d1/b", 0, "/d2/victim"), 0);      /* replaces a file: its blocks are freed */
    CHECK(same("/d2/victim", "aaaa", 4) && !exists("/d1/b"));
    CHECK(free_blocks() > with_victim + 40);
    CHECK_EQ(fs_rename(0, "/d2/victim", 0, "/d2/victim"), 0); /* onto itself */
    CHECK_EQ(fs_rename(0, "/nope", 0, "/x"), -IR_ENOENT);
    /* directories */
    CHECK_EQ(fs_mkdir(0, "/d1/sub"), 0);
    CHECK_EQ(fs_mkdir(0, "/d1/sub/deeper"), 0);
    CHECK_EQ(nlink_of("/d1"), 3);
    CHECK_EQ(fs_rename(0, "/d1/sub", 0, "/d1/sub/deeper/x"), -IR_EINVAL);   /* into itself */
    CHECK_EQ(fs_rename(0, "/d1/sub", 0, "/d1/sub/x"), -IR_EINVAL);
    CHECK_EQ(fs_rename(0, "/d1", 0, "/d1/sub/deeper"), -IR_EINVAL);
    CHECK_EQ(fs_rename(0, "/d1/sub", 0, "/d2/sub"), 0);
    CHECK_EQ(nlink_of("/d1"), 2);
    CHECK_EQ(nlink_of("/d2"), 3);
    struct fs_inode *a, *b;
    CHECK_EQ(fs_lookup(0, "/d2/sub/deeper/../..", &a), 0);   /* ".." was updated */
    CHECK_EQ(fs_lookup(0, "/d2", &b), 0);
    CHECK(a == b);
    fs_put(a);
    fs_put(b);
    CHECK_EQ(fs_mkdir(0, "/empty"), 0);
    CHECK_EQ(fs_rename(0, "/d2/sub", 0, "/empty"), 0);        /* replaces an empty directory */
    CHECK_EQ(nlink_of("/"), 5);                               /* ., .., d1, d2, empty(=sub) */
    CHECK_EQ(nlink_of("/d2"), 2);
    CHECK(exists("/empty/deeper"));
    CHECK_EQ(fs_mkdir(0, "/full"), 0);
    CHECK_EQ(put("/full/f", "f", 1), 1);
    CHECK_EQ(fs_rename(0, "/d1", 0, "/full"), -IR_ENOTEMPTY);
    CHECK_EQ(fs_rename(0, "/d2/victim", 0, "/d1"), -IR_EISDIR);
    CHECK_EQ(fs_rename(0, "/d1", 0, "/d2/victim"), -IR_ENOTDIR);
    CHECK_EQ(fs_rename(0, "/d1", 0, "/."), -IR_EINVAL);
    CHECK_EQ(fs_rename(0, "/", 0, "/x"), -IR_EBUSY);
    check_fsck();
    remount(0);
    CHECK_EQ(fs_unlink(0, "/full/f"), 0);
    CHECK_EQ(fs_unlink(0, "/d2/victim"), 0);
    CHECK_EQ(fs_rmdir(0, "/empty/deeper"), 0);
    CHECK_EQ(fs_rmdir(0, "/empty"), 0);
    CHECK_EQ(fs_rmdir(0, "/full"), 0);
    CHECK_EQ(fs_rmdir(0, "/d1"), 0);
    CHECK_EQ(fs_rmdir(0, "/d2"), 0);
    CHECK_EQ(nlink_of("/"), 2);
    CHECK(free_blocks() + 1 >= base);
    teardown();
}

static void t_unlink_open(void)
{
    setup(8, 256, 0);
    uint32_t base = free_blocks();
    uint8_t buf[20000];
    fill_pattern(buf, sizeof buf, 7);
    CHECK_EQ(put("/f", buf, sizeof buf), sizeof buf);
    struct fs_inode *ip, *ip2;
    CHECK_EQ(fs_open(0, "/f", IR_O_RDWR, &ip), 0);
    ip2 = fs_dup(ip);
    CHECK_EQ(fs_unlink(0, "/f"), 0);
    CHECK(!exists("/f"));
    CHECK_EQ(ip->d.nlink, 0);
    uint8_t out[20000];
    CHECK_EQ(fs_read(ip, out, 0, sizeof out), sizeof out);   /* still readable and writable */
    CHECK(!memcmp(out, buf, sizeof buf));
    CHECK_EQ(fs_write(ip, "more", 20000, 4), 4);
    CHECK_EQ(fs_sync(), 0);
    check_fsck();                                             /* an orphan is not a problem */
    fs_put(ip);
    CHECK(free_blocks() < base);                              /* one reference left */
    fs_put(ip2);
    CHECK_EQ(free_blocks(), base);                            /* last reference: freed */
    /* the same, but the machine stops while the file is open: the next mount frees it */
    CHECK_EQ(put("/g", buf, sizeof buf), sizeof buf);
    CHECK_EQ(fs_open(0, "/g", IR_O_RDONLY, &ip), 0);
    CHECK_EQ(fs_unlink(0, "/g"), 0);
    CHECK_EQ(fs_sync(), 0);
    fs_forget();                                              /* power cut */
    CHECK_EQ(fs_mount(&md.dev, 0), 0);
    CHECK_EQ(free_blocks(), base);
    CHECK_EQ(free_inodes(), 254);
    teardown();
}

static void t_links_and_rmdir(void)
{
    setup(8, 256, 0);
    CHECK_EQ(put("/x", "xx", 2), 2);
    CHECK_EQ(fs_mkdir(0, "/d"), 0);
    CHECK_EQ(fs_link(0, "/x", 0, "/d/y"), 0);
    CHECK_EQ(nlink_of("/x"), 2);
    CHECK_EQ(fs_link(0, "/x", 0, "/d/y"), -IR_EEXIST);
    CHECK_EQ(fs_link(0, "/d", 0, "/dd"), -IR_EPERM);
    CHECK_EQ(fs_unlink(0, "/x"), 0);
    CHECK(same("/d/y", "xx", 2));
    CHECK_EQ(nlink_of("/d/y"), 1);
    CHECK_EQ(fs_unlink(0, "/d"), -IR_EISDIR);
    CHECK_EQ(fs_rmdir(0, "/d/y"), -IR_ENOTDIR);
    CHECK_EQ(fs_rmdir(0, "/d"), -IR_ENOTEMPTY);
    CHECK_EQ(fs_rmdir(0, "/d/."), -IR_EINVAL);
    CHECK_EQ(fs_rmdir(0, "/"), -IR_EBUSY);
    CHECK_EQ(fs_unlink(0, "/d/y"), 0);
    /* remove a directory that is someone's cwd */
    struct fs_inode *cwd;
    CHECK_EQ(fs_lookup(0, "/d", &cwd), 0);
    CHECK_EQ(fs_rmdir(0, "/d"), 0);
    struct fs_inode *ip;
    CHECK_EQ(fs_open(cwd, "new", IR_O_CREAT | IR_O_WRONLY, &ip), -IR_ENOENT);
    CHECK_EQ(fs_lookup(cwd, "..", &ip), -IR_ENOENT);
    char buf[64];
    CHECK_EQ(fs_getpath(cwd, buf, sizeof buf), -IR_ENOENT);
    fs_put(cwd);
    CHECK_EQ(nlink_of("/"), 2);
    teardown();
}

static void t_paths(void)
{
    setup(8, 256, 0);
    CHECK_EQ(fs_mkdir(0, "/a"), 0);
    CHECK_EQ(fs_mkdir(0, "/a/b"), 0);
    CHECK_EQ(fs_mkdir(0, "a/b/c/"), 0);                       /* relative to the root, trailing slash */
    struct fs_inode *cwd, *ip;
    CHECK_EQ(fs_lookup(0, "//a///b", &cwd), 0);
    CHECK_EQ(put("/a/b/file", "hello", 5), 5);
    CHECK_EQ(fs_lookup(cwd, "file", &ip), 0);
    fs_put(ip);
    CHECK_EQ(fs_lookup(cwd, "./c/../file", &ip), 0);
    fs_put(ip);
    CHECK_EQ(fs_lookup(cwd, "../../../../a/b/file", &ip), 0);   /* the root's .. is the root */
    fs_put(ip);
    CHECK_EQ(fs_lookup(cwd, "file/x", &ip), -IR_ENOTDIR);
    CHECK_EQ(fs_lookup(cwd, "nothing", &ip), -IR_ENOENT);
    CHECK_EQ(fs_lookup(cwd, "", &ip), -IR_ENOENT);
    char name60[61], name59[60];
    memset(name60, 'n', 60);
    name60[60] = 0;
    memset(name59, 'n', 59);
    name59[59] = 0;
    CHECK_EQ(fs_mkdir(cwd, name60), -IR_ENAMETOOLONG);
    CHECK_EQ(fs_lookup(cwd, name60, &ip), -IR_ENAMETOOLONG);
    CHECK_EQ(fs_mkdir(cwd, name59), 0);
    CHECK_EQ(fs_mkdir(cwd, name59), -IR_EEXIST);
    CHECK_EQ(fs_mkdir(cwd, "."), -IR_EEXIST);
    CHECK_EQ(fs_mkdir(0, "/"), -IR_EEXIST);
    char buf[128];
    CHECK_EQ(fs_getpath(cwd, buf, sizeof buf), 0);
    CHECK(!strcmp(buf, "/a/b"));
    CHECK_EQ(fs_getpath(cwd, buf, 4), -IR_ERANGE);
    CHECK_EQ(fs_lookup(cwd, name59, &ip), 0);
    CHECK_EQ(fs_getpath(ip, buf, sizeof buf), 0);
    CHECK(!strncmp(buf, "/a/b/nnnn", 9) && strlen(buf) == 5 + 59);
    fs_put(ip);
    ip = fs_root();
    CHECK_EQ(fs_getpath(ip, buf, sizeof buf), 0);
    CHECK(!strcmp(buf, "/"));
    fs_put(ip);
    /* open flags */
    CHECK_EQ(fs_open(cwd, "file", IR_O_CREAT | IR_O_EXCL | IR_O_WRONLY, &ip), -IR_EEXIST);
    CHECK_EQ(fs_open(cwd, "file", IR_O_RDONLY | IR_O_DIRECTORY, &ip), -IR_ENOTDIR);
    CHECK_EQ(fs_open(cwd, "c", IR_O_WRONLY, &ip), -IR_EISDIR);
    CHECK_EQ(fs_open(cwd, "c", IR_O_RDONLY | IR_O_DIRECTORY, &ip), 0);
    CHECK_EQ(fs_write(ip, "x", 0, 1), -IR_EISDIR);
    fs_put(ip);
    CHECK_EQ(fs_open(cwd, "file", IR_O_RDWR | IR_O_TRUNC, &ip), 0);
    CHECK_EQ(ip->d.size, 0);
    fs_put(ip);
    CHECK_EQ(fs_open(cwd, "newfile", IR_O_RDONLY, &ip), -IR_ENOENT);
    CHECK_EQ(fs_open(cwd, "newfile", IR_O_RDONLY | IR_O_CREAT, &ip), 0);
    fs_put(ip);
    CHECK_EQ(fs_open(cwd, "nodir/newfile", IR_O_WRONLY | IR_O_CREAT, &ip), -IR_ENOENT);
    fs_put(cwd);
    teardown();
}

static void t_refcounts(void)
{
    setup(8, 1024, 0);
    static struct fs_inode *held[FS_NINODE + 1];
    char path[32];
    int n = 0, r = 0;
    for (int i = 0; i <= (int)FS_NINODE && r == 0; i++) {
        snprintf(path, sizeof path, "/f%d", i);
        r = fs_open(0, path, IR_O_CREAT | IR_O_RDWR, &held[n]);
        if (r == 0)
            n++;
    }
    CHECK_EQ(r, -IR_ENFILE);
    CHECK(n >= (int)FS_NINODE - 2);
    struct fs_inode *again;
    CHECK_EQ(fs_lookup(0, "/f0", &again), 0);                 /* already in memory: shares the slot */
    CHECK(again == held[0] && held[0]->ref == 2);
    fs_put(again);
    for (int i = 0; i < n; i++)
        fs_put(held[i]);
    teardown();
}

static void t_sync_mode_and_replay(void)
{
    /* FS_MOUNT_SYNC: every operation reaches the disk before it returns */
    setup(8, 256, FS_MOUNT_SYNC);
    unsigned long w0 = md.writes;
    CHECK_EQ(put("/s", "sync", 4), 4);
    CHECK(md.writes > w0);
    fs_forget();
    CHECK_EQ(fs_mount(&md.dev, 0), 0);
    CHECK(same("/s", "sync", 4));
    /* group commit: nothing is written until the log fills or fs_sync */
    w0 = md.writes;
    CHECK_EQ(put("/g", "group", 5), 5);
    CHECK_EQ(fs_mkdir(0, "/gd"), 0);
    CHECK_EQ(md.writes, w0);
    CHECK_EQ(fs_sync(), 0);
    CHECK(md.writes > w0);
    CHECK_EQ(put("/lost", "lost", 4), 4);                     /* never committed */
    fs_forget();
    CHECK_EQ(fs_mount(&md.dev, 0), 0);
    CHECK(same("/g", "group", 5) && exists("/gd") && !exists("/lost"));
    teardown();
}

static void t_log_replay_from_header(void)
{
    /* a crash right after the commit point: the log holds the transaction, home blocks are old. Build it by
     * letting the device drop writes after the header, then check fsck (virtual replay) and the mount. */
    setup(8, 256, 0);
    CHECK_EQ(fs_sync(), 0);
    unsigned long w0 = md.writes;
    CHECK_EQ(put("/r", "replayed", 8), 8);
    /* count the log blocks of the transaction with a dry run on a copy */
    struct memdev copy = md;
    copy.data = malloc((size_t)md.sectors * 512);
    memcpy(copy.data, md.data, (size_t)md.sectors * 512);
    md.crash_after = -1;
    CHECK_EQ(fs_sync(), 0);
    unsigned long total = md.writes - w0;                     /* 2 sectors per block: n log + 1 hdr + n + 1 hdr */
    unsigned long n = (total / 2 - 2) / 2;
    memcpy(md.data, copy.data, (size_t)md.sectors * 512);    /* back to before the commit */
    free(copy.data);
    fs_forget();
    CHECK_EQ(fs_mount(&md.dev, 0), 0);
    CHECK(!exists("/r"));
    CHECK_EQ(put("/r", "replayed", 8), 8);
    md.crash_after = (long)(md.writes + 2 * (n + 1));         /* log blocks and header only */
    CHECK_EQ(fs_sync(), 0);
    CHECK(md.crashed);
    fs_forget();
    md.crash_after = -1;
    md.crashed = 0;
    CHECK_EQ(fsck_fs(&md.dev, stdout, 0), FSCK_CLEAN);       /* checked as replayed */
    CHECK_EQ(fs_mount(&md.dev, 0), 0);
    CHECK(same("/r", "replayed", 8));
    teardown();
}

struct testcase {
    const char *name;
    void (*fn)(void);
};

int main(void)
{
    static const struct testcase cases[] = {
        {"format-mount", t_format_mount},
        {"read-write", t_read_write},
        {"many-files-3000", t_many_files},
        {"dir-500-entries", t_big_dir},
        {"file-17MiB-double-indirect", t_large_file},
        {"disk-full", t_disk_full},
        {"out-of-inodes", t_out_of_inodes},
        {"rename", t_rename},
        {"unlink-open-refcounts", t_unlink_open},
        {"links-rmdir", t_links_and_rmdir},
        {"paths-open-flags", t_paths},
        {"inode-table-full", t_refcounts},
        {"sync-mode-group-commit", t_sync_mode_and_replay},
        {"log-replay", t_log_replay_from_header},
    };
    int n = (int)(sizeof cases / sizeof cases[0]);
    for (int i = 0; i < n; i++) {
        case_failed = 0;
        cases[i].fn();
        printf("%s fs-unit: %s\n", case_failed ? "FAIL" : "PASS", cases[i].name);
        fflush(stdout);
        total_failed += case_failed;
    }
    printf("fs-unit: %d passed, %d failed\n", n - total_failed, total_failed);
    return total_failed ? 1 : 0;
}
