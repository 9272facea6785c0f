/*
 * disasm.c - a compact disassembler for RV32IM + Zicsr + Zifencei + the privileged instructions, and the
 * --trace-insn line format shared by vsim and iss (difftest.h).
 *
 * Output uses ABI register names and the base instruction forms (no pseudo-instructions, so every line maps to one
 * encoding): branch and jal targets are absolute addresses, CSRs are named when known. Anything that is not a valid
 * encoding of the supported ISA prints as "illegal". Always NUL-terminates within len bytes.
 *
 * Trace line (one per step):  P PC (INSN) DISASSEMBLY  EFFECTS
 *   P = privilege after the step (M, S, U); EFFECTS = "x5=0x..." for a register write, "mem[0x...]=0x... strb 0x."
 *   for a store, "csr[0x...]=0x..." for a CSR write; for a trap "exception cause=N tval=0x... -> 0xHANDLER" or
 *   "interrupt cause=0x8000000N -> 0xHANDLER". The cycle count is not printed so that vsim and iss traces of the
 *   same program can be compared with diff.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "difftest.h"

static const char *const reg_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static const struct { unsigned addr; const char *name; } csr_names[] = {
    {0xC00, "cycle"}, {0xC01, "time"}, {0xC02, "instret"}, {0xC80, "cycleh"}, {0xC81, "timeh"},
    {0xC82, "instreth"}, {0x100, "sstatus"}, {0x104, "sie"}, {0x105, "stvec"}, {0x106, "scounteren"},
    {0x10A, "senvcfg"}, {0x140, "sscratch"}, {0x141, "sepc"}, {0x142, "scause"}, {0x143, "stval"}, {0x144, "sip"},
    {0x180, "satp"}, {0xF11, "mvendorid"}, {0xF12, "marchid"}, {0xF13, "mimpid"}, {0xF14, "mhartid"},
    {0xF15, "mconfigptr"}, {0x300, "mstatus"}, {0x301, "misa"}, {0x302, "medeleg"}, {0x303, "mideleg"},
    {0x304, "mie"}, {0x305, "mtvec"}, {0x306, "mcounteren"}, {0x30A, "menvcfg"}, {0x310, "mstatush"},
    {0x31A, "menvcfgh"}, {0x320, "mcountinhibit"}, {0x340, "mscratch"}, {0x341, "mepc"}, {0x342, "mcause"},
    {0x343, "mtval"}, {0x344, "mip"}, {0xB00, "mcycle"}, {0xB02, "minstret"}, {0xB80, "mcycleh"},
    {0xB82, "minstreth"},
};

struct out {
    char *buf;
    unsigned len, pos;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
    if (o->pos >= o->len) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->pos, o->len - o->pos, fmt, ap);
    va_end(ap);
    if (n > 0) o->pos += (unsigned)n;
    if (o->pos >= o->len) o->pos = o->len - 1;
}

static void csr_name(unsigned addr, char *b, size_t n)
{
    for (size_t i = 0; i < sizeof csr_names / sizeof csr_names[0]; i++) {
        if (csr_names[i].addr == addr) {
            snprintf(b, n, "%s", csr_names[i].name);
            return;
        }
    }
    if (addr >= 0x3A0 && addr <= 0x3A3) snprintf(b, n, "pmpcfg%u", addr - 0x3A0);
    else if (addr >= 0x3B0 && addr <= 0x3BF) snprintf(b, n, "pmpaddr%u", addr - 0x3B0);
    else snprintf(b, n, "0x%03x", addr);
}

static void fence_set(unsigned bits, char *b)
{
    int k = 0;
    if (bits & 8) b[k++] = 'i';
    if (bits & 4) b[k++] = 'o';
    if (bits & 2) b[k++] = 'r';
    if (bits & 1) b[k++] = 'w';
    if (!k) b[k++] = '0';
    b[k] = 0;
}

#define MN "%-7s "

void disasm(uint32_t pc, uint32_t in, char *buf, unsigned len)
{
    if (!buf || len == 0) return;
    struct out o = {buf, len, 0};
    buf[0] = 0;
    unsigned opc = in & 0x7f, rd = (in >> 7) & 31, f3 = (in >> 12) & 7, rs1 = (in >> 15) & 31;
    unsigned rs2 = (in >> 20) & 31, f7 = in >> 25;
    int32_t ii = (int32_t)in >> 20;
    int32_t is = (int32_t)(((uint32_t)((int32_t)in >> 25) << 5) | ((in >> 7) & 0x1f));
    int32_t ib = (int32_t)(((uint32_t)((int32_t)in >> 31) << 12) | (((in >> 7) & 1) << 11) |
                           (((in >> 25) & 0x3f) << 5) | (((in >> 8) & 0xf) << 1));
    int32_t ij = (int32_t)(((uint32_t)((int32_t)in >> 31) << 20) | (in & 0xff000) | (((in >> 20) & 1) << 11) |
                           (((in >> 21) & 0x3ff) << 1));
    const char *D = reg_names[rd], *S1 = reg_names[rs1], *S2 = reg_names[rs2];
    static const char *const br[8] = {"beq", "bne", 0, 0, "blt", "bge", "bltu", "bgeu"};
    static const char *const ld[8] = {"lb", "lh", "lw", 0, "lbu", "lhu", 0, 0};
    static const char *const st[8] = {"sb", "sh", "sw", 0, 0, 0, 0, 0};
    static const char *const opi[8] = {"addi", 0, "slti", "sltiu", "xori", 0, "ori", "andi"};
    static const char *const op0[8] = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
    static const char *const op1[8] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    static const char *const csr[8] = {0, "csrrw", "csrrs", "csrrc", 0, "csrrwi", "csrrsi", "csrrci"};

    switch (opc) {
    case 0x37: put(&o, MN "%s,0x%x", "lui", D, in >> 12); return;
    case 0x17: put(&o, MN "%s,0x%x", "auipc", D, in >> 12); return;
    case 0x6f: put(&o, MN "%s,0x%x", "jal", D, pc + (uint32_t)ij); return;
    case 0x67:
        if (f3 == 0) { put(&o, MN "%s,%d(%s)", "jalr", D, ii, S1); return; }
        break;
    case 0x63:
        if (br[f3]) { put(&o, MN "%s,%s,0x%x", br[f3], S1, S2, pc + (uint32_t)ib); return; }
        break;
    case 0x03:
        if (ld[f3]) { put(&o, MN "%s,%d(%s)", ld[f3], D, ii, S1); return; }
        break;
    case 0x23:
        if (st[f3]) { put(&o, MN "%s,%d(%s)", st[f3], S2, is, S1); return; }
        break;
    case 0x13:
        if (opi[f3]) { put(&o, MN "%s,%s,%d", opi[f3], D, S1, ii); return; }
        if (f3 == 1 && f7 == 0) { put(&o, MN "%s,%s,%u", "slli", D, S1, rs2); return; }
        if (f3 == 5 && f7 == 0) { put(&o, MN "%s,%s,%u", "srli", D, S1, rs2); return; }
        if (f3 == 5 && f7 == 0x20) { put(&o, MN "%s,%s,%u", "srai", D, S1, rs2); return; }
        break;
    case 0x33:
        if (f7 == 0) { put(&o, MN "%s,%s,%s", op0[f3], D, S1, S2); return; }
        if (f7 == 1) { put(&o, MN "%s,%s,%s", op1[f3], D, S1, S2); return; }
        if (f7 == 0x20 && f3 == 0) { put(&o, MN "%s,%s,%s", "sub", D, S1, S2); return; }
        if (f7 == 0x20 && f3 == 5) { put(&o, MN "%s,%s,%s", "sra", D, S1, S2); return; }
        break;
    case 0x0f:
        if (f3 == 0) {
            char p[5], s[5];
            fence_set((in >> 24) & 15, p);
            fence_set((in >> 20) & 15, s);
            if (((in >> 28) & 15) == 8) put(&o, MN "%s,%s", "fence.tso", p, s);
            else put(&o, MN "%s,%s", "fence", p, s);
            return;
        }
        if (f3 == 1) { put(&o, "fence.i"); return; }
        break;
    case 0x73:
        if (f3 == 0) {
            if (in == 0x00000073u) { put(&o, "ecall"); return; }
            if (in == 0x00100073u) { put(&o, "ebreak"); return; }
            if (in == 0x30200073u) { put(&o, "mret"); return; }
            if (in == 0x10200073u) { put(&o, "sret"); return; }
            if (in == 0x10500073u) { put(&o, "wfi"); return; }
            if (f7 == 0x09 && rd == 0) { put(&o, MN "%s,%s", "sfence.vma", S1, S2); return; }
            break;
        }
        if (csr[f3]) {
            char cn[24];
            csr_name(in >> 20, cn, sizeof cn);
            if (f3 >= 5) put(&o, MN "%s,%s,%u", csr[f3], D, cn, rs1);
            else put(&o, MN "%s,%s,%s", csr[f3], D, cn, S1);
            return;
        }
        break;
    default:
        break;
    }
    put(&o, MN "0x%08x", "illegal", in);
}

static char priv_letter(uint32_t p)
{
    return p == 3 ? 'M' : p == 1 ? 'S' : p == 0 ? 'U' : '?';
}

void retire_trace_line(FILE *f, const struct retire *r)
{
    char dis[64], eff[160];
    int n = 0;
    if (r->kind == RETIRE_INTR || (r->kind == RETIRE_EXC && r->insn == 0)) snprintf(dis, sizeof dis, "-");
    else disasm(r->pc, r->insn, dis, sizeof dis);
    eff[0] = 0;
    switch (r->kind) {
    case RETIRE_OK:
        if (r->rd) n += snprintf(eff + n, sizeof eff - (size_t)n, " x%u=0x%08x", r->rd, r->rd_wdata);
        if (r->mem_valid && r->mem_we)
            n += snprintf(eff + n, sizeof eff - (size_t)n, " mem[0x%08x]=0x%08x strb 0x%x", r->mem_addr,
                          r->mem_wdata, r->mem_wstrb);
        if (r->csr_we) snprintf(eff + n, sizeof eff - (size_t)n, " csr[0x%03x]=0x%08x", r->csr_addr, r->csr_wdata);
        break;
    case RETIRE_EXC:
        snprintf(eff, sizeof eff, " exception cause=%u tval=0x%08x -> 0x%08x", r->cause, r->tval, r->next_pc);
        break;
    default:
        snprintf(eff, sizeof eff, " interrupt cause=0x%08x -> 0x%08x", r->cause, r->next_pc);
        break;
    }
    if (eff[0]) fprintf(f, "%c %08x (%08x) %-34s%s\n", priv_letter(r->priv), r->pc, r->insn, dis, eff);
    else fprintf(f, "%c %08x (%08x) %s\n", priv_letter(r->priv), r->pc, r->insn, dis);
}
