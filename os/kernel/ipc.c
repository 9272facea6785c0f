/*
 * ipc.c - inter-process communication: per-process mailboxes (mbox_send / mbox_recv) and named shared-memory
 * objects (shm_open / shm_unlink, sized by ftruncate, mapped by mmap.c). docs/os.md has the user-visible semantics.
 *
 * Mailboxes. Every process has one (struct mbox in struct proc): up to IR_MBOX_CAPACITY messages of at most
 * IR_MBOX_MSG_MAX bytes, in one data page allocated at the first message (slot i at offset i * 256) and freed when
 * the process exits. Invariants: popcount(used) == n; order[0..n) lists the used slots oldest first; a message is
 * removed only once it has been copied out completely (a failing receive leaves it queued). Channels: a receiver
 * sleeps on RECV_CHAN(itself), a sender blocked on a full mailbox sleeps on SEND_CHAN(target); the target's exit
 * wakes both kinds of waiters (senders find the pid gone: ESRCH; receivers waiting for that pid: ESRCH).
 * Targets are always looked up by pid after sleeping, since the slot may have been reused.
 *
 * Shared-memory objects (struct shmobj, table of NSHM). An object's frames are listed in up to SHM_DIR_PAGES
 * index pages (1024 frames each), allocated zeroed on first use; the object holds one reference on each frame
 * and every page-table entry that maps it holds another. Counts: nfiles = F_SHM files open on it, nmaps = vmas
 * using it, linked = its name is visible. The object (frames, index pages, slot) is freed when all three are 0.
 * Unnamed objects back MAP_SHARED|MAP_ANONYMOUS mappings (inherited by fork through the vma copy).
 */
#include "kernel.h"

/* ---- mailboxes ---------------------------------------------------------------------------------------------- */
#define RECV_CHAN(p) ((const void *)&(p)->mbox.used)
#define SEND_CHAN(p) ((const void *)&(p)->mbox.n)

/* the live (not zombie) process with this pid, or 0 */
static struct proc *proc_by_pid(int32_t pid)
{
    if (pid <= 0)
        return 0;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].pid == pid && procs[i].state != P_UNUSED && procs[i].state != P_ZOMBIE)
            return &procs[i];
    return 0;
}

long sys_mbox_send(struct proc *p, int32_t pid, uint32_t ubuf, uint32_t len, uint32_t flags)
{
    uint8_t msg[IR_MBOX_MSG_MAX];
    if (flags & ~(uint32_t)IR_MBOX_NONBLOCK)
        return -IR_EINVAL;
    if (len > IR_MBOX_MSG_MAX)
        return -IR_EMSGSIZE;
    if (len && copyin(p, msg, ubuf, len) < 0)
        return -IR_EFAULT;
    for (;;) {
        struct proc *t = proc_by_pid(pid);
        if (!t)
            return -IR_ESRCH;
        struct mbox *m = &t->mbox;
        if (m->n < IR_MBOX_CAPACITY) {
            if (!m->page && !(m->page = page_alloc_raw()))
                return -IR_ENOMEM;
            uint32_t slot = (uint32_t)__builtin_ctz(~(uint32_t)m->used);
            KASSERT(slot < IR_MBOX_CAPACITY);
            memcpy((uint8_t *)(uintptr_t)m->page + slot * IR_MBOX_MSG_MAX, msg, len);
            m->used |= (uint16_t)(1u << slot);
            m->len[slot] = (uint16_t)len;
            m->from[slot] = p->pid;
            m->order[m->n++] = (uint8_t)slot;
            wakeup(RECV_CHAN(t));
            return 0;
        }
        if (flags & IR_MBOX_NONBLOCK)
            return -IR_EAGAIN;
        if (t == p)
            return -IR_EDEADLK;     /* only we could empty it */
        if (sleep_on(SEND_CHAN(t)) < 0)
            return -IR_EINTR;
    }
}

