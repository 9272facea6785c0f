/*
 * port_host.c - the host implementation of fs_port.h (fsimage and the tests): warnings to stderr (silenced by
 * fs_port_quiet), panics abort, time is the host's Unix time (or fs_port_fixed_time when non-zero, for
 * reproducible images).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "fs_port.h"

int      fs_port_quiet;
uint32_t fs_port_fixed_time;
unsigned long fs_port_warnings;

void fs_port_warn(const char *msg, uint32_t a, uint32_t b)
{
    fs_port_warnings++;
    if (!fs_port_quiet)
        fprintf(stderr, "fs: %s %u %u\n", msg, (unsigned)a, (unsigned)b);
}

void fs_port_panic(const char *msg)
{
    fprintf(stderr, "fs: PANIC: %s\n", msg);
    abort();
}

uint32_t fs_port_time(void)
{
    return fs_port_fixed_time ? fs_port_fixed_time : (uint32_t)time(0);
}
