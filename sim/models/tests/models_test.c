/*
 * models_test.c - host tests of sim/models: the image loader's error paths and results, and the console's
 * non-blocking input from pipes, end-of-input handling, output, raw mode on a pseudo-terminal with the Ctrl-A escape,
 * and terminal restoration at exit and on a fatal signal (make test-models).
 *
 * ELF files are built in memory by the test (no toolchain needed). Console tests run in child processes because
 * the console keeps process-wide state (stdin, termios, signal handlers). Prints PASS/FAIL per test and
 * "N passed, N failed"; exits 1 if any failed.
 */
#include <elf.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "console.h"
#include "loader.h"
#include "check.h"

static char tmpdir[] = "/tmp/models_test.XXXXXX";

static const char *tmp_path(const char *name)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        perror(path);
        exit(2);
    }
    fclose(f);
}

/* ---- a memory for the loader: 64 KiB at 0x1000 ---- */
static uint8_t mem[0x10000];
static int writes;
static int mem_write(void *ctx, uint32_t paddr, const uint8_t *data, size_t len)
{
    (void)ctx;
    if (paddr < 0x1000 || paddr - 0x1000 + len > sizeof mem) return -1;
    memcpy(mem + paddr - 0x1000, data, len);
    writes++;
    return 0;
}

/* An ELF32 RISC-V executable: one PT_LOAD (4 file bytes, memsz 8) at paddr, a symtab with `tohost`. */
struct tiny_elf {
    Elf32_Ehdr eh;
    Elf32_Phdr ph;
    uint8_t data[4];
    char strtab[16];
    Elf32_Sym syms[3];
    Elf32_Shdr sh[3];
};

static struct tiny_elf make_elf(uint32_t paddr)
{
    struct tiny_elf e;
    memset(&e, 0, sizeof e);
    memcpy(e.eh.e_ident, ELFMAG, SELFMAG);
    e.eh.e_ident[EI_CLASS] = ELFCLASS32;
    e.eh.e_ident[EI_DATA] = ELFDATA2LSB;
    e.eh.e_ident[EI_VERSION] = EV_CURRENT;
    e.eh.e_type = ET_EXEC;
    e.eh.e_machine = EM_RISCV;
    e.eh.e_version = EV_CURRENT;
    e.eh.e_entry = paddr;
    e.eh.e_phoff = offsetof(struct tiny_elf, ph);
    e.eh.e_shoff = offsetof(struct tiny_elf, sh);
    e.eh.e_ehsize = sizeof(Elf32_Ehdr);
    e.eh.e_phentsize = sizeof(Elf32_Phdr);
    e.eh.e_phnum = 1;
    e.eh.e_shentsize = sizeof(Elf32_Shdr);
    e.eh.e_shnum = 3;
    e.ph.p_type = PT_LOAD;
    e.ph.p_offset = offsetof(struct tiny_elf, data);
    e.ph.p_vaddr = e.ph.p_paddr = paddr;
    e.ph.p_filesz = 4;
    e.ph.p_memsz = 8;
    memcpy(e.data, "\x11\x22\x33\x44", 4);
    memcpy(e.strtab, "\0start\0tohost\0", 14);
    e.syms[1].st_name = 1;
    e.syms[1].st_value = paddr;
    e.syms[1].st_shndx = 1;
    e.syms[2].st_name = 7;
    e.syms[2].st_value = paddr + 0x40;
    e.syms[2].st_shndx = 1;
    e.sh[1].sh_type = SHT_SYMTAB;
    e.sh[1].sh_offset = offsetof(struct tiny_elf, syms);
    e.sh[1].sh_size = sizeof e.syms;
    e.sh[1].sh_link = 2;
    e.sh[1].sh_entsize = sizeof(Elf32_Sym);
    e.sh[2].sh_type = SHT_STRTAB;
    e.sh[2].sh_offset = offsetof(struct tiny_elf, strtab);
    e.sh[2].sh_size = sizeof e.strtab;
    return e;
}

static int load_expect_error(const char *path, const char *msg)
{
    char err[256] = "";
    struct elf_info info;
    int rc = load_elf(path, mem_write, NULL, &info, err, sizeof err);
    if (rc == 0 || !strstr(err, msg)) {
        printf("    load_elf(%s): rc %d, message '%s', expected one with '%s'\n", path, rc, err, msg);
        return 1;
    }
    return 0;
}

