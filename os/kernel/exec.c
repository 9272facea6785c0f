/*
 * exec.c - execve: load a static ELF32 RISC-V executable from the file system into a fresh address space and
 * build the initial user stack (Linux layout: argc, argv[], NULL, envp[], NULL, auxv AT_NULL; also a0 = argc,
 * a1 = argv, a2 = envp).
 *
 * Invariants: the old address space is destroyed only once the new one is complete, so a failing exec returns an
 * error to an intact caller; segments must lie in [USER_BASE, HEAP_MAX_END); argument and environment strings
 * together fit in one page (else -E2BIG).
 */
#include "kernel.h"
#include "fs/fs.h"

#define MAXARG 64

struct elf32_ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};
struct elf32_phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4

/* write n bytes at va of address space root, allocating zeroed user RW pages where none is mapped */
static int as_write(uint32_t root, uint32_t va, const void *src, uint32_t n)
{
    const uint8_t *s = src;
    while (n) {
        uint32_t *pte = as_walk(root, va, 0);
        if (!pte || !(*pte & PTE_V)) {
            uint32_t pa = page_alloc();
            if (!pa)
                return -IR_ENOMEM;
            if (as_map(root, page_round_down(va), pa, PTE_R | PTE_W | PTE_U) < 0) {
                page_free(pa);
                return -IR_ENOMEM;
            }
            pte = as_walk(root, va, 0);
        }
        uint32_t off = va & (PAGE_SIZE - 1u), k = PAGE_SIZE - off;
        if (k > n)
            k = n;
        memcpy((uint8_t *)PTE_PA(*pte) + off, s, k);
        s += k;
        va += k;
        n -= k;
    }
    return 0;
}

/* maps the pages of the segment that hold file data; whole pages of bss beyond them are left to demand paging
 * (*bss_from = first such page) */
static int load_segment(uint32_t root, struct fs_inode *ip, const struct elf32_phdr *ph, uint32_t *bss_from)
{
    uint32_t end = ph->vaddr + ph->memsz;
    if (ph->memsz < ph->filesz || end < ph->vaddr || ph->vaddr < USER_BASE || end > HEAP_MAX_END)
        return -IR_ENOEXEC;
    uint32_t perm = PTE_U;
    if (ph->flags & PF_R)
        perm |= PTE_R;
    if (ph->flags & PF_W)
        perm |= PTE_W | PTE_R;
    if (ph->flags & PF_X)
        perm |= PTE_X;
    uint32_t map_end = page_round_up(ph->vaddr + (ph->filesz ? ph->filesz : 1));
    if (!(ph->flags & PF_W))
        map_end = end;       /* read-only segments are mapped whole */
    else if (map_end < page_round_up(end))
        *bss_from = map_end;
    if (map_end > end)
        map_end = end;
    for (uint32_t va = page_round_down(ph->vaddr); va < map_end; va += PAGE_SIZE) {
        uint32_t *pte = as_walk(root, va, 0);
        if (pte && (*pte & PTE_V)) {
            *pte |= perm;        /* page shared with the previous segment */
            continue;
        }
        uint32_t pa = page_alloc();
        if (!pa)
            return -IR_ENOMEM;
        if (as_map(root, va, pa, perm) < 0) {
            page_free(pa);
            return -IR_ENOMEM;
        }
    }
    uint32_t done = 0;
    while (done < ph->filesz) {
        uint32_t va = ph->vaddr + done;
        uint32_t *pte = as_walk(root, va, 0);
        uint32_t off = va & (PAGE_SIZE - 1u), k = PAGE_SIZE - off;
        if (k > ph->filesz - done)
            k = ph->filesz - done;
        int32_t r = fs_read(ip, (uint8_t *)PTE_PA(*pte) + off, ph->offset + done, k);
        if (r < 0)
            return r;
        if ((uint32_t)r != k)
            return -IR_ENOEXEC;
        done += k;
    }
    return 0;
}

