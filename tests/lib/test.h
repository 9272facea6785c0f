/*
 * test.h - assembler macros for the Iridium self-checking test programs (tests/isa, tests/m, tests/priv).
 *
 * A test is one .S file that includes this header and defines `test_main`; it is linked with tests/lib/crt.S
 * (start-up code, trap handlers, pass/fail reporting, the `tohost` symbol) using tests/lib/link.ld (RAM at
 * 0x40000000). The start-up code runs in M-mode, installs the M-mode trap handler, points sp at a private stack
 * and jumps to `test_main` with gp = 0.
 *
 * Invariants every test relies on:
 *  - gp (x3) holds the current test case number (TEST_CASE n). A failure reports it: tohost = (n << 1) | 1, a
 *    "FAIL test n" line on the UART and a system-controller power-off with code n. Pass: tohost = 1, power-off
 *    with success. gp = 0 at a failure is reported as case 2047 ("before the first case").
 *  - The check macros clobber t5 and t6 (x30, x31) and nothing else; never pass t5/t6 to them.
 *  - The trap handlers (crt.S) save and restore every register they use, so a test keeps its registers across a
 *    trap. mscratch / sscratch point at the handlers' save areas: a test that writes them must restore them
 *    (csrw mscratch with M_SAVE_AREA, or INIT_S).
 *  - A trap nobody expects is a failure (the M handler prints mcause/mepc/mtval). To expect one: EXPECT_TRAP
 *    (into M) or EXPECT_STRAP (into S) names the label where execution resumes after the trap, and the privilege
 *    to resume in; the handler records cause/epc/tval/status and the handling mode, then resumes there with
 *    xPIE = 0 (interrupts stay globally disabled in the resumed mode). The expectation is used up by one trap.
 *  - `fail`, `pass` and TO_M work from any privilege mode: they ecall into the M handler with a magic value in a7
 *    (an ecall delegated to S is forwarded by the S handler). TO_M and resuming in M after a trap from a
 *    translated mode need the code to be identity mapped (VA == PA).
 */
#ifndef IRIDIUM_TEST_H
#define IRIDIUM_TEST_H

/* ---- Memory map (docs/memory-map.md; iridium_soc.h has the same values with C suffixes) ------------------- */
#define BOOTROM_BASE      0x00000000
#define RAM_BASE          0x40000000
#define UART_BASE         0x80000000
#define UART_RXDATA       0x00
#define UART_TXDATA       0x04
#define UART_STATUS       0x08
#define UART_IE           0x0C
#define UART_BAUDDIV      0x10
#define SYSCTL_BASE       0x80001000
#define SYSCTL_FINISHER   0x00
#define SYSCTL_CLOCK_HZ   0x04
#define SYSCTL_RAM_BYTES  0x08
#define SYSCTL_BOARD_ID   0x0C
#define SYSCTL_VERSION    0x10
#define CLINT_BASE        0x80010000
#define CLINT_MSIP        0x0000
#define CLINT_MTIMECMP    0x4000
#define CLINT_MTIME       0xBFF8
#define UNMAPPED_ADDR     0x20000000      /* nothing there: every access faults */
#define RESERVED_ADDR     0x80030000      /* reserved device range: every access faults */

/* ---- CSR fields ------------------------------------------------------------------------------------------ */
#define MSTATUS_SIE       0x00000002
#define MSTATUS_MIE       0x00000008
#define MSTATUS_SPIE      0x00000020
#define MSTATUS_MPIE      0x00000080
#define MSTATUS_SPP       0x00000100
#define MSTATUS_MPP       0x00001800
#define MSTATUS_MPP_S     0x00000800
#define MSTATUS_MPP_M     0x00001800
#define MSTATUS_MPRV      0x00020000
#define MSTATUS_SUM       0x00040000
#define MSTATUS_MXR       0x00080000
#define MSTATUS_TVM       0x00100000
#define MSTATUS_TW        0x00200000
#define MSTATUS_TSR       0x00400000

#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11
#define MIP_SSIP (1 << IRQ_SSI)
#define MIP_MSIP (1 << IRQ_MSI)
#define MIP_STIP (1 << IRQ_STI)
#define MIP_MTIP (1 << IRQ_MTI)
#define MIP_SEIP (1 << IRQ_SEI)
#define MIP_MEIP (1 << IRQ_MEI)

