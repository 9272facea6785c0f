/*
 * head.c - head [-n N] [FILE...]: print the first N lines (default 10) of each file or of standard input.
 * With several files each is preceded by "==> FILE <==".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void head(FILE *f, long n)
{
    int c;
    while (n > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n')
            n--;
    }
}

int main(int argc, char **argv)
{
    long n = 10;
    int i = 1, status = 0;
    if (i < argc && strcmp(argv[i], "-n") == 0) {
        char *end;
        if (i + 1 >= argc || (n = strtol(argv[i + 1], &end, 10), *end != '\0') || n < 0) {
            fprintf(stderr, "usage: head [-n N] [FILE...]\n");
            return 2;
        }
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
        fprintf(stderr, "head: unknown option %s\nusage: head [-n N] [FILE...]\n", argv[i]);
        return 2;
    }
    if (i >= argc) {
        head(stdin, n);
        return 0;
    }
    for (int first = i; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (argc - first > 1)
            printf("%s==> %s <==\n", i > first ? "\n" : "", argv[i]);
        head(f, n);
        fclose(f);
    }
    return status;
}
