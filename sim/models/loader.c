/*
 * loader.c - load ELF and raw images into simulated memory (loader.h), shared by vsim and iss.
 *
 * load_elf accepts a 32-bit little-endian RISC-V executable (ET_EXEC), writes every PT_LOAD segment at its physical
 * address (p_paddr): the file bytes, then zeros up to p_memsz. It also reports the entry point and the address of
 * the `tohost` symbol (riscv-tests convention) when the file has a symbol table.
 *
 * Invariants: the whole file is read into a buffer and every offset/size from the file is bounds-checked against it
 * before use, so a truncated or hostile file gives an error message, never a crash. Nothing is written to memory
 * unless the headers are valid; a segment that does not fit stops the load with an error (earlier segments may
 * already be written: the caller treats any error as fatal).
 */
#include "loader.h"

#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (512u << 20)

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Read a whole file. Returns a malloc'd buffer (freed by the caller) or NULL with err set. */
static uint8_t *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fail(err, errlen, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            if (cap >= MAX_FILE_BYTES) {
                fail(err, errlen, "'%s' is larger than %u MiB", path, MAX_FILE_BYTES >> 20);
                free(buf);
                buf = NULL;
                break;
            }
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                fail(err, errlen, "cannot read '%s': %s", path, strerror(errno));
                free(buf);
                buf = NULL;
            }
            break;
        }
    }
    if (!buf && err && errlen && !err[0]) fail(err, errlen, "out of memory reading '%s'", path);
    fclose(f);
    *len = n;
    return buf;
}

static int write_zeros(mem_write_fn write, void *ctx, uint32_t paddr, uint32_t len)
{
    static const uint8_t zeros[4096];
    while (len) {
        uint32_t n = len < sizeof zeros ? len : (uint32_t)sizeof zeros;
        if (write(ctx, paddr, zeros, n)) return -1;
        paddr += n;
        len -= n;
    }
    return 0;
}

static void find_tohost(const uint8_t *buf, size_t len, const Elf32_Ehdr *eh, struct elf_info *info)
{
    if (eh->e_shoff == 0 || eh->e_shentsize < sizeof(Elf32_Shdr)) return;
    if (eh->e_shoff > len || (uint64_t)eh->e_shnum * eh->e_shentsize > len - eh->e_shoff) return;
    for (unsigned i = 0; i < eh->e_shnum; i++) {
        Elf32_Shdr sh;
        memcpy(&sh, buf + eh->e_shoff + (size_t)i * eh->e_shentsize, sizeof sh);
        if (sh.sh_type != SHT_SYMTAB || sh.sh_link >= eh->e_shnum || sh.sh_entsize < sizeof(Elf32_Sym)) continue;
        if (sh.sh_offset > len || sh.sh_size > len - sh.sh_offset) continue;
        Elf32_Shdr str;
        memcpy(&str, buf + eh->e_shoff + (size_t)sh.sh_link * eh->e_shentsize, sizeof str);
        if (str.sh_offset > len || str.sh_size > len - str.sh_offset) continue;
        const char *strtab = (const char *)buf + str.sh_offset;
        for (size_t off = 0; off + sizeof(Elf32_Sym) <= sh.sh_size; off += sh.sh_entsize) {
            Elf32_Sym sym;
            memcpy(&sym, buf + sh.sh_offset + off, sizeof sym);
            if (sym.st_name >= str.sh_size) continue;
            size_t maxlen = str.sh_size - sym.st_name;
            if (strnlen(strtab + sym.st_name, maxlen) == 6 && memcmp(strtab + sym.st_name, "tohost", 6) == 0 &&
                sym.st_shndx != SHN_UNDEF) {
                info->has_tohost = 1;
                info->tohost = sym.st_value;
                return;
            }
        }
    }
}

