/*
 * sbi.c - the M-mode trap handler: SBI calls from the kernel, forwarding of the machine timer and UART interrupts
 * to S-mode, and the report of unexpected traps.
 *
 * Served: Base (0x10), Timer (set_timer), System Reset (shutdown/reboot through the finisher), Debug Console
 * (write, read, write_byte), legacy console_putchar (1) / console_getchar (2), and the Iridium vendor extension
 * (fid 0: the kernel has handled an external interrupt). Anything else returns SBI_ERR_NOT_SUPPORTED.
 * Forwarding: machine timer interrupt -> set mip.STIP, clear mie.MTIE (set_timer re-arms both);
 * machine external interrupt (UART) -> set mip.SEIP, clear mie.MEIE (the Iridium call clears SEIP, sets MEIE).
 * Invariants: runs with MIE = 0 on the M stack; a trap taken from M-mode, or an exception from S/U that is not an
 * ecall from S, is unexpected: it is reported (cause, epc, tval) and the system powers off with failure 127.
 * Debug Console addresses are physical (the kernel identity-maps RAM; satp is not consulted).
 */
#include "fw.h"
#include "console.h"
#include "mmio.h"

#define MCAUSE_INT      0x80000000u
#define IRQ_MTI         7u
#define IRQ_MEI         11u
#define EXC_ECALL_S     9u
#define MIP_STIP        (1u << 5)
#define MIP_SEIP        (1u << 9)
#define MIE_MTIE        (1u << 7)
#define MIE_MEIE        (1u << 11)
#define MSTATUS_MPP_SHIFT 11

#define SRST_SHUTDOWN   0u
#define SRST_COLD       1u
#define SRST_WARM       2u
#define SRST_REASON_FAILURE 1u
#define SRST_REASON_VENDOR  0xF0000000u   /* 0xF0000000 + n: fail with finisher code n (1..0xFFFF) */

#define R_A0 10
#define R_A1 11
#define R_A2 12
#define R_A6 16
#define R_A7 17

static int ram_range_ok(uint32_t base, uint32_t n)
{
    uint32_t ram = IR_RAM_BASE, size = sysctl_read(IR_SYSCTL_RAM_BYTES);
    return base >= ram && n <= size && base - ram <= size - n;
}

static void set_timer(uint32_t lo, uint32_t hi)
{
    volatile uint32_t *cmp = (volatile uint32_t *)(IR_CLINT_BASE + IR_CLINT_MTIMECMP);
    cmp[1] = 0xFFFFFFFFu;     /* no spurious compare while the halves are inconsistent */
    cmp[0] = lo;
    cmp[1] = hi;
    __asm__ volatile("csrc mip, %0" :: "r"(MIP_STIP));
    __asm__ volatile("csrs mie, %0" :: "r"(MIE_MTIE));
}

static void system_reset(uint32_t type, uint32_t reason)
{
    uint32_t code = 0;
    if (reason == SRST_REASON_FAILURE)
        code = 1;
    else if (reason > SRST_REASON_VENDOR && reason <= SRST_REASON_VENDOR + 0xFFFFu)
        code = reason - SRST_REASON_VENDOR;
    console_drain();
    if (type == SRST_SHUTDOWN)
        poweroff(code);
    mmio_write(IR_SYSCTL_BASE, IR_SYSCTL_FINISHER, IR_FINISH_RESET);
    for (;;)
        __asm__ volatile("wfi");
}

