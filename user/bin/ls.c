/*
 * ls.c - ls [-l] [-a] [PATH...]: list directories (sorted by name; entries starting with '.' only with -a) and
 * files. -l: one line per entry: type (d directory, - file, p pipe, c device), link count, size in bytes, name.
 * Without PATH: the current directory. With several paths each directory is preceded by "PATH:".
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int opt_l, opt_a;

static char type_char(mode_t m)
{
    if (S_ISDIR(m)) return 'd';
    if (S_ISFIFO(m)) return 'p';
    if (S_ISCHR(m)) return 'c';
    return '-';
}

static void show(const char *path, const char *name)
{
    struct stat st;
    if (!opt_l) {
        printf("%s\n", name);
        return;
    }
    if (stat(path, &st) < 0) {
        printf("?          ?          ? %s\n", name);
        return;
    }
    printf("%c %3lu %10ld %s%s\n", type_char(st.st_mode), (unsigned long)st.st_nlink, (long)st.st_size, name,
           S_ISDIR(st.st_mode) ? "/" : "");
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int list_dir(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    if (d == NULL) {
        fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
        return 1;
    }
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && !opt_a)
            continue;
        if (n == cap) {
            char **nn = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof *names);
            if (nn == NULL) {
                fprintf(stderr, "ls: out of memory\n");
                break;
            }
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (names[n] != NULL)
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    for (size_t i = 0; i < n; i++) {
        char full[512];
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        show(full, names[i]);
        free(names[i]);
    }
    free(names);
    return 0;
}

int main(int argc, char **argv)
{
    int i, status = 0, npaths;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++)
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'l') opt_l = 1;
            else if (*o == 'a') opt_a = 1;
            else {
                fprintf(stderr, "ls: unknown option -%c\nusage: ls [-l] [-a] [PATH...]\n", *o);
                return 2;
            }
        }
    npaths = argc - i;
    if (npaths == 0)
        return list_dir(".");
    for (int first = i; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) < 0) {
            fprintf(stderr, "ls: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (npaths > 1)
                printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
            status |= list_dir(argv[i]);
        } else {
            show(argv[i], argv[i]);
        }
    }
    return status;
}
