/*
 * iss_unit.c - host unit tests of the Iridium ISS on small hand-assembled programs (make test-iss-unit).
 *
 * Each test builds a fresh SoC, writes instructions encoded by the helpers below into RAM (or ROM), steps them with
 * iss_step and checks registers, CSRs and the retire records against the rules of docs/core.md and the RISC-V specs.
 * Expected values are written out by hand, not computed by the code under test. Prints one PASS/FAIL line per test
 * and "N passed, N failed"; exits 1 if any test failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iridium_soc.h"
#include "iss.h"
#include "check.h"

/* ---- encoder ---- */
static uint32_t R(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t I(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t S(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | 0x23;
}
static uint32_t B(int32_t off, uint32_t rs2, uint32_t rs1, uint32_t f3)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 12) & 1) << 31 | ((u >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | ((u >> 1) & 0xf) << 8 |
           ((u >> 11) & 1) << 7 | 0x63;
}
static uint32_t J(int32_t off, uint32_t rd)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 | ((u >> 11) & 1) << 20 | ((u >> 12) & 0xff) << 12 |
           rd << 7 | 0x6f;
}
#define LUI(rd, v) ((uint32_t)(v) & 0xfffff000u) | (rd) << 7 | 0x37
#define AUIPC(rd, v) (((uint32_t)(v) & 0xfffff000u) | (rd) << 7 | 0x17)
#define ADDI(rd, rs, imm) I(imm, rs, 0, rd, 0x13)
#define SLTI(rd, rs, imm) I(imm, rs, 2, rd, 0x13)
#define SLTIU(rd, rs, imm) I(imm, rs, 3, rd, 0x13)
#define XORI(rd, rs, imm) I(imm, rs, 4, rd, 0x13)
#define ORI(rd, rs, imm) I(imm, rs, 6, rd, 0x13)
#define ANDI(rd, rs, imm) I(imm, rs, 7, rd, 0x13)
#define SLLI(rd, rs, sh) I(sh, rs, 1, rd, 0x13)
#define SRLI(rd, rs, sh) I(sh, rs, 5, rd, 0x13)
#define SRAI(rd, rs, sh) I(0x400 | (sh), rs, 5, rd, 0x13)
#define OP(f7, f3, rd, a, b) R(f7, b, a, f3, rd, 0x33)
#define ADD(rd, a, b) OP(0, 0, rd, a, b)
#define SUB(rd, a, b) OP(0x20, 0, rd, a, b)
#define SLL(rd, a, b) OP(0, 1, rd, a, b)
#define SLT(rd, a, b) OP(0, 2, rd, a, b)
#define SLTU(rd, a, b) OP(0, 3, rd, a, b)
#define XOR(rd, a, b) OP(0, 4, rd, a, b)
#define SRL(rd, a, b) OP(0, 5, rd, a, b)
#define SRA(rd, a, b) OP(0x20, 5, rd, a, b)
#define OR(rd, a, b) OP(0, 6, rd, a, b)
#define AND(rd, a, b) OP(0, 7, rd, a, b)
#define MUL(rd, a, b) OP(1, 0, rd, a, b)
#define MULH(rd, a, b) OP(1, 1, rd, a, b)
#define MULHSU(rd, a, b) OP(1, 2, rd, a, b)
#define MULHU(rd, a, b) OP(1, 3, rd, a, b)
#define DIV(rd, a, b) OP(1, 4, rd, a, b)
#define DIVU(rd, a, b) OP(1, 5, rd, a, b)
#define REM(rd, a, b) OP(1, 6, rd, a, b)
#define REMU(rd, a, b) OP(1, 7, rd, a, b)
#define LB(rd, rs, o) I(o, rs, 0, rd, 0x03)
#define LH(rd, rs, o) I(o, rs, 1, rd, 0x03)
#define LW(rd, rs, o) I(o, rs, 2, rd, 0x03)
#define LBU(rd, rs, o) I(o, rs, 4, rd, 0x03)
#define LHU(rd, rs, o) I(o, rs, 5, rd, 0x03)
#define SB(rs2, rs1, o) S(o, rs2, rs1, 0)
#define SH(rs2, rs1, o) S(o, rs2, rs1, 1)
#define SW(rs2, rs1, o) S(o, rs2, rs1, 2)
#define BEQ(a, b, o) B(o, b, a, 0)
#define BNE(a, b, o) B(o, b, a, 1)
#define BLT(a, b, o) B(o, b, a, 4)
#define BGE(a, b, o) B(o, b, a, 5)
#define BLTU(a, b, o) B(o, b, a, 6)
#define BGEU(a, b, o) B(o, b, a, 7)
#define JAL(rd, o) J(o, rd)
#define JALR(rd, rs, o) I(o, rs, 0, rd, 0x67)
#define CSRRW(rd, csr, rs) I(csr, rs, 1, rd, 0x73)
#define CSRRS(rd, csr, rs) I(csr, rs, 2, rd, 0x73)
#define CSRRC(rd, csr, rs) I(csr, rs, 3, rd, 0x73)
#define CSRRWI(rd, csr, u) I(csr, u, 5, rd, 0x73)
#define CSRRSI(rd, csr, u) I(csr, u, 6, rd, 0x73)
#define CSRRCI(rd, csr, u) I(csr, u, 7, rd, 0x73)
#define ECALL 0x00000073u
#define EBREAK 0x00100073u
#define MRET 0x30200073u
#define SRET 0x10200073u
#define WFI 0x10500073u
#define SFENCE_VMA(a, b) R(0x09, b, a, 0, 0, 0x73)
#define FENCE_I 0x0000100fu
#define NOP ADDI(0, 0, 0)

/* ---- harness (CHECK, CHECK_EQ, check_run: sim/models/tests/check.h) ---- */
#define RAM IR_RAM_BASE
#define RAM_SIZE (1u << 20)

static struct iss *mk(void)
{
    struct iss *s = iss_new(RAM_SIZE);
    if (!s) {
        printf("cannot create an ISS\n");
        exit(2);
    }
    iss_reset(s, RAM);
    return s;
}

static void put(struct iss *s, uint32_t addr, const uint32_t *w, size_t n)
{
    if (iss_mem_write(s, addr, (const uint8_t *)w, n * 4)) {
        printf("    cannot write program at 0x%08x\n", addr);
        check_fails++;
    }
}
#define PUT(s, addr, ...)                                                       \
    do {                                                                        \
        const uint32_t p_[] = {__VA_ARGS__};                                    \
        put(s, addr, p_, sizeof p_ / sizeof p_[0]);                             \
    } while (0)

static uint32_t rd32(struct iss *s, uint32_t a)
{
    uint32_t v = 0;
    iss_mem_read(s, a, (uint8_t *)&v, 4);
    return v;
}
static void wr32(struct iss *s, uint32_t a, uint32_t v) { iss_mem_write(s, a, (const uint8_t *)&v, 4); }

static uint32_t csr(struct iss *s, uint32_t a)
{
    uint32_t v = 0xdeadbeef;
    if (iss_csr_read(s, a, &v)) {
        printf("    CSR 0x%03x unreadable\n", a);
        check_fails++;
    }
    return v;
}

static void steps(struct iss *s, int n)
{
    for (int i = 0; i < n; i++) iss_step(s, NULL);
}

static struct retire step1(struct iss *s)
{
    struct retire r;
    iss_step(s, &r);
    return r;
}

