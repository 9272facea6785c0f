/* bench.c - speed benchmark for the ISS (make iss-bench): integer loops with loads, stores, branches, multiplies;
 * about 430 M instructions. Passes when the checksum matches the value computed on the host. */
#include <stdint.h>

static uint32_t buf[1024];

int main(void)
{
    uint32_t sum = 0;
    for (int round = 0; round < 40000; round++) {
        for (int i = 0; i < 1024; i++) buf[i] = buf[i] * 1664525u + 1013904223u + (uint32_t)i;
        for (int i = 0; i < 1024; i += 2) sum += (buf[i] >> 3) ^ buf[i + 1];
    }
    return sum == 0xe1a91d00u ? 0 : 1;   /* computed by the same code on the host */
}
