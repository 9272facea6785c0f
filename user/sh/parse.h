/*
 * parse.h - the shell's command-line parser (user/sh/parse.c): a line of text -> pipelines of commands.
 *
 * Grammar:  line := pipeline { (';' | '&') pipeline } [';' | '&']      ('&' runs the pipeline in the background)
 *           pipeline := command { '|' command }
 *           command := { word | redirection }+          redirection := ('<' | '>' | '>>' | '2>' | '2>>') word
 *                                                                      | '2>&1' | '>&2' | '1>&2'
 * Words: single quotes keep everything literally; double quotes keep everything but expand $ and take \" \\ \$
 * escapes; a backslash outside quotes takes the next character literally; '#' at the start of a word starts a
 * comment. Expansion: $? $$ $0..$9 $NAME ${NAME} through a lookup callback; an unquoted word that expands to nothing
 * is dropped. Expansion happens while parsing, so the shell parses (and expands) one pipeline at a time with
 * sh_parse_next, right before running it, after checking the whole line's syntax with sh_parse. Pure C (no system calls): compiled for the host by user/tests/sh_tests.c.
 * Invariants: after a successful sh_parse every command has argc >= 1 and argv[argc] == NULL; all strings live in
 * the struct sh_line's pool (the struct is self-contained and can be copied by fork).
 */
#ifndef SH_PARSE_H
#define SH_PARSE_H

#include <stddef.h>

#define SH_MAX_PIPES 32      /* pipelines per line */
#define SH_MAX_CMDS  64      /* commands per line (all pipelines together) */
#define SH_MAX_ARGV  512     /* argv slots per line, NULLs included */
#define SH_POOL      4096    /* bytes of expanded words per line */

struct sh_cmd {
    int argc;
    char **argv;             /* argv[argc] == NULL */
    const char *in;          /* < file, or NULL */
    const char *out;         /* > or >> file, or NULL */
    int append;              /* out is >> */
    const char *err;         /* 2> or 2>> file, or NULL */
    int err_append;
    int err_to_out;          /* 2>&1 (applied after the other redirections) */
    int out_to_err;          /* >&2 (applied after the other redirections) */
};

struct sh_pipeline {
    int first, ncmds;        /* cmds[first .. first+ncmds-1] */
    int background;
};

struct sh_line {
    int npipes;
    struct sh_pipeline pipes[SH_MAX_PIPES];
    int ncmds;
    struct sh_cmd cmds[SH_MAX_CMDS];
    int nargv;
    char *argv[SH_MAX_ARGV];
    size_t used;
    char pool[SH_POOL];
};

/* Returns the value of variable `name` ("?" and "$" included) or NULL if it is not set. */
typedef const char *(*sh_lookup_fn)(const char *name, void *ctx);

/* Parse `text` into *out. Returns 0, or -1 with a message (no trailing newline) in err. */
int sh_parse(const char *text, struct sh_line *out, sh_lookup_fn lookup, void *ctx, char *err, size_t errlen);

/* Parse only the first pipeline of `text` (up to and including its ';' or '&'); *next is where the rest starts.
 * out->npipes is 0 when nothing but blanks or a comment is left. */
int sh_parse_next(const char *text, struct sh_line *out, sh_lookup_fn lookup, void *ctx, char *err, size_t errlen,
                  const char **next);

#endif
