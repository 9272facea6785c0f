/*
 * fs_crash.c - power-cut tests of the file-system core. A random but reproducible workload (create, overwrite,
 * partial writes, truncate, unlink, rename over files, mkdir/rmdir, unlink while open) runs on an in-memory disk
 * that stops accepting writes after N sectors (possibly in the middle of a block). Then the state is dropped, the
 * disk is checked (fsck, which replays the log virtually), mounted (real replay), checked again, and compared
 * with a model of the files: every file not touched since the last durable point (each operation in
 * FS_MOUNT_SYNC mode; each fs_sync in group-commit mode) must be exactly as the model says, and no unknown name
 * may appear. Some runs also cut the power again during the recovery mount. Many N per mode.
 *
 * Usage: fs_crash [--runs R] [--seed S]. Prints one PASS/FAIL line per mode; exit 1 on any failure.
 * Invariant: each run starts from the same formatted base image and the same seed, so N alone decides the run.
 */
#include "fsck.h"
#include "testdev.h"

extern int fs_port_quiet;

#define NSLOT 32
#define NDIR  4
#define NOPS  150

struct slot {
    int exists;
    uint32_t len;
    uint8_t *data;
};
static struct slot model[NSLOT];
static int subdir[NDIR];
static int touched[NSLOT], touched_sub[NDIR];
static struct memdev md;
static uint8_t *base_image;
static uint8_t *scratch;
static char failure[256];

static void slot_path(int i, char *p)
{
    sprintf(p, "/d%d/f%d", i % NDIR, i);
}

static uint32_t model_bytes(void)
{
    uint32_t t = 0;
    for (int i = 0; i < NSLOT; i++)
        t += model[i].exists ? model[i].len : 0;
    return t;
}

static uint32_t pick_size(void)
{
    uint32_t c = rnd_below(100);
    if (model_bytes() > (5u << 20) || c < 70)
        return rnd_below(4000);
    if (c < 90)
        return 4000 + rnd_below(56000);
    if (c < 98)
        return 60000 + rnd_below(340000);
    return 400000 + rnd_below(800000);
}

static void set_len(struct slot *s, uint32_t len)
{
    s->data = realloc(s->data, len ? len : 1);
    if (len > s->len)
        memset(s->data + s->len, 0, len - s->len);
    s->len = len;
}

#define FAIL(...) do { snprintf(failure, sizeof failure, __VA_ARGS__); return -1; } while (0)

/* one random operation; updates the model when it succeeds. -1 on an unexpected error (before the crash). */
static int one_op(int sync_mode)
{
    char p[32], q[32];
    struct fs_inode *ip;
    int i = (int)rnd_below(NSLOT), j, r;
    struct slot *s = &model[i];
    slot_path(i, p);
    uint32_t kind = rnd_below(100);
    if (sync_mode) {                  /* every completed operation is durable: only the current one is in doubt */
        memset(touched, 0, sizeof touched);
        memset(touched_sub, 0, sizeof touched_sub);
    }
    if (kind < 30 || !s->exists) {                                /* create or replace */
        uint32_t len = pick_size();
        touched[i] = 1;
        rnd_fill(scratch, len);
        if ((r = fs_open(0, p, IR_O_WRONLY | IR_O_CREAT | IR_O_TRUNC, &ip)) < 0)
            FAIL("create %s: %d", p, r);
        int32_t w = len ? fs_write(ip, scratch, 0, len) : 0;
        fs_put(ip);
        if (w != (int32_t)len)
            FAIL("write %s: %d of %u", p, w, len);
        s->exists = 1;
        s->len = 0;
        set_len(s, len);
        memcpy(s->data, scratch, len);
    } else if (kind < 50) {                                       /* write a range */
        uint32_t off = rnd_below(s->len + 3000), n = 1 + rnd_below(rnd_below(4) ? 3000 : 300000);
        touched[i] = 1;
        rnd_fill(scratch, n);
        if ((r = fs_open(0, p, IR_O_RDWR, &ip)) < 0)
            FAIL("open %s: %d", p, r);
        int32_t w = fs_write(ip, scratch, off, n);
        fs_put(ip);
        if (w != (int32_t)n)
            FAIL("write %s at %u: %d of %u", p, off, w, n);
        if (off + n > s->len)
            set_len(s, off + n);
        memcpy(s->data + off, scratch, n);
    } else if (kind < 60) {                                       /* truncate */
        uint32_t len = rnd_below(s->len + 5000);
        touched[i] = 1;
        if ((r = fs_open(0, p, IR_O_RDWR, &ip)) < 0)
            FAIL("open %s: %d", p, r);
        r = fs_truncate(ip, len);
        fs_put(ip);
        if (r < 0)
            FAIL("truncate %s: %d", p, r);
        set_len(s, len);
    } else if (kind < 70) {                                       /* unlink */
        touched[i] = 1;
        if ((r = fs_unlink(0, p)) < 0)
            FAIL("unlink %s: %d", p, r);
        s->exists = 0;
    } else if (kind < 85) {                                       /* rename, maybe over an existing file */
        j = (int)rnd_below(NSLOT);
        if (j == i)
            return 0;
        slot_path(j, q);
        touched[i] = touched[j] = 1;
        if ((r = fs_rename(0, p, 0, q)) < 0)
            FAIL("rename %s %s: %d", p, q, r);
        free(model[j].data);
        model[j] = *s;
        memset(s, 0, sizeof *s);
    } else if (kind < 93) {                                       /* mkdir / rmdir */
        int d = (int)rnd_below(NDIR);
        sprintf(q, "/d%d/sub", d);
        touched_sub[d] = 1;
        r = subdir[d] ? fs_rmdir(0, q) : fs_mkdir(0, q);
        if (r < 0)
            FAIL("%s %s: %d", subdir[d] ? "rmdir" : "mkdir", q, r);
        subdir[d] = !subdir[d];
    } else {                                                      /* unlink while open, then use it */
        touched[i] = 1;
        if ((r = fs_open(0, p, IR_O_RDWR, &ip)) < 0)
            FAIL("open %s: %d", p, r);
        if ((r = fs_unlink(0, p)) < 0)
            FAIL("unlink open %s: %d", p, r);
        rnd_fill(scratch, 5000);
        int32_t w = fs_write(ip, scratch, 100, 5000);
        fs_put(ip);
        if (w != 5000)
            FAIL("write to unlinked %s: %d", p, w);
        s->exists = 0;
    }
    return 0;
}

