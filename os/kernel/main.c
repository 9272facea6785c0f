/*
 * main.c - kernel start: check and copy bootinfo, bring up memory, traps, the console and the root file system,
 * start init (path from bootargs "init=...", default /bin/init), then run the scheduler forever.
 *
 * Invariant: nothing here runs after the scheduler starts; a failure before that (no memory, no root file system,
 * no init) is fatal and reported with panic.
 */
#include "kernel.h"
#include "fs/fs.h"

struct bootinfo bootinfo;
static char init_path[64] = "/bin/init";
#define INIT_MAXARG 8
static char init_words[128];          /* the bootargs words after init=PATH, NUL-separated */
static char *init_argv[INIT_MAXARG + 1] = {init_path};
static int init_argc = 1;

static void init_start(void)
{
    struct proc *p = current;
    char *envp[2] = {"PATH=/bin", "HOME=/"};
    int r = do_execve(init_path, init_argv, init_argc, envp, 2);
    if (r < 0)
        panic("cannot start init %s (error %d)", init_path, r);
    p->tf->x[10] = (uint32_t)r;
    usertrapret();
}

static void start_init(void)
{
    struct proc *p = proc_alloc();
    if (!p)
        panic("no memory for init");
    p->root = as_create();
    p->cwd = fs_root();
    if (!p->root || !p->cwd)
        panic("no memory or no root directory for init");
    strlcpy(p->name, "init", sizeof p->name);
    for (int fd = 0; fd < 3; fd++) {
        struct file *f = fd == 0 ? file_alloc() : file_dup(p->ofile[0]);
        if (!f)
            panic("no file for the console");
        f->type = F_CONSOLE;
        f->flags = IR_O_RDWR;
        p->ofile[fd] = f;
    }
    p->ctx.ra = (uint32_t)(uintptr_t)init_start;
    initproc = p;
    p->state = P_RUNNABLE;
}

/* bootargs: "init=PATH [ARG...]": the words after init=PATH become init's argv[1..] */
static void parse_bootargs(const char *args)
{
    int after_init = 0;
    uint32_t used = 0;
    for (const char *s = args; *s;) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        if (e == s)
            break;
        uint32_t n = (uint32_t)(e - s);
        if (after_init) {
            if (init_argc < INIT_MAXARG && used + n + 1 <= sizeof init_words) {
                memcpy(init_words + used, s, n);
                init_words[used + n] = 0;
                init_argv[init_argc++] = init_words + used;
                used += n + 1;
            }
        } else if (n > 5 && !strncmp(s, "init=", 5)) {
            n -= 5;
            if (n >= sizeof init_path)
                n = sizeof init_path - 1;
            memcpy(init_path, s + 5, n);
            init_path[n] = 0;
            after_init = 1;
        }
        s = e;
    }
}

void kmain(uint32_t hartid, const struct bootinfo *bi)
{
    if (!bi || bi->magic != BOOTINFO_MAGIC || bi->version < BOOTINFO_VERSION) {
        kprintf("kernel: bad bootinfo at %p\n", (uint32_t)(uintptr_t)bi);
        sbi_shutdown(0x71);
    }
    bootinfo = *bi;
    bootinfo.bootargs[sizeof bootinfo.bootargs - 1] = 0;
    page_init();
    vm_init();
    kprintf("Iridium kernel " KERNEL_VERSION " (hart %u): %u MiB RAM, %u KiB free, timebase %u Hz, bootargs \"%s\"\n",
            hartid, bootinfo.ram_size >> 20, free_pages * 4u, bootinfo.timebase_hz, bootinfo.bootargs);
    proc_init();
    file_init();
    int r = blk_mount_root();
    if (r < 0)
        panic("cannot mount the root file system (error %d)", r);
    parse_bootargs(bootinfo.bootargs);
    trap_init();
    console_init();
    start_init();
    scheduler();
}

/* Orderly power off and restart: commit the file system, then ask the firmware. (A panic or a failed boot calls
   sbi_shutdown directly: nothing to commit, or nothing to trust.) */
void system_poweroff(uint32_t code)
{
    blk_sync();
    sbi_shutdown(code);
}

void system_reboot(void)
{
    blk_sync();
    sbi_reboot();
}
