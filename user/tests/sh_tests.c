/*
 * sh_tests.c - host tests of the Iridium shell's parser (user/sh/parse.c) and line editor (user/sh/edit.c).
 *
 * The parser is checked by rendering each parse result as a compact string and comparing with the expected one;
 * the editor by feeding scripted keys through its callbacks and checking the returned lines (and for a few cases
 * the display output). Prints one PASS/FAIL line per test and "sh_tests: N passed, N failed"; exits 1 on failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "parse.h"

static int passed, failed;

static void check(const char *name, int ok, const char *got, const char *want)
{
    if (ok) {
        passed++;
        printf("PASS %s\n", name);
    } else {
        failed++;
        printf("FAIL %s\n     got:  %s\n     want: %s\n", name, got, want);
    }
}

/* ---- parser ------------------------------------------------------------------------------------------------- */
static const char *lookup(const char *name, void *ctx)
{
    (void)ctx;
    if (strcmp(name, "?") == 0) return "7";
    if (strcmp(name, "$") == 0) return "42";
    if (strcmp(name, "HOME") == 0) return "/home";
    if (strcmp(name, "SP") == 0) return "a b";
    if (strcmp(name, "EMPTY") == 0) return "";
    if (strcmp(name, "1") == 0) return "one";
    return NULL;
}

/* Rendering: pipelines separated by " ; " (or " & " after a background one); commands by " | "; each command
 * as [arg,arg] then <in >out >>out 2>err 2>>err 2>&1. */
static void render(const struct sh_line *l, char *s, size_t n)
{
    size_t k = 0;
    s[0] = '\0';
#define ADD(...) (k += (size_t)snprintf(s + k, k < n ? n - k : 0, __VA_ARGS__))
    for (int p = 0; p < l->npipes; p++) {
        const struct sh_pipeline *pl = &l->pipes[p];
        for (int c = 0; c < pl->ncmds; c++) {
            const struct sh_cmd *cmd = &l->cmds[pl->first + c];
            ADD("%s[", c ? " | " : "");
            for (int a = 0; a < cmd->argc; a++)
                ADD("%s%s", a ? "," : "", cmd->argv[a]);
            ADD("]");
            if (cmd->argv[cmd->argc] != NULL)
                ADD("(argv not NULL-terminated)");
            if (cmd->in) ADD(" <%s", cmd->in);
            if (cmd->out) ADD(" %s%s", cmd->append ? ">>" : ">", cmd->out);
            if (cmd->err) ADD(" %s%s", cmd->err_append ? "2>>" : "2>", cmd->err);
            if (cmd->err_to_out) ADD(" 2>&1");
            if (cmd->out_to_err) ADD(" >&2");
        }
        ADD("%s", pl->background ? " &" : "");
        if (p + 1 < l->npipes)
            ADD(" ; ");
    }
#undef ADD
}

static void parse_ok(const char *in, const char *want)
{
    static struct sh_line l;
    char err[128], got[1024], name[256];
    snprintf(name, sizeof name, "parse: %s", in);
    if (sh_parse(in, &l, lookup, NULL, err, sizeof err) != 0) {
        snprintf(got, sizeof got, "error: %s", err);
        check(name, 0, got, want);
        return;
    }
    render(&l, got, sizeof got);
    check(name, strcmp(got, want) == 0, got, want);
}

static void parse_err(const char *in, const char *want_substr)
{
    static struct sh_line l;
    char err[128], name[256];
    snprintf(name, sizeof name, "parse error: %s", in);
    if (sh_parse(in, &l, lookup, NULL, err, sizeof err) == 0) {
        char got[1024];
        render(&l, got, sizeof got);
        check(name, 0, got, want_substr);
        return;
    }
    check(name, strstr(err, want_substr) != NULL, err, want_substr);
}