static int verify(void)
{
    char p[32];
    struct fs_inode *ip;
    for (int i = 0; i < NSLOT; i++) {
        if (touched[i])
            continue;
        slot_path(i, p);
        int r = fs_lookup(0, p, &ip);
        if (!model[i].exists) {
            if (r == 0) {
                fs_put(ip);
                FAIL("%s exists, should not", p);
            }
            continue;
        }
        if (r < 0)
            FAIL("%s missing (%d)", p, r);
        uint32_t len = model[i].len;
        int32_t got = fs_read(ip, scratch, 0, len + 1);
        uint32_t size = ip->d.size;
        fs_put(ip);
        if (size != len || got != (int32_t)len || memcmp(scratch, model[i].data, len))
            FAIL("%s: contents differ (size %u, want %u)", p, size, len);
    }
    for (int d = 0; d < NDIR; d++) {                              /* no unknown names */
        sprintf(p, "/d%d", d);
        if (fs_lookup(0, p, &ip) < 0)
            FAIL("%s missing", p);
        struct fs_dirinfo de;
        uint32_t pos = 0;
        int bad = 0;
        while (fs_readdir(ip, &pos, &de) > 0) {
            int k;
            if (!strcmp(de.name, ".") || !strcmp(de.name, ".."))
                continue;
            if (!strcmp(de.name, "sub"))
                bad |= !subdir[d] && !touched_sub[d];
            else if (sscanf(de.name, "f%d", &k) == 1 && k >= 0 && k < NSLOT && k % NDIR == d)
                bad |= !model[k].exists && !touched[k];
            else
                bad = 1;
            if (bad) {
                fs_put(ip);
                FAIL("unexpected entry %s/%s", p, de.name);
            }
        }
        fs_put(ip);
        sprintf(p, "/d%d/sub", d);
        if (!touched_sub[d]) {
            int r = fs_lookup(0, p, &ip);
            if (r == 0)
                fs_put(ip);
            if ((r == 0) != subdir[d])
                FAIL("%s: exists %d, want %d", p, r == 0, subdir[d]);
        }
    }
    return 0;
}

static void reset_model(void)
{
    for (int i = 0; i < NSLOT; i++) {
        free(model[i].data);
        memset(&model[i], 0, sizeof model[i]);
    }
    memset(subdir, 0, sizeof subdir);
    memset(touched, 0, sizeof touched);
    memset(touched_sub, 0, sizeof touched_sub);
}

