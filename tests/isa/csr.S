/* csr.S - Zicsr instructions on read/write M-mode CSRs (mtval, mepc; not mscratch, which points at the trap
 * handler's save area while a check can fail): csrrw/csrrs/csrrc and the immediate forms return the old value
 * and write the new one; rd = x0 (no read result), rs1 = x0 / uimm = 0 (no write, so legal on read-only CSRs),
 * the maximum uimm 31, and rd == rs1. */
#include "test.h"
TEST_MAIN
    TEST_CASE 1                     /* csrrw */
    li a1, 0x12345678
    csrrw x0, mtval, a1
    li a2, 0xcafef00d
    csrrw a0, mtval, a2
    CHECK a0, 0x12345678
    csrr a0, mtval
    CHECK a0, 0xcafef00d

    TEST_CASE 2                     /* csrrs sets bits, returns old */
    li a1, 0x0000f0f0
    csrw mtval, a1
    li a2, 0x00ff0000
    csrrs a0, mtval, a2
    CHECK a0, 0x0000f0f0
    CHECK_CSR mtval, 0x00fff0f0

    TEST_CASE 3                     /* csrrc clears bits, returns old */
    li a2, 0x00f000f0
    csrrc a0, mtval, a2
    CHECK a0, 0x00fff0f0
    CHECK_CSR mtval, 0x000ff000

    TEST_CASE 4                     /* csrrs/csrrc with rs1 = x0: read only */
    csrrs a0, mtval, x0
    CHECK a0, 0x000ff000
    csrrc a0, mtval, x0
    CHECK a0, 0x000ff000
    CHECK_CSR mtval, 0x000ff000

    TEST_CASE 5                     /* immediate forms */
    csrrwi a0, mtval, 0x15
    CHECK a0, 0x000ff000
    CHECK_CSR mtval, 0x15
    csrrsi a0, mtval, 0x0a
    CHECK a0, 0x15
    CHECK_CSR mtval, 0x1f
    csrrci a0, mtval, 0x11
    CHECK a0, 0x1f
    CHECK_CSR mtval, 0x0e
    csrrwi a0, mtval, 31         /* largest uimm, zero-extended */
    CHECK a0, 0x0e
    CHECK_CSR mtval, 31
    csrrsi a0, mtval, 0          /* uimm = 0: no write */
    CHECK a0, 31
    csrrci a0, mtval, 0
    CHECK a0, 31
    csrrwi a0, mtval, 0          /* csrrwi with 0 does write */
    CHECK a0, 31
    CHECK_CSR mtval, 0

    TEST_CASE 6                     /* rd = x0 on every form still performs the write */
    li a1, 0x0f
    csrrw x0, mtval, a1
    CHECK_CSR mtval, 0x0f
    li a1, 0xf0
    csrrs x0, mtval, a1
    CHECK_CSR mtval, 0xff
    li a1, 0x0f
    csrrc x0, mtval, a1
    CHECK_CSR mtval, 0xf0
    csrrsi x0, mtval, 1
    CHECK_CSR mtval, 0xf1
    csrrci x0, mtval, 0x10
    CHECK_CSR mtval, 0xe1
    csrrwi x0, mtval, 3
    CHECK_CSR mtval, 3

    TEST_CASE 7                     /* rd == rs1: old value returned, new value from the old register contents */
    li a1, 0x55
    csrw mtval, a1
    li a1, 0xaa
    csrrw a1, mtval, a1
    CHECK a1, 0x55
    CHECK_CSR mtval, 0xaa
    li a1, 0x100
    csrrs a1, mtval, a1
    CHECK a1, 0xaa
    CHECK_CSR mtval, 0x1aa

    TEST_CASE 8                     /* other read/write CSRs: mtval (32 bits), mepc (bits 1:0 read as zero) */
    li a1, 0xffffffff
    csrw mtval, a1
    CHECK_CSR mtval, 0xffffffff
    csrw mtval, zero
    CHECK_CSR mtval, 0
    li a1, 0x40001233
    csrw mepc, a1
    CHECK_CSR mepc, 0x40001230
    li a1, 0xfffffffe
    csrw mepc, a1
    CHECK_CSR mepc, 0xfffffffc

    TEST_CASE 9                     /* read-only CSRs with a non-writing form: no trap */
    csrrs a0, mhartid, x0
    CHECK a0, 0
    csrrsi a0, mvendorid, 0
    CHECK a0, 0
    csrrc a0, mimpid, x0
    CHECK a0, 0x00010000
    csrrci a0, marchid, 0
    CHECK a0, 0
    CHECK_TRAP_COUNT 0

    TEST_PASS