int load_elf(const char *path, mem_write_fn write, void *ctx, struct elf_info *info, char *err, size_t errlen)
{
    struct elf_info dummy;
    if (!info) info = &dummy;
    memset(info, 0, sizeof *info);
    if (err && errlen) err[0] = 0;
    size_t len;
    uint8_t *buf = read_file(path, &len, err, errlen);
    if (!buf) return -1;
    int rc = -1;
    Elf32_Ehdr eh;

    if (len < EI_NIDENT || memcmp(buf, ELFMAG, SELFMAG) != 0) {
        fail(err, errlen, "'%s' is not an ELF file", path);
        goto out;
    }
    if (buf[EI_CLASS] != ELFCLASS32 || buf[EI_DATA] != ELFDATA2LSB) {
        fail(err, errlen, "'%s' is not a 32-bit little-endian ELF file", path);
        goto out;
    }
    if (len < sizeof eh) {
        fail(err, errlen, "'%s': truncated ELF header", path);
        goto out;
    }
    memcpy(&eh, buf, sizeof eh);
    if (eh.e_machine != EM_RISCV) {
        fail(err, errlen, "'%s' is not a RISC-V ELF file (e_machine %u)", path, eh.e_machine);
        goto out;
    }
    if (eh.e_type != ET_EXEC) {
        fail(err, errlen, "'%s' is not an executable (e_type %u; link it with -static)", path, eh.e_type);
        goto out;
    }
    if (eh.e_phentsize < sizeof(Elf32_Phdr) || eh.e_phoff > len ||
        (uint64_t)eh.e_phnum * eh.e_phentsize > len - eh.e_phoff) {
        fail(err, errlen, "'%s': program headers are outside the file", path);
        goto out;
    }
    /* validate every segment before writing anything */
    int loads = 0;
    for (unsigned i = 0; i < eh.e_phnum; i++) {
        Elf32_Phdr ph;
        memcpy(&ph, buf + eh.e_phoff + (size_t)i * eh.e_phentsize, sizeof ph);
        if (ph.p_type != PT_LOAD) continue;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset > len || ph.p_filesz > len - ph.p_offset) {
            fail(err, errlen, "'%s': segment %u has sizes or offsets outside the file", path, i);
            goto out;
        }
        if ((uint64_t)ph.p_paddr + ph.p_memsz > 0x100000000ull) {
            fail(err, errlen, "'%s': segment %u (0x%08x, %u bytes) wraps past 4 GiB", path, i, ph.p_paddr,
                 ph.p_memsz);
            goto out;
        }
        loads++;
    }
    if (!loads) {
        fail(err, errlen, "'%s' has no loadable segment", path);
        goto out;
    }
    for (unsigned i = 0; i < eh.e_phnum; i++) {
        Elf32_Phdr ph;
        memcpy(&ph, buf + eh.e_phoff + (size_t)i * eh.e_phentsize, sizeof ph);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        if ((ph.p_filesz && write(ctx, ph.p_paddr, buf + ph.p_offset, ph.p_filesz)) ||
            write_zeros(write, ctx, ph.p_paddr + ph.p_filesz, ph.p_memsz - ph.p_filesz)) {
            fail(err, errlen, "'%s': segment %u (0x%08x-0x%08x) is not inside the simulated ROM or RAM", path, i,
                 ph.p_paddr, ph.p_paddr + ph.p_memsz - 1);
            goto out;
        }
    }
    info->entry = eh.e_entry;
    find_tohost(buf, len, &eh, info);
    rc = 0;
out:
    free(buf);
    return rc;
}

int load_bin(const char *path, uint32_t paddr, uint32_t max_len, mem_write_fn write, void *ctx, char *err,
             size_t errlen)
{
    if (err && errlen) err[0] = 0;
    size_t len;
    uint8_t *buf = read_file(path, &len, err, errlen);
    if (!buf) return -1;
    int rc = -1;
    if (len == 0) {
        fail(err, errlen, "'%s' is empty", path);
    } else if (len > max_len) {
        fail(err, errlen, "'%s' is %zu bytes, more than the %u bytes available at 0x%08x", path, len, max_len, paddr);
    } else if (write(ctx, paddr, buf, len)) {
        fail(err, errlen, "'%s' (%zu bytes) does not fit in the simulated memory at 0x%08x", path, len, paddr);
    } else {
        rc = 0;
    }
    free(buf);
    return rc;
}

int load_spec(const char *spec, mem_write_fn write, void *ctx, char *err, size_t errlen)
{
    if (err && errlen) err[0] = 0;
    const char *at = spec ? strrchr(spec, '@') : NULL;
    if (!at || at == spec || !at[1]) {
        fail(err, errlen, "'%s' is not FILE@ADDRESS", spec ? spec : "");
        return -1;
    }
    char *end;
    errno = 0;
    unsigned long addr = strtoul(at + 1, &end, 0);
    if (errno || *end || addr > 0xFFFFFFFFul) {
        fail(err, errlen, "'%s': bad address '%s'", spec, at + 1);
        return -1;
    }
    size_t n = (size_t)(at - spec);
    char *path = malloc(n + 1);
    if (!path) {
        fail(err, errlen, "out of memory");
        return -1;
    }
    memcpy(path, spec, n);
    path[n] = 0;
    /* the memory-write callback refuses what does not fit */
    int rc = load_bin(path, (uint32_t)addr, 0xFFFFFFFFu - (uint32_t)addr, write, ctx, err, errlen);
    free(path);
    return rc;
}
