/*
 * sh.c - the Iridium shell.
 *
 * Usage: sh [-c COMMANDS | SCRIPT [ARG...]]. Reads lines from SCRIPT ($0, args $1..$9), from the -c string, or
 * from standard input; parses them (user/sh/parse.c: quotes, backslash, $? $$ $VAR, | < > >> 2> 2>&1 >&2 ; &)
 * and runs them.
 * - Interactive when standard input is the console (the console ioctl works): prompt "<cwd> $ ", line editing
 *   and history (user/sh/edit.c) with the console in raw mode while editing; commands run with the console back
 *   in cooked mode and with their pid as the console's foreground pid, so ^C (kernel) interrupts them and not
 *   the shell. Otherwise (pipe, file) lines are read a byte at a time, so that the commands' own reads of the
 *   same input see the rest, and no prompt is printed.
 * - Builtins: cd [dir], pwd, exit [n], export NAME=VALUE..., unset NAME..., NAME=VALUE (alone on a line), jobs,
 *   wait, help. A builtin runs in the shell itself unless it is part of a pipeline or in the background.
 * - A pipeline of more than one command is run by a forked copy of the shell (the pipeline's "leader") that
 *   starts every stage and waits for all of them; its exit status is the last stage's. So the shell always waits
 *   for one pid per pipeline, and ^C reaches every stage (the kernel signals the foreground pid's descendants).
 * - Background pipelines print "[pid]" when started and "[pid] done" (with the status when not 0) when reaped,
 *   which happens before each prompt and after each foreground command.
 * - $? is the last pipeline's status: exit code, or 128+signal when killed. 127: not found; 126: not executable.
 * Invariants: the console mode is cooked whenever a child runs and when the shell exits; the shell never leaves
 * extra file descriptors open in its children (pipes are closed in every process that does not use them).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "edit.h"
#include "ir.h"
#include "parse.h"

#define MAX_JOBS 16

static struct sh_line line;
static struct editor editor;
static int last_status;
static int interactive;                 /* input is the console: editor, prompt, raw mode */
static uint32_t cooked_mode = IR_CON_MODE_COOKED;
static int jobs[MAX_JOBS];
static char status_str[16], pid_str[16];
static int script_argc;                 /* $0..$9: the script and its arguments (sh SCRIPT ARGS...) */
static char **script_argv;

/* ---- input -------------------------------------------------------------------------------------------------- */
static int con_getc(void *ctx)
{
    unsigned char c;
    (void)ctx;
    for (;;) {
        ssize_t n = read(0, &c, 1);
        if (n == 1)
            return c;
        if (n == 0 || errno != EINTR)
            return -1;
    }
}

static void con_put(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* Plain reader: one byte at a time from fd, up to a newline. Returns the length or -1 at the end of input. */
static int read_plain(int fd, char *buf, size_t size)
{
    size_t n = 0;
    int got = 0;
    for (;;) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got = 1;
        if (c == '\n')
            break;
        if (n + 1 < size)
            buf[n++] = c;
    }
    buf[n] = '\0';
    return got ? (int)n : -1;
}

static void set_mode(uint32_t mode)
{
    if (interactive)
        ir_con_setmode(0, mode);
}

static void set_fg(int pid)
{
    if (interactive)
        ir_con_setfg(0, pid);
}

/* ---- variables ---------------------------------------------------------------------------------------------- */
static const char *lookup(const char *name, void *ctx)
{
    (void)ctx;
    if (strcmp(name, "?") == 0) {
        snprintf(status_str, sizeof status_str, "%d", last_status);
        return status_str;
    }
    if (strcmp(name, "$") == 0) {
        snprintf(pid_str, sizeof pid_str, "%d", (int)getpid());
        return pid_str;
    }
    if (name[0] >= '0' && name[0] <= '9' && name[1] == '\0') {
        int i = name[0] - '0';
        return i < script_argc ? script_argv[i] : NULL;
    }
    return getenv(name);
}

