/*
 * mmio.h - device register access and the system controller, for the M-mode firmware in the boot ROM.
 *
 * Device registers are 32 bits wide and are only ever accessed as whole aligned words through volatile pointers
 * (docs/memory-map.md). Addresses come from hw/include/iridium_soc.h, never from literals here.
 */
#ifndef IRIDIUM_BOOT_MMIO_H
#define IRIDIUM_BOOT_MMIO_H

#include <stdint.h>
#include "iridium_soc.h"

static inline uint32_t mmio_read(uint32_t base, uint32_t offset)
{
    return *(volatile uint32_t *)(uintptr_t)(base + offset);
}

static inline void mmio_write(uint32_t base, uint32_t offset, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)(base + offset) = value;
}

static inline uint32_t sysctl_read(uint32_t offset)
{
    return mmio_read(IR_SYSCTL_BASE, offset);
}

/* Power off through the finisher: code 0 = success, else failure `code` (1..0xFFFF). Never returns: on hardware
 * without a power switch the finisher does nothing, so the hart parks in a wfi loop. */
void poweroff(uint32_t code) __attribute__((noreturn));

#endif
