/*
 * main.c - fsimage, the host tool that builds and edits Iridium disk images (iridium/disk.h + IRFS).
 *
 * Subcommands: mkfs, fsck, info, ls, get, put, mkdir, rm, update-kernel, sync-tree (`fsimage --help`). Every
 * change to the file system goes through the same core as the kernel (os/kernel/fs/, compiled for the host) and
 * its log, so an interrupted fsimage leaves a consistent image.
 *
 * Invariants: exit status 0 = success, 1 = the operation failed (message on stderr), 2 = bad command line or an
 * image that cannot be used at all (fsck: 0 clean, 1 problems, 2 unreadable); the image is unmounted (committed)
 * on every path that mounted it; no input, however damaged, makes the tool crash.
 */
#define _GNU_SOURCE
#include "fsck.h"
#include "image.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern uint32_t fs_port_fixed_time;
extern int fs_port_quiet;

#define DEFAULT_LOAD   0x40100000u
#define KERNEL_SECTOR  8u             /* the kernel image starts 4 KiB into the disk */

static struct image im;
static int mounted;

/* ---- helpers ----------------------------------------------------------------------------------------------- */

static void die_usage(const char *cmd, const char *msg, const char *arg)
{
    fprintf(stderr, "fsimage%s%s: %s%s%s\n", cmd ? " " : "", cmd ? cmd : "", msg, arg ? " " : "", arg ? arg : "");
    fprintf(stderr, "Try 'fsimage %s--help'.\n", cmd ? cmd : "");
    exit(2);
}

static const char *errstr(int r)
{
    return strerror(r < 0 ? -r : r);   /* IR_E* values are the Linux ones */
}

static int parse_u32(const char *s, uint32_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || v > 0xffffffffull || s[0] == '-')
        return -1;
    *out = (uint32_t)v;
    return 0;
}

static int read_host_file(const char *path, uint8_t **data, uint32_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "fsimage: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 65536, n = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf)
            break;
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        if (cap > FS_MAXFILE) {
            fprintf(stderr, "fsimage: %s is larger than the largest IRFS file (%u bytes)\n", path, FS_MAXFILE);
            free(buf);
            fclose(f);
            return -1;
        }
        cap *= 2;
        uint8_t *nb = realloc(buf, cap);
        if (!nb)
            free(buf);
        buf = nb;
    }
    int bad = ferror(f) || !buf;
    fclose(f);
    if (bad) {
        fprintf(stderr, "fsimage: cannot read %s\n", path);
        free(buf);
        return -1;
    }
    *data = buf;
    *len = (uint32_t)n;
    return 0;
}

/* open IMG and mount its file system; prints the reason and returns 1 or 2 on failure */
static int open_fs(const char *path, int writable)
{
    char err[256];
    if (image_open(&im, path, writable, err, sizeof err) < 0) {
        fprintf(stderr, "fsimage: %s\n", err);
        return 2;
    }
    if (image_load_header(&im, err, sizeof err) < 0) {
        fprintf(stderr, "fsimage: %s: %s\n", path, err);
        image_close(&im);
        return 2;
    }
    int r = fs_mount(&im.part, 0);
    if (r < 0) {
        fprintf(stderr, "fsimage: %s: cannot mount the file system: %s (try 'fsimage fsck %s')\n", path,
                errstr(r), path);
        image_close(&im);
        return 2;
    }
    mounted = 1;
    return 0;
}

