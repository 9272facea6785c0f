/*
 * loader.h - loading program images into simulated memory, shared by vsim and iss.
 *
 * The caller provides a memory-write callback that refuses addresses outside its memories; the loader reports
 * every problem (unreadable file, not a 32-bit RISC-V ELF, a segment that does not fit) as a message in err and a
 * non-zero return, never by crashing.
 */
#ifndef IRIDIUM_LOADER_H
#define IRIDIUM_LOADER_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Write len bytes at physical address paddr; return 0, or -1 if the range is not backed by memory. */
typedef int (*mem_write_fn)(void *ctx, uint32_t paddr, const uint8_t *data, size_t len);

struct elf_info {
    uint32_t entry;
    int has_tohost;
    uint32_t tohost;         /* address of the `tohost` symbol when has_tohost */
};

/* Load every PT_LOAD segment (file bytes, then zeros up to memsz) at its physical address. */
int load_elf(const char *path, mem_write_fn write, void *ctx, struct elf_info *info, char *err, size_t errlen);
/* Load a raw binary file at paddr. */
int load_bin(const char *path, uint32_t paddr, uint32_t max_len, mem_write_fn write, void *ctx, char *err,
             size_t errlen);

/* Load a raw file given as "FILE@ADDRESS" (address in C notation, e.g. build/disk.img@0x42000000). */
int load_spec(const char *spec, mem_write_fn write, void *ctx, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
