/*
 * rm.c - rm [-r] [-f] PATH...: remove files (-r: directories and their contents; -f: no error for missing paths).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive, force;

static int remove_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        if (force && errno == ENOENT)
            return 0;
        fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *d;
        struct dirent *e;
        int status = 0;
        if (!recursive) {
            fprintf(stderr, "rm: %s: is a directory (use -r)\n", path);
            return 1;
        }
        d = opendir(path);
        if (d == NULL) {
            fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
            return 1;
        }
        /* removing while reading can skip entries: read again until the directory is empty */
        for (int again = 1; again && status == 0;) {
            again = 0;
            rewinddir(d);
            while ((e = readdir(d)) != NULL) {
                char sub[256];
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                if ((size_t)snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= sizeof sub) {
                    fprintf(stderr, "rm: %s/%s: path too long\n", path, e->d_name);
                    status = 1;
                    break;
                }
                status |= remove_path(sub);
                again = 1;
            }
        }
        closedir(d);
        if (status)
            return status;
        if (rmdir(path) < 0) {
            fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
            return 1;
        }
        return 0;
    }
    if (unlink(path) < 0) {
        fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int i, status = 0;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'r' || *o == 'R')
                recursive = 1;
            else if (*o == 'f')
                force = 1;
            else {
                fprintf(stderr, "rm: unknown option -%c\nusage: rm [-r] [-f] PATH...\n", *o);
                return 2;
            }
        }
    }
    if (i >= argc) {
        if (force)
            return 0;
        fprintf(stderr, "usage: rm [-r] [-f] PATH...\n");
        return 2;
    }
    for (; i < argc; i++)
        status |= remove_path(argv[i]);
    return status;
}