#define CAUSE_MISALIGNED_FETCH   0
#define CAUSE_FETCH_ACCESS       1
#define CAUSE_ILLEGAL_INSN       2
#define CAUSE_BREAKPOINT         3
#define CAUSE_MISALIGNED_LOAD    4
#define CAUSE_LOAD_ACCESS        5
#define CAUSE_MISALIGNED_STORE   6
#define CAUSE_STORE_ACCESS       7
#define CAUSE_ECALL_U            8
#define CAUSE_ECALL_S            9
#define CAUSE_ECALL_M           11
#define CAUSE_FETCH_PAGE_FAULT  12
#define CAUSE_LOAD_PAGE_FAULT   13
#define CAUSE_STORE_PAGE_FAULT  15
#define CAUSE_INTR        0x80000000

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* Sv32 */
#define SATP_MODE_SV32    0x80000000
#define PTE_V 0x001
#define PTE_R 0x002
#define PTE_W 0x004
#define PTE_X 0x008
#define PTE_U 0x010
#define PTE_G 0x020
#define PTE_A 0x040
#define PTE_D 0x080

/* Magic values in a7 for the ecalls of fail/pass/TO_M (see crt.S). */
#define MAGIC_PASS     0x1D1A0001
#define MAGIC_FAIL     0x1D1A0002
#define MAGIC_TO_M     0x1D1A0003
#define MAGIC_TO_M_AT  0x1D1A0004

/* Offsets in trap_vars (crt.S). */
#define TV_RESUME        0
#define TV_RESUME_PRIV   4
#define TV_SRESUME       8
#define TV_SRESUME_PRIV 12
#define TV_CAUSE        16
#define TV_EPC          20
#define TV_TVAL         24
#define TV_STATUS       28
#define TV_MODE         32
#define TV_COUNT        36
#define TV_UNEXPECTED   40
#define TV_TOM_RESUME   44

#ifdef __ASSEMBLER__

/* ---- Test structure ---------------------------------------------------------------------------------------- */

/* Start of the test program proper (M-mode, called from crt.S). */
.macro TEST_MAIN
    .text
    .global test_main
    .balign 4
test_main:
.endm

/* Number the checks that follow: a failure reports n. */
.macro TEST_CASE n
    li gp, \n
.endm

.macro TEST_PASS
    j pass
.endm

.macro TEST_FAIL
    j fail
.endm

.macro _NOT_SCRATCH reg
    .ifc \reg, t5
    .error "check macros clobber t5/t6; use another register"
    .endif
    .ifc \reg, t6
    .error "check macros clobber t5/t6; use another register"
    .endif
    .ifc \reg, x30
    .error "check macros clobber t5/t6; use another register"
    .endif
    .ifc \reg, x31
    .error "check macros clobber t5/t6; use another register"
    .endif
.endm

/* Fail unless reg == val (a 32-bit constant). */
.macro CHECK reg, val
    _NOT_SCRATCH \reg
    li t6, \val
    beq \reg, t6, .Lck_ok_\@
    j fail
.Lck_ok_\@:
.endm

/* Fail unless reg == address of label. */
.macro CHECK_LABEL reg, label
    _NOT_SCRATCH \reg
    la t6, \label
    beq \reg, t6, .Lckl_ok_\@
    j fail
.Lckl_ok_\@:
.endm

/* Fail unless two registers are equal / different. */
.macro CHECK_EQ r1, r2
    beq \r1, \r2, .Lcke_ok_\@
    j fail
.Lcke_ok_\@:
.endm

.macro CHECK_NE r1, r2
    bne \r1, \r2, .Lckn_ok_\@
    j fail
.Lckn_ok_\@:
.endm

/* Fail unless CSR == val. */
.macro CHECK_CSR csr, val
    csrr t5, \csr
    li t6, \val
    beq t5, t6, .Lckc_ok_\@
    j fail
.Lckc_ok_\@:
.endm

/* Fail unless (CSR & mask) == val. */
.macro CHECK_CSR_MASK csr, mask, val
    csrr t5, \csr
    li t6, \mask
    and t5, t5, t6
    li t6, \val
    beq t5, t6, .Lckm_ok_\@
    j fail
.Lckm_ok_\@:
.endm

/* Fail unless the 32-bit word at label == val. */
.macro CHECK_MEM label, val
    la t5, \label
    lw t5, 0(t5)
    li t6, \val
    beq t5, t6, .Lckmem_ok_\@
    j fail
