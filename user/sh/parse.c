/*
 * parse.c - the shell's parser (grammar and invariants in parse.h).
 *
 * One pass over the text: a lexer turns it into words (quotes, escapes and $ expansion done here, into the line's
 * pool) and operators; the parser places words into the current command's argv and redirections, and closes
 * commands at '|' and pipelines at ';' / '&' / end of text. Pool and table overflows are reported as errors
 * ("line too long"), never truncated silently.
 */
#include "parse.h"

#include <stdio.h>
#include <string.h>

enum tok { T_END, T_WORD, T_PIPE, T_SEMI, T_AMP, T_IN, T_OUT, T_APPEND, T_ERR, T_ERR_APPEND, T_ERR_TO_OUT,
           T_OUT_TO_ERR };

struct lexer {
    const char *p;
    struct sh_line *l;
    sh_lookup_fn lookup;
    void *ctx;
    char *err;
    size_t errlen;
    char *word;              /* the last T_WORD, in the pool */
    int dropped;             /* the last word expanded to nothing and was unquoted: ignore it */
};

static int fail(struct lexer *lx, const char *msg, const char *arg)
{
    if (arg != NULL)
        snprintf(lx->err, lx->errlen, "%s%s", msg, arg);
    else
        snprintf(lx->err, lx->errlen, "%s", msg);
    return -1;
}

static int put(struct lexer *lx, char c)
{
    if (lx->l->used >= SH_POOL)
        return fail(lx, "line too long", NULL);
    lx->l->pool[lx->l->used++] = c;
    return 0;
}

static int is_name_char(char c, int first)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

