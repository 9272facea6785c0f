/* illegal.S - illegal-instruction exceptions in M-mode (cause 2, mepc = the instruction, mtval = its bits, rd
 * not written): all-zero and all-ones words, opcodes of absent extensions, reserved funct fields, unknown CSRs,
 * writes to read-only CSRs (while the non-writing forms of csrrs/csrrc on them are legal). */
#include "test.h"

/* csr instruction: funct3 1 rw, 2 rs, 3 rc, 5 rwi, 6 rsi, 7 rci; rs1 field = register number or uimm */
#define CSR_INSN(f3, rd, rs1, csr) (((csr) << 20) | ((rs1) << 15) | ((f3) << 12) | ((rd) << 7) | 0x73)
#define A0 10
#define A1 11

/* The illegal word must leave a0 unchanged. */
.macro ILLEGAL_RD word
    li a0, 0x5a5a5a5a
    ILLEGAL_WORD \word
    CHECK a0, 0x5a5a5a5a
.endm

TEST_MAIN
    TEST_CASE 1
    ILLEGAL_RD 0x00000000
    TEST_CASE 2
    ILLEGAL_RD 0xffffffff
    TEST_CASE 3                     /* absent extensions: F/D loads, stores, arithmetic; A; RV64 */
    ILLEGAL_RD 0x00052507           /* flw  fa0, 0(a0) */
    ILLEGAL_RD 0x00a52027           /* fsw  fa0, 0(a0) */
    ILLEGAL_RD 0x00b57553           /* fadd.s */
    ILLEGAL_RD 0x0005252f           /* lr.w a0, (a0) */
    ILLEGAL_RD 0x00b5053b           /* addw (RV64) */
    ILLEGAL_RD 0x0015051b           /* addiw (RV64) */
    TEST_CASE 4                     /* custom opcodes */
    ILLEGAL_RD 0x0000050b           /* custom-0 */
    ILLEGAL_RD 0x0000052b           /* custom-1 */
    ILLEGAL_RD 0x0000055b           /* custom-2 */
    ILLEGAL_RD 0x0000057b           /* custom-3 */
    TEST_CASE 5                     /* reserved funct3/funct7 in OP and OP-IMM */
    ILLEGAL_RD 0x40b51533           /* "sll" with funct7 0x20 */
    ILLEGAL_RD 0x40b52533           /* "slt" with funct7 0x20 */
    ILLEGAL_RD 0x04b50533           /* funct7 0x02 */
    ILLEGAL_RD 0x02051513           /* slli a0, a0, 32 (shamt[5] set) */
    ILLEGAL_RD 0x40151513           /* slli with funct7 0x20 */
    ILLEGAL_RD 0x02055513           /* srli with shamt[5] */
    ILLEGAL_RD 0x60155513           /* srai with funct7 0x30 */
    TEST_CASE 6                     /* reserved funct3 in LOAD, STORE, BRANCH, JALR, MISC-MEM, SYSTEM */
    ILLEGAL_RD 0x00053503           /* ld */
    ILLEGAL_RD 0x00056503           /* lwu */
    ILLEGAL_RD 0x00057503           /* funct3 7 */
    ILLEGAL_RD 0x00a53023           /* sd */
    ILLEGAL_RD 0x00a54023           /* store funct3 4 */
    ILLEGAL_RD 0x00a52063           /* branch funct3 2 */
    ILLEGAL_RD 0x00a53063           /* branch funct3 3 */
    ILLEGAL_RD 0x00051567           /* jalr funct3 1 */
    ILLEGAL_RD 0x0000250f           /* misc-mem funct3 2 */
    ILLEGAL_RD 0x00004573           /* system funct3 4 */
    TEST_CASE 7                     /* unknown SYSTEM encodings */
    ILLEGAL_RD 0x00200073           /* uret */
    ILLEGAL_RD 0x7b200073           /* dret (no debug mode) */
    ILLEGAL_RD 0x00100573           /* ebreak with rd != 0 */
    ILLEGAL_RD 0x00050073           /* ecall with rs1 != 0 */
    ILLEGAL_RD 0x30200573           /* mret with rd != 0 */
    TEST_CASE 8                     /* unknown CSRs */
    ILLEGAL_RD CSR_INSN(2, A0, 0, 0x000)    /* ustatus (no N extension) */
    ILLEGAL_RD CSR_INSN(2, A0, 0, 0x001)    /* fflags (no F) */
    ILLEGAL_RD CSR_INSN(2, A0, 0, 0x003)    /* fcsr */
    ILLEGAL_RD CSR_INSN(2, A0, 0, 0x7c0)    /* custom M read/write */
    ILLEGAL_RD CSR_INSN(2, A0, 0, 0x7b0)    /* dcsr (debug mode only) */
    ILLEGAL_RD CSR_INSN(2, A0, 0, 0xfff)
    ILLEGAL_RD CSR_INSN(1, A0, A1, 0x5c0)   /* custom S read/write */
    ILLEGAL_RD CSR_INSN(1, 0, A1, 0x7c0)    /* rd = x0 does not help */
    TEST_CASE 9                     /* writes to read-only CSRs (address bits 11:10 = 3) */
    li a1, 1
    ILLEGAL_RD CSR_INSN(1, A0, A1, 0xf11)   /* csrrw a0, mvendorid, a1 */
    ILLEGAL_RD CSR_INSN(1, 0, 0, 0xf14)     /* csrrw x0, mhartid, x0: csrrw always writes */
    ILLEGAL_RD CSR_INSN(2, A0, A1, 0xf13)   /* csrrs a0, mimpid, a1 */
    ILLEGAL_RD CSR_INSN(3, A0, A1, 0xf12)   /* csrrc a0, marchid, a1 */
    ILLEGAL_RD CSR_INSN(5, A0, 0, 0xf14)    /* csrrwi a0, mhartid, 0 */
    ILLEGAL_RD CSR_INSN(6, A0, 1, 0xf11)    /* csrrsi a0, mvendorid, 1 */
    ILLEGAL_RD CSR_INSN(7, A0, 1, 0xf15)    /* csrrci a0, mconfigptr, 1 */
    ILLEGAL_RD CSR_INSN(1, A0, A1, 0xc00)   /* csrrw a0, cycle, a1 */
    ILLEGAL_RD CSR_INSN(2, A0, A1, 0xc02)   /* csrrs a0, instret, a1 */
    ILLEGAL_RD CSR_INSN(5, A0, 3, 0xc81)    /* csrrwi a0, timeh, 3 */
    ILLEGAL_RD CSR_INSN(1, A0, A1, 0xc03)   /* hpmcounter3 */
    TEST_CASE 10                    /* ... but reading them with a non-writing form is fine */
    csrrs a0, mvendorid, x0
    csrrc a0, mhartid, x0
    csrrsi a0, mimpid, 0
    csrrci a0, marchid, 0
    csrrs a0, cycle, x0
    .word 0x0ff5050f                /* fence iorw, iorw with rd = rs1 = a0: accepted (fields ignored) */
    .word 0x8335050f                /* fence.tso-like fm/pred/succ with rd/rs1 set: accepted */
    .word 0x0005150f                /* fence.i with rd = rs1 = a0: accepted */
    CHECK_TRAP_COUNT 53
    TEST_CASE 11                    /* CSRs still work normally after all those traps */
    li a1, 0x77
    csrrw s0, mscratch, a1
    csrrw a0, mscratch, s0          /* pointer back before checking */
    CHECK a0, 0x77
    TEST_PASS
