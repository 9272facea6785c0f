/*
 * shmdemo.c - producer/consumer over shared memory: shmdemo [-k KIB] [-c CHUNK_KIB].
 *
 * Moves KIB KiB (default 1024) from the parent (producer) to a child (consumer) through a named shared-memory
 * object "/shmdemo" of 4 slots of CHUNK_KIB KiB (default 32). The child opens the object by name and maps it
 * itself (nothing inherited). Handshake over the mailboxes: the producer copies a chunk into a free slot and
 * sends {seq, slot, len}; the consumer copies it out into its own buffer and sends the slot back. At the end the
 * consumer checks every byte against the generator and replies with the number of bad bytes. Printed: the bytes
 * moved, the cycles (rdcycle, from the consumer's "ready" until the last chunk has been copied out; both buffers
 * are already faulted in; on the ISS cycles = instructions) and bytes per cycle (each byte is copied twice, by a
 * word-copy loop: into and out of the shared slots; the handshakes and the first-touch faults of the shared pages
 * are included).
 * Exit status 0 when the data arrived intact, 1 otherwise, 2 on bad usage.
 */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ir_ipc.h"

#define NSLOT 4
#define NAME "/shmdemo"

struct msg {
    int32_t seq;                        /* chunk number; -1 = end; -2 = ready; -3 = report */
    uint32_t slot, len;
    uint32_t bad;                       /* report: bad bytes */
};

static uint8_t gen(uint32_t i)          /* the data: a cheap position hash */
{
    uint32_t x = i * 2654435761u;
    return (uint8_t)(x >> 24 ^ x >> 11);
}

/* word copy, 32 bytes per iteration (picolibc's memcpy copies one byte at a time); buffers are word aligned */
static void copy(void *dst, const void *src, uint32_t n)
{
    uint32_t *d = dst;
    const uint32_t *s = src;
    for (; n >= 32; n -= 32, d += 8, s += 8) {
        uint32_t a = s[0], b = s[1], c = s[2], e = s[3], f = s[4], g = s[5], h = s[6], k = s[7];
        d[0] = a; d[1] = b; d[2] = c; d[3] = e; d[4] = f; d[5] = g; d[6] = h; d[7] = k;
    }
    memcpy(d, s, n);
}

static void usage(void)
{
    fprintf(stderr, "usage: shmdemo [-k KIB] [-c CHUNK_KIB]   (KIB <= 8192, CHUNK_KIB <= 256)\n");
    exit(2);
}

static long number(const char *s, long max)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v <= 0 || v > max)
        usage();
    return v;
}

static int consumer(pid_t parent, uint32_t total, uint32_t chunk)
{
    int fd = shm_open(NAME, O_RDWR, 0);
    if (fd < 0)
        return 10;
    uint8_t *shm = mmap(NULL, NSLOT * chunk, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    uint8_t *dst = malloc(total);
    if (shm == MAP_FAILED || !dst)
        return 11;
    memset(dst, 0, total);              /* fault the buffer in before the clock starts */
    struct msg m = { -2, 0, 0, 0 };
    if (mbox_send(parent, &m, sizeof m, 0) != 0)
        return 12;
    for (;;) {
        int from = parent;
        if (mbox_recv(&m, sizeof m, &from, IR_MBOX_FROM, 0) != sizeof m)
            return 13;
        if (m.seq < 0)
            break;
        copy(dst + (uint32_t)m.seq * chunk, shm + m.slot * chunk, m.len);
        if (mbox_send(parent, &m, sizeof m, 0) != 0)
            return 14;
    }
    uint32_t bad = 0;
    for (uint32_t i = 0; i < total; i++)
        bad += dst[i] != gen(i);
    m.seq = -3;
    m.bad = bad;
    return mbox_send(parent, &m, sizeof m, 0) == 0 ? 0 : 15;
}

int main(int argc, char **argv)
{
    uint32_t total = 1024u << 10, chunk = 32u << 10;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-k") && i + 1 < argc)
            total = (uint32_t)number(argv[++i], 8192) << 10;
        else if (!strcmp(argv[i], "-c") && i + 1 < argc)
            chunk = (uint32_t)number(argv[++i], 256) << 10;
        else
            usage();
    }
    if (chunk > total)
        chunk = total;
    uint32_t nchunks = (total + chunk - 1) / chunk;

    shm_unlink(NAME);
    int fd = shm_open(NAME, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd < 0 || ftruncate(fd, NSLOT * chunk) != 0) {
        perror("shmdemo: shm_open/ftruncate");
        return 1;
    }
    uint8_t *shm = mmap(NULL, NSLOT * chunk, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    uint8_t *src = malloc(total);
    if (shm == MAP_FAILED || !src) {
        perror("shmdemo: mmap/malloc");
        return 1;
    }
    for (uint32_t i = 0; i < total; i++)
        src[i] = gen(i);

    pid_t parent = getpid();
    fflush(stdout);
    pid_t child = fork();
    if (child < 0) {
        perror("shmdemo: fork");
        return 1;
    }
    if (child == 0)
        _exit(consumer(parent, total, chunk));

    struct msg m;
    int from = child, ok = 1;
    if (mbox_recv(&m, sizeof m, &from, IR_MBOX_FROM, 0) != sizeof m || m.seq != -2)
        ok = 0;
    uint64_t t0 = ir_rdcycle64();
    uint32_t in_flight = 0;
    for (uint32_t c = 0; ok && c < nchunks; c++) {
        if (in_flight == NSLOT) {       /* wait for a slot to come back */
            from = child;
            if (mbox_recv(&m, sizeof m, &from, IR_MBOX_FROM, 0) != sizeof m)
                ok = 0;
            in_flight--;
        }
        uint32_t len = total - c * chunk < chunk ? total - c * chunk : chunk;
        struct msg out = { (int32_t)c, c % NSLOT, len, 0 };
        copy(shm + out.slot * chunk, src + c * chunk, len);
        if (mbox_send(child, &out, sizeof out, 0) != 0)
            ok = 0;
        in_flight++;
    }
    for (; ok && in_flight; in_flight--) {
        from = child;
        if (mbox_recv(&m, sizeof m, &from, IR_MBOX_FROM, 0) != sizeof m)
            ok = 0;
    }
    uint64_t cycles = ir_rdcycle64() - t0;     /* every chunk has been copied out */
    struct msg end = { -1, 0, 0, 0 };
    if (ok && mbox_send(child, &end, sizeof end, 0) != 0)
        ok = 0;
    from = child;
    if (ok && (mbox_recv(&m, sizeof m, &from, IR_MBOX_FROM, 0) != sizeof m || m.seq != -3))
        ok = 0;
    int st;
    if (!ok)
        kill(child, SIGKILL);
    waitpid(child, &st, 0);
    shm_unlink(NAME);
    if (!ok || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        printf("shmdemo: failed (%s; consumer status %#x)\n", strerror(errno), st);
        return 1;
    }
    uint64_t milli = (uint64_t)total * 1000u / (cycles ? cycles : 1);
    printf("shmdemo: moved %lu bytes in %lu-byte chunks through %u shared slots: %lu cycles, %lu.%03lu bytes/cycle;"
           " data %s\n",
           (unsigned long)total, (unsigned long)chunk, NSLOT, (unsigned long)cycles, (unsigned long)(milli / 1000),
           (unsigned long)(milli % 1000), m.bad ? "CORRUPT" : "intact");
    return m.bad ? 1 : 0;
}
