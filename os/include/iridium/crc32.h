/*
 * crc32.h - CRC-32 (IEEE 802.3, the zlib one: reflected polynomial 0xEDB88320, initial value and final xor all ones)
 * for the disk header, the kernel image and the file system's superblock and log. Header-only and freestanding,
 * so the firmware, the kernel's file-system core, fsimage and the test tools all use this one definition.
 *
 * crc = ir_crc32(0, p, n) for a whole buffer; pass the previous result to continue over more data.
 * Invariant: each translation unit builds its 1 KiB table once, on first use.
 */
#ifndef IRIDIUM_CRC32_H
#define IRIDIUM_CRC32_H

#include <stdint.h>

static inline uint32_t ir_crc32(uint32_t crc, const void *p, uint32_t n)
{
    static uint32_t table[256];
    static int ready;
    if (!ready) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
            table[i] = c;
        }
        ready = 1;
    }
    const uint8_t *s = p;
    crc = ~crc;
    while (n--)
        crc = table[(crc ^ *s++) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

#endif