.Lckmem_ok_\@:
.endm

/* ---- Traps --------------------------------------------------------------------------------------------------- */

/* The next trap goes to the M handler, which resumes at `resume` in privilege `priv` (default M). */
.macro EXPECT_TRAP resume, priv=3
    la t5, trap_vars
    la t6, \resume
    sw t6, TV_RESUME(t5)
    li t6, \priv
    sw t6, TV_RESUME_PRIV(t5)
.endm

/* Same, with a resume address given in a register (e.g. a virtual address computed by the test). */
.macro EXPECT_TRAP_REG reg, priv=3
    la t5, trap_vars
    sw \reg, TV_RESUME(t5)
    li t6, \priv
    sw t6, TV_RESUME_PRIV(t5)
.endm

/* The next trap goes to the S handler (stvec = s_trap_vector), which resumes at `resume` in `priv` (S or U). */
.macro EXPECT_STRAP resume, priv=1
    la t5, trap_vars
    la t6, \resume
    sw t6, TV_SRESUME(t5)
    li t6, \priv
    sw t6, TV_SRESUME_PRIV(t5)
.endm

.macro EXPECT_STRAP_REG reg, priv=1
    la t5, trap_vars
    sw \reg, TV_SRESUME(t5)
    li t6, \priv
    sw t6, TV_SRESUME_PRIV(t5)
.endm

/* Cancel an expectation that was not used (e.g. after checking that something did NOT trap). */
.macro EXPECT_NO_TRAP
    la t5, trap_vars
    sw zero, TV_RESUME(t5)
    sw zero, TV_SRESUME(t5)
.endm

/* Check the recorded trap: cause, and the mode whose handler took it (3 = M handler, 1 = S handler). */
.macro CHECK_TRAP cause, mode=3
    la t5, trap_vars
    lw t6, TV_CAUSE(t5)
    li t5, \cause
    beq t5, t6, .Lct_ok_\@
    j fail
.Lct_ok_\@:
    la t5, trap_vars
    lw t6, TV_MODE(t5)
    li t5, \mode
    beq t5, t6, .Lct_ok2_\@
    j fail
.Lct_ok2_\@:
.endm

/* Check the recorded xepc against a label / a constant / a register. */
.macro CHECK_TRAP_EPC label
    la t5, trap_vars
    lw t5, TV_EPC(t5)
    la t6, \label
    beq t5, t6, .Lcte_ok_\@
    j fail
.Lcte_ok_\@:
.endm

.macro CHECK_TRAP_EPC_VAL val
    la t5, trap_vars
    lw t5, TV_EPC(t5)
    li t6, \val
    beq t5, t6, .Lctev_ok_\@
    j fail
.Lctev_ok_\@:
.endm

.macro CHECK_TRAP_EPC_REG reg
    la t5, trap_vars
    lw t5, TV_EPC(t5)
    beq t5, \reg, .Lcter_ok_\@
    j fail
.Lcter_ok_\@:
.endm

/* Check the recorded xtval against a constant / a label / a register. */
.macro CHECK_TRAP_TVAL val
    la t5, trap_vars
    lw t5, TV_TVAL(t5)
    li t6, \val
    beq t5, t6, .Lctt_ok_\@
    j fail
.Lctt_ok_\@:
.endm

.macro CHECK_TRAP_TVAL_LABEL label, offset=0
    la t5, trap_vars
    lw t5, TV_TVAL(t5)
    la t6, \label
    addi t6, t6, \offset
    beq t5, t6, .Lcttl_ok_\@
    j fail
.Lcttl_ok_\@:
.endm

.macro CHECK_TRAP_TVAL_REG reg
    la t5, trap_vars
    lw t5, TV_TVAL(t5)
    beq t5, \reg, .Lcttr_ok_\@
    j fail
.Lcttr_ok_\@:
.endm

/* Check (recorded xstatus at trap entry, after the hardware update & mask) == val. */
.macro CHECK_TRAP_STATUS mask, val
    la t5, trap_vars
    lw t5, TV_STATUS(t5)
    li t6, \mask
    and t5, t5, t6
    li t6, \val
    beq t5, t6, .Lcts_ok_\@
    j fail
.Lcts_ok_\@:
.endm

