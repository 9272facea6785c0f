/*
 * fsstress.c - a write-heavy file-system workload for the power-cut test (tests/os/crash-test.sh), and its checker.
 *
 *   fsstress [-s SEED] [-n OPS]      run OPS random operations (default 150) under /s
 *   fsstress -v [-s SEED]            verify mode: list every file under /s and check its content
 *   fsstress -B ...                  deliberately broken: DONE of f files printed before they are written, to
 *                                    show that the crash test catches a durability promise made too early
 *
 * Workload: creates, appends (several open/append/close rounds), write-then-rename (sometimes over an existing
 * placeholder), and on scratch files in /s/x: creates, deletes, renames (also over each other), truncations,
 * overwrites, unlink-while-open, mkdir/rmdir. Files that are meant to survive are "done" files, named
 * /s/d<k>/f<id> (created and written, then closed), /s/d<k>/a<id> (appended in rounds) and /s/d<k>/r<id> (written
 * as /s/t<id>, fsync'ed, renamed, fsync'ed again). When such a file is complete and durable (close() of a written
 * file and fsync() both commit the file system in this kernel, docs/fs.md) the program prints
 *     DONE <path> <size> <cksum> .
 * (cksum = POSIX cksum CRC of the content, as the host's `cksum` prints it; the final " ." marks a complete line,
 * so a line cut by the power failure is recognisable). Invariant: a done file is never touched again, and no name
 * is ever used twice (ids only grow), so after a power cut every DONE file must be intact.
 * Also printed: "fsstress: start cycle C" and "fsstress: end cycle C" (rdcycle) so the caller can choose cut points.
 *
 * Content: byte `off` of the file with id `id` is ir_pattern(fseed(SEED, id), off) for f, a and t files (written in
 * order, so whatever prefix survives a cut follows the pattern), and an r file holds either that content or its
 * placeholder's (ir_pattern(fseed ^ PLACEHOLDER)). Verify mode prints, for every regular file under /s,
 *     FILE <path> <size> <cksum> OK|BAD
 * where BAD means an f/a/t/r file whose bytes do not follow its pattern (scratch files in /s/x are not checked),
 * then "fsstress: verify files N bad M". Exit status: 0, or 1 on an unexpected error (workload) or a BAD file
 * (verify), 2 on a bad command line; as init (pid 1) the machine is powered off with that status.
 * ir_pattern and the cksum CRC are shared with fstests (user/include/ir_test.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir.h"
#include "ir_test.h"

#define ROOT        "/s"
#define NDIRS       4
#define MAX_SCRATCH 64
#define PLACEHOLDER 0x5a5a5a5au

static unsigned char buf[16384];
static uint32_t wseed = 1;
static uint32_t rng_state;
static uint32_t next_id = 1;
static int broken;                     /* -B: print DONE for f files before writing them (a deliberate bug) */

/* scratch files in /s/x: ids currently present */
static uint32_t scratch[MAX_SCRATCH];
static int nscratch;

static int finish(int status)
{
    fflush(stdout);
    if (getpid() == 1)
        ir_reboot(IR_REBOOT_POWER_OFF, status);
    return status;
}

static void die(const char *fmt, ...)
{
    va_list ap;
    printf("fsstress: error: ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf(" (errno %d: %s)\n", errno, strerror(errno));
    exit(finish(1));
}

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}
static uint32_t rnd_below(uint32_t n) { return n ? rnd() % n : 0; }

static uint32_t fseed(uint32_t id)
{
    uint32_t x = wseed * 0x9E3779B1u ^ id * 0x85EBCA77u;
    x ^= x >> 16;
    return x * 0xC2B2AE3Du;
}

static void say(const char *fmt, ...)
{
    char line[160];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 1)
        n = (int)sizeof line - 1;
    fflush(stdout);
    if (write(1, line, (size_t)n) != n)
        exit(finish(1));
}

static void done(const char *path, uint32_t size, uint32_t crc)
{
    say("DONE %s %lu %lu .\n", path, (unsigned long)size, (unsigned long)ir_cksum_end(crc, size));
}

/* a random file size: mostly small, some medium, a few past the single-indirect range (268 KiB) */
static uint32_t rnd_size(void)
{
    uint32_t c = rnd_below(100);
    if (c < 55)
        return rnd_below(4097);
    if (c < 88)
        return 4096 + rnd_below(20 * 1024);
    if (c < 98)
        return 24 * 1024 + rnd_below(60 * 1024);
    return 268 * 1024 + rnd_below(24 * 1024);
}

