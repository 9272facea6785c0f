/*
 * sys/dirent.h - directory entries for Iridium programs; replaces picolibc's placeholder (which is an #error) and is
 * included by picolibc's <dirent.h>, which declares opendir/readdir/closedir/rewinddir (user/lib/dirent.c).
 * Invariant: struct dirent holds one entry; readdir() returns a pointer into the DIR, valid until the next call.
 */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_REG     8

#define NAME_MAX_DIRENT 255

struct dirent {
    ino_t d_ino;
    unsigned char d_type;
    char d_name[NAME_MAX_DIRENT + 1];
};

typedef struct __ir_dir DIR;

#endif
