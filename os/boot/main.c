/*
 * main.c - the boot ROM program (M-mode firmware): banner, kernel boot, and a console monitor as fallback.
 *
 * It prints a banner describing the machine (read from the system controller), fills struct bootinfo and boots
 * the kernel from the disk (boot.c). When there is no bootable disk it says why and falls back to a console
 * monitor that echoes every byte received on the UART until Ctrl-D, which powers the system off with success.
 * Carriage return is echoed as CR LF and DEL (the Backspace key) as "\b \b"; every other byte as it is.
 *
 * Invariants: runs in M-mode with interrupts disabled; start.S has set up the stack, copied .data and zeroed .bss
 * before main; any trap in M-mode lands in m_trap (sbi.c), which reports it and powers off with failure 127.
 */
#include <stdint.h>
#include "console.h"
#include "mmio.h"
#include "fw.h"

#define CTRL_D 0x04
#define CR     0x0D
#define DEL    0x7F

static struct bootinfo bootinfo;

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

/* Called by m_trap for an unexpected trap; never returns. */
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

    bootinfo.magic = BOOTINFO_MAGIC;
    bootinfo.version = BOOTINFO_VERSION;
    bootinfo.ram_base = IR_RAM_BASE;
    bootinfo.ram_size = sysctl_read(IR_SYSCTL_RAM_BYTES);
    bootinfo.fw_base = IR_RAM_BASE;
    bootinfo.fw_size = FW_RESERVED;
    bootinfo.clock_hz = sysctl_read(IR_SYSCTL_CLOCK_HZ);
    bootinfo.timebase_hz = bootinfo.clock_hz;
    bootinfo.board_id = sysctl_read(IR_SYSCTL_BOARD_ID);
    bootinfo.soc_version = sysctl_read(IR_SYSCTL_VERSION);
    const char *why = "unknown";
    boot_kernel(&bootinfo, &why);
    console_puts("boot: ");
    console_puts(why);
    console_puts("; console monitor\n");
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
