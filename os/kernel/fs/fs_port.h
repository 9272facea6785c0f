/*
 * fs_port.h - everything the file-system core needs from its environment. The core includes nothing else
 * besides <stdint.h>, <stddef.h> and the iridium/ headers.
 *
 * Host (compiled with -DFS_HOST): the C library's string functions, and port_host.c for the fs_port_* functions.
 * Kernel (freestanding): the kernel must provide, with these exact prototypes:
 *   memcpy, memset, memcmp, strlen   - standard C semantics (GCC may also emit memcpy/memset calls by itself)
 *   fs_port_warn(msg, a, b)          - print "fs: <msg> <a> <b>" on the console (corruption found, I/O error);
 *                                      must not call back into the core
 *   fs_port_panic(msg)               - a bug in the core (an impossible state): print and stop; never returns
 *   fs_port_time()                   - seconds for mtime (the kernel: seconds since boot)
 */
#ifndef IRIDIUM_FS_PORT_H
#define IRIDIUM_FS_PORT_H

#include <stddef.h>
#include <stdint.h>

#ifdef FS_HOST
#include <string.h>
#else
void  *memcpy(void *dst, const void *src, size_t n);
void  *memset(void *dst, int c, size_t n);
int    memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
#endif

void     fs_port_warn(const char *msg, uint32_t a, uint32_t b);
void     fs_port_panic(const char *msg) __attribute__((noreturn));
uint32_t fs_port_time(void);

#endif
