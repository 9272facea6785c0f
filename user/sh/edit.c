/*
 * edit.c - the shell's line editor (keys, display and invariants in edit.h).
 *
 * State of one ed_readline call: the line (buf, len), the cursor (pos), the history position (hpos == nhist means
 * the line being typed, whose text is saved in `saved` while the user walks the history).
 * Output is collected in a small buffer and written with one write_out() call per key, which matters on a slow console.
 */
#include "edit.h"

#include <stdio.h>
#include <string.h>

#define KEY_CTRL(c) ((c) & 0x1f)
#define ESC 0x1b

struct out {
    struct editor *e;
    size_t n;
    char b[ED_LINE_MAX + 128];
};

static void out_flush(struct out *o)
{
    if (o->n > 0)
        o->e->write_out(o->e->ctx, o->b, o->n);
    o->n = 0;
}

static void out_str(struct out *o, const char *s, size_t n)
{
    while (n > 0) {
        size_t k = sizeof o->b - o->n;
        if (k == 0) {
            out_flush(o);
            continue;
        }
        if (k > n)
            k = n;
        memcpy(o->b + o->n, s, k);
        o->n += k;
        s += k;
        n -= k;
    }
}

static void out_s(struct out *o, const char *s) { out_str(o, s, strlen(s)); }

static void refresh(struct out *o, const char *prompt, const char *buf, size_t len, size_t pos)
{
    char tmp[16];
    out_s(o, "\r");
    out_s(o, prompt);
    out_str(o, buf, len);
    out_s(o, "\x1b[K");
    if (pos < len) {
        snprintf(tmp, sizeof tmp, "\x1b[%uD", (unsigned)(len - pos));
        out_s(o, tmp);
    }
}

void ed_init(struct editor *e, int (*read_key)(void *ctx), void (*write_out)(void *ctx, const char *s, size_t n), void *ctx)
{
    memset(e, 0, sizeof *e);
    e->read_key = read_key;
    e->write_out = write_out;
    e->ctx = ctx;
}

void ed_add_history(struct editor *e, const char *line)
{
    if (line[0] == '\0')
        return;
    if (e->nhist > 0 && strcmp(e->hist[e->nhist - 1], line) == 0)
        return;
    if (e->nhist == ED_HIST_MAX) {
        memmove(e->hist[0], e->hist[1], sizeof e->hist[0] * (ED_HIST_MAX - 1));
        e->nhist--;
    }
    snprintf(e->hist[e->nhist], ED_LINE_MAX, "%s", line);
    e->nhist++;
}

/* Decodes the rest of an escape sequence (ESC already read). Returns a key code below or 0 if unknown. */
enum { K_UP = 0x100, K_DOWN, K_LEFT, K_RIGHT, K_HOME, K_END, K_DEL };

static int read_escape(struct editor *e)
{
    int c = e->read_key(e->ctx), num = 0;
    if (c != '[' && c != 'O')
        return c < 0 ? -1 : 0;
    c = e->read_key(e->ctx);
    while (c >= '0' && c <= '9') {
        num = num * 10 + (c - '0');
        c = e->read_key(e->ctx);
    }
    switch (c) {
    case 'A': return K_UP;
    case 'B': return K_DOWN;
    case 'C': return K_RIGHT;
    case 'D': return K_LEFT;
    case 'H': return K_HOME;
    case 'F': return K_END;
    case '~':
        switch (num) {
        case 1: case 7: return K_HOME;
        case 4: case 8: return K_END;
        case 3: return K_DEL;
        default: return 0;
        }
    default: return c < 0 ? -1 : 0;
    }
}

