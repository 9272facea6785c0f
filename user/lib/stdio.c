/*
 * stdio.c - stdin, stdout and stderr for picolibc's tinystdio on Iridium.
 *
 * tinystdio expects the application to define the three FILE pointers. They are buffered streams (bufio, the same
 * machinery fopen/fdopen use) on file descriptors 0, 1 and 2 through read/write/lseek of sys.c. stdout and stderr
 * are line buffered (a partial line is written at the next newline, fflush, fork, exec or exit); stdin reads
 * up to a buffer at a time (the console in cooked mode returns one line per read). A destructor flushes stdout and
 * stderr at exit().
 */
#include <stdio.h>
#include <stdio-bufio.h>
#include <unistd.h>

static char in_buf[256], out_buf[256], err_buf[128];

static struct __file_bufio in_file =
    FDEV_SETUP_BUFIO(0, in_buf, sizeof in_buf, read, write, lseek, close, __SRD, 0);
static struct __file_bufio out_file =
    FDEV_SETUP_BUFIO(1, out_buf, sizeof out_buf, read, write, lseek, close, __SWR, __BLBF);
static struct __file_bufio err_file =
    FDEV_SETUP_BUFIO(2, err_buf, sizeof err_buf, read, write, lseek, close, __SWR, __BLBF);

FILE *const stdin = &in_file.xfile.cfile.file;
FILE *const stdout = &out_file.xfile.cfile.file;
FILE *const stderr = &err_file.xfile.cfile.file;

static void __attribute__((destructor)) flush_std(void)
{
    fflush(stdout);
    fflush(stderr);
}
