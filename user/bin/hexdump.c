/*
 * hexdump.c - hexdump [FILE]: canonical hex + ASCII dump (as hexdump -C): offset, 16 bytes in hex (two groups of
 * 8), the printable characters between bars; a final line with the total length. Standard input without FILE.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    unsigned char row[16];
    unsigned long off = 0;
    size_t have = 0;
    int fd = 0;
    if (argc > 2) {
        fprintf(stderr, "usage: hexdump [FILE]\n");
        return 2;
    }
    if (argc == 2 && (fd = open(argv[1], O_RDONLY)) < 0) {
        fprintf(stderr, "hexdump: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    for (;;) {
        ssize_t n = read(fd, row + have, sizeof row - have);
        if (n < 0) {
            fprintf(stderr, "hexdump: %s\n", strerror(errno));
            return 1;
        }
        have += (size_t)n;
        if (have == sizeof row || (n == 0 && have > 0)) {
            printf("%08lx ", off);
            for (size_t i = 0; i < 16; i++) {
                if (i == 8)
                    putchar(' ');
                if (i < have)
                    printf(" %02x", row[i]);
                else
                    printf("   ");
            }
            printf("  |");
            for (size_t i = 0; i < have; i++)
                putchar(row[i] >= 0x20 && row[i] < 0x7f ? row[i] : '.');
            printf("|\n");
            off += have;
            have = 0;
        }
        if (n == 0)
            break;
    }
    printf("%08lx\n", off);
    return 0;
}