/* commit and close; returns the exit status to use given the previous one */
static int close_fs(int status)
{
    if (mounted) {
        int r = fs_unmount();
        mounted = 0;
        if (r < 0) {
            fprintf(stderr, "fsimage: writing the image failed: %s\n", errstr(r));
            status = 1;
        }
    }
    image_close(&im);
    return status;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    char *p = malloc(n + strlen(name) + 2);
    if (!p) {
        fprintf(stderr, "fsimage: out of memory\n");
        exit(1);
    }
    sprintf(p, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
    return p;
}

/* ---- copying host files in -------------------------------------------------------------------------------- */

struct copy_stats {
    unsigned files, dirs, unchanged, skipped;
    uint64_t bytes;
};

/* create or replace the file fspath with the host file's contents (kept as is when identical) */
static int put_file(const char *host, const char *fspath, struct copy_stats *st)
{
    uint8_t *data;
    uint32_t len;
    struct fs_inode *ip;
    if (read_host_file(host, &data, &len) < 0)
        return -1;
    if (fs_lookup(0, fspath, &ip) == 0) {
        int same = ip->d.type == FS_T_FILE && ip->d.size == len;
        if (same && len) {
            uint8_t *old = malloc(len);
            same = old && fs_read(ip, old, 0, len) == (int32_t)len && !memcmp(old, data, len);
            free(old);
        }
        fs_put(ip);
        if (same) {
            st->unchanged++;
            free(data);
            return 0;
        }
    }
    int r = fs_open(0, fspath, IR_O_WRONLY | IR_O_CREAT | IR_O_TRUNC, &ip);
    if (r < 0) {
        fprintf(stderr, "fsimage: cannot create %s in the image: %s\n", fspath, errstr(r));
        free(data);
        return -1;
    }
    int32_t w = len ? fs_write(ip, data, 0, len) : 0;
    fs_put(ip);
    free(data);
    if (w != (int32_t)len) {
        fprintf(stderr, "fsimage: writing %s into the image: %s\n", fspath,
                w < 0 ? errstr(w) : "short write (disk full)");
        return -1;
    }
    st->files++;
    st->bytes += len;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* make sure fspath is a directory (creating it, and its parents with parents != 0) */
static int ensure_dir(const char *fspath, int parents, struct copy_stats *st)
{
    struct fs_inode *ip;
    int r = fs_lookup(0, fspath, &ip);
    if (r == 0) {
        int isdir = ip->d.type == FS_T_DIR;
        fs_put(ip);
        if (isdir)
            return 0;
        fprintf(stderr, "fsimage: %s exists in the image and is not a directory\n", fspath);
        return -1;
    }
    if (r == -IR_ENOENT && parents) {
        char *parent = strdup(fspath);
        char *slash = strrchr(parent, '/');
        while (slash && slash > parent && slash[1] == 0) {   /* trailing slashes */
            *slash = 0;
            slash = strrchr(parent, '/');
        }
        if (slash && slash != parent) {
            *slash = 0;
            if (ensure_dir(parent, 1, st) < 0) {
                free(parent);
                return -1;
            }
        }
        free(parent);
    }
    r = fs_mkdir(0, fspath);
    if (r < 0) {
        fprintf(stderr, "fsimage: cannot create directory %s in the image: %s\n", fspath, errstr(r));
        return -1;
    }
    if (st)
        st->dirs++;
    return 0;
}

static int copy_tree(const char *host, const char *fspath, struct copy_stats *st)
{
    DIR *d = opendir(host);
    if (!d) {
        fprintf(stderr, "fsimage: cannot read directory %s: %s\n", host, strerror(errno));
        return -1;
    }
    char **names = 0;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int result = 0;
    for (size_t i = 0; i < n && result == 0; i++) {
        char *hp = join(host, names[i]), *fp = join(fspath, names[i]);
        struct stat sb;
        if (strlen(names[i]) > FS_NAME_MAX) {
            fprintf(stderr, "fsimage: %s: name longer than %u bytes\n", hp, FS_NAME_MAX);
            result = -1;
        } else if (stat(hp, &sb) < 0) {
            fprintf(stderr, "fsimage: warning: skipping %s: %s\n", hp, strerror(errno));
            st->skipped++;
        } else if (S_ISDIR(sb.st_mode)) {
            result = ensure_dir(fp, 0, st);
            if (result == 0)
                result = copy_tree(hp, fp, st);
        } else if (S_ISREG(sb.st_mode)) {
            result = put_file(hp, fp, st);
        } else {
            fprintf(stderr, "fsimage: warning: skipping %s: not a regular file or directory\n", hp);
            st->skipped++;
        }
        free(hp);
        free(fp);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return result;
}

/* ---- subcommands ------------------------------------------------------------------------------------------- */

struct opts {
    const char *pos[4];
    int npos;
};

/* collect positional arguments; options are handled by the caller through the callback-free loop below */
#define FOR_ARGS(i) for (int i = 1; i < argc; i++)

static void want_pos(const char *cmd, struct opts *o, int min, int max)
{
    if (o->npos < min)
        die_usage(cmd, "missing argument", 0);
    if (o->npos > max)
        die_usage(cmd, "too many arguments:", o->pos[max]);
}

static void add_pos(const char *cmd, struct opts *o, const char *arg)
{
    if (arg[0] == '-' && arg[1] != 0)
        die_usage(cmd, "unknown option", arg);
    if (o->npos == 4)
        die_usage(cmd, "too many arguments:", arg);
    o->pos[o->npos++] = arg;
}

static const char *need_value(const char *cmd, int argc, char **argv, int *i)
{
    if (*i + 1 >= argc)
        die_usage(cmd, "missing value after", argv[*i]);
    return argv[++*i];
}

static uint32_t need_u32(const char *cmd, int argc, char **argv, int *i)
{
    const char *opt = argv[*i], *v = need_value(cmd, argc, argv, i);
    uint32_t x;
    if (parse_u32(v, &x) < 0) {
        fprintf(stderr, "fsimage %s: %s wants a number, not '%s'\n", cmd, opt, v);
        exit(2);
    }
    return x;
}

static int write_header(struct disk_header *h)
{
    uint8_t sector[DISK_SECTOR];
    memset(sector, 0, sizeof sector);
    h->header_crc32 = disk_header_crc(h);
    memcpy(sector, h, sizeof *h);
    return image_write(&im, 0, sector, sizeof sector);
}

static int cmd_mkfs(int argc, char **argv)
{
    const char *cmd = "mkfs", *kernel = 0, *root = 0;
    uint32_t size_mib = 0, load = DEFAULT_LOAD, entry = 0, reserve_kib = 0xffffffffu, ninodes = 0, nlog = FS_LOG_CAP;
    int have_entry = 0;
    struct opts o = {0};
    FOR_ARGS(i) {
        if (!strcmp(argv[i], "--size"))
            size_mib = need_u32(cmd, argc, argv, &i);
        else if (!strcmp(argv[i], "--kernel"))
            kernel = need_value(cmd, argc, argv, &i);
        else if (!strcmp(argv[i], "--kernel-load"))
            load = need_u32(cmd, argc, argv, &i);
        else if (!strcmp(argv[i], "--kernel-entry"))
            entry = need_u32(cmd, argc, argv, &i), have_entry = 1;
        else if (!strcmp(argv[i], "--kernel-reserve"))
            reserve_kib = need_u32(cmd, argc, argv, &i);
        else if (!strcmp(argv[i], "--root"))
            root = need_value(cmd, argc, argv, &i);
        else if (!strcmp(argv[i], "--inodes"))
            ninodes = need_u32(cmd, argc, argv, &i);
        else if (!strcmp(argv[i], "--log"))
            nlog = need_u32(cmd, argc, argv, &i);
        else if (!strcmp(argv[i], "--time"))
            fs_port_fixed_time = need_u32(cmd, argc, argv, &i);
        else
            add_pos(cmd, &o, argv[i]);
    }
    want_pos(cmd, &o, 1, 1);
    if (size_mib == 0 || size_mib > 2047)
        die_usage(cmd, "--size MiB is required, 1..2047", 0);
    if (nlog < FS_OP_MAX || nlog > FS_LOG_MAX) {
        fprintf(stderr, "fsimage mkfs: --log must be in [%u, %u]\n", FS_OP_MAX, FS_LOG_MAX);
        return 2;
    }
    if (!have_entry)
        entry = load;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);

    uint8_t *kdata = 0;
    uint32_t klen = 0;
    if (kernel && read_host_file(kernel, &kdata, &klen) < 0)
        return 1;
    uint32_t kmib = (klen + (1u << 20) - 1) >> 20;
    if (reserve_kib == 0xffffffffu)
        reserve_kib = kmib + 1 < 4 ? 4096 : (kmib + 1) * 1024;
    if (reserve_kib > 2047u * 1024u) {
        fprintf(stderr, "fsimage mkfs: --kernel-reserve %u KiB is more than the largest disk\n", reserve_kib);
        return 2;
    }
    if ((uint64_t)reserve_kib * 1024 < klen) {
        fprintf(stderr, "fsimage mkfs: the kernel (%u bytes) does not fit in --kernel-reserve %u KiB\n", klen,
                reserve_kib);
        return 1;
    }
    uint32_t disk_sectors = size_mib * 2048u;
    uint32_t fs_sector = (KERNEL_SECTOR + reserve_kib * 2u + 2047u) / 2048u * 2048u;   /* 1 MiB aligned */
    if ((uint64_t)fs_sector + 512 > disk_sectors) {
        fprintf(stderr, "fsimage mkfs: %u MiB is too small: the file system would start at %u MiB\n", size_mib,
                fs_sector / 2048);
        return 1;
    }
    uint32_t fs_sectors = disk_sectors - fs_sector, nblocks = fs_sectors / 2;
    if (ninodes == 0)
        ninodes = nblocks / 8 < 64 ? 64 : nblocks / 8;

    const char *path = o.pos[0];
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ftruncate(fd, (off_t)disk_sectors * DISK_SECTOR) < 0) {
        fprintf(stderr, "fsimage mkfs: cannot create %s: %s\n", path, strerror(errno));
        return 1;
    }
    close(fd);
    char err[256];
    if (image_open(&im, path, 1, err, sizeof err) < 0) {
        fprintf(stderr, "fsimage mkfs: %s\n", err);
        return 1;
    }
    if (klen && image_write(&im, (uint64_t)KERNEL_SECTOR * DISK_SECTOR, kdata, klen) < 0) {
        fprintf(stderr, "fsimage mkfs: writing the kernel into %s failed\n", path);
        return close_fs(1);
    }
    image_set_partition(&im, fs_sector, fs_sectors);
    int r = fs_format(&im.part, nblocks, ninodes, nlog);
    if (r == 0)
        r = fs_mount(&im.part, 0);
    if (r < 0) {
        fprintf(stderr, "fsimage mkfs: formatting failed: %s\n", errstr(r));
        return close_fs(1);
    }
    mounted = 1;
    struct copy_stats st = {0};
    if (root && copy_tree(root, "/", &st) < 0)
        return close_fs(1);
    struct fs_statfs sf;
    fs_statfs(&sf);
    if (close_fs(0))
        return 1;
    if (image_open(&im, path, 1, err, sizeof err) < 0) {
        fprintf(stderr, "fsimage mkfs: %s\n", err);
        return 1;
    }
    struct disk_header h = {
        .magic = DISK_MAGIC, .version = DISK_VERSION,
        .kernel_sector = klen ? KERNEL_SECTOR : 0, .kernel_bytes = klen,
        .kernel_load = load, .kernel_entry = entry,
        .fs_sector = fs_sector, .fs_sectors = fs_sectors, .disk_sectors = disk_sectors,
        .kernel_crc32 = ir_crc32(0, kdata, klen),
    };
    free(kdata);
    if (write_header(&h) < 0) {
        fprintf(stderr, "fsimage mkfs: writing the disk header failed\n");
        return close_fs(1);
    }
    image_close(&im);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("fsimage mkfs: %s: %u MiB; kernel %u bytes at sector %u (load 0x%08x, entry 0x%08x, room %u KiB); "
           "file system at sector %u: %u blocks, %u inodes, log %u; copied %u files (%llu bytes), %u directories;"
           " %u blocks free; %.0f ms\n", path, size_mib, klen, KERNEL_SECTOR, load, entry,
           (fs_sector - KERNEL_SECTOR) / 2, fs_sector, nblocks, sf.inodes + 1, nlog, st.files,
           (unsigned long long)st.bytes, st.dirs, sf.free_blocks, ms);
    return 0;
}

static int cmd_fsck(int argc, char **argv)
{
    const char *cmd = "fsck";
    int quiet = 0;
    struct opts o = {0};
    FOR_ARGS(i) {
        if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet"))
            quiet = 1;
        else
            add_pos(cmd, &o, argv[i]);
    }
    want_pos(cmd, &o, 1, 1);
    char err[256];
    if (image_open(&im, o.pos[0], 0, err, sizeof err) < 0) {
        fprintf(stderr, "fsimage fsck: %s\n", err);
        return FSCK_UNREADABLE;
    }
    int r = fsck_image(&im, quiet ? 0 : stdout, !quiet);
    image_close(&im);
    return r;
}

static int cmd_info(int argc, char **argv)
{
    struct opts o = {0};
    FOR_ARGS(i) add_pos("info", &o, argv[i]);
    want_pos("info", &o, 1, 1);
    int r = open_fs(o.pos[0], 0);
    if (r)
        return r;
    struct disk_header *h = &im.hdr;
    struct fs_statfs sf;
    fs_statfs(&sf);
    printf("disk:        %u sectors (%u MiB)\n", h->disk_sectors, h->disk_sectors / 2048);
    printf("kernel:      %u bytes at sector %u, load 0x%08x, entry 0x%08x, crc 0x%08x, room %u bytes\n",
           h->kernel_bytes, h->kernel_sector, h->kernel_load, h->kernel_entry, h->kernel_crc32,
           (h->fs_sector - (h->kernel_sector ? h->kernel_sector : KERNEL_SECTOR)) * DISK_SECTOR);
    printf("file system: sector %u, %u sectors\n", h->fs_sector, h->fs_sectors);
    printf("blocks:      %u of %u bytes, %u free\n", sf.blocks, sf.block_size, sf.free_blocks);
    printf("inodes:      %u, %u free\n", sf.inodes, sf.free_inodes);
    return close_fs(0);
}

static int cmp_dirinfo(const void *a, const void *b)
{
    return strcmp(((const struct fs_dirinfo *)a)->name, ((const struct fs_dirinfo *)b)->name);
}

static void print_entry(struct fs_inode *ip, const char *name, int lng)
{
    if (!lng) {
        printf("%s%s\n", name, ip->d.type == FS_T_DIR ? "/" : "");
        return;
    }
    char when[32] = "-";
    time_t t = ip->d.mtime;
    struct tm tm;
    if (t && gmtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    printf("%c %6u %3u %10u %s %s%s\n", ip->d.type == FS_T_DIR ? 'd' : '-', ip->inum, ip->d.nlink, ip->d.size,
           when, name, ip->d.type == FS_T_DIR ? "/" : "");
}

static int cmd_ls(int argc, char **argv)
{
    const char *cmd = "ls";
    int lng = 0, all = 0;
    struct opts o = {0};
    FOR_ARGS(i) {
        if (!strcmp(argv[i], "-l"))
            lng = 1;
        else if (!strcmp(argv[i], "-a"))
            all = 1;
        else if (!strcmp(argv[i], "-la") || !strcmp(argv[i], "-al"))
            lng = all = 1;
        else
            add_pos(cmd, &o, argv[i]);
    }
    want_pos(cmd, &o, 1, 2);
    const char *path = o.npos > 1 ? o.pos[1] : "/";
    int r = open_fs(o.pos[0], 0);
    if (r)
        return r;
    struct fs_inode *ip;
    if ((r = fs_lookup(0, path, &ip)) < 0) {
        fprintf(stderr, "fsimage ls: %s: %s\n", path, errstr(r));
        return close_fs(1);
    }
    if (ip->d.type != FS_T_DIR) {
        print_entry(ip, path, lng);
        fs_put(ip);
        return close_fs(0);
    }
    size_t n = 0, cap = 64;
    struct fs_dirinfo *list = malloc(cap * sizeof *list);
    uint32_t pos = 0;
    while ((r = fs_readdir(ip, &pos, &list[n])) > 0) {
        if (!all && list[n].name[0] == '.')
            continue;
        if (++n == cap)
            list = realloc(list, (cap *= 2) * sizeof *list);
    }
    int status = 0;
    if (r < 0) {
        fprintf(stderr, "fsimage ls: reading %s: %s\n", path, errstr(r));
        status = 1;
    }
    qsort(list, n, sizeof *list, cmp_dirinfo);
    for (size_t i = 0; i < n; i++) {
        struct fs_inode *child;
        char *full = join(path, list[i].name);
        if ((r = fs_lookup(ip, list[i].name, &child)) < 0) {
            fprintf(stderr, "fsimage ls: %s: %s\n", full, errstr(r));
            status = 1;
        } else {
            print_entry(child, list[i].name, lng);
            fs_put(child);
        }
        free(full);
    }
    free(list);
    fs_put(ip);
    return close_fs(status);
}

static int cmd_get(int argc, char **argv)
{
    struct opts o = {0};
    FOR_ARGS(i) add_pos("get", &o, argv[i]);
    want_pos("get", &o, 3, 3);
    int r = open_fs(o.pos[0], 0);
    if (r)
        return r;
    struct fs_inode *ip;
    if ((r = fs_lookup(0, o.pos[1], &ip)) < 0 || (ip->d.type != FS_T_FILE && (fs_put(ip), r = -IR_EISDIR))) {
        fprintf(stderr, "fsimage get: %s: %s\n", o.pos[1], errstr(r));
        return close_fs(1);
    }
    uint32_t len = ip->d.size;
    uint8_t *buf = malloc(len ? len : 1);
    int32_t got = fs_read(ip, buf, 0, len);
    fs_put(ip);
    if (got != (int32_t)len) {
        fprintf(stderr, "fsimage get: reading %s: %s\n", o.pos[1], got < 0 ? errstr(got) : "short read");
        free(buf);
        return close_fs(1);
    }
    int tostdout = !strcmp(o.pos[2], "-");
    FILE *f = tostdout ? stdout : fopen(o.pos[2], "wb");
    int status = 0;
    if (!f || fwrite(buf, 1, len, f) != len || (!tostdout && fclose(f) != 0)) {
        fprintf(stderr, "fsimage get: cannot write %s: %s\n", o.pos[2], strerror(errno));
        status = 1;
    }
    free(buf);
    return close_fs(status);
}

static int cmd_put(int argc, char **argv)
{
    struct opts o = {0};
    FOR_ARGS(i) add_pos("put", &o, argv[i]);
    want_pos("put", &o, 3, 3);
    int r = open_fs(o.pos[0], 1);
    if (r)
        return r;
    struct copy_stats st = {0};
    return close_fs(put_file(o.pos[1], o.pos[2], &st) < 0 ? 1 : 0);
}

static int cmd_mkdir(int argc, char **argv)
{
    int parents = 0;
    struct opts o = {0};
    FOR_ARGS(i) {
        if (!strcmp(argv[i], "-p"))
            parents = 1;
        else
            add_pos("mkdir", &o, argv[i]);
    }
    want_pos("mkdir", &o, 2, 2);
    int r = open_fs(o.pos[0], 1);
    if (r)
        return r;
    if (parents)
        return close_fs(ensure_dir(o.pos[1], 1, 0) < 0 ? 1 : 0);
    r = fs_mkdir(0, o.pos[1]);
    if (r < 0)
        fprintf(stderr, "fsimage mkdir: %s: %s\n", o.pos[1], errstr(r));
    return close_fs(r < 0);
}

static int remove_tree(const char *path)
{
    struct fs_inode *ip;
    int r = fs_lookup(0, path, &ip);
    if (r < 0)
        return r;
    if (ip->d.type != FS_T_DIR) {
        fs_put(ip);
        return fs_unlink(0, path);
    }
    struct fs_dirinfo de;
    uint32_t pos = 2 * FS_DIRENT_SIZE;   /* past . and .. */
    while (r == 0 && (r = fs_readdir(ip, &pos, &de)) > 0) {
        char *child = join(path, de.name);
        r = remove_tree(child);
        free(child);
    }
    fs_put(ip);
    return r < 0 ? r : fs_rmdir(0, path);
}

static int cmd_rm(int argc, char **argv)
{
    int recursive = 0;
    struct opts o = {0};
    FOR_ARGS(i) {
        if (!strcmp(argv[i], "-r") || !strcmp(argv[i], "-rf"))
            recursive = 1;
        else
            add_pos("rm", &o, argv[i]);
    }
    want_pos("rm", &o, 2, 2);
    int r = open_fs(o.pos[0], 1);
    if (r)
        return r;
    struct fs_inode *ip;
    if ((r = fs_lookup(0, o.pos[1], &ip)) == 0) {
        int isdir = ip->d.type == FS_T_DIR;
        fs_put(ip);
        r = !isdir ? fs_unlink(0, o.pos[1]) : recursive ? remove_tree(o.pos[1]) : fs_rmdir(0, o.pos[1]);
    }
    if (r < 0)
        fprintf(stderr, "fsimage rm: %s: %s%s\n", o.pos[1], errstr(r),
                r == -IR_ENOTEMPTY ? " (use -r to remove a directory and its contents)" : "");
    return close_fs(r < 0);
}

static int cmd_update_kernel(int argc, char **argv)
{
    const char *cmd = "update-kernel";
    uint32_t load = 0, entry = 0;
    int have_load = 0, have_entry = 0;
    struct opts o = {0};
    FOR_ARGS(i) {
        if (!strcmp(argv[i], "--kernel-load"))
            load = need_u32(cmd, argc, argv, &i), have_load = 1;
        else if (!strcmp(argv[i], "--kernel-entry"))
            entry = need_u32(cmd, argc, argv, &i), have_entry = 1;
        else
            add_pos(cmd, &o, argv[i]);
    }
    want_pos(cmd, &o, 2, 2);
    char err[256];
    if (image_open(&im, o.pos[0], 1, err, sizeof err) < 0) {
        fprintf(stderr, "fsimage update-kernel: %s\n", err);
        return 2;
    }
    if (image_load_header(&im, err, sizeof err) < 0) {
        fprintf(stderr, "fsimage update-kernel: %s: %s\n", o.pos[0], err);
        image_close(&im);
        return 2;
    }
    uint8_t *k;
    uint32_t klen;
    if (read_host_file(o.pos[1], &k, &klen) < 0) {
        image_close(&im);
        return 1;
    }
    struct disk_header h = im.hdr;
    uint32_t ksec = h.kernel_sector ? h.kernel_sector : KERNEL_SECTOR;
    uint64_t room = (uint64_t)(h.fs_sector - ksec) * DISK_SECTOR;
    if (klen > room) {
        fprintf(stderr, "fsimage update-kernel: the kernel is %u bytes but the image has room for %llu (kernel area "
                "before the file system); rebuild the image with 'fsimage mkfs --kernel-reserve KiB'\n", klen,
                (unsigned long long)room);
        free(k);
        image_close(&im);
        return 1;
    }
    /* write the new image, clear what is left of the old one, then the header */
    int bad = image_write(&im, (uint64_t)ksec * DISK_SECTOR, k, klen) < 0;
    if (!bad && h.kernel_bytes > klen) {
        uint32_t extra = h.kernel_bytes - klen;
        uint8_t *zero = calloc(1, extra);
        bad = !zero || image_write(&im, (uint64_t)ksec * DISK_SECTOR + klen, zero, extra) < 0;
        free(zero);
    }
    h.kernel_sector = ksec;
    h.kernel_bytes = klen;
    h.kernel_crc32 = ir_crc32(0, k, klen);
    if (have_load)
        h.kernel_load = load;
    if (have_entry)
        h.kernel_entry = entry;
    else if (have_load)
        h.kernel_entry = load;
    free(k);
    if (bad || write_header(&h) < 0) {
        fprintf(stderr, "fsimage update-kernel: writing %s failed\n", o.pos[0]);
        image_close(&im);
        return 1;
    }
    image_close(&im);
    printf("fsimage update-kernel: %u bytes (room %llu), load 0x%08x, entry 0x%08x\n", klen,
           (unsigned long long)room, h.kernel_load, h.kernel_entry);
    return 0;
}

static int cmd_sync_tree(int argc, char **argv)
{
    struct opts o = {0};
    FOR_ARGS(i) add_pos("sync-tree", &o, argv[i]);
    want_pos("sync-tree", &o, 3, 3);
    struct stat sb;
    if (stat(o.pos[1], &sb) < 0 || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "fsimage sync-tree: %s is not a directory\n", o.pos[1]);
        return 2;
    }
    int r = open_fs(o.pos[0], 1);
    if (r)
        return r;
    struct copy_stats st = {0};
    int bad = ensure_dir(o.pos[2], 1, &st) < 0 || copy_tree(o.pos[1], o.pos[2], &st) < 0;
    r = close_fs(bad);
    if (r == 0)
        printf("fsimage sync-tree: %s -> %s: %u files written (%llu bytes), %u unchanged, %u directories "
               "created, %u skipped\n", o.pos[1], o.pos[2], st.files, (unsigned long long)st.bytes, st.unchanged,
               st.dirs, st.skipped);
    return r;
}

/* ---- dispatch ---------------------------------------------------------------------------------------------- */

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *synopsis;
    const char *help;
};