int ed_readline(struct editor *e, const char *prompt, char *buf, size_t size)
{
    struct out o = { .e = e, .n = 0 };
    char saved[ED_LINE_MAX];
    size_t len = 0, pos = 0, max;
    int hpos = e->nhist;

    if (size == 0)
        return ED_EOF;
    max = size - 1;
    if (max > ED_LINE_MAX - 1)
        max = ED_LINE_MAX - 1;
    buf[0] = '\0';
    saved[0] = '\0';
    out_s(&o, prompt);
    out_flush(&o);
    for (;;) {
        int c = e->read_key(e->ctx);
        if (c == '\n' && e->after_cr) {
            e->after_cr = 0;
            continue;
        }
        e->after_cr = 0;
        if (c < 0) {
            if (len > 0) {                  /* end of input after a partial line: return it */
                out_s(&o, "\r\n");
                out_flush(&o);
                buf[len] = '\0';
                return (int)len;
            }
            out_flush(&o);
            return ED_EOF;
        }
        if (c == ESC)
            c = read_escape(e);
        switch (c) {
        case -1:
            continue;                       /* the next read_key reports the end */
        case '\r':
        case '\n':
            e->after_cr = (c == '\r');
            out_s(&o, "\r\n");
            out_flush(&o);
            buf[len] = '\0';
            return (int)len;
        case KEY_CTRL('C'):
            out_s(&o, "^C\r\n");
            out_flush(&o);
            buf[0] = '\0';
            return 0;
        case KEY_CTRL('D'):
            if (len == 0) {
                out_flush(&o);
                return ED_EOF;
            }
            /* delete under the cursor */
            __attribute__((fallthrough));
        case K_DEL:
            if (pos < len) {
                memmove(buf + pos, buf + pos + 1, len - pos - 1);
                len--;
                refresh(&o, prompt, buf, len, pos);
            }
            break;
        case 0x7f:
        case KEY_CTRL('H'):
            if (pos > 0) {
                memmove(buf + pos - 1, buf + pos, len - pos);
                len--;
                pos--;
                if (pos == len)
                    out_s(&o, "\b \b");
                else
                    refresh(&o, prompt, buf, len, pos);
            }
            break;
        case K_LEFT:
        case KEY_CTRL('B'):
            if (pos > 0) {
                pos--;
                out_s(&o, "\x1b[D");
            }
            break;
        case K_RIGHT:
        case KEY_CTRL('F'):
            if (pos < len) {
                pos++;
                out_s(&o, "\x1b[C");
            }
            break;
        case K_HOME:
        case KEY_CTRL('A'):
            pos = 0;
            refresh(&o, prompt, buf, len, pos);
            break;
        case K_END:
        case KEY_CTRL('E'):
            pos = len;
            refresh(&o, prompt, buf, len, pos);
            break;
        case KEY_CTRL('U'):
            memmove(buf, buf + pos, len - pos);
            len -= pos;
            pos = 0;
            refresh(&o, prompt, buf, len, pos);
            break;
        case KEY_CTRL('K'):
            len = pos;
            refresh(&o, prompt, buf, len, pos);
            break;
        case KEY_CTRL('W'): {
            size_t s = pos;
            while (s > 0 && buf[s - 1] == ' ')
                s--;
            while (s > 0 && buf[s - 1] != ' ')
                s--;
            memmove(buf + s, buf + pos, len - pos);
            len -= pos - s;
            pos = s;
            refresh(&o, prompt, buf, len, pos);
            break;
        }
        case KEY_CTRL('L'):
            out_s(&o, "\x1b[H\x1b[2J");
            refresh(&o, prompt, buf, len, pos);
            break;
        case K_UP:
        case KEY_CTRL('P'):
        case K_DOWN:
        case KEY_CTRL('N'): {
            int up = (c == K_UP || c == KEY_CTRL('P'));
            int nh = up ? hpos - 1 : hpos + 1;
            const char *src;
            if (nh < 0 || nh > e->nhist)
                break;
            if (hpos == e->nhist) {         /* leaving the line being typed: keep it */
                memcpy(saved, buf, len);
                saved[len] = '\0';
            }
            hpos = nh;
            src = hpos == e->nhist ? saved : e->hist[hpos];
            len = strlen(src);
            if (len > max)
                len = max;
            memcpy(buf, src, len);
            pos = len;
            refresh(&o, prompt, buf, len, pos);
            break;
        }
        default:
            if (c >= 0x20 && c < 0x7f && len < max) {
                memmove(buf + pos + 1, buf + pos, len - pos);
                buf[pos++] = (char)c;
                len++;
                if (pos == len) {
                    char ch = (char)c;
                    out_str(&o, &ch, 1);
                } else {
                    refresh(&o, prompt, buf, len, pos);
                }
            } else if (c == '\t' && len < max) {
                /* no completion: a tab is a space */
                memmove(buf + pos + 1, buf + pos, len - pos);
                buf[pos++] = ' ';
                len++;
                refresh(&o, prompt, buf, len, pos);
            }
            break;
        }
        buf[len] = '\0';
        out_flush(&o);
    }
}
