/*
 * fs_fuzz.c - robustness of everything that parses an image: a valid disk image (header, kernel, a file system
 * with nested directories, small, indirect and double-indirect files, an orphan) gets a few random corruptions
 * per iteration (bytes, words set to interesting values, zeroed blocks, a forged log header with a valid CRC,
 * damaged disk header), then goes through fsck_image, fs_mount, a walk that reads every file, and some changes.
 * Nothing may crash, hang or touch memory out of bounds (run it under ASan/UBSan: `make test-fs-asan`).
 *
 * Usage: fs_fuzz [--iterations N] [--seconds S] [--seed X]: stops at N iterations or S seconds, whichever first.
 * Prints one PASS line with counts (how many images fsck found clean / damaged / unreadable, how many mounted).
 */
#include <time.h>
#include "fsck.h"
#include "testdev.h"

extern int fs_port_quiet;

#define DISK_MIB 2
static uint8_t *base, *img;
static size_t img_size = (size_t)DISK_MIB << 20;
static uint32_t fs_sector = 64;
static struct fs_super sb;

static uint32_t header_crc(struct disk_header *h)
{
    return disk_header_crc(h);
}

static void build_base(void)
{
    struct image im;
    base = calloc(1, img_size);
    image_from_memory(&im, base, img_size);
    struct disk_header h = {DISK_MAGIC, DISK_VERSION, 8, 10000, 0x40100000, 0x40100000, fs_sector,
                            (uint32_t)(img_size / 512) - fs_sector, (uint32_t)(img_size / 512), 0, 0};
    for (int i = 0; i < 10000; i++)
        base[8 * 512 + i] = (uint8_t)rnd();
    h.kernel_crc32 = ir_crc32(0, base + 8 * 512, 10000);
    h.header_crc32 = header_crc(&h);
    memcpy(base, &h, sizeof h);
    image_set_partition(&im, fs_sector, h.fs_sectors);
    if (fs_format(&im.part, h.fs_sectors / 2, 128, 32) < 0 || fs_mount(&im.part, 0) < 0) {
        printf("FAIL fs-fuzz: cannot build the base image\n");
        exit(1);
    }
    static uint8_t data[400000];
    rnd_fill(data, sizeof data);
    struct fs_inode *ip;
    fs_mkdir(0, "/a");
    fs_mkdir(0, "/a/b");
    fs_mkdir(0, "/c");
    const char *files[] = {"/small", "/a/mid", "/a/b/big", "/c/x", "/c/y", "/a/b/z"};
    uint32_t sizes[] = {100, 20000, 300000, 1, 3000, 0};
    for (int i = 0; i < 6; i++) {
        fs_open(0, files[i], IR_O_CREAT | IR_O_RDWR, &ip);
        if (sizes[i])
            fs_write(ip, data, 0, sizes[i]);
        fs_put(ip);
    }
    fs_link(0, "/c/x", 0, "/a/xlink");
    for (int i = 0; i < 40; i++) {
        char p[32];
        sprintf(p, "/c/n%d", i);
        fs_open(0, p, IR_O_CREAT | IR_O_RDWR, &ip);
        fs_put(ip);
    }
    fs_open(0, "/orphan", IR_O_CREAT | IR_O_RDWR, &ip);         /* unlinked while open, then "power cut" */
    fs_write(ip, data, 0, 5000);
    fs_unlink(0, "/orphan");
    fs_sync();
    fs_forget();
    memcpy(&sb, base + (size_t)fs_sector * 512, sizeof sb);
}

static uint32_t interesting(void)
{
    static const uint32_t v[] = {0, 1, 2, 0xffffffffu, 0x7fffffffu, 0x80000000u, 255, 256, 1023, 1024, 65535,
                                 65536, FS_MAXFILE, FS_MAXFILE + 1};
    uint32_t k = rnd_below(4);
    if (k == 0)
        return v[rnd_below(sizeof v / sizeof v[0])];
    if (k == 1)
        return rnd_below(sb.nblocks + 16);             /* a plausible block number */
    if (k == 2)
        return rnd_below(sb.ninodes + 4);              /* a plausible inode number */
    return rnd();
}

static void corrupt_block(uint32_t bn)
{
    uint8_t *p = img + ((size_t)fs_sector + (size_t)bn * 2) * 512;
    if (bn >= sb.nblocks)
        return;
    switch (rnd_below(4)) {
    case 0:
        p[rnd_below(FS_BSIZE)] ^= (uint8_t)(1u << rnd_below(8));
        break;
    case 1:
        p[rnd_below(FS_BSIZE)] = (uint8_t)rnd();
        break;
    case 2: {
        uint32_t v = interesting();
        memcpy(p + rnd_below(FS_BSIZE / 4) * 4, &v, 4);
        break;
    }
    default:
        memset(p, rnd_below(2) ? 0 : 0xff, FS_BSIZE);
    }
}

static void forge_log(void)
{
    union {
        struct fs_log_header h;
        uint8_t raw[FS_BSIZE];
    } hb;
    memset(&hb, 0, sizeof hb);
    hb.h.magic = FS_LOG_MAGIC;
    hb.h.n = rnd_below(4) ? 1 + rnd_below(6) : interesting();
    uint32_t n = hb.h.n < FS_LOG_MAX ? hb.h.n : FS_LOG_MAX;
    uint32_t crc = 0;
    for (uint32_t i = 0; i < n; i++) {
        hb.h.block[i] = rnd_below(3) ? sb.inode_start + rnd_below(sb.nblocks - sb.inode_start) : interesting();
        if (i < sb.log_blocks) {
            uint8_t *lb = img + ((size_t)fs_sector + (size_t)(sb.log_start + 1 + i) * 2) * 512;
            for (int k = 0; k < 8; k++)
                lb[rnd_below(FS_BSIZE)] = (uint8_t)rnd();
            crc = ir_crc32(crc, lb, FS_BSIZE);
        }
    }
    hb.h.data_crc32 = rnd_below(8) ? crc : rnd();
    hb.h.hdr_crc32 = ir_crc32(0, hb.raw, FS_BSIZE);
    memcpy(img + ((size_t)fs_sector + (size_t)sb.log_start * 2) * 512, hb.raw, FS_BSIZE);
}

