/*
 * crc32.c - CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, initial value and final xor 0xFFFFFFFF), the
 * checksum of the disk header and kernel image (os/include/iridium/disk.h).
 *
 * Invariant: the 256-entry table is built on first use into .bss (1 KiB of firmware RAM); the ROM holds only code.
 */
#include "fw.h"

static uint32_t table[256];
static int table_ready;

uint32_t crc32(const void *p, uint32_t n)
{
    if (!table_ready) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
            table[i] = c;
        }
        table_ready = 1;
    }
    const uint8_t *b = p;
    uint32_t c = 0xFFFFFFFFu;
    while (n--)
        c = table[(c ^ *b++) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}