/* NAME=VALUE? Returns the position of '=' or 0. */
static size_t assignment(const char *w)
{
    size_t i = 0;
    if (!((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z') || w[0] == '_'))
        return 0;
    for (i = 1; w[i] != '\0' && w[i] != '='; i++)
        if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z') || w[i] == '_' ||
              (w[i] >= '0' && w[i] <= '9')))
            return 0;
    return w[i] == '=' ? i : 0;
}

/* ---- status and jobs ---------------------------------------------------------------------------------------- */
static int decode_status(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return 255;
}

static void describe_signal(int st)
{
    int sig;
    if (!WIFSIGNALED(st))
        return;
    sig = WTERMSIG(st);
    if (sig == SIGINT || sig == SIGPIPE)
        return;                          /* ^C: the console already echoed "^C"; SIGPIPE: a normal end */
    fprintf(stderr, "%s (signal %d)\n",
            sig == SIGKILL ? "Killed" : sig == SIGSEGV ? "Segmentation fault" : sig == SIGTERM ? "Terminated"
                                                                                : "Killed by a signal",
            sig);
}

static void add_job(int pid)
{
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i] == 0) {
            jobs[i] = pid;
            return;
        }
    /* table full: the job still runs; it is reported as unknown when reaped */
}

static int remove_job(int pid)
{
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i] == pid) {
            jobs[i] = 0;
            return 1;
        }
    return 0;
}

static void report_done(int pid, int st)
{
    int s = decode_status(st);
    remove_job(pid);
    if (s == 0)
        printf("[%d] done\n", pid);
    else
        printf("[%d] done (status %d)\n", pid, s);
}

/* Reaps finished background jobs without blocking. */
static void reap_jobs(void)
{
    for (;;) {
        int st;
        pid_t pid = waitpid(-1, &st, WNOHANG);
        if (pid <= 0)
            break;
        report_done(pid, st);
    }
    fflush(stdout);
}

/* Waits for one foreground pid; background jobs that end meanwhile are reported. */
static int wait_for(pid_t pid)
{
    for (;;) {
        int st;
        pid_t r = waitpid(pid, &st, 0);
        if (r == pid) {
            describe_signal(st);
            return decode_status(st);
        }
        if (r < 0 && errno != EINTR) {
            fprintf(stderr, "sh: wait: %s\n", strerror(errno));
            return 255;
        }
    }
}

/* ---- builtins ----------------------------------------------------------------------------------------------- */
static int is_builtin(const char *name)
{
    static const char *const names[] = { "cd", "pwd", "exit", "export", "unset", "jobs", "wait", "help" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return assignment(name) != 0;
}

static void restore_console(void) { set_mode(cooked_mode); }

static int builtin(struct sh_cmd *c)
{
    const char *name = c->argv[0];
    if (strcmp(name, "cd") == 0) {
        const char *dir = c->argc > 1 ? c->argv[1] : getenv("HOME");
        if (dir == NULL || *dir == '\0')
            dir = "/";
        if (chdir(dir) < 0) {
            fprintf(stderr, "cd: %s: %s\n", dir, strerror(errno));
            return 1;
        }
        return 0;
    }
    if (strcmp(name, "pwd") == 0) {
        char buf[256];
        if (getcwd(buf, sizeof buf) == NULL) {
            fprintf(stderr, "pwd: %s\n", strerror(errno));
            return 1;
        }
        printf("%s\n", buf);
        return 0;
    }
    if (strcmp(name, "exit") == 0) {
        int code = c->argc > 1 ? atoi(c->argv[1]) : last_status;
        restore_console();
        fflush(stdout);
        exit(code & 0xff);
    }
    if (strcmp(name, "export") == 0 || assignment(name) != 0) {
        int first = assignment(name) != 0 ? 0 : 1;
        for (int i = first; i < c->argc; i++) {
            size_t eq = assignment(c->argv[i]);
            if (eq == 0) {
                if (first == 0 || getenv(c->argv[i]) == NULL) {
                    fprintf(stderr, "%s: bad assignment: %s\n", first ? "export" : "sh", c->argv[i]);
                    return 1;
                }
                continue;                    /* export NAME of a set variable: nothing to do */
            }
            c->argv[i][eq] = '\0';
            setenv(c->argv[i], c->argv[i] + eq + 1, 1);
            c->argv[i][eq] = '=';
        }
        return 0;
    }
    if (strcmp(name, "unset") == 0) {
        for (int i = 1; i < c->argc; i++)
            unsetenv(c->argv[i]);
        return 0;
    }
    if (strcmp(name, "jobs") == 0) {
        for (int i = 0; i < MAX_JOBS; i++)
            if (jobs[i] != 0)
                printf("[%d] running\n", jobs[i]);
        return 0;
    }
    if (strcmp(name, "wait") == 0) {
        for (;;) {
            int st;
            pid_t pid = waitpid(-1, &st, 0);
            if (pid < 0)
                break;
            report_done(pid, st);
        }
        return 0;
    }
    /* help */
    printf("builtins: cd [dir], pwd, exit [n], export NAME=VALUE, unset NAME, NAME=VALUE, jobs, wait, help\n"
           "syntax: cmd args | cmd ... ; cmd & ; < in, > out, >> out, 2> err, 2>&1, >&2; quotes '...' \"...\" \\x;"
           " $? $$ $NAME\n"
           "keys: arrows, ^A ^E ^U ^K ^W, up/down history, ^C cancels, ^D on an empty line exits\n");
    return 0;
}

/* ---- running commands --------------------------------------------------------------------------------------- */
/* Applies c's redirections in the current process (a child, or the shell around a builtin). */
static int redirect(struct sh_cmd *c)
{
    if (c->in != NULL) {
        int fd = open(c->in, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "sh: %s: %s\n", c->in, strerror(errno));
            return -1;
        }
        if (fd != 0) {
            dup2(fd, 0);
            close(fd);
        }
    }
    if (c->out != NULL) {
        int fd = open(c->out, O_WRONLY | O_CREAT | (c->append ? O_APPEND : O_TRUNC), 0644);
        if (fd < 0) {
            fprintf(stderr, "sh: %s: %s\n", c->out, strerror(errno));
            return -1;
        }
        if (fd != 1) {
            dup2(fd, 1);
            close(fd);
        }
    }
    if (c->err != NULL) {
        int fd = open(c->err, O_WRONLY | O_CREAT | (c->err_append ? O_APPEND : O_TRUNC), 0644);
        if (fd < 0) {
            fprintf(stderr, "sh: %s: %s\n", c->err, strerror(errno));
            return -1;
        }
        if (fd != 2) {
            dup2(fd, 2);
            close(fd);
        }
    }
    if (c->err_to_out)
        dup2(1, 2);
    if (c->out_to_err)
        dup2(2, 1);
    return 0;
}