/* Expect that the next step raises exception `cause` with `tval`, and lands in M at mtvec. */
static void expect_exc(struct iss *s, uint32_t cause, uint32_t tval, int line)
{
    uint32_t pc = iss_get_pc(s);
    struct retire r = step1(s);
    if (r.kind != RETIRE_EXC || r.cause != cause || r.tval != tval || r.pc != pc) {
        printf("    line %d: expected exception %u tval 0x%x at 0x%08x; got kind %u cause %u tval 0x%x pc 0x%08x\n",
               line, cause, tval, pc, r.kind, r.cause, r.tval, r.pc);
        check_fails++;
    }
}
#define EXPECT_EXC(s, c, t) expect_exc(s, c, t, __LINE__)

/* ---- tests ---- */

static void test_alu(void)
{
    struct iss *s = mk();
    PUT(s, RAM, ADDI(1, 0, -5), ADDI(2, 0, 3), ADD(3, 1, 2), SUB(4, 2, 1), SLT(5, 1, 2), SLTU(6, 1, 2),
        XOR(7, 1, 2), OR(8, 1, 2), AND(9, 1, 2), SLL(10, 2, 2), SRL(11, 1, 2), SRA(12, 1, 2),
        SLTI(13, 1, -4), SLTIU(14, 2, -1), XORI(15, 1, -1), ORI(16, 0, 0x7ff), ANDI(17, 1, 0xf0),
        SLLI(18, 2, 31), SRLI(19, 1, 28), SRAI(20, 1, 1), LUI(21, 0xabcde000u), AUIPC(22, 0x1000),
        ADDI(0, 0, 5), ADD(23, 0, 0));
    steps(s, 24);
    CHECK_EQ(iss_get_reg(s, 3), (uint32_t)-2);
    CHECK_EQ(iss_get_reg(s, 4), 8);
    CHECK_EQ(iss_get_reg(s, 5), 1);
    CHECK_EQ(iss_get_reg(s, 6), 0);
    CHECK_EQ(iss_get_reg(s, 7), 0xfffffff8u);
    CHECK_EQ(iss_get_reg(s, 8), 0xfffffffbu);
    CHECK_EQ(iss_get_reg(s, 9), 3);
    CHECK_EQ(iss_get_reg(s, 10), 24);
    CHECK_EQ(iss_get_reg(s, 11), 0x1fffffffu);
    CHECK_EQ(iss_get_reg(s, 12), 0xffffffffu);
    CHECK_EQ(iss_get_reg(s, 13), 1);
    CHECK_EQ(iss_get_reg(s, 14), 1);
    CHECK_EQ(iss_get_reg(s, 15), 4);
    CHECK_EQ(iss_get_reg(s, 16), 0x7ff);
    CHECK_EQ(iss_get_reg(s, 17), 0xf0);
    CHECK_EQ(iss_get_reg(s, 18), 0x80000000u);
    CHECK_EQ(iss_get_reg(s, 19), 0xf);
    CHECK_EQ(iss_get_reg(s, 20), 0xfffffffdu);
    CHECK_EQ(iss_get_reg(s, 21), 0xabcde000u);
    CHECK_EQ(iss_get_reg(s, 22), RAM + 21 * 4 + 0x1000);
    CHECK_EQ(iss_get_reg(s, 0), 0);
    CHECK_EQ(iss_get_reg(s, 23), 0);
    iss_free(s);
}

static void test_muldiv(void)
{
    static const struct { uint32_t a, b, mul, mulh, mulhsu, mulhu, div, divu, rem, remu; } t[] = {
        {7, 3, 21, 0, 0, 0, 2, 2, 1, 1},
        {(uint32_t)-7, 3, (uint32_t)-21, 0xffffffffu, 0xffffffffu, 2, (uint32_t)-2, 0x55555553u, (uint32_t)-1, 0},
        {5, 0, 0, 0, 0, 0, 0xffffffffu, 0xffffffffu, 5, 5},                               /* divide by zero */
        {0x80000000u, 0xffffffffu, 0x80000000u, 0, 0x80000000u, 0x7fffffffu, 0x80000000u, 0, 0, 0x80000000u},
        {0x80000000u, 0x80000000u, 0, 0x40000000u, 0xc0000000u, 0x40000000u, 1, 1, 0, 0},
        {0xffffffffu, 0xffffffffu, 1, 0, 0xffffffffu, 0xfffffffeu, 1, 1, 0, 0},
        {(uint32_t)-8, 0, 0, 0, 0, 0, 0xffffffffu, 0xffffffffu, (uint32_t)-8, (uint32_t)-8},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct iss *s = mk();
        iss_set_reg(s, 1, t[i].a);
        iss_set_reg(s, 2, t[i].b);
        PUT(s, RAM, MUL(3, 1, 2), MULH(4, 1, 2), MULHSU(5, 1, 2), MULHU(6, 1, 2), DIV(7, 1, 2), DIVU(8, 1, 2),
            REM(9, 1, 2), REMU(10, 1, 2));
        steps(s, 8);
        CHECK_EQ(iss_get_reg(s, 3), t[i].mul);
        CHECK_EQ(iss_get_reg(s, 4), t[i].mulh);
        CHECK_EQ(iss_get_reg(s, 5), t[i].mulhsu);
        CHECK_EQ(iss_get_reg(s, 6), t[i].mulhu);
        CHECK_EQ(iss_get_reg(s, 7), t[i].div);
        CHECK_EQ(iss_get_reg(s, 8), t[i].divu);
        CHECK_EQ(iss_get_reg(s, 9), t[i].rem);
        CHECK_EQ(iss_get_reg(s, 10), t[i].remu);
        if (check_fails) printf("    (row %zu)\n", i);
        iss_free(s);
    }
}

static void test_branches(void)
{
    struct iss *s = mk();
    iss_set_reg(s, 1, (uint32_t)-1);
    iss_set_reg(s, 2, 1);
    PUT(s, RAM, BLT(1, 2, 8), ADDI(10, 0, 1), BLTU(1, 2, 8), BGE(1, 2, 8), BGEU(1, 2, 8), ADDI(11, 0, 1),
        BEQ(1, 1, 8), ADDI(12, 0, 1), BNE(1, 1, 8), JAL(5, 12), ADDI(13, 0, 1), ADDI(13, 0, 2),
        JALR(6, 7, 1));
    /* BLT taken -> +8 (BLTU not taken), BGE not taken, BGEU taken -> BEQ taken -> BNE not taken -> JAL */
    struct retire r = step1(s);
    CHECK_EQ(r.next_pc, RAM + 8);
    steps(s, 3);
    CHECK_EQ(iss_get_pc(s), RAM + 24);
    steps(s, 1);
    CHECK_EQ(iss_get_pc(s), RAM + 32);
    r = step1(s);   /* BNE not taken */
    CHECK_EQ(r.next_pc, RAM + 36);
    r = step1(s);   /* JAL x5, +12 */
    CHECK_EQ(r.rd, 5);
    CHECK_EQ(r.rd_wdata, RAM + 40);
    CHECK_EQ(iss_get_pc(s), RAM + 48);
    iss_set_reg(s, 7, RAM + 0x101);   /* jalr target (x7 + 1) & ~1 = RAM + 0x102: misaligned */
    iss_set_reg(s, 6, 0x77);
    EXPECT_EXC(s, 0, RAM + 0x102);
    CHECK_EQ(iss_get_reg(s, 6), 0x77);   /* no register written */
    CHECK_EQ(csr(s, 0x341), RAM + 48);
    CHECK_EQ(iss_get_reg(s, 10) | iss_get_reg(s, 11) | iss_get_reg(s, 12) | iss_get_reg(s, 13), 0);
    iss_free(s);

    /* jalr clears bit 0 and links; a taken branch to a 2-aligned target faults */
    s = mk();
    iss_set_reg(s, 7, RAM + 0x11);
    PUT(s, RAM, JALR(1, 7, -1));
    PUT(s, RAM + 0x10, BEQ(0, 0, 6));
    r = step1(s);
    CHECK_EQ(r.kind, RETIRE_OK);
    CHECK_EQ(iss_get_pc(s), RAM + 0x10);
    CHECK_EQ(iss_get_reg(s, 1), RAM + 4);
    EXPECT_EXC(s, 0, RAM + 0x16);
    iss_free(s);
}

