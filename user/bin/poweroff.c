/*
 * poweroff.c - poweroff [STATUS]: flush the disk and power the machine off (reboot(2) IR_REBOOT_POWER_OFF);
 * STATUS (default 0) is the exit status handed to the simulator. "poweroff -r" restarts instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

int main(int argc, char **argv)
{
    int restart = argc > 1 && strcmp(argv[1], "-r") == 0;
    int status = 0;
    if (!restart && argc > 1) {
        char *end;
        status = (int)strtol(argv[1], &end, 10);
        if (*end != '\0' || argc > 2) {
            fprintf(stderr, "usage: poweroff [STATUS] | poweroff -r\n");
            return 2;
        }
    }
    fflush(stdout);
    ir_reboot(restart ? IR_REBOOT_RESTART : IR_REBOOT_POWER_OFF, status);
    fprintf(stderr, "poweroff: %s\n", strerror(errno));
    return 1;
}
