/*
 * touch.c - touch FILE...: create empty files that do not exist (existing files are left alone: no timestamps
 * to update on Iridium beyond what a write does).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int status = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: touch FILE...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_WRONLY | O_CREAT, 0644);
        if (fd < 0) {
            fprintf(stderr, "touch: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        } else {
            close(fd);
        }
    }
    return status;
}