static void test_loadstore(void)
{
    struct iss *s = mk();
    uint32_t d = RAM + 0x1000;
    iss_set_reg(s, 1, d);
    iss_set_reg(s, 2, 0x8899aabbu);
    PUT(s, RAM, SW(2, 1, 0), LB(3, 1, 0), LBU(4, 1, 3), LH(5, 1, 2), LHU(6, 1, 0), SB(2, 1, 5), SH(2, 1, 6),
        LW(7, 1, 4), LW(8, 1, 1), SH(2, 1, 3), LH(9, 1, 1));
    struct retire r = step1(s);
    CHECK_EQ(r.mem_valid, 1);
    CHECK_EQ(r.mem_we, 1);
    CHECK_EQ(r.mem_addr, d);
    CHECK_EQ(r.mem_wstrb, 0xf);
    CHECK_EQ(r.mem_wdata, 0x8899aabbu);
    r = step1(s);
    CHECK_EQ(r.rd_wdata, 0xffffffbbu);
    CHECK_EQ(r.mem_we, 0);
    CHECK_EQ(r.mem_wstrb, 1);
    CHECK_EQ(r.mem_rdata, 0x8899aabbu);
    steps(s, 3);
    CHECK_EQ(iss_get_reg(s, 4), 0x88);
    CHECK_EQ(iss_get_reg(s, 5), 0xffff8899u);
    CHECK_EQ(iss_get_reg(s, 6), 0xaabb);
    r = step1(s);   /* sb at +5 */
    CHECK_EQ(r.mem_addr, d + 5);
    CHECK_EQ(r.mem_wstrb, 2);
    CHECK_EQ(r.mem_wdata, 0xbb00);
    r = step1(s);   /* sh at +6 */
    CHECK_EQ(r.mem_wstrb, 0xc);
    CHECK_EQ(r.mem_wdata, 0xaabb0000u);
    steps(s, 1);
    CHECK_EQ(iss_get_reg(s, 7), 0xaabbbb00u);
    EXPECT_EXC(s, 4, d + 1);    /* lw misaligned */
    CHECK_EQ(iss_get_reg(s, 8), 0);
    iss_set_pc(s, RAM + 36);
    EXPECT_EXC(s, 6, d + 3);    /* sh misaligned */
    iss_set_pc(s, RAM + 40);
    EXPECT_EXC(s, 4, d + 1);    /* lh misaligned */
    iss_free(s);

    /* access faults: store to ROM, load from a hole, load from the reserved device range (after the SPI master),
     * fetch from a device */
    s = mk();
    PUT(s, RAM, SW(0, 1, 0), LW(3, 2, 0), LW(3, 4, 0), LW(3, 5, 0), SW(0, 6, 0), LW(3, 7, 0));
    iss_set_reg(s, 1, 0x100);
    iss_set_reg(s, 2, 0x20000000);
    iss_set_reg(s, 4, 0x80021000u);
    iss_set_reg(s, 5, IR_BOOTROM_BASE + IR_SIM_BOOTROM_BYTES);
    iss_set_reg(s, 6, RAM + RAM_SIZE);
    iss_set_reg(s, 7, 0x80002000u);
    EXPECT_EXC(s, 7, 0x100);
    iss_set_pc(s, RAM + 4);
    EXPECT_EXC(s, 5, 0x20000000);
    iss_set_pc(s, RAM + 8);
    EXPECT_EXC(s, 5, 0x80021000u);
    iss_set_pc(s, RAM + 12);
    EXPECT_EXC(s, 5, IR_SIM_BOOTROM_BYTES);
    iss_set_pc(s, RAM + 16);
    EXPECT_EXC(s, 7, RAM + RAM_SIZE);
    iss_set_pc(s, RAM + 20);
    EXPECT_EXC(s, 5, 0x80002000u);
    iss_set_pc(s, IR_UART_BASE);
    struct retire rr = step1(s);
    CHECK_EQ(rr.kind, RETIRE_EXC);
    CHECK_EQ(rr.cause, 1);
    CHECK_EQ(rr.tval, IR_UART_BASE);
    CHECK_EQ(rr.insn, 0);
    iss_free(s);

    /* the ROM is readable and executable */
    s = mk();
    PUT(s, 0x10, ADDI(1, 0, 42), LW(2, 0, 0x10));
    iss_set_pc(s, 0x10);
    steps(s, 2);
    CHECK_EQ(iss_get_reg(s, 1), 42);
    CHECK_EQ(iss_get_reg(s, 2), ADDI(1, 0, 42));
    iss_free(s);
}

static void test_illegal(void)
{
    const uint32_t bad[] = {
        0x00000000u, 0xffffffffu, 0x00000001u, /* compressed */ 0x02001013u, /* slli bit 25 */
        0x40001033u, /* sll with funct7 0x20 */ 0x00003003u, /* ld */ 0x00003023u, /* sd */ 0x00002067u, /* jalr f3 */
        0x00002063u, /* branch f3 2 */ 0x0000200fu, /* misc-mem f3 2 */ 0x00004073u, /* system f3 4 */
        0x00200073u, /* uret-ish */ 0x7b200073u, /* dret */ 0x0000005bu, /* custom */ 0x0000702fu, /* amo */
        CSRRS(1, 0x7a0, 0), /* tselect: unknown CSR */ CSRRW(0, 0xf11, 1), /* write mvendorid */
        CSRRS(1, 0xc03 + 0x100, 0), /* 0xd03: unknown */ CSRRSI(0, 0xc00, 1), /* write to cycle */
        0x12000073u | (1 << 7), /* sfence.vma with rd != 0 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct iss *s = mk();
        put(s, RAM, &bad[i], 1);
        int before = check_fails;
        EXPECT_EXC(s, 2, bad[i]);
        CHECK_EQ(csr(s, 0x343), bad[i]);
        if (check_fails != before) printf("    (word 0x%08x)\n", bad[i]);
        iss_free(s);
    }
    /* accepted: fence with odd fields, fence.i, csrrs x0 on a read-only CSR, sfence.vma/wfi in M */
    const uint32_t good[] = {0xfff5808fu, 0x8330000fu, FENCE_I, 0x0ff0900fu, CSRRS(1, 0xf11, 0),
                                    CSRRSI(1, 0xc00, 0), SFENCE_VMA(1, 2), WFI, CSRRS(1, 0x3b5, 0), CSRRW(0, 0x3a0, 1)};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        struct iss *s = mk();
        put(s, RAM, &good[i], 1);
        struct retire r = step1(s);
        if (r.kind != RETIRE_OK) {
            printf("    word 0x%08x: expected to retire, got kind %u cause %u\n", good[i], r.kind, r.cause);
            check_fails++;
        }
        iss_free(s);
    }
}

