/*
 * edit.h - the shell's line editor (user/sh/edit.c), for a terminal in raw mode (no kernel echo or editing).
 *
 * Keys: printable characters insert at the cursor; Backspace/DEL (0x7f, ^H) erase before the cursor; Delete
 * (ESC [ 3 ~) and ^D on a non-empty line erase under it; Left/Right (ESC [ D / C, ^B/^F), Home/End (ESC [ H / F,
 * ESC [ 1 ~ / 4 ~, ^A/^E) move; Up/Down (ESC [ A / B, ^P/^N) walk the history (the line being typed is kept and
 * comes back below the newest entry); ^U erases to the start, ^K to the end, ^W the word before the cursor; ^L
 * redraws; ^C abandons the line (prints "^C", returns an empty line); CR or LF ends the line (LF right after CR
 * is ignored, so CR LF counts once); ^D on an empty line or end of input returns ED_EOF.
 * Display: the prompt and the line are redrawn as "\r" prompt line ESC[K, then ESC[nD to put the cursor back;
 * typing at the end of the line only echoes the character. Lines longer than the terminal are not handled.
 * No system calls: input and output go through callbacks, so the host tests drive it with scripted keys.
 * Invariants: buf is always NUL-terminated, len < size; history entries are distinct from their predecessor and
 * non-empty; at most ED_HIST_MAX are kept (oldest dropped).
 */
#ifndef SH_EDIT_H
#define SH_EDIT_H

#include <stddef.h>

#define ED_HIST_MAX 32
#define ED_LINE_MAX 512
#define ED_EOF (-1)

struct editor {
    int (*read_key)(void *ctx);                      /* next input byte, or -1 at end of input */
    void (*write_out)(void *ctx, const char *s, size_t n);
    void *ctx;
    int nhist;
    char hist[ED_HIST_MAX][ED_LINE_MAX];           /* hist[0] oldest */
    int after_cr;                                  /* the last line ended with CR: skip one LF */
};

void ed_init(struct editor *e, int (*read_key)(void *ctx), void (*write_out)(void *ctx, const char *s, size_t n),
             void *ctx);

/* Reads one line (without the newline) into buf (size bytes at most, NUL included). Returns its length, or ED_EOF. */
int ed_readline(struct editor *e, const char *prompt, char *buf, size_t size);

/* Appends a line to the history (ignored if empty or equal to the newest entry). */
void ed_add_history(struct editor *e, const char *line);

#endif