/* write [off, off+n) of ir_pattern(seed) to fd in random chunks; returns the crc updated over those bytes */
static uint32_t write_range(int fd, const char *path, uint32_t seed, uint32_t off, uint32_t n, uint32_t crc)
{
    while (n) {
        uint32_t k = rnd_below(4) == 0 ? 1024u : 1u + rnd_below(sizeof buf);
        if (k > n)
            k = n;
        for (uint32_t i = 0; i < k; i++)
            buf[i] = ir_pattern(seed, off + i);
        ssize_t w = write(fd, buf, k);
        if (w != (ssize_t)k)
            die("write %s at %lu (%lu bytes) returned %ld", path, (unsigned long)off, (unsigned long)k, (long)w);
        crc = ir_cksum_add(crc, buf, k);
        off += k;
        n -= k;
    }
    return crc;
}

static int xopen(const char *path, int flags)
{
    int fd = open(path, flags, 0644);
    if (fd < 0)
        die("open %s", path);
    return fd;
}

static void xclose(int fd, const char *path)
{
    if (close(fd) < 0)
        die("close %s", path);
}

/* ---- done files ------------------------------------------------------------------------------------------- */
static void op_create(void)
{
    char path[64];
    uint32_t id = next_id++, size = rnd_size(), seed = fseed(id);
    snprintf(path, sizeof path, ROOT "/d%lu/f%lu", (unsigned long)rnd_below(NDIRS), (unsigned long)id);
    if (broken) {                      /* -B: claim the file before writing it, to show that the checker notices */
        uint32_t c = 0;
        for (uint32_t off = 0; off < size; off++) {
            unsigned char b = ir_pattern(seed, off);
            c = ir_cksum_add(c, &b, 1);
        }
        done(path, size, c);
    }
    int fd = xopen(path, O_WRONLY | O_CREAT | O_EXCL);
    uint32_t half = rnd_below(3) == 0 ? rnd_below(size + 1) : size;
    uint32_t crc = write_range(fd, path, seed, 0, half, 0);
    if (half < size && fsync(fd) < 0)
        die("fsync %s", path);
    crc = write_range(fd, path, seed, half, size - half, crc);
    xclose(fd, path);
    if (!broken)
        done(path, size, crc);
}

static void op_append(void)
{
    char path[64];
    uint32_t id = next_id++, seed = fseed(id), size = 0, crc = 0;
    snprintf(path, sizeof path, ROOT "/d%lu/a%lu", (unsigned long)rnd_below(NDIRS), (unsigned long)id);
    int rounds = 2 + (int)rnd_below(4);
    for (int r = 0; r < rounds; r++) {
        int fd = xopen(path, O_WRONLY | O_CREAT | O_APPEND);
        uint32_t n = rnd_below(6000);
        crc = write_range(fd, path, seed, size, n, crc);
        size += n;
        xclose(fd, path);
    }
    done(path, size, crc);
}

static void op_rename_in(void)
{
    char tmp[64], path[64];
    uint32_t id = next_id++, seed = fseed(id), size = rnd_size();
    snprintf(tmp, sizeof tmp, ROOT "/t%lu", (unsigned long)id);
    snprintf(path, sizeof path, ROOT "/d%lu/r%lu", (unsigned long)rnd_below(NDIRS), (unsigned long)id);
    if (rnd_below(2)) {                /* a placeholder that the rename replaces */
        int fd = xopen(path, O_WRONLY | O_CREAT | O_EXCL);
        write_range(fd, path, seed ^ PLACEHOLDER, 0, rnd_below(3000), 0);
        xclose(fd, path);
    }
    int fd = xopen(tmp, O_WRONLY | O_CREAT | O_EXCL);
    uint32_t crc = write_range(fd, tmp, seed, 0, size, 0);
    if (fsync(fd) < 0)
        die("fsync %s", tmp);
    xclose(fd, tmp);
    if (rename(tmp, path) < 0)
        die("rename %s %s", tmp, path);
    fd = xopen(path, O_RDONLY);
    if (fsync(fd) < 0)
        die("fsync %s", path);
    xclose(fd, path);
    done(path, size, crc);
}

/* ---- scratch files: never reported, they only disturb ----------------------------------------------------- */
static void scratch_path(char *p, size_t n, uint32_t id)
{
    snprintf(p, n, ROOT "/x/s%lu", (unsigned long)id);
}

static void scratch_remove_at(int i)
{
    scratch[i] = scratch[--nscratch];
}

static void op_scratch_create(void)
{
    char p[64];
    if (nscratch == MAX_SCRATCH)
        return;
    uint32_t id = next_id++;
    scratch_path(p, sizeof p, id);
    int fd = xopen(p, O_WRONLY | O_CREAT | O_EXCL);
    write_range(fd, p, fseed(id), 0, rnd_size(), 0);
    xclose(fd, p);
    scratch[nscratch++] = id;
}