static void test_csr_masks(void)
{
    struct iss *s = mk();
    iss_set_reg(s, 1, 0xffffffffu);
    PUT(s, RAM, CSRRW(2, 0x300, 1), CSRRW(0, 0x302, 1), CSRRW(0, 0x303, 1), CSRRW(0, 0x304, 1), CSRRW(0, 0x305, 1),
        CSRRW(0, 0x341, 1), CSRRW(0, 0x306, 1), CSRRW(0, 0x180, 1), CSRRW(0, 0x301, 1), CSRRW(0, 0x3b0, 1),
        CSRRW(0, 0x344, 1), CSRRW(0, 0x105, 1), CSRRW(0, 0x106, 1), CSRRW(0, 0x141, 1), CSRRW(0, 0x342, 1));
    struct retire r = step1(s);
    CHECK_EQ(r.csr_we, 1);
    CHECK_EQ(r.csr_addr, 0x300);
    CHECK_EQ(r.csr_wdata, 0x007e19aau);
    CHECK_EQ(r.rd_wdata, 0);
    steps(s, 14);
    CHECK_EQ(csr(s, 0x300), 0x007e19aau);
    CHECK_EQ(csr(s, 0x302), 0xb3ffu);
    CHECK_EQ(csr(s, 0x303), 0x222u);
    CHECK_EQ(csr(s, 0x304), 0xaaau);
    CHECK_EQ(csr(s, 0x305), 0xfffffffdu);
    CHECK_EQ(csr(s, 0x341), 0xfffffffcu);
    CHECK_EQ(csr(s, 0x306), 7);
    CHECK_EQ(csr(s, 0x180), 0x803fffffu);
    CHECK_EQ(csr(s, 0x301), 0x40141100u);
    CHECK_EQ(csr(s, 0x3b0), 0);
    CHECK_EQ(csr(s, 0x344) & 0x222u, 0x222u);
    CHECK_EQ(csr(s, 0x105), 0xfffffffdu);
    CHECK_EQ(csr(s, 0x106), 7);
    CHECK_EQ(csr(s, 0x141), 0xfffffffcu);
    CHECK_EQ(csr(s, 0x342), 0xffffffffu);
    CHECK_EQ(csr(s, 0x100), 0x000c0122u);            /* sstatus view */
    CHECK_EQ(csr(s, 0x104), 0x222u);                 /* sie = mie & mideleg */
    CHECK_EQ(csr(s, 0x144), 0x222u);                 /* sip = mip & mideleg */
    CHECK_EQ(csr(s, 0xf13), 0x00010000u);
    CHECK_EQ(csr(s, 0xf14), 0);
    iss_free(s);

    /* MPP: writing 2 keeps the old value; sip: only SSIP writable and only when delegated; sstatus writes */
    s = mk();
    iss_set_reg(s, 1, 0x1000);   /* MPP = 2 */
    iss_set_reg(s, 2, 0x0800);   /* MPP = 1 */
    iss_set_reg(s, 3, 0x222);
    PUT(s, RAM, CSRRW(0, 0x300, 2), CSRRW(0, 0x300, 1), CSRRW(0, 0x144, 3), CSRRW(0, 0x303, 3), CSRRW(0, 0x144, 3),
        CSRRW(0, 0x100, 3), CSRRC(0, 0x344, 3), CSRRS(0, 0x104, 3));
    steps(s, 2);
    CHECK_EQ(csr(s, 0x300), 0x0800);
    steps(s, 1);
    CHECK_EQ(csr(s, 0x344), 0);   /* not delegated: sip writes nothing */
    steps(s, 2);
    CHECK_EQ(csr(s, 0x344), 0x2);
    steps(s, 1);
    CHECK_EQ(csr(s, 0x300), 0x0800 | 0x022);   /* 0x222 & sstatus mask */
    steps(s, 2);
    CHECK_EQ(csr(s, 0x344), 0);
    CHECK_EQ(csr(s, 0x304), 0x222);
    iss_free(s);
}

static void test_counters(void)
{
    struct iss *s = mk();
    iss_set_reg(s, 1, 100);
    PUT(s, RAM, NOP, NOP, CSRRS(2, 0xb00, 0), CSRRS(3, 0xb02, 0), CSRRW(0, 0xb00, 1), CSRRS(4, 0xb00, 0),
        ECALL);
    PUT(s, RAM + 0x100, CSRRS(5, 0xb02, 0), CSRRS(6, 0xc01, 0), CSRRS(7, 0xc81, 0), CSRRW(0, 0xb82, 1),
        CSRRS(8, 0xb82, 0), CSRRS(9, 0xb02, 0));
    steps(s, 6);
    CHECK_EQ(iss_get_reg(s, 2), 2);     /* mcycle before its own increment */
    CHECK_EQ(iss_get_reg(s, 3), 3);
    CHECK_EQ(iss_get_reg(s, 4), 100);   /* the write replaced the increment of the writing step */
    iss_csr_write(s, 0x305, RAM + 0x100);
    struct retire r = step1(s);         /* ecall: traps, does not retire */
    CHECK_EQ(r.kind, RETIRE_EXC);
    CHECK_EQ(r.cause, 11);
    CHECK_EQ(r.tval, 0);
    steps(s, 6);
    CHECK_EQ(iss_get_reg(s, 5), 6);     /* 6 retired before: the ecall did not count */
    CHECK_EQ(iss_get_reg(s, 6), 8);     /* mtime = steps so far (7 steps + this one's read before increment) */
    CHECK_EQ(iss_get_reg(s, 7), 0);
    CHECK_EQ(iss_get_reg(s, 8), 100);
    CHECK_EQ(iss_get_reg(s, 9), 10);   /* the minstreth read retired and counted */
    iss_free(s);

    /* counter access from S and U via mcounteren/scounteren */
    s = mk();
    iss_csr_write(s, 0x306, 0x5);   /* mcounteren: CY, IR */
    iss_csr_write(s, 0x106, 0x1);   /* scounteren: CY */
    PUT(s, RAM, CSRRS(1, 0xc00, 0), CSRRS(1, 0xc02, 0), CSRRS(1, 0xc01, 0), CSRRS(1, 0xc00, 0), CSRRS(1, 0xc02, 0),
        CSRRS(1, 0xc03, 0), CSRRS(1, 0x300, 0), CSRRS(1, 0x100, 0));
    iss_set_priv(s, 1);
    CHECK_EQ(step1(s).kind, RETIRE_OK);
    iss_set_priv(s, 1);
    iss_set_pc(s, RAM + 4);
    CHECK_EQ(step1(s).kind, RETIRE_OK);
    iss_set_priv(s, 1);
    iss_set_pc(s, RAM + 8);
    EXPECT_EXC(s, 2, CSRRS(1, 0xc01, 0));
    iss_set_priv(s, 0);
    iss_set_pc(s, RAM + 12);
    CHECK_EQ(step1(s).kind, RETIRE_OK);
    iss_set_priv(s, 0);
    iss_set_pc(s, RAM + 16);
    EXPECT_EXC(s, 2, CSRRS(1, 0xc02, 0));
    iss_set_priv(s, 1);
    iss_set_pc(s, RAM + 20);
    EXPECT_EXC(s, 2, CSRRS(1, 0xc03, 0));   /* hpmcounter3: mcounteren bit 3 is always 0 */
    iss_set_priv(s, 1);
    iss_set_pc(s, RAM + 24);
    EXPECT_EXC(s, 2, CSRRS(1, 0x300, 0));   /* M CSR from S */
    iss_set_priv(s, 0);
    iss_set_pc(s, RAM + 28);
    EXPECT_EXC(s, 2, CSRRS(1, 0x100, 0));   /* S CSR from U */
    iss_free(s);
}