/* lx->p points after '$'. Appends the value; returns 0 or -1. A lone '$' stays a '$'. */
static int expand(struct lexer *lx)
{
    char name[64];
    size_t n = 0;
    const char *v;
    const char *p = lx->p;

    if (*p == '?' || *p == '$' || (*p >= '0' && *p <= '9')) {
        name[n++] = *p++;
    } else if (*p == '{') {
        p++;
        while (*p != '}' && *p != '\0') {
            if (n + 1 >= sizeof name)
                return fail(lx, "variable name too long", NULL);
            name[n++] = *p++;
        }
        if (*p != '}')
            return fail(lx, "missing '}'", NULL);
        p++;
        if (n == 0)
            return fail(lx, "bad substitution", NULL);
    } else if (is_name_char(*p, 1)) {
        while (is_name_char(*p, n == 0)) {
            if (n + 1 >= sizeof name)
                return fail(lx, "variable name too long", NULL);
            name[n++] = *p++;
        }
    } else {
        return put(lx, '$');
    }
    name[n] = '\0';
    lx->p = p;
    v = lx->lookup != NULL ? lx->lookup(name, lx->ctx) : NULL;
    for (; v != NULL && *v != '\0'; v++)
        if (put(lx, *v) < 0)
            return -1;
    return 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int is_special(char c) { return c == '|' || c == ';' || c == '&' || c == '<' || c == '>'; }

/* Reads one word starting at lx->p (not a space, not an operator). */
static int lex_word(struct lexer *lx)
{
    size_t start = lx->l->used;
    int quoted = 0, literal = 0;

    while (*lx->p != '\0' && !is_space(*lx->p) && !is_special(*lx->p)) {
        char c = *lx->p;
        if (c == '\'') {
            quoted = 1;
            lx->p++;
            while (*lx->p != '\'') {
                if (*lx->p == '\0')
                    return fail(lx, "unterminated quote '", NULL);
                if (put(lx, *lx->p++) < 0)
                    return -1;
            }
            lx->p++;
        } else if (c == '"') {
            quoted = 1;
            lx->p++;
            while (*lx->p != '"') {
                if (*lx->p == '\0')
                    return fail(lx, "unterminated quote \"", NULL);
                if (*lx->p == '\\' && (lx->p[1] == '"' || lx->p[1] == '\\' || lx->p[1] == '$')) {
                    if (put(lx, lx->p[1]) < 0)
                        return -1;
                    lx->p += 2;
                } else if (*lx->p == '$') {
                    lx->p++;
                    if (expand(lx) < 0)
                        return -1;
                } else if (put(lx, *lx->p++) < 0) {
                    return -1;
                }
            }
            lx->p++;
        } else if (c == '\\') {
            literal = 1;
            lx->p++;
            if (*lx->p == '\0')
                break;                    /* trailing backslash: ignored */
            if (put(lx, *lx->p++) < 0)
                return -1;
        } else if (c == '$') {
            lx->p++;
            if (expand(lx) < 0)
                return -1;
        } else {
            literal = 1;
            if (put(lx, c) < 0)
                return -1;
            lx->p++;
        }
    }
    if (put(lx, '\0') < 0)
        return -1;
    lx->word = lx->l->pool + start;
    lx->dropped = !quoted && !literal && lx->word[0] == '\0';
    if (lx->dropped)
        lx->l->used = start;              /* give the byte back */
    return 0;
}

/* Returns the next token, or -1 on error. */
static int lex(struct lexer *lx)
{
    for (;;) {
        while (is_space(*lx->p))
            lx->p++;
        if (*lx->p == '#') {              /* comment to the end of the line */
            lx->p += strlen(lx->p);
            return T_END;
        }
        switch (*lx->p) {
        case '\0': return T_END;
        case '|': lx->p++; return T_PIPE;
        case ';': lx->p++; return T_SEMI;
        case '&': lx->p++; return T_AMP;
        case '<': lx->p++; return T_IN;
        case '>':
            lx->p++;
            if (lx->p[0] == '&' && lx->p[1] == '2') {
                lx->p += 2;
                return T_OUT_TO_ERR;
            }
            if (*lx->p == '>') {
                lx->p++;
                return T_APPEND;
            }
            return T_OUT;
        case '1':
            if (lx->p[1] == '>' && lx->p[2] == '&' && lx->p[3] == '2') {
                lx->p += 4;
                return T_OUT_TO_ERR;
            }
            break;
        case '2':
            if (lx->p[1] == '>') {
                if (lx->p[2] == '&' && lx->p[3] == '1') {
                    lx->p += 4;
                    return T_ERR_TO_OUT;
                }
                if (lx->p[2] == '>') {
                    lx->p += 3;
                    return T_ERR_APPEND;
                }
                lx->p += 2;
                return T_ERR;
            }
            break;
        default: break;
        }
        if (lex_word(lx) < 0)
            return -1;
        if (!lx->dropped)
            return T_WORD;
    }
}

static const char *tok_name(int t)
{
    switch (t) {
    case T_END: return "end of line";
    case T_PIPE: return "'|'";
    case T_SEMI: return "';'";
    case T_AMP: return "'&'";
    case T_IN: return "'<'";
    case T_OUT: return "'>'";
    case T_APPEND: return "'>>'";
    case T_ERR: return "'2>'";
    case T_ERR_APPEND: return "'2>>'";
    case T_ERR_TO_OUT: return "'2>&1'";
    case T_OUT_TO_ERR: return "'>&2'";
    default: return "word";
    }
}

static int parse(const char *text, struct sh_line *l, sh_lookup_fn lookup, void *ctx, char *err, size_t errlen,
                 const char **next)
{
    struct lexer lx = { .p = text, .l = l, .lookup = lookup, .ctx = ctx, .err = err, .errlen = errlen };
    struct sh_cmd *cmd = NULL;           /* command being filled, NULL between commands */
    struct sh_pipeline *pl = NULL;       /* pipeline being filled, NULL between pipelines */
    int t, closed, pipe_pending = 0;

    memset(l, 0, offsetof(struct sh_line, pool));
    if (errlen > 0)
        err[0] = '\0';
    for (;;) {
        t = lex(&lx);
        if (t < 0)
            return -1;
        if (t == T_WORD || (t >= T_IN && t <= T_OUT_TO_ERR)) {
            if (pl == NULL) {
                if (l->npipes == SH_MAX_PIPES)
                    return fail(&lx, "too many commands", NULL);
                pl = &l->pipes[l->npipes++];
                pl->first = l->ncmds;
                pl->ncmds = 0;
                pl->background = 0;
            }
            if (cmd == NULL) {
                if (l->ncmds == SH_MAX_CMDS)
                    return fail(&lx, "too many commands", NULL);
                cmd = &l->cmds[l->ncmds++];
                memset(cmd, 0, sizeof *cmd);
                cmd->argv = &l->argv[l->nargv];
                pl->ncmds++;
            }
        }
        if (t == T_WORD) {
            if (l->nargv + 1 >= SH_MAX_ARGV)      /* keep room for the NULL */
                return fail(&lx, "too many arguments", NULL);
            l->argv[l->nargv++] = lx.word;
            cmd->argc++;
            continue;
        }
        if (t == T_ERR_TO_OUT) {
            cmd->err_to_out = 1;
            continue;
        }
        if (t == T_OUT_TO_ERR) {
            cmd->out_to_err = 1;
            continue;
        }
        if (t >= T_IN && t <= T_ERR_APPEND) {
            int w = lex(&lx);
            if (w < 0)
                return -1;
            if (w != T_WORD)
                return fail(&lx, "syntax error: missing file name before ", tok_name(w));
            switch (t) {
            case T_IN: cmd->in = lx.word; break;
            case T_OUT: cmd->out = lx.word; cmd->append = 0; break;
            case T_APPEND: cmd->out = lx.word; cmd->append = 1; break;
            case T_ERR: cmd->err = lx.word; cmd->err_append = 0; break;
            default: cmd->err = lx.word; cmd->err_append = 1; break;
            }
            continue;
        }
        /* an operator or the end closes the current command */
        closed = 0;
        if (cmd != NULL) {
            if (cmd->argc == 0)
                return fail(&lx, "syntax error: redirection without a command", NULL);
            l->argv[l->nargv++] = NULL;
            cmd = NULL;
            closed = 1;
        }
        if (pipe_pending && !closed)          /* '|' must be followed by a command */
            return fail(&lx, "syntax error near ", tok_name(t == T_END ? T_PIPE : t));
        pipe_pending = 0;
        if (t == T_PIPE) {
            if (!closed)
                return fail(&lx, "syntax error near ", tok_name(t));
            pipe_pending = 1;
            continue;
        }
        if (t == T_SEMI || t == T_AMP) {
            if (pl == NULL)
                return fail(&lx, "syntax error near ", tok_name(t));
            pl->background = (t == T_AMP);
            pl = NULL;
            if (next != NULL) {                   /* one pipeline at a time */
                *next = lx.p;
                return 0;
            }
            continue;
        }
        /* T_END */
        if (next != NULL)
            *next = lx.p;
        return 0;
    }
}

int sh_parse(const char *text, struct sh_line *l, sh_lookup_fn lookup, void *ctx, char *err, size_t errlen)
{
    return parse(text, l, lookup, ctx, err, errlen, NULL);
}

int sh_parse_next(const char *text, struct sh_line *l, sh_lookup_fn lookup, void *ctx, char *err, size_t errlen,
                  const char **next)
{
    return parse(text, l, lookup, ctx, err, errlen, next);
}