static void op_scratch_delete(void)
{
    char p[64];
    if (!nscratch)
        return;
    int i = (int)rnd_below((uint32_t)nscratch);
    scratch_path(p, sizeof p, scratch[i]);
    if (unlink(p) < 0)
        die("unlink %s", p);
    scratch_remove_at(i);
}

static void op_scratch_rename(void)
{
    char a[64], b[64];
    if (nscratch < 2)
        return;
    int i = (int)rnd_below((uint32_t)nscratch);
    scratch_path(a, sizeof a, scratch[i]);
    if (rnd_below(2)) {                /* over another scratch file */
        int j = (int)rnd_below((uint32_t)nscratch);
        if (j == i)
            return;
        scratch_path(b, sizeof b, scratch[j]);
        if (rename(a, b) < 0)
            die("rename %s %s", a, b);
        scratch_remove_at(i);
    } else {
        uint32_t id = next_id++;
        scratch_path(b, sizeof b, id);
        if (rename(a, b) < 0)
            die("rename %s %s", a, b);
        scratch[i] = id;
    }
}

static void op_scratch_truncate(void)
{
    char p[64];
    if (!nscratch)
        return;
    uint32_t id = scratch[rnd_below((uint32_t)nscratch)];
    scratch_path(p, sizeof p, id);
    int fd = xopen(p, O_RDWR);
    if (ftruncate(fd, (off_t)rnd_size()) < 0)
        die("ftruncate %s", p);
    if (rnd_below(2)) {
        uint32_t off = rnd_below(40000);
        if (lseek(fd, (off_t)off, SEEK_SET) < 0)
            die("lseek %s", p);
        write_range(fd, p, fseed(id), off, rnd_below(5000), 0);
    }
    xclose(fd, p);
}

static void op_scratch_overwrite(void)
{
    char p[64];
    if (!nscratch)
        return;
    uint32_t id = scratch[rnd_below((uint32_t)nscratch)];
    scratch_path(p, sizeof p, id);
    int fd = xopen(p, O_WRONLY | O_TRUNC);
    write_range(fd, p, fseed(id) + 1, 0, rnd_size(), 0);
    xclose(fd, p);
}

static void op_orphan(void)
{
    char p[64];
    if (!nscratch)
        return;
    int i = (int)rnd_below((uint32_t)nscratch);
    scratch_path(p, sizeof p, scratch[i]);
    int fd = xopen(p, O_RDWR);
    if (unlink(p) < 0)
        die("unlink %s", p);
    if (lseek(fd, 0, SEEK_END) < 0)
        die("lseek");
    write_range(fd, p, 77, 0, rnd_below(20000), 0);
    if (rnd_below(2) && fsync(fd) < 0)
        die("fsync an unlinked file");
    write_range(fd, p, 78, 0, rnd_below(5000), 0);
    xclose(fd, p);
    scratch_remove_at(i);
}

static void op_dirs(void)
{
    char d[64], f[80];
    uint32_t id = next_id++;
    snprintf(d, sizeof d, ROOT "/x/dir%lu", (unsigned long)id);
    if (mkdir(d, 0755) < 0)
        die("mkdir %s", d);
    int n = 1 + (int)rnd_below(4);
    for (int i = 0; i < n; i++) {
        snprintf(f, sizeof f, "%s/e%d", d, i);
        int fd = xopen(f, O_WRONLY | O_CREAT | O_EXCL);
        write_range(fd, f, id + (uint32_t)i, 0, rnd_below(3000), 0);
        xclose(fd, f);
    }
    if (rnd_below(3) == 0)
        return;                        /* left behind */
    for (int i = 0; i < n; i++) {
        snprintf(f, sizeof f, "%s/e%d", d, i);
        if (unlink(f) < 0)
            die("unlink %s", f);
    }
    if (rmdir(d) < 0)
        die("rmdir %s", d);
}

static int workload(uint32_t ops)
{
    char p[32];
    if (mkdir(ROOT, 0755) < 0 && errno != EEXIST)
        die("mkdir " ROOT);
    for (int k = 0; k < NDIRS; k++) {
        snprintf(p, sizeof p, ROOT "/d%d", k);
        if (mkdir(p, 0755) < 0)
            die("mkdir %s (fsstress wants a fresh file system)", p);
    }
    if (mkdir(ROOT "/x", 0755) < 0)
        die("mkdir " ROOT "/x");
    say("fsstress: start seed %lu ops %lu cycle %llu\n", (unsigned long)wseed, (unsigned long)ops,
        (unsigned long long)ir_rdcycle64());
    for (uint32_t i = 0; i < ops; i++) {
        uint32_t c = rnd_below(100);
        if (c < 26)
            op_create();
        else if (c < 38)
            op_append();
        else if (c < 50)
            op_rename_in();
        else if (c < 66)
            op_scratch_create();
        else if (c < 74)
            op_scratch_delete();
        else if (c < 80)
            op_scratch_rename();
        else if (c < 86)
            op_scratch_truncate();
        else if (c < 91)
            op_scratch_overwrite();
        else if (c < 95)
            op_orphan();
        else
            op_dirs();
    }
    say("fsstress: end ops %lu cycle %llu\n", (unsigned long)ops, (unsigned long long)ir_rdcycle64());
    return 0;
}