static void test_traps(void)
{
    /* ecall from U delegated to S; ecall from S not delegated goes to M; sret/mret return */
    struct iss *s = mk();
    iss_csr_write(s, 0x302, 1u << 8);    /* medeleg: ecall from U */
    iss_csr_write(s, 0x305, RAM + 0x200);
    iss_csr_write(s, 0x105, RAM + 0x300);
    iss_csr_write(s, 0x300, 0x2 | 0x8);  /* SIE, MIE */
    PUT(s, RAM, ECALL);
    PUT(s, RAM + 0x300, ECALL);
    iss_set_priv(s, 0);
    struct retire r = step1(s);
    CHECK_EQ(r.kind, RETIRE_EXC);
    CHECK_EQ(r.cause, 8);
    CHECK_EQ(r.next_pc, RAM + 0x300);
    CHECK_EQ(r.priv, 1);
    CHECK_EQ(csr(s, 0x141), RAM);
    CHECK_EQ(csr(s, 0x142), 8);
    CHECK_EQ(csr(s, 0x300) & 0x122, 0x20);   /* SPIE = 1, SIE = 0, SPP = U */
    r = step1(s);                            /* ecall from S: cause 9, not delegated */
    CHECK_EQ(r.cause, 9);
    CHECK_EQ(r.priv, 3);
    CHECK_EQ(r.next_pc, RAM + 0x200);
    CHECK_EQ(csr(s, 0x341), RAM + 0x300);
    CHECK_EQ((csr(s, 0x300) >> 11) & 3, 1);  /* MPP = S */
    CHECK_EQ(csr(s, 0x300) & 0x88, 0x80);    /* MPIE = 1, MIE = 0 */
    PUT(s, RAM + 0x200, MRET);
    r = step1(s);
    CHECK_EQ(r.kind, RETIRE_OK);
    CHECK_EQ(r.priv, 1);
    CHECK_EQ(r.next_pc, RAM + 0x300);
    CHECK_EQ(csr(s, 0x300) & 0x1888, 0x88);  /* MIE = 1, MPIE = 1, MPP = U */
    iss_free(s);

    /* exceptions in M are never delegated; ebreak tval = pc */
    s = mk();
    iss_csr_write(s, 0x302, 0xb3ff);
    iss_csr_write(s, 0x305, RAM + 0x200);
    PUT(s, RAM, EBREAK);
    r = step1(s);
    CHECK_EQ(r.cause, 3);
    CHECK_EQ(r.tval, RAM);
    CHECK_EQ(r.priv, 3);
    CHECK_EQ(r.next_pc, RAM + 0x200);
    iss_free(s);

    /* sret: SPP, SPIE, MPRV cleared; mret to U clears MPRV */
    s = mk();
    iss_csr_write(s, 0x300, (1u << 17) | (1u << 8) | (1u << 5));   /* MPRV, SPP = S, SPIE */
    iss_csr_write(s, 0x141, RAM + 0x40);
    PUT(s, RAM, SRET);
    r = step1(s);
    CHECK_EQ(r.priv, 1);
    CHECK_EQ(r.next_pc, RAM + 0x40);
    CHECK_EQ(csr(s, 0x300), 0x22);   /* SIE = 1, SPIE = 1, SPP = U, MPRV = 0 */
    iss_free(s);

    /* privileged instructions below their level, TSR/TW/TVM */
    struct { unsigned priv; uint32_t mstatus; uint32_t insn; int ok; } c[] = {
        {1, 0, MRET, 0},
        {0, 0, SRET, 0},
        {1, 1u << 22, SRET, 0},
        {0, 0, WFI, 0},
        {1, 1u << 21, WFI, 0},
        {1, 0, WFI, 1},
        {3, 1u << 21, WFI, 1},
        {0, 0, SFENCE_VMA(0, 0), 0},
        {1, 1u << 20, SFENCE_VMA(0, 0), 0},
        {1, 0, SFENCE_VMA(0, 0), 1},
        {1, 1u << 20, CSRRS(1, 0x180, 0), 0},
        {1, 0, CSRRS(1, 0x180, 0), 1},
        {3, 1u << 20, CSRRS(1, 0x180, 0), 1},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        s = mk();
        iss_csr_write(s, 0x300, c[i].mstatus | (1u << 8));
        put(s, RAM, &c[i].insn, 1);
        iss_set_priv(s, c[i].priv);
        r = step1(s);
        int ok = r.kind == RETIRE_OK;
        if (ok != c[i].ok || (!ok && (r.cause != 2 || r.tval != c[i].insn))) {
            printf("    case %zu (insn 0x%08x priv %u): kind %u cause %u\n", i, c[i].insn, c[i].priv, r.kind,
                   r.cause);
            check_fails++;
        }
        iss_free(s);
    }
}

