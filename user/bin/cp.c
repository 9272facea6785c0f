/*
 * cp.c - cp SRC DST, or cp SRC... DIR: copy regular files (into DIR when the last argument is a directory).
 * The destination is created or truncated. The operands are handled by ir_each_dest (user/lib/args.c), as in mv.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir.h"

static char buf[4096];

static int copy(const char *src, const char *dst)
{
    int in, out, status = 0;
    struct stat st;
    if (stat(src, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "cp: %s: is a directory\n", src);
        return 1;
    }
    in = open(src, O_RDONLY);
    if (in < 0) {
        fprintf(stderr, "cp: %s: %s\n", src, strerror(errno));
        return 1;
    }
    out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) {
        fprintf(stderr, "cp: %s: %s\n", dst, strerror(errno));
        close(in);
        return 1;
    }
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n <= 0) {
            if (n < 0) {
                fprintf(stderr, "cp: %s: %s\n", src, strerror(errno));
                status = 1;
            }
            break;
        }
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, buf + off, (size_t)(n - off));
            if (w <= 0) {
                fprintf(stderr, "cp: %s: %s\n", dst, strerror(errno));
                close(in);
                close(out);
                return 1;
            }
            off += w;
        }
    }
    close(in);
    if (close(out) < 0) {
        fprintf(stderr, "cp: %s: %s\n", dst, strerror(errno));
        status = 1;
    }
    return status;
}

int main(int argc, char **argv)
{
    return ir_each_dest(argc, argv, "cp", copy);
}