/* Returns the SBI error in a0 and the value in a1 (both written to the frame). */
static void sbi_call(struct mframe *f)
{
    uint32_t ext = f->x[R_A7], fid = f->x[R_A6], a0 = f->x[R_A0], a1 = f->x[R_A1], a2 = f->x[R_A2];
    int32_t err = SBI_SUCCESS;
    uint32_t val = 0;

    switch (ext) {
    case SBI_EXT_LEGACY_PUTCHAR:
        console_putc((char)a0);
        f->x[R_A0] = 0;
        return;
    case SBI_EXT_LEGACY_GETCHAR:
        f->x[R_A0] = (uint32_t)console_getc();
        return;
    case SBI_EXT_BASE:
        switch (fid) {
        case 0: val = 0x01000000u; break;                    /* spec version 1.0 */
        case 1: val = 0x49524944u; break;                    /* implementation id "IRID" */
        case 2: val = 2u; break;                             /* implementation version (FW_VERSION 0.2) */
        case 3:
            val = (a0 == SBI_EXT_BASE || a0 == SBI_EXT_TIME || a0 == SBI_EXT_SRST || a0 == SBI_EXT_DBCN ||
                   a0 == SBI_EXT_LEGACY_PUTCHAR || a0 == SBI_EXT_LEGACY_GETCHAR || a0 == SBI_EXT_IRIDIUM);
            break;
        case 4: __asm__ volatile("csrr %0, mvendorid" : "=r"(val)); break;
        case 5: __asm__ volatile("csrr %0, marchid" : "=r"(val)); break;
        case 6: __asm__ volatile("csrr %0, mimpid" : "=r"(val)); break;
        default: err = SBI_ERR_NOT_SUPPORTED;
        }
        break;
    case SBI_EXT_TIME:
        if (fid == 0)
            set_timer(a0, a1);
        else
            err = SBI_ERR_NOT_SUPPORTED;
        break;
    case SBI_EXT_SRST:
        if (fid != 0)
            err = SBI_ERR_NOT_SUPPORTED;
        else if (a0 <= SRST_WARM)
            system_reset(a0, a1);
        else
            err = SBI_ERR_INVALID_PARAM;
        break;
    case SBI_EXT_DBCN:
        if (fid == 0 || fid == 1) {
            if (a2 != 0 || !ram_range_ok(a1, a0)) {
                err = SBI_ERR_INVALID_PARAM;
                break;
            }
            uint8_t *p = (uint8_t *)a1;
            if (fid == 0) {
                for (uint32_t i = 0; i < a0; i++)
                    console_putc((char)p[i]);
                val = a0;
            } else {
                int c;
                while (val < a0 && (c = console_getc()) >= 0)
                    p[val++] = (uint8_t)c;
            }
        } else if (fid == 2) {
            console_putc((char)a0);
        } else {
            err = SBI_ERR_NOT_SUPPORTED;
        }
        break;
    case SBI_EXT_IRIDIUM:
        if (fid == 0) {
            __asm__ volatile("csrc mip, %0" :: "r"(MIP_SEIP));
            __asm__ volatile("csrs mie, %0" :: "r"(MIE_MEIE));
        } else {
            err = SBI_ERR_NOT_SUPPORTED;
        }
        break;
    default:
        err = SBI_ERR_NOT_SUPPORTED;
    }
    f->x[R_A0] = (uint32_t)err;
    f->x[R_A1] = val;
}

void m_trap(struct mframe *f)
{
    uint32_t mcause, mepc, mtval, mstatus;
    __asm__ volatile("csrr %0, mcause" : "=r"(mcause));
    __asm__ volatile("csrr %0, mepc" : "=r"(mepc));
    __asm__ volatile("csrr %0, mstatus" : "=r"(mstatus));

    if (((mstatus >> MSTATUS_MPP_SHIFT) & 3u) != 3u) {
        if (mcause == (MCAUSE_INT | IRQ_MTI)) {
            __asm__ volatile("csrs mip, %0" :: "r"(MIP_STIP));
            __asm__ volatile("csrc mie, %0" :: "r"(MIE_MTIE));
            return;
        }
        if (mcause == (MCAUSE_INT | IRQ_MEI)) {
            __asm__ volatile("csrs mip, %0" :: "r"(MIP_SEIP));
            __asm__ volatile("csrc mie, %0" :: "r"(MIE_MEIE));
            return;
        }
        if (mcause == EXC_ECALL_S) {
            sbi_call(f);
            __asm__ volatile("csrw mepc, %0" :: "r"(mepc + 4u));
            return;
        }
    }
    __asm__ volatile("csrr %0, mtval" : "=r"(mtval));
    __asm__ volatile("csrw mscratch, zero");   /* a fault while reporting stops at once (start.S) */
    trap_report(mcause, mepc, mtval);
}
