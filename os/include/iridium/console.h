/*
 * console.h - ioctl requests of the Iridium console (the UART terminal), shared by the kernel and user space.
 *
 * Written by user space (the shell needs them); implemented by the kernel. Use: ioctl(fd, request, arg) through
 * SYS_ioctl on any file descriptor open on the console. On anything else (a file, a pipe) the kernel returns
 * -IR_ENOTTY, which is also how a program tells whether a descriptor is the console (isatty()).
 *
 * The console has one mode word (IR_CON_* bits) and one foreground pid, both global (one console).
 * Default at boot: IR_CON_MODE_COOKED, foreground pid 0 (none).
 *
 * Line discipline when IR_CON_CANON is set (cooked): input is collected into a line buffer; the kernel echoes
 * (IR_CON_ECHO), handles backspace/DEL (erase one character), ^U (erase the line), CR -> LF (both CR and LF end a
 * line), ^D (at the start of a line: read() returns 0 = end of file; otherwise it ends the line without a LF).
 * read() returns at most one line and blocks until a line is complete.
 * When IR_CON_CANON is clear (raw): read() blocks until at least one byte is available and returns the bytes
 * available (up to the count), unchanged (CR stays CR, DEL stays DEL, ESC sequences arrive as sent); no editing;
 * IR_CON_ECHO is normally clear too.
 *
 * IR_CON_ISIG: the byte ^C (0x03) is not passed on as input; instead the kernel sends IR_SIGINT to the foreground
 * pid and to every process descended from it (walk each process's parent chain), if the foreground pid is set
 * (> 0) and alive; in cooked mode it also discards the pending line and echoes "^C\n". With IR_CON_ISIG clear,
 * ^C is ordinary input (the shell's line editor uses that to cancel the line it is editing).
 *
 * IR_CON_ONLCR: output LF is sent as CR LF (all output to the console, from any process).
 */
#ifndef IRIDIUM_CONSOLE_H
#define IRIDIUM_CONSOLE_H

/* mode bits */
#define IR_CON_ECHO   0x1u          /* echo input characters (cooked mode) */
#define IR_CON_CANON  0x2u          /* line editing, read() returns whole lines */
#define IR_CON_ISIG   0x4u          /* ^C sends IR_SIGINT to the foreground process (and its descendants) */
#define IR_CON_ONLCR  0x8u          /* output: LF -> CR LF */
#define IR_CON_MODE_COOKED (IR_CON_ECHO | IR_CON_CANON | IR_CON_ISIG | IR_CON_ONLCR)
#define IR_CON_MODE_RAW    (IR_CON_ONLCR)   /* what the shell's line editor uses */

/* ioctl requests (a1 of SYS_ioctl); the argument is a2 */
#define IR_CON_GETMODE 0x49430001u  /* arg: uint32_t * (user pointer, written) -> 0 */
#define IR_CON_SETMODE 0x49430002u  /* arg: the new mode word by value -> 0; unknown bits -> -IR_EINVAL.
                                       Pending cooked input stays queued and is readable in the new mode. */
#define IR_CON_GETFG   0x49430003u  /* arg: ignored -> the foreground pid (0 = none) */
#define IR_CON_SETFG   0x49430004u  /* arg: pid by value (0 = none) -> 0. The kernel does not check the pid;
                                       it forgets it when that process exits. */

#endif
