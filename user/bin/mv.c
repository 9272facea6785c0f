/*
 * mv.c - mv SRC DST, or mv SRC... DIR: rename (into DIR when the last argument is a directory).
 * The operands are handled by ir_each_dest (user/lib/args.c), as in cp.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ir.h"

static int move(const char *src, const char *dst)
{
    if (rename(src, dst) < 0) {
        fprintf(stderr, "mv: %s -> %s: %s\n", src, dst, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    return ir_each_dest(argc, argv, "mv", move);
}