static void test_interrupts(void)
{
    /* timer interrupt through the CLINT, vectored mtvec */
    struct iss *s = mk();
    uint32_t clint = IR_CLINT_BASE;
    iss_set_reg(s, 1, clint + IR_CLINT_MTIMECMP);
    iss_set_reg(s, 2, 20);
    iss_csr_write(s, 0x305, (RAM + 0x400) | 1);
    iss_csr_write(s, 0x304, 1u << 7);
    PUT(s, RAM, SW(2, 1, 0), SW(0, 1, 4), CSRRSI(0, 0x300, 8), JAL(0, 0));
    steps(s, 3);
    CHECK_EQ(csr(s, 0x344) & 0x80, 0);
    int taken = 0;
    for (int i = 0; i < 40 && !taken; i++) {
        struct retire r = step1(s);
        if (r.kind == RETIRE_INTR) {
            taken = 1;
            CHECK_EQ(r.cause, 0x80000007u);
            CHECK_EQ(r.next_pc, RAM + 0x400 + 4 * 7);
            CHECK_EQ(r.pc, RAM + 12);
            CHECK_EQ(r.tval, 0);
            CHECK(iss_get_steps(s) >= 20);
        }
    }
    CHECK(taken);
    CHECK_EQ(csr(s, 0x341), RAM + 12);
    CHECK_EQ(csr(s, 0x342), 0x80000007u);
    CHECK_EQ(csr(s, 0x300) & 0x88, 0x80);
    iss_free(s);

    /* not taken in M with MIE = 0; taken in S regardless of MIE; delegated STI goes to S, never while in M */
    s = mk();
    iss_csr_write(s, 0x305, RAM + 0x400);
    iss_csr_write(s, 0x105, RAM + 0x500);
    iss_csr_write(s, 0x303, 1u << 5);          /* delegate STI */
    iss_csr_write(s, 0x304, (1u << 5) | (1u << 1));
    iss_csr_write(s, 0x344, 1u << 5);          /* STIP */
    PUT(s, RAM, NOP, NOP, NOP, NOP);
    struct retire r = step1(s);
    CHECK_EQ(r.kind, RETIRE_OK);               /* M: delegated interrupts are never taken */
    iss_set_priv(s, 1);
    r = step1(s);
    CHECK_EQ(r.kind, RETIRE_OK);               /* S with SIE = 0 */
    iss_csr_write(s, 0x300, 0x2);
    r = step1(s);
    CHECK_EQ(r.kind, RETIRE_INTR);
    CHECK_EQ(r.cause, 0x80000005u);
    CHECK_EQ(r.priv, 1);
    CHECK_EQ(r.next_pc, RAM + 0x500);
    CHECK_EQ(csr(s, 0x141), RAM + 8);
    iss_free(s);

    /* priority: MSI over MTI; an M interrupt in U with MIE = 0; M-destined before S-destined */
    s = mk();
    iss_csr_write(s, 0x305, RAM + 0x400);
    iss_csr_write(s, 0x303, 1u << 9);
    iss_csr_write(s, 0x304, 0xaaa);
    iss_csr_write(s, 0x344, (1u << 9) | (1u << 1));   /* SEIP (delegated), SSIP (not delegated) */
    PUT(s, RAM, NOP);
    iss_set_priv(s, 0);
    r = step1(s);
    CHECK_EQ(r.kind, RETIRE_INTR);
    CHECK_EQ(r.cause, 0x80000001u);   /* SSI to M beats SEI to S */
    CHECK_EQ(r.priv, 3);
    iss_free(s);

    s = mk();
    iss_csr_write(s, 0x305, RAM + 0x400);
    iss_csr_write(s, 0x304, 0xaaa);
    iss_set_reg(s, 1, IR_CLINT_BASE + IR_CLINT_MTIMECMP);
    iss_set_reg(s, 2, 1);
    iss_set_reg(s, 3, IR_CLINT_BASE + IR_CLINT_MSIP);
    PUT(s, RAM, SW(0, 1, 0), SW(0, 1, 4), SW(2, 3, 0), NOP);
    steps(s, 3);   /* M with MIE = 0: MTIP and MSIP pending, nothing taken */
    CHECK_EQ(csr(s, 0x344), 0x88);
    iss_set_priv(s, 0);
    r = step1(s);
    CHECK_EQ(r.kind, RETIRE_INTR);
    CHECK_EQ(r.cause, 0x80000003u);   /* MSI before MTI */
    iss_free(s);

    /* wfi is a nop; an interrupt enabled in mie but masked by MIE in M does not stop it */
    s = mk();
    PUT(s, RAM, WFI, NOP);
    iss_csr_write(s, 0x304, 0x2);
    iss_csr_write(s, 0x344, 0x2);
    r = step1(s);
    CHECK_EQ(r.kind, RETIRE_OK);
    CHECK_EQ(r.next_pc, RAM + 4);
    iss_free(s);

    /* forced interrupts (difftest) check enables */
    s = mk();
    iss_set_auto_interrupts(s, 0);
    iss_csr_write(s, 0x305, RAM + 0x400);
    iss_csr_write(s, 0x304, 0x80);
    iss_csr_write(s, 0x344, 0x2);
    PUT(s, RAM, NOP);
    const char *why = NULL;
    CHECK(iss_force_interrupt(s, 0x80000007u, &r, &why) != 0);   /* MIE = 0 in M */
    iss_csr_write(s, 0x300, 0x8);
    CHECK(iss_force_interrupt(s, 0x80000001u, &r, &why) != 0);   /* SSIE not enabled */
    CHECK_EQ(iss_force_interrupt(s, 0x80000007u, &r, &why), 0);
    CHECK_EQ(r.kind, RETIRE_INTR);
    CHECK_EQ(r.next_pc, RAM + 0x400);
    iss_free(s);
}

/* Sv32: page tables in RAM, code run in S-mode through a mapping */
#define PT_ROOT (RAM + 0x10000)
#define PT_L0 (RAM + 0x11000)
#define PTE(pa, fl) ((((uint32_t)(pa) >> 12) << 10) | (fl))
enum { V = 1, Rr = 2, W = 4, X = 8, U = 16, A = 64, D = 128 };

static struct iss *mk_vm(void)
{
    struct iss *s = mk();
    /* VA 0x00000000-0x003fffff -> L0 table; VA 0x40000000 megapage -> RAM (RWX A D) */
    wr32(s, PT_ROOT + 0 * 4, PTE(PT_L0, V));
    wr32(s, PT_ROOT + 0x100 * 4, PTE(RAM, V | Rr | W | X | A | D));
    wr32(s, PT_L0 + 1 * 4, PTE(RAM + 0x20000, V | Rr | W | A | D));      /* 0x1000: RW data */
    wr32(s, PT_L0 + 2 * 4, PTE(RAM + 0x20000, V | Rr | W | D));          /* 0x2000: A = 0 */
    wr32(s, PT_L0 + 3 * 4, PTE(RAM + 0x20000, V | Rr | W | A));          /* 0x3000: D = 0 */
    wr32(s, PT_L0 + 4 * 4, PTE(RAM + 0x20000, V | W | A | D));           /* 0x4000: W without R */
    wr32(s, PT_L0 + 5 * 4, PTE(RAM + 0x20000, V | Rr | W | U | A | D));  /* 0x5000: U page */
    wr32(s, PT_L0 + 6 * 4, PTE(RAM + 0x20000, V | X | A | D));           /* 0x6000: execute only */
    wr32(s, PT_L0 + 7 * 4, PTE(0x20000000, V | Rr | W | A | D));         /* 0x7000: maps a hole */
    wr32(s, PT_L0 + 8 * 4, PTE(RAM + 0x30000, V | X | U | A | D));       /* 0x8000: U code */
    wr32(s, PT_L0 + 9 * 4, PTE(RAM + 0x30000, V | X | A | D));           /* 0x9000: S code */
    wr32(s, PT_ROOT + 0x101 * 4, PTE(RAM + 0x1000, V | Rr | W | A | D)); /* misaligned megapage */
    wr32(s, PT_ROOT + 0x102 * 4, PTE(0x20000000, V));                    /* pointer to a hole */
    wr32(s, PT_ROOT + 0x103 * 4, PTE(RAM + 0x12000, V | A | D | U));     /* pointer with A/D/U: fine */
    wr32(s, RAM + 0x12000 + 0, PTE(RAM + 0x20000, V | Rr | A));
    iss_csr_write(s, 0x180, 0x80000000u | (PT_ROOT >> 12));
    iss_csr_write(s, 0x305, RAM + 0x800);
    iss_set_priv(s, 1);
    return s;
}

/* run one load/store (at RAM + 0x100, S-mode unless priv given) with x1 = va and check the outcome */
static void vm_access(uint32_t insn, uint32_t va, unsigned priv, uint32_t mstatus_set, int expect_cause, int line)
{
    struct iss *s = mk_vm();
    iss_csr_write(s, 0x300, mstatus_set);
    iss_set_priv(s, priv);
    /* U code runs from the U code page (VA 0x8000), others from RAM + 0x100 (S: the RAM megapage) */
    put(s, priv == 0 ? RAM + 0x30000 : RAM + 0x100, &insn, 1);
    wr32(s, RAM + 0x20000, 0xcafef00d);
    iss_set_pc(s, priv == 0 ? 0x8000 : RAM + 0x100);
    iss_set_reg(s, 1, va);
    iss_set_reg(s, 2, 0x11223344);
    struct retire r = step1(s);
    if (expect_cause < 0) {
        if (r.kind != RETIRE_OK) {
            printf("    line %d: expected success, got cause %u tval 0x%x\n", line, r.cause, r.tval);
            check_fails++;
        }
    } else if (r.kind != RETIRE_EXC || r.cause != (uint32_t)expect_cause || r.tval != va) {
        printf("    line %d: expected cause %d tval 0x%x, got kind %u cause %u tval 0x%x\n", line, expect_cause, va,
               r.kind, r.cause, r.tval);
        check_fails++;
    }
    iss_free(s);
}
#define VM(insn, va, priv, ms, cause) vm_access(insn, va, priv, ms, cause, __LINE__)