static const struct command commands[] = {
    {"mkfs", cmd_mkfs, "IMG --size MiB [--kernel FILE] [--root DIR] [options]",
     "Create the disk image IMG: the disk header (sector 0), the kernel image from sector 8, and a fresh file\n"
     "system after it (1 MiB aligned) filled with a copy of the host tree DIR (files and directories).\n"
     "  --size MiB            total size of the image (1..2047)\n"
     "  --kernel FILE         raw kernel binary (omit for an image without a kernel)\n"
     "  --kernel-load ADDR    physical load address (default 0x40100000)\n"
     "  --kernel-entry ADDR   entry point (default: the load address)\n"
     "  --kernel-reserve KiB  room kept for the kernel, for later update-kernel (default: 4 MiB, or the\n"
     "                        kernel's size rounded up to 1 MiB plus 1 MiB when larger)\n"
     "  --root DIR            host directory copied into /\n"
     "  --inodes N            number of inodes (default: one per 8 KiB of file system)\n"
     "  --log N               log blocks, 32..251 (default 128)\n"
     "  --time T              use T (Unix seconds) as every modification time (reproducible images)\n"},
    {"fsck", cmd_fsck, "IMG [-q]",
     "Check every invariant of the image: disk header and kernel CRC, superblock, log header (a committed\n"
     "transaction is checked as replayed), inodes, block pointers, bitmap against the referenced blocks,\n"
     "directory structure, link counts. One line per problem. -q: no output, exit status only.\n"
     "Exit status: 0 clean, 1 problems found, 2 unreadable (not an image, superblock unusable).\n"},
    {"info", cmd_info, "IMG", "Print the disk header and the file system's size and free space.\n"},
    {"ls", cmd_ls, "IMG [PATH] [-l] [-a]",
     "List directory PATH (default /), sorted by name; directories end with '/'.\n"
     "  -l   long format: type, inode, links, size, modification time (UTC), name\n"
     "  -a   include . and ..\n"},
    {"get", cmd_get, "IMG PATH HOSTFILE", "Copy file PATH out of the image into HOSTFILE ('-': standard output).\n"},
    {"put", cmd_put, "IMG HOSTFILE PATH",
     "Copy HOSTFILE into the image as PATH, creating or replacing it (the parent directory must exist).\n"},
    {"mkdir", cmd_mkdir, "IMG PATH [-p]", "Create directory PATH. -p: create missing parents, no error if it exists.\n"},
    {"rm", cmd_rm, "IMG PATH [-r]",
     "Remove file PATH, or empty directory PATH. -r: remove a directory and everything below it.\n"},
    {"update-kernel", cmd_update_kernel, "IMG KERNEL.bin [--kernel-load ADDR] [--kernel-entry ADDR]",
     "Replace the kernel image in place (file system untouched) when it fits in the kernel area; a clear\n"
     "error otherwise. The load/entry addresses are kept unless given.\n"},
    {"sync-tree", cmd_sync_tree, "IMG DIR DEST",
     "Copy the host tree DIR into directory DEST of the image (created if needed), replacing files that\n"
     "differ and keeping identical ones and every other file of the image: how `make` refreshes /bin in an\n"
     "existing image without wiping user files.\n"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fprintf(f, "Usage: fsimage COMMAND ARGS...   (fsimage COMMAND --help for details)\n"
               "Build and edit Iridium disk images: disk header + kernel image + IRFS file system.\n\nCommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-14s %s\n", commands[i].name, commands[i].synopsis);
    fprintf(f, "\nExit status: 0 success, 1 failure, 2 bad command line or unusable image (fsck: 0 clean, "
               "1 problems, 2 unreadable).\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(argv[1], commands[i].name))
            continue;
        for (int a = 2; a < argc; a++)
            if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
                printf("Usage: fsimage %s %s\n\n%s", commands[i].name, commands[i].synopsis, commands[i].help);
                return 0;
            }
        const char *env = getenv("SOURCE_DATE_EPOCH");
        uint32_t t;
        if (env && parse_u32(env, &t) == 0)
            fs_port_fixed_time = t;
        return commands[i].run(argc - 1, argv + 1);
    }
    fprintf(stderr, "fsimage: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
