/*
 * fsbench.c - file-system throughput: fsbench [-w] [-r] [-d] [-k KIB] [-c CHUNK] [-f PATH].
 *
 * -w  write PATH (default /fsbench.dat, KIB KiB, default 1024) sequentially in CHUNK-byte write() calls (default
 *     4096), then fsync; prints the cycles of the writes, of the fsync and of both, per KiB.
 * -r  read PATH sequentially in CHUNK-byte read() calls; prints cycles per KiB, then checks every byte (outside
 *     the timed region). With -w in the same run the read follows the write: the file (1 MiB) is larger than the
 *     kernel's buffer cache (176 KiB, LRU), so the sequential read misses in the cache for every block; run
 *     `fsbench -r` after a reboot for a read that starts with a cold cache for sure.
 * -d  delete PATH at the end.
 * Cycles are rdcycle: clock cycles on the RTL (vsim), steps (about instructions) on the ISS.
 * Output lines start with "fsbench: " and the figures with "fsbench: result "; exit status 0, 1 on an I/O error or
 * a data mismatch, 2 on a bad command line. Run as init (pid 1) it powers the machine off with that status.
 * Invariant: the file content is a function of the byte offset only (pattern()), so a later run can check it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ir.h"

#define MAX_CHUNK 65536

static unsigned char buf[MAX_CHUNK];

/* the byte at offset off of the benchmark file */
static inline unsigned char pattern(uint32_t off)
{
    uint32_t x = (off >> 2) * 2654435761u;
    return (unsigned char)((x >> ((off & 3u) * 8u)) ^ (x >> 24));
}

static void fill(uint32_t off, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        buf[i] = pattern(off + i);
}

static int finish(int status)
{
    fflush(stdout);
    if (getpid() == 1)
        ir_reboot(IR_REBOOT_POWER_OFF, status);
    return status;
}

static void per_kib(const char *what, uint64_t cycles, uint32_t kib)
{
    uint64_t per = kib ? cycles / kib : 0;
    printf("fsbench: result %s %lu KiB: %llu cycles, %llu cycles/KiB\n", what, (unsigned long)kib,
           (unsigned long long)cycles, (unsigned long long)per);
}

static int do_write(const char *path, uint32_t bytes, uint32_t chunk)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        printf("fsbench: %s: %s\n", path, strerror(errno));
        return 1;
    }
    uint64_t t_write = 0;
    for (uint32_t off = 0; off < bytes; off += chunk) {
        uint32_t n = bytes - off < chunk ? bytes - off : chunk;
        fill(off, n);
        uint64_t t0 = ir_rdcycle64();
        ssize_t w = write(fd, buf, n);
        t_write += ir_rdcycle64() - t0;
        if (w != (ssize_t)n) {
            printf("fsbench: write at %lu: %s\n", (unsigned long)off, w < 0 ? strerror(errno) : "short write");
            close(fd);
            return 1;
        }
    }
    uint64_t t0 = ir_rdcycle64();
    int r = fsync(fd);
    uint64_t t_sync = ir_rdcycle64() - t0;
    if (r < 0) {
        printf("fsbench: fsync: %s\n", strerror(errno));
        close(fd);
        return 1;
    }
    t0 = ir_rdcycle64();
    r = close(fd);
    uint64_t t_close = ir_rdcycle64() - t0;
    if (r < 0) {
        printf("fsbench: close: %s\n", strerror(errno));
        return 1;
    }
    uint32_t kib = bytes / 1024u;
    per_kib("write-calls", t_write, kib);
    per_kib("fsync", t_sync, kib);
    per_kib("write+fsync", t_write + t_sync, kib);
    printf("fsbench: close after fsync: %llu cycles\n", (unsigned long long)t_close);
    return 0;
}

static int do_read(const char *path, uint32_t chunk, const char *label)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("fsbench: %s: %s\n", path, strerror(errno));
        return 1;
    }
    uint64_t t_read = 0;
    uint32_t off = 0, bad = 0;
    for (;;) {
        uint64_t t0 = ir_rdcycle64();
        ssize_t n = read(fd, buf, chunk);
        t_read += ir_rdcycle64() - t0;
        if (n < 0) {
            printf("fsbench: read at %lu: %s\n", (unsigned long)off, strerror(errno));
            close(fd);
            return 1;
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] != pattern(off + (uint32_t)i) && bad++ == 0)
                printf("fsbench: data mismatch at byte %lu\n", (unsigned long)(off + (uint32_t)i));
        off += (uint32_t)n;
    }
    close(fd);
    per_kib(label, t_read, off / 1024u);
    if (bad) {
        printf("fsbench: %lu bytes differ\n", (unsigned long)bad);
        return 1;
    }
    printf("fsbench: %lu bytes read back intact\n", (unsigned long)off);
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: fsbench [-w] [-r] [-d] [-k KIB] [-c CHUNK_BYTES] [-f PATH]\n");
    return finish(2);
}

int main(int argc, char **argv)
{
    int w = 0, r = 0, d = 0;
    uint32_t kib = 1024, chunk = 4096;
    const char *path = "/fsbench.dat";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-w"))
            w = 1;
        else if (!strcmp(a, "-r"))
            r = 1;
        else if (!strcmp(a, "-d"))
            d = 1;
        else if ((!strcmp(a, "-k") || !strcmp(a, "-c") || !strcmp(a, "-f")) && i + 1 < argc) {
            const char *v = argv[++i];
            if (a[1] == 'f') {
                path = v;
                continue;
            }
            char *end;
            unsigned long n = strtoul(v, &end, 0);
            if (*end || n == 0 || (a[1] == 'k' && n > 32768) || (a[1] == 'c' && n > MAX_CHUNK)) {
                fprintf(stderr, "fsbench: bad value for %s: %s\n", a, v);
                return usage();
            }
            if (a[1] == 'k')
                kib = (uint32_t)n;
            else
                chunk = (uint32_t)n;
        } else {
            fprintf(stderr, "fsbench: unknown argument %s\n", a);
            return usage();
        }
    }
    if (!w && !r && !d)
        return usage();
    int status = 0;
    if (w) {
        printf("fsbench: writing %lu KiB to %s in %lu-byte calls\n", (unsigned long)kib, path,
               (unsigned long)chunk);
        status |= do_write(path, kib * 1024u, chunk);
    }
    if (r && status == 0)
        status |= do_read(path, chunk, w ? "read-after-write" : "read-cold");
    if (d && unlink(path) < 0) {
        printf("fsbench: unlink %s: %s\n", path, strerror(errno));
        status = 1;
    }
    printf("fsbench: %s\n", status ? "FAILED" : "done");
    return finish(status);
}
