/*
 * init.c - the first user process (pid 1), started by the kernel as /bin/init.
 *
 * - File descriptors 0, 1, 2: if the kernel did not open them, init opens /dev/console (read/write) as 0 and
 *   duplicates it as 1 and 2.
 * - Environment for its children: PATH=/bin, HOME=/ (unless the kernel passed them).
 * - Without arguments: runs /bin/sh, and starts a new one whenever it exits (after 1 s if it lived less than
 *   a second, so a shell that cannot start does not spin). Meanwhile it reaps every process that ends (orphans
 *   are given to init by the kernel).
 * - With arguments (the kernel passes the words of bootargs after "init=/bin/init", e.g. bootargs
 *   "init=/bin/init usertests"): runs argv[1] with argv[1..] (PATH search), reaps until it has ended, then
 *   powers the machine off with its exit status: reboot(IR_REBOOT_POWER_OFF, status), status = exit code or
 *   128 + signal number; the simulator's exit code follows it (0 = pass).
 * Invariant: init never exits (the kernel cannot run without it); if power-off fails it keeps reaping.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ir.h"

static void open_console(void)
{
    if (fcntl(0, F_GETFD) < 0) {
        int fd = open("/dev/console", O_RDWR);
        if (fd > 0) {
            dup2(fd, 0);
            close(fd);
        }
    }
    if (fcntl(1, F_GETFD) < 0)
        dup2(0, 1);
    if (fcntl(2, F_GETFD) < 0)
        dup2(0, 2);
}

static long now_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
        return 0;
    return (long)(ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

static pid_t spawn(char *const argv[])
{
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "init: fork: %s\n", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "init: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    return pid;
}

static int status_code(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return 255;
}

/* Run one program, then power off with its status. */
static void run_once(char *const argv[])
{
    pid_t pid = spawn(argv);
    int code = 127;
    if (pid > 0) {
        for (;;) {
            int st;
            pid_t r = wait(&st);
            if (r == pid) {
                code = status_code(st);
                break;
            }
            if (r < 0 && errno == ECHILD)
                break;
        }
    }
    printf("init: %s exited with status %d, powering off\n", argv[0], code);
    fflush(stdout);
    ir_reboot(IR_REBOOT_POWER_OFF, code);
    fprintf(stderr, "init: power off failed: %s\n", strerror(errno));
}

int main(int argc, char **argv)
{
    static char *const sh_argv[] = { "sh", NULL };

    open_console();
    setenv("PATH", getenv("PATH") ? getenv("PATH") : "/bin", 1);
    setenv("HOME", getenv("HOME") ? getenv("HOME") : "/", 1);
    if (getpid() != 1)
        fprintf(stderr, "init: warning: running as pid %d, not 1\n", (int)getpid());

    if (argc > 1)
        run_once(argv + 1);
    else
        for (;;) {
            long started = now_ms();
            pid_t sh = spawn(sh_argv);
            while (sh > 0) {
                int st;
                pid_t r = wait(&st);
                if (r == sh) {
                    printf("init: sh exited with status %d, starting a new one\n", status_code(st));
                    fflush(stdout);
                    break;
                }
                if (r < 0 && errno == ECHILD)
                    break;
            }
            if (sh < 0 || now_ms() - started < 1000)
                sleep(1);
        }
    /* only after a failed power-off */
    for (;;) {
        int st;
        if (wait(&st) < 0)
            sleep(1);
    }
}
