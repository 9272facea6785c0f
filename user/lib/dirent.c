/*
 * dirent.c - opendir/readdir/closedir/rewinddir/dirfd over the getdents64 system call.
 *
 * A DIR holds the descriptor, a buffer of raw struct ir_dirent64 records (8-byte aligned, as the kernel writes
 * them) and the current position in it; readdir() refills the buffer when it is used up and converts one record
 * into the DIR's struct dirent. Names longer than 255 bytes are truncated.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ir.h"

struct __ir_dir {
    int fd;
    int len, pos;                        /* valid bytes in buf; offset of the next record */
    struct dirent ent;
    uint64_t buf[128];                   /* 1 KiB, 8-byte aligned */
};

DIR *fdopendir(int fd)
{
    DIR *d = malloc(sizeof *d);
    if (d == NULL)
        return NULL;
    d->fd = fd;
    d->len = d->pos = 0;
    return d;
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    DIR *d;
    if (fd < 0)
        return NULL;
    d = fdopendir(fd);
    if (d == NULL)
        close(fd);
    return d;
}

struct dirent *readdir(DIR *d)
{
    const struct ir_dirent64 *r;
    size_t nl;
    if (d->pos >= d->len) {
        long n = ir_getdents64(d->fd, d->buf, sizeof d->buf);
        if (n <= 0)
            return NULL;                 /* end (errno unchanged) or error (errno set) */
        d->len = (int)n;
        d->pos = 0;
    }
    r = (const struct ir_dirent64 *)((const char *)d->buf + d->pos);
    if (r->d_reclen == 0 || d->pos + r->d_reclen > d->len) {
        d->pos = d->len;                 /* malformed record: stop rather than loop */
        errno = EIO;
        return NULL;
    }
    d->pos += r->d_reclen;
    d->ent.d_ino = (ino_t)r->d_ino;
    d->ent.d_type = r->d_type;
    nl = strnlen(r->d_name, (size_t)(r->d_reclen - offsetof(struct ir_dirent64, d_name)));
    if (nl > NAME_MAX_DIRENT)
        nl = NAME_MAX_DIRENT;
    memcpy(d->ent.d_name, r->d_name, nl);
    d->ent.d_name[nl] = '\0';
    return &d->ent;
}

void rewinddir(DIR *d)
{
    lseek(d->fd, 0, SEEK_SET);
    d->len = d->pos = 0;
}

int dirfd(DIR *d) { return d->fd; }

int closedir(DIR *d)
{
    int r = close(d->fd);
    free(d);
    return r;
}