long sys_mbox_recv(struct proc *p, uint32_t ubuf, uint32_t len, uint32_t usender, uint32_t flags, uint32_t tmo_ms)
{
    struct mbox *m = &p->mbox;
    int32_t want = 0;
    uint64_t deadline = 0;
    if (flags & ~(uint32_t)(IR_MBOX_NONBLOCK | IR_MBOX_FROM))
        return -IR_EINVAL;
    if (flags & IR_MBOX_FROM) {
        if (copyin(p, &want, usender, sizeof want) < 0)
            return -IR_EFAULT;
        if (want <= 0)
            return -IR_EINVAL;
    }
    if (tmo_ms && !(flags & IR_MBOX_NONBLOCK)) {
        uint64_t d = (uint64_t)tmo_ms * ticks_per_second() / 1000u;
        deadline = time_now() + (d ? d : 1);
    }
    for (;;) {
        uint32_t k;
        for (k = 0; k < m->n; k++)
            if (!want || m->from[m->order[k]] == want)
                break;
        if (k < m->n) {
            uint32_t slot = m->order[k], mlen = m->len[slot];
            int32_t from = m->from[slot];
            if (mlen > len)
                return -IR_EMSGSIZE;         /* stays queued */
            if (mlen && copyout(p, ubuf, (uint8_t *)(uintptr_t)m->page + slot * IR_MBOX_MSG_MAX, mlen) < 0)
                return -IR_EFAULT;
            if (usender && copyout(p, usender, &from, sizeof from) < 0)
                return -IR_EFAULT;
            memmove(&m->order[k], &m->order[k + 1], m->n - k - 1u);
            m->n--;
            m->used &= (uint16_t)~(1u << slot);
            wakeup(SEND_CHAN(p));
            return (long)mlen;
        }
        if (want && !proc_by_pid(want))
            return -IR_ESRCH;
        if (flags & IR_MBOX_NONBLOCK)
            return -IR_EAGAIN;
        if (deadline && time_now() >= deadline)
            return -IR_ETIMEDOUT;
        p->wake_time = deadline;
        m->wait_from = want;
        int r = sleep_on(RECV_CHAN(p));
        p->wake_time = 0;
        m->wait_from = 0;
        if (r < 0)
            return -IR_EINTR;
    }
}

void mbox_exit(struct proc *p)
{
    struct mbox *m = &p->mbox;
    if (m->page)
        page_free(m->page);
    m->page = 0;
    m->used = 0;
    m->n = 0;
    wakeup(SEND_CHAN(p));
    for (int i = 0; i < NPROC; i++) {
        struct proc *q = &procs[i];
        if (q->state == P_SLEEPING && q->chan == RECV_CHAN(q) && q->mbox.wait_from == p->pid)
            q->state = P_RUNNABLE;
    }
}

/* ---- shared-memory objects ----------------------------------------------------------------------------------- */
#define NSHM 64
#define SHM_DIR_PAGES ((IR_SHM_MAX_BYTES / PAGE_SIZE + 1023u) / 1024u)

struct shmobj {
    int used;
    int linked;                   /* the name is visible to shm_open */
    int nfiles, nmaps;
    uint32_t size;                /* bytes */
    uint32_t dir[SHM_DIR_PAGES];  /* index pages: frame pa of page i at dir[i / 1024][i % 1024], 0 = none */
    char name[IR_SHM_NAME_MAX];   /* without the leading '/' */
};
static struct shmobj shms[NSHM];

static struct shmobj *shm_alloc(void)
{
    for (int i = 0; i < NSHM; i++)
        if (!shms[i].used) {
            memset(&shms[i], 0, sizeof shms[i]);
            shms[i].used = 1;
            return &shms[i];
        }
    return 0;
}

/* drop the object's frames from page index `first` on (frames still mapped somewhere stay alive there) */
static void shm_drop_pages(struct shmobj *o, uint32_t first)
{
    for (uint32_t d = 0; d < SHM_DIR_PAGES; d++) {
        if (!o->dir[d])
            continue;
        uint32_t *ix = (uint32_t *)(uintptr_t)o->dir[d];
        for (uint32_t j = 0; j < 1024u; j++) {
            if (d * 1024u + j >= first && ix[j]) {
                page_free(ix[j]);
                ix[j] = 0;
            }
        }
        if (d * 1024u >= first) {
            page_free(o->dir[d]);
            o->dir[d] = 0;
        }
    }
}

static void shm_maybe_free(struct shmobj *o)
{
    if (o->linked || o->nfiles || o->nmaps)
        return;
    shm_drop_pages(o, 0);
    memset(o, 0, sizeof *o);
}

struct shmobj *shm_anon(uint32_t size)
{
    if (size > IR_SHM_MAX_BYTES)
        return 0;
    struct shmobj *o = shm_alloc();
    if (o)
        o->size = size;
    return o;
}

uint32_t shm_size(const struct shmobj *o)
{
    return o->size;
}

