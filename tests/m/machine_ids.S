/* machine_ids.S - fixed machine CSRs: misa = 0x40141100 (writes ignored), mvendorid = marchid = mhartid =
 * mconfigptr = 0, mimpid = 0x00010000; the read-zero/writes-ignored CSRs (menvcfg(h), mstatush, mcountinhibit,
 * mhpmevent3..31, pmpcfg0..3, pmpaddr0..15, mhpmcounter3..31(h), hpmcounter3..31(h)) exist and read as zero. */
#include "test.h"

.macro WARL0 csr
    li a0, -1
    csrw \csr, a0
    CHECK_CSR \csr, 0
.endm

TEST_MAIN
    TEST_CASE 1
    CHECK_CSR misa, 0x40141100
    CHECK_CSR mvendorid, 0
    CHECK_CSR marchid, 0
    CHECK_CSR mimpid, 0x00010000
    CHECK_CSR mhartid, 0
    CHECK_CSR 0xf15, 0              /* mconfigptr */
    TEST_CASE 2                     /* misa is writable-but-ignored (no trap) */
    csrw misa, zero
    CHECK_CSR misa, 0x40141100
    li a0, 0x40000000
    csrc misa, a0
    CHECK_CSR misa, 0x40141100
    TEST_CASE 3
    WARL0 0x30a                     /* menvcfg */
    WARL0 0x31a                     /* menvcfgh */
    WARL0 0x310                     /* mstatush */
    WARL0 0x320                     /* mcountinhibit */
    WARL0 0x323                     /* mhpmevent3 */
    WARL0 0x33f                     /* mhpmevent31 */
    TEST_CASE 4
    WARL0 pmpcfg0
    WARL0 pmpcfg3
    WARL0 pmpaddr0
    WARL0 pmpaddr15
    TEST_CASE 5
    WARL0 0xb03                     /* mhpmcounter3 */
    WARL0 0xb1f                     /* mhpmcounter31 */
    WARL0 0xb83                     /* mhpmcounter3h */
    WARL0 0xb9f                     /* mhpmcounter31h */
    TEST_CASE 6
    CHECK_CSR 0xc03, 0              /* hpmcounter3 */
    CHECK_CSR 0xc1f, 0              /* hpmcounter31 */
    CHECK_CSR 0xc83, 0              /* hpmcounter3h */
    CHECK_CSR 0xc9f, 0              /* hpmcounter31h */
    CHECK_TRAP_COUNT 0
    TEST_PASS