/* In a child: redirections, then the builtin or the program. Never returns. */
static void exec_cmd(struct sh_cmd *c)
{
    if (redirect(c) < 0)
        _exit(1);
    if (is_builtin(c->argv[0])) {
        int s = builtin(c);
        fflush(stdout);
        fflush(stderr);
        _exit(s);
    }
    execvp(c->argv[0], c->argv);
    if (errno == ENOENT) {
        fprintf(stderr, "sh: %s: command not found\n", c->argv[0]);
        _exit(127);
    }
    fprintf(stderr, "sh: %s: %s\n", c->argv[0], strerror(errno));
    _exit(126);
}

/* Runs every stage of a pipeline from the leader process and returns the last stage's status. */
static int run_stages(struct sh_pipeline *pl)
{
    pid_t last = -1;
    int in_fd = -1;
    int status = 0;

    for (int i = 0; i < pl->ncmds; i++) {
        int p[2] = { -1, -1 };
        pid_t pid;
        if (i + 1 < pl->ncmds && pipe(p) < 0) {
            fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
            status = 1;
            break;
        }
        pid = fork();
        if (pid < 0) {
            fprintf(stderr, "sh: fork: %s\n", strerror(errno));
            if (p[0] >= 0) {
                close(p[0]);
                close(p[1]);
            }
            status = 1;
            break;
        }
        if (pid == 0) {
            if (in_fd >= 0) {
                dup2(in_fd, 0);
                close(in_fd);
            }
            if (p[1] >= 0) {
                dup2(p[1], 1);
                close(p[1]);
                close(p[0]);
            }
            exec_cmd(&line.cmds[pl->first + i]);
        }
        if (in_fd >= 0)
            close(in_fd);
        if (p[1] >= 0)
            close(p[1]);
        in_fd = p[0];
        last = pid;
    }
    if (in_fd >= 0)
        close(in_fd);
    for (;;) {
        int st;
        pid_t pid = wait(&st);
        if (pid < 0)
            break;
        if (pid == last)
            status = decode_status(st);
    }
    return status;
}