/* Number of traps taken by either handler since the start / the last RESET_TRAP_COUNT. */
.macro CHECK_TRAP_COUNT n
    la t5, trap_vars
    lw t5, TV_COUNT(t5)
    li t6, \n
    beq t5, t6, .Lctc_ok_\@
    j fail
.Lctc_ok_\@:
.endm

.macro RESET_TRAP_COUNT
    la t5, trap_vars
    sw zero, TV_COUNT(t5)
.endm

/* Expect exactly one trap of `cause` into M from the single instruction `insn...` (tval not checked). The
 * instruction runs at a local label so that the epc can be checked; resumes after it in M. */
.macro TRAP_INSN cause, insn:vararg
    EXPECT_TRAP .Lti_resume_\@
.Lti_insn_\@:
    \insn
    j fail
.Lti_resume_\@:
    CHECK_TRAP \cause, 3
    CHECK_TRAP_EPC .Lti_insn_\@
.endm

/* Same, also checking mtval. */
.macro TRAP_INSN_TVAL cause, tval, insn:vararg
    EXPECT_TRAP .Ltit_resume_\@
.Ltit_insn_\@:
    \insn
    j fail
.Ltit_resume_\@:
    CHECK_TRAP \cause, 3
    CHECK_TRAP_EPC .Ltit_insn_\@
    CHECK_TRAP_TVAL \tval
.endm

/* An illegal instruction given as a raw word: cause 2, mepc = its address, mtval = the word. */
.macro ILLEGAL_WORD word
    TRAP_INSN_TVAL CAUSE_ILLEGAL_INSN, \word, .word \word
.endm

/* ---- Privilege changes ----------------------------------------------------------------------------------------- */

/* From M: continue at `label` in privilege `priv` (mret with MPP = priv). Clobbers t6. */
.macro GOTO_PRIV priv, label
    li t6, MSTATUS_MPP
    csrc mstatus, t6
    li t6, (\priv << 11)
    csrs mstatus, t6
    la t6, \label
    csrw mepc, t6
    mret
.endm

/* From M: continue at the address in reg in privilege priv. */
.macro GOTO_PRIV_REG priv, reg
    li t6, MSTATUS_MPP
    csrc mstatus, t6
    li t6, (\priv << 11)
    csrs mstatus, t6
    csrw mepc, \reg
    mret
.endm

/* From S: continue at `label` in privilege `priv` (sret with SPP = priv, 0 or 1). Clobbers t6. */
.macro SGOTO_PRIV priv, label
    li t6, MSTATUS_SPP
    csrc sstatus, t6
    li t6, (\priv << 8)
    csrs sstatus, t6
    la t6, \label
    csrw sepc, t6
    sret
.endm

/* From any mode: continue at the next instruction in M with mstatus.MIE = 0 (an ecall caught by the handlers).
 * Clobbers a7 (it holds a magic value afterwards: clear it before an ecall that a test expects). */
.macro TO_M
    li a7, MAGIC_TO_M
    ecall
.endm

/* Install the S-mode handler (stvec, sscratch). M-mode only, needs S-mode in the core. */
.macro INIT_S
    la t6, s_trap_vector
    csrw stvec, t6
    la t6, s_save_area
    csrw sscratch, t6
.endm

/* ---- Sv32 helpers (the functions are in crt.S) ---------------------------------------------------------------- */

#define VA_TEST 0x10000000          /* 4 MiB region with its own L0 table (vm_l0b), empty after vm_init */

/* rd = leaf/pointer PTE for the physical address in pa (a register) with flags. */
.macro MKPTE rd, pa, flags
    srli \rd, \pa, 12
    slli \rd, \rd, 10
    ori \rd, \rd, \flags
.endm

/* Map VA_TEST + page * 4096 to the physical page holding `label` with flags (M or identity-mapped S). Clobbers
 * a0, a1, t0, t1, ra. */
.macro MAP_TEST_PAGE page, label, flags
    la a1, \label
    MKPTE a1, a1, \flags
    li a0, VA_TEST + (\page) * 4096
    jal ra, vm_set_pte
.endm

/* In privilege `priv` (U code is placed in .user.text, which vm_init maps with the U bit), run `insn` (one
 * instruction) and expect a trap with `cause` into M with mepc = the instruction and mtval = tval. Ends in M. The
 * page tables / satp are set up by the caller (in M); this does sfence.vma first. */