/* one run with a power cut after `cut` sector writes (-1: none). Returns the writes done, or -1 on failure. */
static long run(long cut, int sync_mode, uint64_t seed, int recovery_cut)
{
    memcpy(md.data, base_image, (size_t)md.sectors * 512);
    md.writes = 0;
    md.crashed = 0;
    md.crash_after = cut;
    reset_model();
    rng_state = seed;
    failure[0] = 0;
    if (fs_mount(&md.dev, sync_mode ? FS_MOUNT_SYNC : 0) < 0) {
        snprintf(failure, sizeof failure, "first mount failed");
        return -1;
    }
    for (int op = 0; op < NOPS && !md.crashed; op++) {
        if (one_op(sync_mode) < 0 && !md.crashed)
            return -1;
        if (!sync_mode && op % 10 == 9) {
            int r = fs_sync();
            if (r < 0 && !md.crashed) {
                snprintf(failure, sizeof failure, "fs_sync: %d", r);
                return -1;
            }
            if (!md.crashed) {
                memset(touched, 0, sizeof touched);
                memset(touched_sub, 0, sizeof touched_sub);
            }
        }
    }
    if (!md.crashed && fs_sync() == 0 && !md.crashed) {
        memset(touched, 0, sizeof touched);
        memset(touched_sub, 0, sizeof touched_sub);
    }
    long writes = (long)md.writes;
    fs_forget();                                                  /* power cut */
    md.crashed = 0;
    if (recovery_cut >= 0) {                                      /* and again during the recovery */
        md.crash_after = (long)md.writes + recovery_cut;
        fs_mount(&md.dev, 0);
        fs_forget();
    }
    md.crash_after = -1;
    int f = fsck_fs(&md.dev, 0, 0);
    if (f != FSCK_CLEAN) {
        snprintf(failure, sizeof failure, "fsck before mount: status %d", f);
        fsck_fs(&md.dev, stdout, 0);
        return -1;
    }
    if (fs_mount(&md.dev, 0) < 0) {
        snprintf(failure, sizeof failure, "mount after the cut failed");
        return -1;
    }
    if (verify() < 0)
        return -1;
    /* the recovered file system works */
    struct fs_inode *ip;
    if (fs_open(0, "/after", IR_O_CREAT | IR_O_RDWR, &ip) < 0 || fs_write(ip, "ok", 0, 2) != 2) {
        snprintf(failure, sizeof failure, "cannot write after recovery");
        return -1;
    }
    fs_put(ip);
    if (fs_unmount() < 0 || (f = fsck_fs(&md.dev, stdout, 0)) != FSCK_CLEAN) {
        snprintf(failure, sizeof failure, "fsck after recovery and use: status %d", f);
        return -1;
    }
    return writes;
}

int main(int argc, char **argv)
{
    int runs = 150;
    uint64_t seed = 12345;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], 0, 0);
        else {
            fprintf(stderr, "usage: fs_crash [--runs R] [--seed S]\n");
            return 2;
        }
    }
    fs_port_quiet = 1;
    memdev_init(&md, 16);
    scratch = malloc(2u << 20);
    /* the base image: a file system with /d0../d3 */
    if (fs_format(&md.dev, 16 * 1024, 512, 128) < 0 || fs_mount(&md.dev, 0) < 0) {
        printf("FAIL fs-crash: cannot build the base image\n");
        return 1;
    }
    for (int d = 0; d < NDIR; d++) {
        char p[16];
        sprintf(p, "/d%d", d);
        fs_mkdir(0, p);
    }
    fs_unmount();
    base_image = malloc((size_t)md.sectors * 512);
    memcpy(base_image, md.data, (size_t)md.sectors * 512);

    int failed = 0;
    for (int mode = 1; mode >= 0; mode--) {
        const char *name = mode ? "sync mounts" : "group commit";
        uint64_t wseed = seed + (uint64_t)mode;
        long total = run(-1, mode, wseed, -1);
        if (total < 0) {
            printf("FAIL fs-crash: %s: the run without power cut fails: %s\n", name, failure);
            failed++;
            continue;
        }
        rng_state = seed * 7 + 1;
        int bad = 0;
        for (int k = 0; k < runs; k++) {
            uint64_t saved = rng_state;
            long cut = k < 8 ? k : (long)(rnd() % (uint32_t)(total + 1));
            int rcut = k % 3 == 0 ? (int)(rnd() % 64) : -1;
            saved = rng_state;
            if (run(cut, mode, wseed, rcut) < 0) {
                if (bad++ < 5)
                    printf("    %s: cut after %ld of %ld sector writes%s: %s\n", name, cut, total,
                           rcut >= 0 ? " (and again during recovery)" : "", failure);
            }
            rng_state = saved;
        }
        printf("%s fs-crash: %s: %d power cuts in %ld sector writes, %d failed\n", bad ? "FAIL" : "PASS", name,
               runs, total, bad);
        failed += bad != 0;
    }
    reset_model();
    free(scratch);
    free(base_image);
    memdev_free(&md);
    return failed ? 1 : 0;
}
