/* csr_s.S - S-level CSRs and the M CSRs that shape them: sstatus is the 0x000C0122 view of mstatus, sie/sip are
 * mie/mip masked by mideleg (only SSIP writable through sip), stvec/sepc/sscratch/scause/stval/scounteren,
 * senvcfg reads 0, satp fields (MODE, PPN; ASID reads 0); the writable masks of mstatus, mie, mip, mideleg. */
#include "test.h"
TEST_MAIN
    csrw mie, zero
    TEST_CASE 1                     /* mstatus writable bits */
    li s0, MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR
    csrr s1, mstatus
    li a0, -1
    li a1, ~MSTATUS_MIE             /* keep MIE clear */
    and a0, a0, a1
    csrw mstatus, a0
    csrr a0, mstatus
    li a1, 0x007e19a2               /* SIE SPIE MPIE SPP MPP MPRV SUM MXR TVM TW TSR */
    CHECK_EQ a0, a1
    TEST_CASE 2                     /* sstatus view (read from M) */
    CHECK_CSR sstatus, 0x000c0122
    csrw mstatus, zero
    CHECK_CSR sstatus, 0
    li a0, MSTATUS_SUM | MSTATUS_MPP_M | MSTATUS_MPIE
    csrw mstatus, a0
    CHECK_CSR sstatus, MSTATUS_SUM
    TEST_CASE 3                     /* writing sstatus changes only its bits */
    li a0, -1
    csrw sstatus, a0
    CHECK_CSR mstatus, 0x000c0122 | MSTATUS_MPP_M | MSTATUS_MPIE
    csrw sstatus, zero
    CHECK_CSR mstatus, MSTATUS_MPP_M | MSTATUS_MPIE
    csrw mstatus, zero

    TEST_CASE 4                     /* mie / mip / mideleg masks */
    li a0, -1
    csrw mie, a0
    CHECK_CSR mie, 0x00000aaa
    csrw mie, zero
    csrw mideleg, a0
    CHECK_CSR mideleg, 0x00000222
    csrw mideleg, zero
    csrr s2, mip
    li a1, 0x00000888
    and s2, s2, a1                  /* device bits that happen to be pending */
    csrw mip, a0
    csrr a0, mip
    li a1, ~0x888
    and a0, a0, a1
    CHECK a0, 0x00000222
    csrw mip, zero
    csrr a0, mip
    li a1, ~0x888
    and a0, a0, a1
    CHECK a0, 0

    TEST_CASE 5                     /* sie / sip views through mideleg */
    li a0, MIP_SSIP | MIP_STIP
    csrw mideleg, a0
    li a0, MIP_SSIP | MIP_STIP | MIP_SEIP | MIP_MTIP
    csrw mie, a0
    CHECK_CSR sie, MIP_SSIP | MIP_STIP
    li a0, MIP_SSIP | MIP_SEIP
    csrw mip, a0
    CHECK_CSR sip, MIP_SSIP
    li a0, -1
    csrw sie, a0                    /* only delegated bits are writable through sie */
    CHECK_CSR mie, MIP_SSIP | MIP_STIP | MIP_SEIP | MIP_MTIP
    csrw sie, zero
    CHECK_CSR mie, MIP_SEIP | MIP_MTIP
    csrw mie, zero
    li a0, MIP_STIP
    csrs mip, a0
    CHECK_CSR sip, MIP_SSIP | MIP_STIP
    csrw sip, zero                  /* clears SSIP only */
    CHECK_CSR_MASK mip, 0x222, MIP_STIP | MIP_SEIP
    li a0, -1
    csrw sip, a0                    /* sets SSIP only */
    CHECK_CSR_MASK mip, 0x222, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw mip, zero
    csrw mideleg, zero
    CHECK_CSR sip, 0
    CHECK_CSR sie, 0

    TEST_CASE 6                     /* stvec, sepc, sscratch, scause, stval, scounteren, senvcfg */
    li a0, 0x40002003
    csrw stvec, a0
    CHECK_CSR stvec, 0x40002001
    li a0, 0x40002002
    csrw stvec, a0
    CHECK_CSR stvec, 0x40002000
    li a0, 0xffffffff
    csrw sepc, a0
    CHECK_CSR sepc, 0xfffffffc
    csrw sscratch, a0
    CHECK_CSR sscratch, 0xffffffff
    csrw scause, a0
    CHECK_CSR scause, 0xffffffff
    li a0, 0x8000000f
    csrw scause, a0
    CHECK_CSR scause, 0x8000000f
    li a0, 0x12345678
    csrw stval, a0
    CHECK_CSR stval, 0x12345678
    li a0, -1
    csrw scounteren, a0
    CHECK_CSR scounteren, 7
    csrw scounteren, zero
    csrw 0x10a, a0                  /* senvcfg */
    CHECK_CSR 0x10a, 0

    TEST_CASE 7                     /* satp (written in M, where it has no effect) */
    li a0, -1
    csrw satp, a0
    CHECK_CSR satp, 0x803fffff
    li a0, 0x7fc00000               /* ASID only */
    csrw satp, a0
    CHECK_CSR satp, 0
    li a0, 0x00012345
    csrw satp, a0
    CHECK_CSR satp, 0x00012345
    csrw satp, zero

    TEST_CASE 8                     /* the same S CSRs from S itself */
    INIT_S
    GOTO_PRIV PRV_S, .Ls8
.Ls8:
    li a0, 0x55
    csrw sscratch, a0
    csrr s3, sscratch
    csrr s4, sstatus
    csrr s5, sie
    csrr s6, scounteren
    la a0, s_save_area
    csrw sscratch, a0
    TO_M
    CHECK s3, 0x55
    CHECK s4, 0
    CHECK s5, 0
    CHECK s6, 0
    CHECK_TRAP_COUNT 0
    TEST_PASS
