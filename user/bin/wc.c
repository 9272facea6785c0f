/*
 * wc.c - wc [-l] [-w] [-c] [FILE...]: count lines, words and bytes (all three without options), per file and a
 * total when there are several; standard input without files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int opt_l, opt_w, opt_c;
static char buf[4096];

static void show(unsigned long l, unsigned long w, unsigned long c, const char *name)
{
    const char *sep = "";
    if (opt_l) { printf("%7lu", l); sep = " "; }
    if (opt_w) { printf("%s%7lu", sep, w); sep = " "; }
    if (opt_c) printf("%s%7lu", sep, c);
    if (name != NULL)
        printf(" %s", name);
    printf("\n");
}

static int count(int fd, unsigned long *l, unsigned long *w, unsigned long *c)
{
    int inword = 0;
    *l = *w = *c = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n == 0)
            return 0;
        if (n < 0)
            return -1;
        *c += (unsigned long)n;
        for (ssize_t i = 0; i < n; i++) {
            char ch = buf[i];
            if (ch == '\n')
                (*l)++;
            if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f') {
                inword = 0;
            } else if (!inword) {
                inword = 1;
                (*w)++;
            }
        }
    }
}

int main(int argc, char **argv)
{
    int i, status = 0, files = 0;
    unsigned long tl = 0, tw = 0, tc = 0, l, w, c;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++)
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'l') opt_l = 1;
            else if (*o == 'w') opt_w = 1;
            else if (*o == 'c') opt_c = 1;
            else {
                fprintf(stderr, "wc: unknown option -%c\nusage: wc [-l] [-w] [-c] [FILE...]\n", *o);
                return 2;
            }
        }
    if (!opt_l && !opt_w && !opt_c)
        opt_l = opt_w = opt_c = 1;
    if (i >= argc) {
        if (count(0, &l, &w, &c) < 0) {
            fprintf(stderr, "wc: stdin: %s\n", strerror(errno));
            return 1;
        }
        show(l, w, c, NULL);
        return 0;
    }
    for (; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0 || count(fd, &l, &w, &c) < 0) {
            fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            if (fd >= 0)
                close(fd);
            continue;
        }
        close(fd);
        show(l, w, c, argv[i]);
        tl += l;
        tw += w;
        tc += c;
        files++;
    }
    if (files > 1)
        show(tl, tw, tc, "total");
    return status;
}