.macro FAULT_IN priv, cause, tval, insn:vararg
    sfence.vma
    EXPECT_TRAP .Lr_\@
    GOTO_PRIV \priv, .Lgo_\@
    .if \priv == 0
    .pushsection .user.text, "ax"
    .endif
.Lgo_\@:
.Li_\@:
    \insn
    j fail
    .if \priv == 0
    .popsection
    .endif
.Lr_\@:
    CHECK_TRAP \cause
    CHECK_TRAP_EPC .Li_\@
    CHECK_TRAP_TVAL \tval
.endm

/* Same for an instruction fetch fault: jump (jalr ra) to the address `target`: mepc = mtval = target. */
.macro FETCH_FAULT_IN priv, cause, target
    sfence.vma
    EXPECT_TRAP .Lr_\@
    GOTO_PRIV \priv, .Lgo_\@
    .if \priv == 0
    .pushsection .user.text, "ax"
    .endif
.Lgo_\@:
    li a1, \target
    jalr ra, 0(a1)
    j fail
    .if \priv == 0
    .popsection
    .endif
.Lr_\@:
    CHECK_TRAP \cause
    CHECK_TRAP_EPC_VAL \target
    CHECK_TRAP_TVAL \target
.endm

/* OK_BEGIN priv, name ... OK_END priv, name: run the instructions between them in privilege `priv` (in
 * .user.text for U) without any trap, then continue in M. `name` makes the labels unique. Registers written
 * there survive (except a7). */
.macro OK_BEGIN priv, name
    sfence.vma
    RESET_TRAP_COUNT
    GOTO_PRIV \priv, .Lok_go_\name
    .if \priv == 0
    .pushsection .user.text, "ax"
    .endif
.Lok_go_\name:
.endm

.macro OK_END priv, name
    TO_M
    j .Lok_back_\name
    .if \priv == 0
    .popsection
    .endif
.Lok_back_\name:
    CHECK_TRAP_COUNT 0
.endm

/* ---- Register/ALU test helpers --------------------------------------------------------------------------- */

/* rd = rs1 op rs2 with rd distinct, rd == rs1 and rd == rs2; and rs1 == rs2 when val1 == val2 is meaningful. */
.macro TEST_RR n, op, exp, val1, val2
    TEST_CASE \n
    li a1, \val1
    li a2, \val2
    \op a0, a1, a2
    CHECK a0, \exp
    \op a1, a1, a2
    CHECK a1, \exp
    li a1, \val1
    \op a2, a1, a2
    CHECK a2, \exp
.endm

/* rd = rs op rs (both operands the same register). */
.macro TEST_RR_SAME n, op, exp, val
    TEST_CASE \n
    li a1, \val
    \op a0, a1, a1
    CHECK a0, \exp
    \op a1, a1, a1
    CHECK a1, \exp
.endm

/* rd = rs1 op imm, rd distinct and rd == rs1. */
.macro TEST_IMM n, op, exp, val1, imm
    TEST_CASE \n
    li a1, \val1
    \op a0, a1, \imm
    CHECK a0, \exp
    \op a1, a1, \imm
    CHECK a1, \exp
.endm

/* Branch `op a1, a2` with a1 = val1, a2 = val2 must be taken, forward and backward; operands unchanged. */
.macro BR_TAKEN n, op, val1, val2
    TEST_CASE \n
    li a1, \val1
    li a2, \val2
    \op a1, a2, .Lbt_fwd_\@
    j fail
.Lbt_fwd_\@:
    j .Lbt_2_\@
.Lbt_1_\@:
    j .Lbt_3_\@
    j fail
.Lbt_2_\@:
    \op a1, a2, .Lbt_1_\@
    j fail
.Lbt_3_\@:
    CHECK a1, \val1
    CHECK a2, \val2
.endm

/* Branch must not be taken, forward and backward. */
.macro BR_NOT n, op, val1, val2
    TEST_CASE \n
    li a1, \val1
    li a2, \val2
    \op a1, a2, .Lbn_bad_\@
    j .Lbn_2_\@
.Lbn_bad_\@:
    j fail
.Lbn_2_\@:
    \op a1, a2, .Lbn_bad_\@
    CHECK a1, \val1
    CHECK a2, \val2
.endm

#endif /* __ASSEMBLER__ */
#endif /* IRIDIUM_TEST_H */
