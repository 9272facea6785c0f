/*
 * fw.h - shared declarations of the M-mode firmware (boot ROM): the trap frame, the SBI constants it serves, the
 * kernel loader and the banner/version strings.
 *
 * Invariants: the firmware runs in M-mode with mstatus.MIE = 0 forever (interrupts reach M only from S/U); its
 * data and stack live in the first 64 KiB of RAM and it reserves the first FW_RESERVED bytes of RAM for itself
 * (reported to the kernel in bootinfo.fw_base/fw_size).
 */
#ifndef IRIDIUM_BOOT_FW_H
#define IRIDIUM_BOOT_FW_H

#include <stdint.h>
#include "iridium/bootinfo.h"

#define FW_NAME    "Iridium boot ROM"
#define FW_VERSION "0.2"

#define FW_RESERVED      0x00100000u   /* first 1 MiB of RAM */
#define DISK_RAM_BASE    0x42000000u   /* simulators preload the disk image here (fast path) */
/* Optional boot arguments preloaded by the simulator (e.g. --load args.bin@0x400FF000): BOOTARGS_MAGIC then a
 * NUL-terminated string. Inside the firmware's reserved area, which the firmware itself does not use. */
#define BOOTARGS_ADDR    0x400FF000u
#define BOOTARGS_MAGIC   0x41425249u   /* "IRBA" */
#define BOOTARGS_DEFAULT "init=/bin/init"

/* SBI (v1.0 calling convention: a7 extension, a6 function, returns a0 error, a1 value) */
#define SBI_EXT_LEGACY_PUTCHAR 0x01u
#define SBI_EXT_LEGACY_GETCHAR 0x02u
#define SBI_EXT_BASE     0x10u
#define SBI_EXT_TIME     0x54494D45u
#define SBI_EXT_SRST     0x53525354u
#define SBI_EXT_DBCN     0x4442434Eu
#define SBI_EXT_IRIDIUM  0x09495249u   /* vendor range: fid 0 = external interrupt handled (re-arm MEIE) */
#define SBI_SUCCESS            0
#define SBI_ERR_FAILED         (-1)
#define SBI_ERR_NOT_SUPPORTED  (-2)
#define SBI_ERR_INVALID_PARAM  (-3)

/* Failure codes for the finisher (the simulators print "FAIL code N") */
#define FAIL_TRAP    0x7Fu   /* unexpected trap */
#define FAIL_STARTUP 0x7Du   /* .data not copied or .bss not zeroed */

/* Trap frame built by start.S: x[i] = register i (x[0] unused, x[2] = the interrupted sp). */
struct mframe {
    uint32_t x[32];
};

void m_trap(struct mframe *f);
void trap_report(uint32_t mcause, uint32_t mepc, uint32_t mtval) __attribute__((noreturn));
void enter_kernel(uint32_t entry, uint32_t hartid, const struct bootinfo *bi) __attribute__((noreturn));

/* boot.c: returns only on failure, with a one-line reason in *why */
void boot_kernel(struct bootinfo *bi, const char **why);

#endif