static void test_sv32(void)
{
    uint32_t lw = LW(3, 1, 0), sw = SW(2, 1, 0);
    uint32_t SUM = 1u << 18, MXR = 1u << 19, MPRV = 1u << 17;
    VM(lw, 0x1000, 1, 0, -1);
    VM(sw, 0x1004, 1, 0, -1);
    VM(lw, 0x2000, 1, 0, 13);        /* A = 0 */
    VM(sw, 0x2000, 1, 0, 15);
    VM(lw, 0x3000, 1, 0, -1);        /* D = 0: loads fine */
    VM(sw, 0x3000, 1, 0, 15);        /* D = 0: store faults */
    VM(lw, 0x4000, 1, 0, 13);        /* W without R: page fault even for a load */
    VM(lw, 0x5000, 1, 0, 13);        /* U page from S without SUM */
    VM(lw, 0x5000, 1, SUM, -1);
    VM(sw, 0x5000, 1, SUM, -1);
    VM(lw, 0x1000, 0, 0, 13);        /* U mode, non-U page */
    VM(lw, 0x5000, 0, 0, -1);
    VM(lw, 0x6000, 1, 0, 13);        /* execute-only */
    VM(lw, 0x6000, 1, MXR, -1);
    VM(lw, 0x7000, 1, 0, 5);         /* translated to a hole: access fault */
    VM(sw, 0x7000, 1, 0, 7);
    VM(lw, 0x0000, 1, 0, 13);        /* invalid PTE */
    VM(lw, 0x00400000, 1, 0, 13);    /* root entry 1 invalid */
    VM(lw, 0x40400000, 1, 0, 13);    /* misaligned megapage */
    VM(lw, 0x40800000, 1, 0, 5);     /* pointer into a hole: access fault of the load */
    VM(sw, 0x40800000, 1, 0, 7);
    VM(lw, 0x40c00000, 1, 0, -1);    /* non-leaf with A/D/U set is a pointer */
    VM(lw, 0x1001, 1, 0, 4);         /* misaligned before page fault */
    VM(lw, 0x2002, 1, 0, 4);
    VM(lw, 0x1000, 3, 0, -1);        /* M: untranslated, 0x1000 is ROM */
    VM(lw, 0x2000, 3, MPRV | (1u << 11), 13);   /* MPRV with MPP = S translates */
    VM(lw, 0x1000, 3, MPRV | (3u << 11), -1);   /* MPRV with MPP = M does not */

    /* fetch through a mapping: S executes S code, not U code; U executes U code; value check */
    struct iss *s = mk_vm();
    PUT(s, RAM + 0x30000, ADDI(5, 0, 7), LW(6, 1, 0));
    wr32(s, RAM + 0x20000, 0x5a5a5a5a);
    iss_set_reg(s, 1, 0x1000);
    iss_set_pc(s, 0x9000);
    steps(s, 2);
    CHECK_EQ(iss_get_reg(s, 5), 7);
    CHECK_EQ(iss_get_reg(s, 6), 0x5a5a5a5a);
    iss_set_priv(s, 1);
    iss_set_pc(s, 0x8000);
    EXPECT_EXC(s, 12, 0x8000);       /* S never executes U pages */
    iss_set_priv(s, 0);
    iss_set_pc(s, 0x8000);
    CHECK_EQ(step1(s).kind, RETIRE_OK);
    iss_set_priv(s, 1);
    iss_set_pc(s, 0x1000);
    EXPECT_EXC(s, 12, 0x1000);       /* not executable */
    iss_set_priv(s, 1);
    iss_set_pc(s, 0x7000);
    EXPECT_EXC(s, 12, 0x7000);
    /* sfence.vma: a changed PTE is seen after the fence (TLB filled before) */
    iss_set_priv(s, 1);
    iss_set_reg(s, 1, 0x1000);
    iss_set_pc(s, 0x9004);
    CHECK_EQ(step1(s).kind, RETIRE_OK);
    wr32(s, PT_L0 + 1 * 4, 0);
    PUT(s, RAM + 0x30008, SFENCE_VMA(0, 0), LW(6, 1, 0));
    iss_set_pc(s, 0x9008);
    CHECK_EQ(step1(s).kind, RETIRE_OK);
    EXPECT_EXC(s, 13, 0x1000);
    /* PTE reads from outside RAM/ROM: satp pointing to a hole gives an access fault of the fetch */
    iss_csr_write(s, 0x180, 0x80000000u | (0x20000000u >> 12));
    iss_set_priv(s, 1);
    iss_set_pc(s, 0x9000);
    EXPECT_EXC(s, 1, 0x9000);
    iss_free(s);
}

static uint8_t tx_buf[64];
static unsigned tx_len;
static const char *rx_text;
static void tx_cb(void *ctx, uint8_t b)
{
    (void)ctx;
    if (tx_len < sizeof tx_buf) tx_buf[tx_len++] = b;
}
static int rx_cb(void *ctx, uint8_t *b)
{
    (void)ctx;
    if (!rx_text || !*rx_text) return 0;
    *b = (uint8_t)*rx_text++;
    return 1;
}