static void test_parser(void)
{
    parse_ok("", "");
    parse_ok("   \t ", "");
    parse_ok("# only a comment", "");
    parse_ok("ls", "[ls]");
    parse_ok("  ls   -l  /bin ", "[ls,-l,/bin]");
    parse_ok("echo 'a  b' \"c  d\" e\\ f", "[echo,a  b,c  d,e f]");
    parse_ok("echo 'it''s' \"x'y\" 'x\"y'", "[echo,its,x'y,x\"y]");
    parse_ok("echo \"a\\\"b\\\\c\\$d\\n\"", "[echo,a\"b\\c$d\\n]");
    parse_ok("echo \\| \\; \\& \\< \\> \\' \\\"", "[echo,|,;,&,<,>,',\"]");
    parse_ok("echo $? $$ $HOME ${HOME}x \"$SP\" $SP", "[echo,7,42,/home,/homex,a b,a b]");
    parse_ok("echo $EMPTY x \"$EMPTY\" $NOPE ''", "[echo,x,,]");
    parse_ok("echo $ a$ '$HOME'", "[echo,$,a$,$HOME]");
    parse_ok("echo $1 $12 $2x", "[echo,one,one2,x]");
    parse_ok("echo a#b # comment", "[echo,a#b]");
    parse_ok("a|b", "[a] | [b]");
    parse_ok("a | b | c | d", "[a] | [b] | [c] | [d]");
    parse_ok("cat < in > out", "[cat] <in >out");
    parse_ok("cat<in>>out", "[cat] <in >>out");
    parse_ok("> out echo hi", "[echo,hi] >out");
    parse_ok("ls nope 2> err", "[ls,nope] 2>err");
    parse_ok("ls nope 2>>err 2>&1", "[ls,nope] 2>>err 2>&1");
    parse_ok("echo 2 x2>y", "[echo,2,x2] >y");
    parse_ok("echo err >&2", "[echo,err] >&2");
    parse_ok("echo err 1>&2 x", "[echo,err,x] >&2");
    parse_ok("echo 1 12>f", "[echo,1,12] >f");
    parse_ok("a ; b", "[a] ; [b]");
    parse_ok("a; b;", "[a] ; [b]");
    parse_ok("sleep 1 &", "[sleep,1] &");
    parse_ok("sleep 1 & echo hi", "[sleep,1] & ; [echo,hi]");
    parse_ok("a | b > f & c < g | d ; e", "[a] | [b] >f & ; [c] <g | [d] ; [e]");
    parse_ok("cat \"<\" '|'", "[cat,<,|]");
    parse_ok("echo a\"b\"'c'd", "[echo,abcd]");
    parse_err("echo 'abc", "unterminated");
    parse_err("echo \"abc", "unterminated");
    parse_err("| a", "syntax error");
    parse_err("a |", "syntax error");
    parse_err("a | | b", "syntax error");
    parse_err("a | ; b", "syntax error");
    parse_err("; a", "syntax error");
    parse_err("a ;; b", "syntax error");
    parse_err("&", "syntax error");
    parse_err("cat <", "missing file name");
    parse_err("cat > | b", "missing file name");
    parse_err("> out", "without a command");
    parse_err("echo ${HOME", "missing '}'");
    {
        /* one pipeline at a time */
        static struct sh_line l;
        char err[128], got[256];
        const char *next = NULL;
        const char *text = "a | b & c ; d # e";
        int r = sh_parse_next(text, &l, lookup, NULL, err, sizeof err, &next);
        render(&l, got, sizeof got);
        check("parse_next: first", r == 0 && strcmp(got, "[a] | [b] &") == 0 && strcmp(next, " c ; d # e") == 0,
              got, "[a] | [b] & / rest \" c ; d # e\"");
        r = sh_parse_next(next, &l, lookup, NULL, err, sizeof err, &next);
        render(&l, got, sizeof got);
        check("parse_next: second", r == 0 && strcmp(got, "[c]") == 0 && strcmp(next, " d # e") == 0, got, "[c]");
        r = sh_parse_next(next, &l, lookup, NULL, err, sizeof err, &next);
        render(&l, got, sizeof got);
        check("parse_next: third", r == 0 && strcmp(got, "[d]") == 0, got, "[d]");
        r = sh_parse_next(next, &l, lookup, NULL, err, sizeof err, &next);
        check("parse_next: end", r == 0 && l.npipes == 0, "", "");
    }
    {
        /* limits: too many arguments and an overlong line are errors, not truncations */
        static char big[20000];
        size_t k = 0;
        k += (size_t)snprintf(big + k, sizeof big - k, "echo");
        for (int i = 0; i < 600; i++)
            k += (size_t)snprintf(big + k, sizeof big - k, " a");
        parse_err(big, "too many arguments");
        memset(big, 'x', 5000);
        big[5000] = '\0';
        parse_err(big, "line too long");
        k = 0;
        for (int i = 0; i < 40; i++)
            k += (size_t)snprintf(big + k, sizeof big - k, "a;");
        parse_err(big, "too many commands");
    }
}

