/*
 * echo.c - echo [-n] [WORD...]: print the words separated by spaces, then a newline (none with -n).
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    int i = 1, newline = 1;
    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        newline = 0;
        i = 2;
    }
    for (int first = i; i < argc; i++)
        printf("%s%s", i > first ? " " : "", argv[i]);
    if (newline)
        putchar('\n');
    return ferror(stdout) ? 1 : 0;
}