static void test_devices(void)
{
    struct iss *s = mk();
    struct iss_host h = {NULL, rx_cb, tx_cb};
    iss_set_host(s, &h);
    tx_len = 0;
    rx_text = "hi";
    iss_set_reg(s, 1, IR_UART_BASE);
    iss_set_reg(s, 2, IR_SYSCTL_BASE);
    iss_set_reg(s, 3, 'A');
    PUT(s, RAM, SB(3, 1, 4), LW(4, 2, IR_SYSCTL_BOARD_ID), LW(5, 2, IR_SYSCTL_RAM_BYTES), LW(6, 2, IR_SYSCTL_VERSION),
        LW(7, 2, IR_SYSCTL_CLOCK_HZ), LW(8, 1, IR_UART_STATUS), LW(9, 1, 0), LBU(10, 1, 0), LW(11, 1, 0),
        LW(12, 1, 0x40), LW(13, 1, IR_UART_BAUDDIV));
    steps(s, 5);
    CHECK_EQ(tx_len, 1);
    CHECK_EQ(tx_buf[0], 'A');
    CHECK_EQ(iss_get_reg(s, 4), 1);
    CHECK_EQ(iss_get_reg(s, 5), RAM_SIZE);
    CHECK_EQ(iss_get_reg(s, 6), 0x00010000u);
    CHECK_EQ(iss_get_reg(s, 7), 50000000u);
    iss_poll_host(s);
    steps(s, 6);
    CHECK_EQ(iss_get_reg(s, 8), 3);             /* RX valid, TX ready */
    CHECK_EQ(iss_get_reg(s, 9), 'h');
    CHECK_EQ(iss_get_reg(s, 10), 'i');
    CHECK_EQ(iss_get_reg(s, 11), 0x80000000u);  /* empty */
    CHECK_EQ(iss_get_reg(s, 12), 0);            /* reserved offset */
    CHECK_EQ(iss_get_reg(s, 13), 434);
    iss_free(s);

    /* UART interrupt: IE.TX with TX always ready raises MEIP */
    s = mk();
    iss_set_reg(s, 1, IR_UART_BASE);
    iss_set_reg(s, 2, 2);
    PUT(s, RAM, SW(2, 1, IR_UART_IE), SW(0, 1, IR_UART_IE));
    steps(s, 1);
    CHECK_EQ(csr(s, 0x344) & 0x800, 0x800);
    steps(s, 1);
    CHECK_EQ(csr(s, 0x344) & 0x800, 0);
    iss_free(s);

    /* finisher: pass, fail code, reset; ignored values */
    static const struct { uint32_t v; enum iss_stop st; uint32_t code; } f[] = {
        {0x5555, ISS_PASS, 0}, {(5u << 16) | 0x3333, ISS_FAIL_CODE, 5}, {0x1234, ISS_RUNNING, 0}};
    for (size_t i = 0; i < 3; i++) {
        s = mk();
        iss_set_reg(s, 1, IR_SYSCTL_BASE);
        iss_set_reg(s, 2, f[i].v);
        PUT(s, RAM, SW(2, 1, 0), NOP);
        CHECK_EQ(iss_step(s, NULL), f[i].st);
        CHECK_EQ(iss_stop_code(s), f[i].code);
        iss_free(s);
    }
    s = mk();
    iss_set_reg(s, 1, IR_SYSCTL_BASE);
    iss_set_reg(s, 2, 0x7777);
    iss_csr_write(s, 0x305, 0x1234);
    PUT(s, RAM, SW(2, 1, 0));
    CHECK_EQ(iss_step(s, NULL), ISS_RUNNING);
    CHECK_EQ(iss_get_pc(s), 0);
    CHECK_EQ(iss_get_priv(s), 3);
    CHECK_EQ(csr(s, 0x305), 0);
    CHECK_EQ(iss_get_reg(s, 2), 0);
    CHECK_EQ(rd32(s, RAM), SW(2, 1, 0));   /* RAM kept */
    iss_free(s);

    /* tohost */
    s = mk();
    iss_set_tohost(s, RAM + 0x1000);
    iss_set_reg(s, 1, RAM + 0x1000);
    iss_set_reg(s, 2, 2);
    iss_set_reg(s, 3, 7);
    PUT(s, RAM, SW(2, 1, 0), SW(3, 1, 0));
    CHECK_EQ(iss_step(s, NULL), ISS_RUNNING);
    CHECK_EQ(iss_step(s, NULL), ISS_FAIL_TOHOST);
    CHECK_EQ(iss_stop_code(s), 3);
    iss_free(s);

    /* CLINT: mtime readable, mtimecmp reset value, byte write to MSIP, mtime write */
    s = mk();
    iss_set_reg(s, 1, IR_CLINT_BASE);
    iss_set_reg(s, 2, 1);
    iss_set_reg(s, 3, 1000);
    iss_set_reg(s, 8, IR_CLINT_BASE + IR_CLINT_MTIMECMP);
    PUT(s, RAM, NOP, LW(4, 8, 4), SB(2, 1, 0), LW(5, 1, 0), LUI(6, 0xc000), ADD(6, 6, 1), SW(3, 6, -8),
        LW(7, 6, -8));
    steps(s, 8);
    CHECK_EQ(iss_get_reg(s, 4), 0xffffffffu);
    CHECK_EQ(iss_get_reg(s, 5), 1);
    CHECK_EQ(csr(s, 0x344) & 0x8, 0x8);
    CHECK_EQ(iss_get_reg(s, 7), 1000);   /* written value, then the read step had not incremented yet */
    iss_free(s);
}

static void test_selfmod(void)
{
    /* a store over an instruction already executed (and decoded) is seen when it runs again */
    struct iss *s = mk();
    iss_set_reg(s, 1, RAM);
    iss_set_reg(s, 2, ADDI(5, 0, 99));
    PUT(s, RAM, ADDI(5, 0, 1), SW(2, 1, 0), JAL(0, -8));
    steps(s, 1);
    CHECK_EQ(iss_get_reg(s, 5), 1);
    steps(s, 3);
    CHECK_EQ(iss_get_reg(s, 5), 99);
    /* the same through the fast path */
    iss_set_reg(s, 2, ADDI(5, 0, 55));
    uint64_t done;
    iss_run(s, 3, &done);
    CHECK_EQ(done, 3);
    iss_run(s, 1, &done);
    CHECK_EQ(iss_get_reg(s, 5), 55);
    iss_free(s);
}

static void test_trace_records(void)
{
    struct iss *s = mk();
    iss_set_reg(s, 1, 5);
    PUT(s, RAM, CSRRW(2, 0x340, 1), ADDI(0, 0, 1));
    struct retire r = step1(s);
    CHECK_EQ(r.kind, 0);
    CHECK_EQ(r.pc, RAM);
    CHECK_EQ(r.insn, CSRRW(2, 0x340, 1));
    CHECK_EQ(r.rd, 2);
    CHECK_EQ(r.csr_we, 1);
    CHECK_EQ(r.csr_addr, 0x340);
    CHECK_EQ(r.csr_wdata, 5);
    CHECK_EQ(r.next_pc, RAM + 4);
    CHECK_EQ(r.priv, 3);
    r = step1(s);
    CHECK_EQ(r.rd, 0);   /* writes to x0 are reported as no write */
    char buf[64];
    disasm(RAM, CSRRW(2, 0x340, 1), buf, sizeof buf);
    CHECK(strcmp(buf, "csrrw   sp,mscratch,ra") == 0);
    disasm(RAM, BNE(10, 11, -8), buf, sizeof buf);
    CHECK(strcmp(buf, "bne     a0,a1,0x3ffffff8") == 0);
    disasm(RAM, LW(10, 2, -4), buf, sizeof buf);
    CHECK(strcmp(buf, "lw      a0,-4(sp)") == 0);
    disasm(RAM, 0, buf, sizeof buf);
    CHECK(strcmp(buf, "illegal 0x00000000") == 0);
    disasm(RAM, SFENCE_VMA(10, 0), buf, sizeof buf);
    CHECK(strcmp(buf, "sfence.vma a0,zero") == 0);
    disasm(RAM, CSRRSI(0, 0x300, 8), buf, 8);   /* truncated, still terminated */
    CHECK(strlen(buf) == 7);
    iss_free(s);
}

int main(void)
{
    static const struct check_test tests[] = {
        {"alu", test_alu},           {"muldiv", test_muldiv},         {"branches", test_branches},
        {"loadstore", test_loadstore}, {"illegal", test_illegal},     {"csr_masks", test_csr_masks},
        {"counters", test_counters}, {"traps", test_traps},           {"interrupts", test_interrupts},
        {"sv32", test_sv32},         {"devices", test_devices},       {"selfmod", test_selfmod},
        {"trace_records", test_trace_records},
    };
    struct check_counts counts = {0, 0};
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        check_run("%s: iss-unit %s\n", &tests[i], &counts);
    return check_summary(&counts);
}
