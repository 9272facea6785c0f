/*
 * tlib.h - a tiny freestanding runtime for the kernel's test programs (tests/os/progs): raw system calls,
 * string helpers and printf to fd 1. Independent of the user C library so the kernel can be tested on its own.
 * Invariant: sys_* return the kernel's raw result (negative = -errno).
 */
#ifndef TLIB_H
#define TLIB_H
#include <stdint.h>
#include <stddef.h>
#include "iridium/syscall.h"
#include "iridium/console.h"

long sc(long n, long a0, long a1, long a2, long a3, long a4, long a5);
#define sys0(n) sc(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sc(n, (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sc(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sc(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sc(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys5(n, a, b, c, d, e) sc(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

void t_exit(int code) __attribute__((noreturn));
static inline long t_write(int fd, const void *b, size_t n) { return sys3(SYS_write, fd, b, n); }
static inline long t_read(int fd, void *b, size_t n) { return sys3(SYS_read, fd, b, n); }
static inline long t_open(const char *p, int flags) { return sys4(SYS_openat, IR_AT_FDCWD, p, flags, 0644); }
static inline long t_close(int fd) { return sys1(SYS_close, fd); }
static inline long t_fork(void) { return sys2(SYS_clone, IR_SIGCHLD, 0); }
static inline long t_wait(int pid, int *st) { return sys4(SYS_wait4, pid, st, 0, 0); }
static inline long t_getpid(void) { return sys0(SYS_getpid); }
static inline long t_exec(const char *p, char *const *av, char *const *ev) { return sys3(SYS_execve, p, av, ev); }
static inline uint32_t t_cycles(void) { uint32_t v; __asm__ volatile("rdcycle %0" : "=r"(v)); return v; }
static inline uint32_t t_free_pages(void) { struct ir_meminfo m; sys1(SYS_meminfo, &m); return m.free_pages; }

size_t t_strlen(const char *s);
int t_strcmp(const char *a, const char *b);
void t_memset(void *d, int c, size_t n);
void t_printf(const char *fmt, ...);
void t_sleep_ms(long ms);
#endif
