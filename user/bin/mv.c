/*
 * mv.c - mv SRC DST, or mv SRC... DIR: rename (into DIR when the last argument is a directory).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int main(int argc, char **argv)
{
    struct stat st;
    int todir, status = 0;
    if (argc < 3) {
        fprintf(stderr, "usage: mv SRC DST | mv SRC... DIR\n");
        return 2;
    }
    todir = stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !todir) {
        fprintf(stderr, "mv: %s: not a directory\n", argv[argc - 1]);
        return 1;
    }
    for (int i = 1; i < argc - 1; i++) {
        char dst[256];
        if (todir)
            snprintf(dst, sizeof dst, "%s/%s", argv[argc - 1], base(argv[i]));
        else
            snprintf(dst, sizeof dst, "%s", argv[argc - 1]);
        if (rename(argv[i], dst) < 0) {
            fprintf(stderr, "mv: %s -> %s: %s\n", argv[i], dst, strerror(errno));
            status = 1;
        }
    }
    return status;
}