/* ---- editor ------------------------------------------------------------------------------------------------- */
struct script {
    const char *keys;
    size_t pos, len;
    char out[8192];
    size_t outn;
};

static int s_getc(void *ctx)
{
    struct script *s = ctx;
    if (s->pos >= s->len)
        return -1;
    return (unsigned char)s->keys[s->pos++];
}

static void s_put(void *ctx, const char *p, size_t n)
{
    struct script *s = ctx;
    if (s->outn + n < sizeof s->out) {
        memcpy(s->out + s->outn, p, n);
        s->outn += n;
        s->out[s->outn] = '\0';
    }
}

static struct editor ed;
static struct script sc;

static void ed_start(const char *keys)
{
    sc.keys = keys;
    sc.pos = 0;
    sc.len = strlen(keys);
    sc.outn = 0;
    sc.out[0] = '\0';
}

/* Runs one readline over `keys` and checks the line. */
static void ed_case(const char *name, const char *keys, const char *want)
{
    char buf[ED_LINE_MAX], n[128];
    int r;
    ed_start(keys);
    r = ed_readline(&ed, "$ ", buf, sizeof buf);
    snprintf(n, sizeof n, "edit: %s", name);
    if (r < 0)
        snprintf(buf, sizeof buf, "(EOF)");
    check(n, strcmp(buf, want) == 0 && (r < 0 || (size_t)r == strlen(buf)), buf, want);
}