uint32_t shm_page(struct shmobj *o, uint32_t index)
{
    uint32_t d = index / 1024u, j = index % 1024u;
    KASSERT(index * PAGE_SIZE < o->size);
    if (!o->dir[d] && !(o->dir[d] = page_alloc()))
        return 0;
    uint32_t *ix = (uint32_t *)(uintptr_t)o->dir[d];
    if (!ix[j])
        ix[j] = page_alloc();
    return ix[j];
}

void shm_map_ref(struct shmobj *o)
{
    o->nmaps++;
}

void shm_map_put(struct shmobj *o)
{
    KASSERT(o->nmaps > 0);
    o->nmaps--;
    shm_maybe_free(o);
}

void shm_file_close(struct shmobj *o)
{
    KASSERT(o->nfiles > 0);
    o->nfiles--;
    shm_maybe_free(o);
}

int shm_truncate(struct shmobj *o, uint32_t len)
{
    if (len > IR_SHM_MAX_BYTES)
        return -IR_EFBIG;
    if (len < o->size) {
        if (o->nmaps)
            return -IR_EBUSY;          /* shrinking under a mapping is refused */
        uint32_t keep = page_round_up(len) / PAGE_SIZE;
        shm_drop_pages(o, keep);
        if (len & (PAGE_SIZE - 1u)) {   /* the tail of the last kept page reads as zeros if the object regrows */
            uint32_t d = (keep - 1u) / 1024u, j = (keep - 1u) % 1024u;
            uint32_t *ix = o->dir[d] ? (uint32_t *)(uintptr_t)o->dir[d] : 0;
            if (ix && ix[j])
                memset((uint8_t *)(uintptr_t)ix[j] + (len & (PAGE_SIZE - 1u)), 0, PAGE_SIZE - (len & (PAGE_SIZE - 1u)));
        }
    }
    o->size = len;
    return 0;
}

/* copy and check a shared-memory name: "[/]name", 1..IR_SHM_NAME_MAX-1 bytes, no other '/' */
static int shm_name(struct proc *p, uint32_t uname, char *out)
{
    char buf[IR_SHM_NAME_MAX];
    int n = copyinstr(p, buf, uname, sizeof buf);
    if (n < 0)
        return n;
    const char *s = buf[0] == '/' ? buf + 1 : buf;
    if (!*s)
        return -IR_EINVAL;
    for (const char *c = s; *c; c++)
        if (*c == '/')
            return -IR_EINVAL;
    strlcpy(out, s, IR_SHM_NAME_MAX);
    return 0;
}

static struct shmobj *shm_lookup(const char *name)
{
    for (int i = 0; i < NSHM; i++)
        if (shms[i].used && shms[i].linked && !strcmp(shms[i].name, name))
            return &shms[i];
    return 0;
}

long sys_shm_open(struct proc *p, uint32_t uname, uint32_t flags)
{
    char name[IR_SHM_NAME_MAX];
    uint32_t acc = flags & IR_O_ACCMODE;
    if ((flags & ~(uint32_t)(IR_O_ACCMODE | IR_O_CREAT | IR_O_EXCL | IR_O_TRUNC | IR_O_CLOEXEC)) ||
        (acc != IR_O_RDONLY && acc != IR_O_RDWR) || ((flags & IR_O_TRUNC) && acc != IR_O_RDWR))
        return -IR_EINVAL;
    int r = shm_name(p, uname, name);
    if (r < 0)
        return r;
    struct shmobj *o = shm_lookup(name);
    if (o && (flags & IR_O_CREAT) && (flags & IR_O_EXCL))
        return -IR_EEXIST;
    if (!o && !(flags & IR_O_CREAT))
        return -IR_ENOENT;
    if (o && (flags & IR_O_TRUNC) && (r = shm_truncate(o, 0)) < 0)
        return r;
    struct file *f = file_alloc();
    if (!f)
        return -IR_ENFILE;
    if (!o) {
        if (!(o = shm_alloc())) {
            f->ref = 0;
            return -IR_ENFILE;
        }
        o->linked = 1;
        strlcpy(o->name, name, sizeof o->name);
    }
    f->type = F_SHM;
    f->shm = o;
    f->flags = acc;
    o->nfiles++;
    return fd_install(p, f, flags);
}

long sys_shm_unlink(struct proc *p, uint32_t uname)
{
    char name[IR_SHM_NAME_MAX];
    int r = shm_name(p, uname, name);
    if (r < 0)
        return r;
    struct shmobj *o = shm_lookup(name);
    if (!o)
        return -IR_ENOENT;
    o->linked = 0;
    o->name[0] = 0;
    shm_maybe_free(o);
    return 0;
}