static void run_pipeline(struct sh_pipeline *pl)
{
    struct sh_cmd *first = &line.cmds[pl->first];
    pid_t pid;

    /* a builtin alone in the foreground runs in the shell, with its redirections around it */
    if (pl->ncmds == 1 && !pl->background && is_builtin(first->argv[0])) {
        int saved[3];
        fflush(stdout);
        fflush(stderr);
        for (int i = 0; i < 3; i++)
            saved[i] = dup(i);
        if (redirect(first) == 0)
            last_status = builtin(first);
        else
            last_status = 1;
        fflush(stdout);
        fflush(stderr);
        for (int i = 0; i < 3; i++)
            if (saved[i] >= 0) {
                dup2(saved[i], i);
                close(saved[i]);
            }
        return;
    }
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "sh: fork: %s\n", strerror(errno));
        last_status = 1;
        return;
    }
    if (pid == 0) {
        if (pl->ncmds == 1)
            exec_cmd(first);
        interactive = 0;                /* the leader never touches the console mode */
        exit(run_stages(pl));
    }
    if (pl->background) {
        printf("[%d]\n", (int)pid);
        fflush(stdout);
        add_job(pid);
        last_status = 0;
        return;
    }
    set_fg(pid);
    last_status = wait_for(pid);
    set_fg(0);
}

/* Checks the whole line's syntax first, then parses, expands and runs one pipeline at a time (so that $? and
 * variables set by an earlier pipeline of the same line are seen by the later ones). */
static void run_line(const char *text)
{
    char err[128];
    const char *p = text, *next;
    if (sh_parse(text, &line, lookup, NULL, err, sizeof err) < 0) {
        fprintf(stderr, "sh: %s\n", err);
        last_status = 2;
        return;
    }
    for (;;) {
        if (sh_parse_next(p, &line, lookup, NULL, err, sizeof err, &next) < 0) {
            fprintf(stderr, "sh: %s\n", err);          /* e.g. a line too long once expanded */
            last_status = 2;
            return;
        }
        if (line.npipes == 0)
            return;
        run_pipeline(&line.pipes[0]);
        p = next;
    }
}

/* ---- main --------------------------------------------------------------------------------------------------- */
static void make_prompt(char *p, size_t n)
{
    char cwd[200];
    if (getcwd(cwd, sizeof cwd) != NULL)
        snprintf(p, n, "%s $ ", cwd);
    else
        snprintf(p, n, "$ ");
}

int main(int argc, char **argv)
{
    static char buf[ED_LINE_MAX];
    int fd = 0;
    uint32_t mode;

    if (getenv("PATH") == NULL)
        setenv("PATH", "/bin", 1);
    if (argc >= 2 && strcmp(argv[1], "-c") == 0) {
        if (argc < 3) {
            fprintf(stderr, "usage: sh [-c COMMANDS | SCRIPT]\n");
            return 2;
        }
        run_line(argv[2]);
        return last_status;
    }
    if (argc >= 2) {
        if (argv[1][0] == '-') {
            fprintf(stderr, "sh: unknown option %s\nusage: sh [-c COMMANDS | SCRIPT]\n", argv[1]);
            return 2;
        }
        script_argc = argc - 1;
        script_argv = argv + 1;
        fd = open(argv[1], O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
            return 127;
        }
    }
    if (fd == 0 && ir_con_getmode(0, &mode) == 0) {
        interactive = 1;
        cooked_mode = mode | IR_CON_CANON | IR_CON_ECHO | IR_CON_ISIG;
        ed_init(&editor, con_getc, con_put, NULL);
    }
    for (;;) {
        int n;
        if (interactive) {
            char prompt[220];
            reap_jobs();
            make_prompt(prompt, sizeof prompt);
            fflush(stdout);
            fflush(stderr);
            set_fg(0);
            if (ir_con_setmode(0, IR_CON_MODE_RAW) == 0) {
                n = ed_readline(&editor, prompt, buf, sizeof buf);
                set_mode(cooked_mode);
                if (n > 0)
                    ed_add_history(&editor, buf);
            } else {
                /* the console refused raw mode: let its line discipline edit */
                fputs(prompt, stdout);
                fflush(stdout);
                n = read_plain(0, buf, sizeof buf);
            }
        } else {
            n = read_plain(fd, buf, sizeof buf);
        }
        if (n < 0)
            break;
        run_line(buf);
        if (interactive)
            reap_jobs();
    }
    if (interactive) {
        restore_console();
        printf("exit\n");
    }
    return last_status;
}