static void test_loader(void)
{
    char err[256];
    struct elf_info info;

    /* a good file */
    struct tiny_elf e = make_elf(0x2000);
    memset(mem, 0xee, sizeof mem);
    write_file(tmp_path("good.elf"), &e, sizeof e);
    CHECK(load_elf(tmp_path("good.elf"), mem_write, NULL, &info, err, sizeof err) == 0);
    CHECK(info.entry == 0x2000);
    CHECK(info.has_tohost && info.tohost == 0x2040);
    CHECK(memcmp(mem + 0x1000, "\x11\x22\x33\x44\0\0\0\0\xee", 9) == 0);

    /* error paths */
    check_fails += load_expect_error("/nonexistent/file.elf", "cannot open");
    check_fails += load_expect_error(tmpdir, "cannot read");
    write_file(tmp_path("text"), "hello world, not an ELF", 23);
    check_fails += load_expect_error(tmp_path("text"), "not an ELF file");
    write_file(tmp_path("short"), "\x7f" "ELF", 4);
    check_fails += load_expect_error(tmp_path("short"), "not an ELF file");
    struct tiny_elf b = e;
    b.eh.e_ident[EI_CLASS] = ELFCLASS64;
    write_file(tmp_path("elf64"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("elf64"), "not a 32-bit little-endian");
    b = e;
    b.eh.e_machine = EM_386;
    write_file(tmp_path("x86"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("x86"), "not a RISC-V");
    b = e;
    b.eh.e_type = ET_DYN;
    write_file(tmp_path("dyn"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("dyn"), "not an executable");
    b = e;
    b.eh.e_phoff = 0x10000;
    write_file(tmp_path("phoff"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("phoff"), "program headers are outside");
    write_file(tmp_path("trunc"), &e, offsetof(struct tiny_elf, ph) + 8);
    check_fails += load_expect_error(tmp_path("trunc"), "program headers are outside");
    b = e;
    b.ph.p_filesz = 1000;
    b.ph.p_memsz = 1000;
    write_file(tmp_path("filesz"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("filesz"), "outside the file");
    b = e;
    b.ph.p_type = PT_NOTE;
    write_file(tmp_path("noload"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("noload"), "no loadable segment");
    b = make_elf(0x80000000u);
    write_file(tmp_path("outside"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("outside"), "is not inside the simulated ROM or RAM");
    b = e;
    b.ph.p_paddr = 0xfffffffcu;
    write_file(tmp_path("wrap"), &b, sizeof b);
    check_fails += load_expect_error(tmp_path("wrap"), "wraps past 4 GiB");
    /* no symbol table: still loads, no tohost */
    b = e;
    b.eh.e_shnum = 0;
    b.eh.e_shoff = 0;
    write_file(tmp_path("nosym"), &b, sizeof b);
    CHECK(load_elf(tmp_path("nosym"), mem_write, NULL, &info, err, sizeof err) == 0 && !info.has_tohost);
    /* corrupt symbol table offsets are ignored, not followed */
    b = e;
    b.sh[1].sh_offset = 0x7fffffff;
    write_file(tmp_path("badsym"), &b, sizeof b);
    CHECK(load_elf(tmp_path("badsym"), mem_write, NULL, &info, err, sizeof err) == 0 && !info.has_tohost);

    /* raw images */
    write_file(tmp_path("rom.bin"), "\x01\x02\x03", 3);
    CHECK(load_bin(tmp_path("rom.bin"), 0x1000, 16, mem_write, NULL, err, sizeof err) == 0);
    CHECK(memcmp(mem, "\x01\x02\x03", 3) == 0);
    CHECK(load_bin(tmp_path("rom.bin"), 0x1000, 2, mem_write, NULL, err, sizeof err) != 0 &&
          strstr(err, "more than the 2 bytes"));
    CHECK(load_bin(tmp_path("rom.bin"), 0x0, 16, mem_write, NULL, err, sizeof err) != 0 &&
          strstr(err, "does not fit"));
    write_file(tmp_path("empty.bin"), "", 0);
    CHECK(load_bin(tmp_path("empty.bin"), 0x1000, 16, mem_write, NULL, err, sizeof err) != 0 &&
          strstr(err, "is empty"));
    CHECK(load_bin("/nonexistent.bin", 0x1000, 16, mem_write, NULL, err, sizeof err) != 0 &&
          strstr(err, "cannot open '/nonexistent.bin'"));
}

/* Run fn in a child with stdin = in_fd and stdout = out_fd (-1: unchanged); returns the child's wait status. */
static int in_child(int (*fn)(void), int in_fd, int out_fd)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (in_fd >= 0) dup2(in_fd, STDIN_FILENO);
        if (out_fd >= 0) dup2(out_fd, STDOUT_FILENO);
        exit(fn());   /* exit, not _exit: the console flushes its output at exit */
    }
    int st;
    waitpid(pid, &st, 0);
    return st;
}

static int child_pipe_input(void)
{
    uint8_t b;
    console_init();
    if (console_getc(&b) != 1 || b != 'a') return 10;
    if (console_getc(&b) != 1 || b != 0x01) return 11;   /* Ctrl-A is an ordinary byte from a pipe */
    if (console_getc(&b) != 1 || b != 'x') return 12;
    for (int i = 0; i < 3; i++)
        if (console_getc(&b) != 0) return 13;             /* end of input: nothing, not quit */
    console_putc('o');
    console_putc('k');
    return 0;                                             /* output flushed at exit */
}

static int child_pipe_empty(void)
{
    uint8_t b;
    console_init();
    alarm(5);                                             /* a blocking read would hang: fail by SIGALRM */
    for (int i = 0; i < 100; i++)
        if (console_getc(&b) != 0) return 20;
    return 0;
}

static int pty_slave = -1;

static int child_pty(void)
{
    uint8_t b;
    struct termios t;
    console_init();
    if (tcgetattr(STDIN_FILENO, &t) || (t.c_lflag & (ICANON | ECHO | ISIG))) return 30;
    usleep(100000);   /* let the parent write */
    int got[4], n = 0, r;
    for (int tries = 0; tries < 200 && n < 4; tries++) {
        r = console_getc(&b);
        if (r == 0) {
            usleep(5000);
            continue;
        }
        got[n++] = r < 0 ? -1 : b;
    }
    if (n != 4 || got[0] != 'x' || got[1] != 0x01 || got[2] != 'y' || got[3] != -1) return 31;
    console_restore();
    if (tcgetattr(STDIN_FILENO, &t) || !(t.c_lflag & ICANON)) return 32;
    console_restore();   /* idempotent */
    return 0;
}

static int child_pty_signal(void)
{
    console_init();
    raise(SIGTERM);      /* the handler restores the terminal, then dies of the signal */
    return 40;
}

static int child_pty_exit(void)
{
    console_init();
    exit(0);             /* atexit restores */
}

static void test_console(void)
{
    int p[2], o[2];
    char out[16] = "";

    CHECK(pipe(p) == 0 && pipe(o) == 0);
    CHECK(write(p[1], "a\001x", 3) == 3);
    close(p[1]);
    int st = in_child(child_pipe_input, p[0], o[1]);
    close(o[1]);
    ssize_t n = read(o[0], out, sizeof out - 1);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    if (!(WIFEXITED(st) && WEXITSTATUS(st) == 0)) printf("    pipe child status 0x%x\n", st);
    CHECK(n == 2 && memcmp(out, "ok", 2) == 0);
    close(p[0]);
    close(o[0]);

    CHECK(pipe(p) == 0);
    st = in_child(child_pipe_empty, p[0], -1);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    close(p[0]);
    close(p[1]);

    int master;
    if (openpty(&master, &pty_slave, NULL, NULL, NULL) != 0) {
        printf("    (no pseudo-terminal available: raw-mode tests skipped)\n");
        return;
    }
    struct termios t;
    tcgetattr(pty_slave, &t);
    t.c_lflag |= ICANON | ECHO | ISIG;
    tcsetattr(pty_slave, TCSANOW, &t);
    CHECK(write(master, "x\001\001y\001X", 6) == 6);
    st = in_child(child_pty, pty_slave, -1);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    if (!(WIFEXITED(st) && WEXITSTATUS(st) == 0)) printf("    pty child status 0x%x\n", st);

    st = in_child(child_pty_signal, pty_slave, -1);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    CHECK(tcgetattr(pty_slave, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO));
    st = in_child(child_pty_exit, pty_slave, -1);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK(tcgetattr(pty_slave, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO));
    close(master);
    close(pty_slave);
}

int main(void)
{
    static const struct check_test tests[] = {
        {"loader", test_loader},
        {"console", test_console},
    };
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    struct check_counts counts = {0, 0};
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        check_run("%s: models %s\n", &tests[i], &counts);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) printf("    (could not remove %s)\n", tmpdir);
    return check_summary(&counts);
}