static void test_editor(void)
{
    char buf[ED_LINE_MAX];
    int r;

    ed_init(&ed, s_getc, s_put, &sc);
    ed_case("plain line", "ls -l\r", "ls -l");
    check("edit: prompt and echo", strcmp(sc.out, "$ ls -l\r\n") == 0, sc.out, "$ ls -l\\r\\n");
    ed_case("LF ends a line", "echo hi\n", "echo hi");
    ed_case("backspace", "abc\x7f\x7f" "d\r", "ad");
    ed_case("^H", "abc\x08X\r", "abX");
    ed_case("backspace at start", "\x7f\x7f" "a\r", "a");
    ed_case("left + insert", "abc\x1b[D\x1b[DX\r", "aXbc");
    ed_case("left past start", "ab\x1b[D\x1b[D\x1b[DX\r", "Xab");
    ed_case("right past end", "ab\x1b[C\x1b[CX\r", "abX");
    ed_case("home/end", "bc\x1b[Ha\x1b[Fd\r", "abcd");
    ed_case("^A/^E", "bc\x01" "a\x05" "d\r", "abcd");
    ed_case("ESC O D", "ab\x1bODX\r", "aXb");
    ed_case("delete key", "abc\x1b[D\x1b[D\x1b[3~\r", "ac");
    ed_case("^D deletes under cursor", "abc\x1b[D\x04\r", "ab");
    ed_case("^U", "abc def\x15xyz\r", "xyz");
    ed_case("^U middle", "abcdef\x1b[D\x1b[D\x15\r", "ef");
    ed_case("^K", "abcdef\x1b[D\x1b[D\x0b\r", "abcd");
    ed_case("^W", "ls -l /bin\x17/tmp\r", "ls -l /tmp");
    ed_case("tab is a space", "a\tb\r", "a b");
    ed_case("control chars ignored", "a\x07\x12" "b\r", "ab");
    ed_case("unknown escape ignored", "a\x1b[5~b\r", "ab");

    /* history */
    ed_init(&ed, s_getc, s_put, &sc);
    ed_add_history(&ed, "first");
    ed_add_history(&ed, "second");
    ed_add_history(&ed, "second");                   /* duplicate of the newest: not added */
    ed_add_history(&ed, "");                         /* empty: not added */
    check("history: count", ed.nhist == 2, "", "");
    ed_case("up", "\x1b[A\r", "second");
    ed_case("up up", "\x1b[A\x1b[A\r", "first");
    ed_case("up past oldest", "\x1b[A\x1b[A\x1b[A\x1b[A\r", "first");
    ed_case("up down", "\x1b[A\x1b[A\x1b[B\r", "second");
    ed_case("typed line comes back", "abc\x1b[A\x1b[A\x1b[B\x1b[B\r", "abc");
    ed_case("down at bottom", "xy\x1b[B\r", "xy");
    ed_case("edit recalled line", "\x1b[A\x7f\x7f\x7fret\r", "secret");
    check("history: recalled entry unchanged", strcmp(ed.hist[1], "second") == 0, ed.hist[1], "second");
    ed_case("^P/^N", "\x10\x10\x0e\r", "second");
    for (int i = 0; i < ED_HIST_MAX + 5; i++) {
        char l[16];
        snprintf(l, sizeof l, "cmd%d", i);
        ed_add_history(&ed, l);
    }
    check("history: bounded", ed.nhist == ED_HIST_MAX, "", "");
    {
        char want[16];
        snprintf(want, sizeof want, "cmd%d", 5);
        check("history: oldest dropped", strcmp(ed.hist[0], want) == 0, ed.hist[0], want);
    }

    /* ends: ^C, ^D, end of input, CR LF */
    ed_case("^C abandons", "abc\x03", "");
    check("edit: ^C echo", strstr(sc.out, "^C\r\n") != NULL, sc.out, "...^C\\r\\n");
    ed_start("\x04");
    r = ed_readline(&ed, "$ ", buf, sizeof buf);
    check("edit: ^D on empty line is EOF", r == ED_EOF, "", "");
    ed_start("");
    r = ed_readline(&ed, "$ ", buf, sizeof buf);
    check("edit: end of input is EOF", r == ED_EOF, "", "");
    ed_case("end of input after text", "partial", "partial");
    ed_start("one\r\ntwo\r\n");
    r = ed_readline(&ed, "$ ", buf, sizeof buf);
    check("edit: CR LF (1)", r == 3 && strcmp(buf, "one") == 0, buf, "one");
    {
        /* the same script continues: the LF after CR must not produce an empty line */
        char b2[ED_LINE_MAX];
        r = ed_readline(&ed, "$ ", b2, sizeof b2);
        check("edit: CR LF (2)", r == 3 && strcmp(b2, "two") == 0, b2, "two");
    }
    {
        /* small buffer: input beyond size-1 is dropped */
        char small[5];
        ed_start("abcdefgh\r");
        r = ed_readline(&ed, "$ ", small, sizeof small);
        check("edit: buffer limit", r == 4 && strcmp(small, "abcd") == 0, small, "abcd");
    }
    /* display after a mid-line insert: full redraw with the cursor moved back */
    ed_start("ac\x1b[Db\r");
    r = ed_readline(&ed, "$ ", buf, sizeof buf);
    check("edit: redraw on insert", strstr(sc.out, "\r$ abc\x1b[K\x1b[1D") != NULL, sc.out, "\\r$ abc ESC[K ESC[1D");
}

int main(void)
{
    test_parser();
    test_editor();
    printf("sh_tests: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
