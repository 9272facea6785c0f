/*
 * start.c - C start-up of Iridium user programs: called by crt0 with the initial stack pointer.
 *
 * Clears .bss and the thread-local .tbss (the kernel zero-fills too; doing it here also covers the tail of the last
 * file-backed page), sets environ, runs constructors, calls main and exits with its status through exit(), which
 * runs atexit handlers and destructors (the stdio flush in stdio.c) and then _exit().
 */
#include <stdlib.h>
#include <string.h>

extern char __bss_start[], __bss_end[];
extern char **environ;
extern int main(int argc, char **argv, char **envp);
extern void __libc_init_array(void);
void __iridium_start(long *sp) __attribute__((noreturn, used));

void __iridium_start(long *sp)
{
    int argc = (int)sp[0];
    char **argv = (char **)(sp + 1);
    char **envp = argv + argc + 1;

    memset(__bss_start, 0, (size_t)(__bss_end - __bss_start));
    environ = envp;
    __libc_init_array();
    exit(main(argc, argv, envp));
}