static void corrupt(void)
{
    int n = 1 + (int)rnd_below(6);
    for (int k = 0; k < n; k++) {
        uint32_t where = rnd_below(100);
        if (where < 3) {                                         /* disk header (keep the CRC valid sometimes) */
            struct disk_header h;
            memcpy(&h, img, sizeof h);
            uint32_t v = interesting();
            memcpy((uint8_t *)&h + rnd_below(sizeof h / 4 - 1) * 4, &v, 4);
            if (rnd_below(2))
                h.header_crc32 = header_crc(&h);
            memcpy(img, &h, sizeof h);
        } else if (where < 8) {                                  /* superblock */
            corrupt_block(0);
        } else if (where < 15) {
            forge_log();
        } else if (where < 55) {                                 /* inode table */
            corrupt_block(sb.inode_start + rnd_below(sb.inode_blocks));
        } else if (where < 65) {
            corrupt_block(sb.bmap_start + rnd_below(sb.bmap_blocks));
        } else {                                                 /* data: directories, indirect blocks, files */
            corrupt_block(sb.data_start + rnd_below(sb.nblocks - sb.data_start > 400 ? 400
                                                                               : sb.nblocks - sb.data_start));
        }
    }
}

static uint8_t readbuf[1 << 16];
static unsigned long files_read;

static void walk(struct fs_inode *dir, int depth)
{
    struct fs_dirinfo de;
    uint32_t pos = 0;
    int entries = 0;
    while (depth < 12 && entries++ < 200 && fs_readdir(dir, &pos, &de) > 0) {
        if (!strcmp(de.name, ".") || !strcmp(de.name, ".."))
            continue;
        struct fs_inode *ip;
        if (fs_lookup(dir, de.name, &ip) < 0)
            continue;
        if (ip->d.type == FS_T_DIR) {
            walk(ip, depth + 1);
        } else {
            for (uint32_t off = 0; off < ip->d.size && off < (1u << 20); off += sizeof readbuf)
                if (fs_read(ip, readbuf, off, sizeof readbuf) <= 0)
                    break;
            struct ir_stat st;
            fs_stat(ip, &st);
            files_read++;
        }
        fs_put(ip);
    }
}

static void use(void)
{
    struct fs_inode *root = fs_root(), *ip;
    if (!root)
        return;
    walk(root, 0);
    char buf[128];
    fs_getpath(root, buf, sizeof buf);
    fs_put(root);
    if (fs_open(0, "/a/b/new", IR_O_CREAT | IR_O_RDWR, &ip) == 0) {
        fs_write(ip, readbuf, 0, 30000);
        fs_truncate(ip, 100);
        fs_put(ip);
    }
    fs_mkdir(0, "/c/newdir");
    fs_rename(0, "/a/mid", 0, "/c/newdir/mid");
    fs_rename(0, "/a", 0, "/c/a2");
    fs_unlink(0, "/small");
    fs_unlink(0, "/a/b/big");
    fs_rmdir(0, "/c/newdir");
    fs_link(0, "/c/y", 0, "/c/ylink");
    if (fs_lookup(0, "/c/a2/b", &ip) == 0) {
        fs_getpath(ip, buf, sizeof buf);
        fs_put(ip);
    }
    fs_unmount();
}

int main(int argc, char **argv)
{
    long iterations = 3000, seconds = 40;
    uint64_t seed = 4242;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--iterations") && i + 1 < argc)
            iterations = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
            seconds = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], 0, 0);
        else {
            fprintf(stderr, "usage: fs_fuzz [--iterations N] [--seconds S] [--seed X]\n");
            return 2;
        }
    }
    fs_port_quiet = 1;
    rng_state = seed;
    build_base();
    img = malloc(img_size);
    unsigned long status[3] = {0, 0, 0}, mounted = 0, it;
    time_t start = time(0);
    for (it = 0; it < (unsigned long)iterations && time(0) - start < seconds; it++) {
        memcpy(img, base, img_size);
        corrupt();
        struct image im;
        size_t size = rnd_below(20) ? img_size : rnd_below((uint32_t)img_size);   /* sometimes truncated */
        image_from_memory(&im, img, size);
        status[fsck_image(&im, 0, 0)]++;
        char err[200];
        if (image_load_header(&im, err, sizeof err) == 0 && fs_mount(&im.part, rnd_below(2)) == 0) {
            mounted++;
            use();
        }
    }
    /* the untouched base image must be clean (and have its orphan) */
    struct image im;
    memcpy(img, base, img_size);
    image_from_memory(&im, img, img_size);
    int clean = fsck_image(&im, stdout, 0) == FSCK_CLEAN;
    printf("%s fs-fuzz: %lu corrupted images in %ld s: fsck %lu clean, %lu with problems, %lu unreadable; "
           "%lu mounted and used, %lu files read; no crash\n", clean ? "PASS" : "FAIL", it,
           (long)(time(0) - start), status[0], status[1], status[2], mounted, files_read);
    free(img);
    free(base);
    return clean ? 0 : 1;
}
