/*
 * grep.c - grep [-v] [-c] [-n] [-i] PATTERN [FILE...]: print the lines that contain the fixed string PATTERN
 * (-v: that do not; -c: only a count; -n: with line numbers; -i: ignoring case). With several files each line
 * is prefixed by the file name. Exit 0 if some line was selected, 1 if none, 2 on error.
 * A line longer than 1023 bytes is treated as several lines.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int opt_v, opt_c, opt_n, opt_i;

static int contains(const char *line, const char *pat)
{
    if (!opt_i)
        return strstr(line, pat) != NULL;
    for (const char *s = line; *s; s++) {
        size_t k = 0;
        while (pat[k] && s[k] && tolower((unsigned char)s[k]) == tolower((unsigned char)pat[k]))
            k++;
        if (pat[k] == '\0')
            return 1;
    }
    return pat[0] == '\0';
}

static long grep(FILE *f, const char *name, const char *pat, int show_name)
{
    char line[1024];
    long count = 0, lineno = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        size_t len = strlen(line);
        int has_nl = len > 0 && line[len - 1] == '\n';
        lineno++;
        if (has_nl)
            line[len - 1] = '\0';
        if (contains(line, pat) != opt_v) {
            count++;
            if (!opt_c) {
                if (show_name)
                    printf("%s:", name);
                if (opt_n)
                    printf("%ld:", lineno);
                printf("%s\n", line);
            }
        }
    }
    if (opt_c) {
        if (show_name)
            printf("%s:", name);
        printf("%ld\n", count);
    }
    return count;
}

int main(int argc, char **argv)
{
    int i, error = 0;
    long total = 0;
    const char *pat;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'v') opt_v = 1;
            else if (*o == 'c') opt_c = 1;
            else if (*o == 'n') opt_n = 1;
            else if (*o == 'i') opt_i = 1;
            else {
                fprintf(stderr, "grep: unknown option -%c\nusage: grep [-v] [-c] [-n] [-i] PATTERN [FILE...]\n", *o);
                return 2;
            }
        }
    }
    if (i >= argc) {
        fprintf(stderr, "usage: grep [-v] [-c] [-n] [-i] PATTERN [FILE...]\n");
        return 2;
    }
    pat = argv[i++];
    if (i >= argc)
        return grep(stdin, "stdin", pat, 0) > 0 ? 0 : 1;
    for (int first = i; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            error = 1;
            continue;
        }
        total += grep(f, argv[i], pat, argc - first > 1);
        fclose(f);
    }
    if (error)
        return 2;
    return total > 0 ? 0 : 1;
}
