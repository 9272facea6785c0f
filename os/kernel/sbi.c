/*
 * sbi.c - calls into the M-mode firmware (os/boot/sbi.c): timer, system reset, and the Iridium vendor call that
 * re-arms the forwarded UART interrupt. Invariant: SBI calls clobber only a0/a1 (the firmware saves the rest).
 */
#include "kernel.h"

#define SBI_EXT_TIME    0x54494D45u
#define SBI_EXT_SRST    0x53525354u
#define SBI_EXT_IRIDIUM 0x09495249u

struct sbiret sbi_call(uint32_t ext, uint32_t fid, uint32_t a0, uint32_t a1, uint32_t a2)
{
    register uint32_t r0 __asm__("a0") = a0;
    register uint32_t r1 __asm__("a1") = a1;
    register uint32_t r2 __asm__("a2") = a2;
    register uint32_t r6 __asm__("a6") = fid;
    register uint32_t r7 __asm__("a7") = ext;
    __asm__ volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
    struct sbiret r = {(int32_t)r0, r1};
    return r;
}

void sbi_set_timer(uint64_t when)
{
    sbi_call(SBI_EXT_TIME, 0, (uint32_t)when, (uint32_t)(when >> 32), 0);
}

void sbi_shutdown(uint32_t code)
{
    sbi_call(SBI_EXT_SRST, 0, 0, code == 0 ? 0 : 0xF0000000u + (code & 0xFFFFu), 0);
    for (;;)
        __asm__ volatile("wfi");
}

void sbi_reboot(void)
{
    sbi_call(SBI_EXT_SRST, 0, 1, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

void sbi_ext_irq_done(void)
{
    sbi_call(SBI_EXT_IRIDIUM, 0, 0, 0, 0);
}