/* ---- verify ------------------------------------------------------------------------------------------------ */
static int nfiles, nbad;

/* does the file follow its pattern? kind: 'f', 'a', 't' (one pattern), 'r' (its own or its placeholder's) */
static void verify_file(const char *path, char kind, uint32_t id)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        die("open %s", path);
    uint32_t seed = fseed(id), off = 0, crc = 0;
    int ok_main = 1, ok_ph = kind == 'r';
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0)
            die("read %s", path);
        if (n == 0)
            break;
        crc = ir_cksum_add(crc, buf, (uint32_t)n);
        for (ssize_t i = 0; i < n && kind; i++) {
            if (ok_main && buf[i] != ir_pattern(seed, off + (uint32_t)i))
                ok_main = 0;
            if (ok_ph && buf[i] != ir_pattern(seed ^ PLACEHOLDER, off + (uint32_t)i))
                ok_ph = 0;
        }
        off += (uint32_t)n;
    }
    close(fd);
    int ok = !kind || ok_main || ok_ph;
    nfiles++;
    if (!ok)
        nbad++;
    say("FILE %s %lu %lu %s\n", path, (unsigned long)off, (unsigned long)ir_cksum_end(crc, off), ok ? "OK" : "BAD");
}

static void verify_dir(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        die("opendir %s", dir);
    /* collect the names first, then look at each (readdir and file reads kept apart) */
    int n = 0, cap = 64;
    char (*names)[64] = malloc((size_t)cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (n == cap) {
            cap *= 2;
            char (*bigger)[64] = realloc(names, (size_t)cap * sizeof *names);
            if (!bigger)
                break;
            names = bigger;
        }
        size_t len = strlen(e->d_name);
        if (len >= sizeof names[0])
            len = sizeof names[0] - 1;    /* longer than any name the workload makes: reported, not checked */
        memcpy(names[n], e->d_name, len);
        names[n++][len] = 0;
    }
    closedir(d);
    if (!names)
        die("out of memory");
    int scratch_dir = !strncmp(dir, ROOT "/x", strlen(ROOT "/x"));
    for (int i = 0; i < n; i++) {
        char path[160];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &st) < 0)
            die("stat %s", path);
        if (S_ISDIR(st.st_mode)) {
            if (depth < 3)
                verify_dir(path, depth + 1);
            else
                say("DIR %s too deep\n", path);
            continue;
        }
        char kind = 0;
        unsigned long id = 0;
        const char *name = names[i];
        if (!scratch_dir && strchr("fatr", name[0]) && sscanf(name + 1, "%lu", &id) == 1)
            kind = name[0];
        verify_file(path, kind, (uint32_t)id);
    }
    free(names);
}

static int verify(void)
{
    struct stat st;
    /* a cut before the workload's first commit leaves no ROOT at all: no file to check (the harness still
       requires every DONE file, so a DONE printed before the cut would then be reported missing) */
    if (stat(ROOT, &st) < 0 && errno == ENOENT) {
        say("fsstress: verify: no %s (the cut came before its creation was committed)\n", ROOT);
        say("fsstress: verify files 0 bad 0\n");
        return 0;
    }
    verify_dir(ROOT, 0);
    say("fsstress: verify files %d bad %d\n", nfiles, nbad);
    return nbad ? 1 : 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: fsstress [-B] [-s SEED] [-n OPS] | fsstress -v [-s SEED]\n");
    return finish(2);
}

int main(int argc, char **argv)
{
    int vmode = 0;
    uint32_t ops = 150;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v")) {
            vmode = 1;
        } else if (!strcmp(argv[i], "-B")) {
            broken = 1;
        } else if ((!strcmp(argv[i], "-s") || !strcmp(argv[i], "-n")) && i + 1 < argc) {
            char *end;
            unsigned long v = strtoul(argv[i + 1], &end, 0);
            if (*end || !argv[i + 1][0]) {
                fprintf(stderr, "fsstress: bad number %s\n", argv[i + 1]);
                return usage();
            }
            if (argv[i][1] == 's')
                wseed = (uint32_t)v;
            else
                ops = (uint32_t)v;
            i++;
        } else {
            fprintf(stderr, "fsstress: unknown argument %s\n", argv[i]);
            return usage();
        }
    }
    rng_state = wseed * 2654435761u + 1u;
    if (!rng_state)
        rng_state = 1;
    return finish(vmode ? verify() : workload(ops));
}
