/*
 * main.c - the boot ROM program (M-mode firmware), for now a console demo.
 *
 * It prints a banner describing the machine (read from the system controller), then echoes every byte received on
 * the UART until Ctrl-D, which powers the system off with success. Carriage return is echoed as CR LF and DEL
 * (the Backspace key) as "\b \b" so that a raw terminal behaves; every other byte is echoed as it is.
 *
 * Invariants: runs in M-mode with interrupts disabled; start.S has set up the stack, copied .data and zeroed .bss
 * before main; any trap lands in trap_report (start.S), which reports it and powers off with failure.
 * The kernel and an SBI firmware will replace this in a later stage (this directory stays the M-mode firmware).
 */
#include <stdint.h>
#include "console.h"
#include "mmio.h"

#define FW_NAME    "Iridium boot ROM"
#define FW_VERSION "0.1"

#define CTRL_D 0x04
#define CR     0x0D
#define DEL    0x7F

/* Failure code for the finisher when a trap happens (the simulators print "FAIL code N"). */
#define FAIL_TRAP  0x7Fu
/* Failure code when the C environment is broken (.data not copied or .bss not zeroed by start.S). */
#define FAIL_STARTUP 0x7Du

/* Startup self-check: start.S must have copied the first from ROM and zeroed the second. */
static volatile uint32_t data_check = 0x1badb002u;
static volatile uint32_t bss_check;

static void print_board(uint32_t id)
{
    if (id == IR_BOARD_VSIM) {
        console_puts("vsim");
    } else if (id == IR_BOARD_ISS) {
        console_puts("iss");
    } else {
        console_puts(id >= 0x10u ? "board " : "unknown board ");
        console_put_dec(id);
    }
}

static void print_banner(void)
{
    uint32_t version = sysctl_read(IR_SYSCTL_VERSION);
    uint32_t ram = sysctl_read(IR_SYSCTL_RAM_BYTES);

    console_puts(FW_NAME " " FW_VERSION " on ");
    print_board(sysctl_read(IR_SYSCTL_BOARD_ID));
    console_puts(": SoC ");
    console_put_dec(version >> 16);
    console_putc('.');
    console_put_dec(version & 0xFFFFu);
    console_puts(", ");
    console_put_dec(sysctl_read(IR_SYSCTL_CLOCK_HZ));
    console_puts(" Hz, ");
    if (ram >= (1u << 20)) {
        console_put_dec(ram >> 20);
        console_puts(" MiB RAM\n");
    } else {
        console_put_dec(ram >> 10);
        console_puts(" KiB RAM\n");
    }
}

void poweroff(uint32_t code)
{
    console_drain();
    mmio_write(IR_SYSCTL_BASE, IR_SYSCTL_FINISHER, code == 0 ? IR_FINISH_PASS : (code << 16) | IR_FINISH_FAIL);
    for (;;)
        __asm__ volatile("wfi");
}

/* Called by start.S for every trap, on a fresh stack; never returns. */
void trap_report(uint32_t mcause, uint32_t mepc, uint32_t mtval) __attribute__((noreturn));
void trap_report(uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
    console_puts("\nboot ROM: unexpected trap: mcause ");
    console_put_hex(mcause);
    console_puts(" mepc ");
    console_put_hex(mepc);
    console_puts(" mtval ");
    console_put_hex(mtval);
    console_puts("\n");
    poweroff(FAIL_TRAP);
}

int main(void)
{
    if (data_check != 0x1badb002u || bss_check != 0) {
        console_puts("boot ROM: startup check failed (.data not copied or .bss not zeroed)\n");
        poweroff(FAIL_STARTUP);
    }
    print_banner();
    console_puts("Type anything: it is echoed back. Ctrl-D powers off; Ctrl-A X quits the simulator.\n");

    for (;;) {
        int c = console_getc();
        if (c < 0)
            continue;
        if (c == CTRL_D) {
            console_puts("\npower off\n");
            poweroff(0);
        } else if (c == CR) {
            console_puts("\n");
        } else if (c == DEL) {
            console_puts("\b \b");
        } else {
            console_putc((char)c);
        }
    }
}