int do_execve(const char *path, char *const *argv, int argc, char *const *envp, int envc)
{
    struct proc *p = current;
    struct fs_inode *ip;
    struct elf32_ehdr eh;
    uint32_t root = 0;
    int r = fs_open(p->cwd, path, IR_O_RDONLY, &ip);
    if (r < 0)
        return r;
    if (ip->d.type != FS_T_FILE) {
        r = -IR_EACCES;
        goto out;
    }
    if (fs_read(ip, &eh, 0, sizeof eh) != (int32_t)sizeof eh || memcmp(eh.ident, "\177ELF", 4) != 0 ||
        eh.ident[4] != 1 || eh.ident[5] != 1 || eh.type != 2 || eh.machine != 243 ||
        eh.phentsize != sizeof(struct elf32_phdr) || eh.phnum > 16 || eh.entry < USER_BASE ||
        eh.entry >= USER_END) {
        r = -IR_ENOEXEC;
        goto out;
    }
    root = as_create();
    if (!root) {
        r = -IR_ENOMEM;
        goto out;
    }
    uint32_t brk = 0, bss_from = 0;
    for (uint32_t i = 0; i < eh.phnum; i++) {
        struct elf32_phdr ph;
        if (fs_read(ip, &ph, eh.phoff + i * sizeof ph, sizeof ph) != (int32_t)sizeof ph) {
            r = -IR_ENOEXEC;
            goto out;
        }
        if (ph.type != PT_LOAD || ph.memsz == 0)
            continue;
        if ((r = load_segment(root, ip, &ph, &bss_from)) < 0)
            goto out;
        if (ph.vaddr + ph.memsz > brk)
            brk = ph.vaddr + ph.memsz;
    }
    if (brk == 0) {
        r = -IR_ENOEXEC;
        goto out;
    }

    /* the stack: strings at the top, then the vectors */
    uint32_t sz = 0;
    for (int i = 0; i < argc; i++)
        sz += strlen(argv[i]) + 1;
    for (int i = 0; i < envc; i++)
        sz += strlen(envp[i]) + 1;
    if (sz > PAGE_SIZE) {
        r = -IR_E2BIG;
        goto out;
    }
    uint32_t str = (USTACK_TOP - sz) & ~3u;
    uint32_t vec[1 + MAXARG + 1 + MAXARG + 1 + 2];
    uint32_t nv = 0, s = str;
    vec[nv++] = (uint32_t)argc;
    for (int i = 0; i < argc; i++) {
        uint32_t len = strlen(argv[i]) + 1;
        if ((r = as_write(root, s, argv[i], len)) < 0)
            goto out;
        vec[nv++] = s;
        s += len;
    }
    vec[nv++] = 0;
    for (int i = 0; i < envc; i++) {
        uint32_t len = strlen(envp[i]) + 1;
        if ((r = as_write(root, s, envp[i], len)) < 0)
            goto out;
        vec[nv++] = s;
        s += len;
    }
    vec[nv++] = 0;
    vec[nv++] = 0;   /* auxv: AT_NULL */
    vec[nv++] = 0;
    uint32_t sp = (str - nv * 4u) & ~15u;
    if ((r = as_write(root, sp, vec, nv * 4u)) < 0)
        goto out;

    /* commit */
    uint32_t old = p->root;
    p->root = root;
    as_activate(root);
    if (old)
        as_destroy(old);
    root = 0;
    vma_release_all(p);     /* mappings do not survive exec (the mailbox does) */
    p->heap_start = p->brk = page_round_up(brk);
    p->bss_start = bss_from ? bss_from : p->heap_start;
    const char *base = path;
    for (const char *c = path; *c; c++)
        if (*c == '/' && c[1])
            base = c + 1;
    strlcpy(p->name, base, sizeof p->name);
    for (int fd = 0; fd < NOFILE; fd++)
        if ((p->cloexec >> fd) & 1u && p->ofile[fd]) {
            file_close(p->ofile[fd]);
            p->ofile[fd] = 0;
        }
    p->cloexec = 0;
    memset(p->tf->x, 0, sizeof p->tf->x);
    p->tf->sepc = eh.entry;
    p->tf->x[2] = sp;
    p->tf->x[11] = sp + 4;
    p->tf->x[12] = sp + 4 + 4u * ((uint32_t)argc + 1);
    r = argc;   /* becomes a0 */
out:
    if (root)
        as_destroy(root);
    fs_put(ip);
    return r;
}

static int copy_strings(struct proc *p, uint32_t uvec, char **out, int *count, char *buf, uint32_t *used)
{
    int n = 0;
    if (!uvec) {
        *count = 0;
        return 0;
    }
    for (;;) {
        uint32_t uptr;
        if (copyin(p, &uptr, uvec + 4u * (uint32_t)n, 4) < 0)
            return -IR_EFAULT;
        if (!uptr)
            break;
        if (n >= MAXARG)
            return -IR_E2BIG;
        int len = copyinstr(p, buf + *used, uptr, PAGE_SIZE - *used);
        if (len == -IR_ENAMETOOLONG)
            return -IR_E2BIG;
        if (len < 0)
            return len;
        out[n++] = buf + *used;
        *used += (uint32_t)len + 1;
    }
    *count = n;
    return 0;
}

int sys_execve(uint32_t upath, uint32_t uargv, uint32_t uenvp)
{
    struct proc *p = current;
    char path[256];
    char *argv[MAXARG], *envp[MAXARG];
    int argc, envc;
    int r = copyinstr(p, path, upath, sizeof path);
    if (r < 0)
        return r;
    if (r == 0)
        return -IR_ENOENT;
    char *buf = (char *)(uintptr_t)page_alloc_raw();
    if (!buf)
        return -IR_ENOMEM;
    uint32_t used = 0;
    r = copy_strings(p, uargv, argv, &argc, buf, &used);
    if (r == 0)
        r = copy_strings(p, uenvp, envp, &envc, buf, &used);
    if (r == 0)
        r = do_execve(path, argv, argc, envp, envc);
    page_free((uint32_t)(uintptr_t)buf);
    return r;
}
