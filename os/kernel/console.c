/*
 * console.c - the UART console: output, the interrupt-driven input path and the line discipline described in
 * os/include/iridium/console.h (cooked/raw modes, echo, backspace, ^U, ^D, ^C -> SIGINT to the foreground job).
 *
 * Input path: the UART raises MEIP; the firmware forwards it as SEIP and masks MEIE; console_intr drains the RX
 * FIFO through the line discipline, then asks the firmware (SBI Iridium fid 0) to clear SEIP and unmask MEIE.
 * Buffer invariant: inbuf[r..w) is committed input readable by read(); inbuf[w..e) is the line being edited
 * (cooked mode only); indices grow forever and are taken modulo INBUF. A committed byte EOF_MARK stands for a ^D at
 * the start of a line (read returns 0 for it).
 */
#include "kernel.h"
#include "iridium/console.h"

#define INBUF 1024u
#define EOF_MARK 0x04
#define UART(off) (*(volatile uint32_t *)(IR_UART_BASE + (off)))

static char inbuf[INBUF];
static uint32_t r, w, e;
static uint32_t mode = IR_CON_MODE_COOKED;
static int fg_pid;
static int cons_chan;

static void uart_put(char c)
{
    while (!(UART(IR_UART_STATUS) & IR_UART_ST_TXREADY))
        ;
    UART(IR_UART_TXDATA) = (uint8_t)c;
}

void console_putc(char c)
{
    if (c == '\n' && (mode & IR_CON_ONLCR))
        uart_put('\r');
    uart_put(c);
}

void console_write_raw(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        console_putc(s[i]);
}

void console_init(void)
{
    UART(IR_UART_IE) = IR_UART_IE_RX;
}

static void echo(char c)
{
    if (mode & IR_CON_ECHO)
        console_putc(c);
}

static void send_sigint(void)
{
    if (fg_pid <= 0)
        return;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state != P_UNUSED && p->state != P_ZOMBIE && p != initproc && proc_is_descendant(p, fg_pid))
            proc_signal(p, IR_SIGINT);
    }
}

static void input_byte(char c)
{
    if (c == 0x03 && (mode & IR_CON_ISIG)) {
        if (mode & IR_CON_CANON) {
            e = w;
            if (mode & IR_CON_ECHO)
                console_write_raw("^C\n", 3);
        }
        send_sigint();
        return;
    }
    if (!(mode & IR_CON_CANON)) {
        if (w - r < INBUF) {
            inbuf[w++ % INBUF] = c;
            e = w;
            echo(c);
            wakeup(&cons_chan);
        }
        return;
    }
    switch (c) {
    case 0x7F:
    case '\b':
        if (e != w) {
            e--;
            if (mode & IR_CON_ECHO)
                console_write_raw("\b \b", 3);
        }
        return;
    case 0x15: /* ^U */
        while (e != w) {
            e--;
            if (mode & IR_CON_ECHO)
                console_write_raw("\b \b", 3);
        }
        return;
    case EOF_MARK:
        if (e == w) {
            if (e - r < INBUF)
                inbuf[e++ % INBUF] = EOF_MARK;
        }
        w = e;
        wakeup(&cons_chan);
        return;
    case '\r':
    case '\n':
        if (e - r < INBUF) {
            inbuf[e++ % INBUF] = '\n';
            echo('\n');
        }
        w = e;
        wakeup(&cons_chan);
        return;
    default:
        if (e - r < INBUF - 1) {   /* keep room for the newline */
            inbuf[e++ % INBUF] = c;
            echo(c);
        }
    }
}

void console_intr(void)
{
    while (UART(IR_UART_STATUS) & IR_UART_ST_RXVALID) {
        uint32_t d = UART(IR_UART_RXDATA);
        if (d & IR_UART_RX_EMPTY)
            break;
        input_byte((char)(d & 0xFF));
    }
    sbi_ext_irq_done();
}

int console_read(struct proc *p, uint32_t ubuf, uint32_t n)
{
    char tmp[256];
    if (n == 0)
        return 0;
    while (r == w) {
        if (sleep_on(&cons_chan) < 0)
            return -IR_EINTR;
    }
    (void)p;
    if (inbuf[r % INBUF] == EOF_MARK && (mode & IR_CON_CANON)) {
        r++;
        return 0;
    }
    uint32_t k = 0;
    while (r + k != w && k < n && k < sizeof tmp) {
        char c = inbuf[(r + k) % INBUF];
        if ((mode & IR_CON_CANON) && c == EOF_MARK)
            break;
        tmp[k++] = c;
        if ((mode & IR_CON_CANON) && c == '\n')
            break;
    }
    if (copyout(current, ubuf, tmp, k) < 0)
        return -IR_EFAULT;
    r += k;
    return (int)k;
}

int console_write(struct proc *p, uint32_t ubuf, uint32_t n)
{
    char tmp[256];
    uint32_t done = 0;
    while (done < n) {
        uint32_t k = n - done < sizeof tmp ? n - done : sizeof tmp;
        if (copyin(p, tmp, ubuf + done, k) < 0)
            return done ? (int)done : -IR_EFAULT;
        console_write_raw(tmp, k);
        done += k;
    }
    return (int)done;
}

int console_ioctl(struct proc *p, uint32_t req, uint32_t arg)
{
    switch (req) {
    case IR_CON_GETMODE:
        return copyout(p, arg, &mode, 4) < 0 ? -IR_EFAULT : 0;
    case IR_CON_SETMODE:
        if (arg & ~(IR_CON_ECHO | IR_CON_CANON | IR_CON_ISIG | IR_CON_ONLCR))
            return -IR_EINVAL;
        if ((mode & IR_CON_CANON) && !(arg & IR_CON_CANON))
            w = e;    /* the line being edited becomes readable */
        mode = arg;
        return 0;
    case IR_CON_GETFG:
        return fg_pid;
    case IR_CON_SETFG:
        fg_pid = (int)arg;
        return 0;
    default:
        return -IR_ENOTTY;
    }
}

void console_proc_exit(int pid)
{
    if (fg_pid == pid)
        fg_pid = 0;
}
