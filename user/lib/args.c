/*
 * args.c - command-line helpers of the user library shared by programs (see user/include/ir.h).
 *
 * ir_each_dest: the operands of cp and mv, "PROG SRC DST" or "PROG SRC... DIR". When the last operand is a
 * directory every source goes into it under its base name; otherwise there must be exactly one source.
 * Invariant: the per-source operation sees each source once, in command-line order, even after one has failed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ir.h"

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int ir_each_dest(int argc, char **argv, const char *prog, int (*op)(const char *src, const char *dst))
{
    struct stat st;
    int todir, status = 0;
    if (argc < 3) {
        fprintf(stderr, "usage: %s SRC DST | %s SRC... DIR\n", prog, prog);
        return 2;
    }
    todir = stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !todir) {
        fprintf(stderr, "%s: %s: not a directory\n", prog, argv[argc - 1]);
        return 1;
    }
    for (int i = 1; i < argc - 1; i++) {
        char dst[256];
        if (todir)
            snprintf(dst, sizeof dst, "%s/%s", argv[argc - 1], base_name(argv[i]));
        else
            snprintf(dst, sizeof dst, "%s", argv[argc - 1]);
        status |= op(argv[i], dst);
    }
    return status;
}
