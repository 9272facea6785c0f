/*
 * uname.c - uname [-a]: the system name (-a: name, node, release, version, machine).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ir.h"

int main(int argc, char **argv)
{
    struct ir_utsname u;
    int all = argc > 1 && strcmp(argv[1], "-a") == 0;
    if (argc > 2 || (argc == 2 && !all)) {
        fprintf(stderr, "usage: uname [-a]\n");
        return 2;
    }
    if (ir_uname(&u) < 0) {
        fprintf(stderr, "uname: %s\n", strerror(errno));
        return 1;
    }
    if (all)
        printf("%s %s %s %s %s\n", u.sysname, u.nodename, u.release, u.version, u.machine);
    else
        printf("%s\n", u.sysname);
    return 0;
}
