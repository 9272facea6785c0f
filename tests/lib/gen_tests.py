#!/usr/bin/env python3
"""gen_tests.py - generates the table-driven RV32IM tests in tests/isa: the register-register and immediate ALU
ops, mul/div/rem, the six branches, the five loads and three stores. Expected values are computed here from the
RISC-V definitions (independently of the simulators); the output files are checked in, so rerun this only to
change the tables:  python3 tests/lib/gen_tests.py   (rewrites those files in place)."""
import os
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'isa') + '/'
M=0xffffffff
def s(x): x&=M; return x-(1<<32) if x>>31 else x
def u(x): return x&M
def sh(b): return b&31
ops = {
 'add': lambda a,b: a+b, 'sub': lambda a,b: a-b,
 'sll': lambda a,b: u(a)<<sh(b), 'srl': lambda a,b: u(a)>>sh(b), 'sra': lambda a,b: s(a)>>sh(b),
 'slt': lambda a,b: int(s(a)<s(b)), 'sltu': lambda a,b: int(u(a)<u(b)),
 'xor': lambda a,b: a^b, 'or': lambda a,b: a|b, 'and': lambda a,b: a&b,
 'mul': lambda a,b: s(a)*s(b), 'mulh': lambda a,b: (s(a)*s(b))>>32, 'mulhsu': lambda a,b: (s(a)*u(b))>>32,
 'mulhu': lambda a,b: (u(a)*u(b))>>32,
}
def div(a,b):
    a,b=s(a),s(b)
    if b==0: return -1
    if a==-2**31 and b==-1: return a
    q=abs(a)//abs(b); return q if (a<0)==(b<0) else -q
def divu(a,b):
    a,b=u(a),u(b)
    return M if b==0 else a//b
def rem(a,b):
    a,b=s(a),s(b)
    if b==0: return a
    if a==-2**31 and b==-1: return 0
    r=abs(a)%abs(b); return r if a>=0 else -r
def remu(a,b):
    a,b=u(a),u(b)
    return a if b==0 else a%b
ops.update(div=div,divu=divu,rem=rem,remu=remu)
imm_ops={'addi':'add','slti':'slt','sltiu':'sltu','xori':'xor','ori':'or','andi':'and','slli':'sll','srli':'srl','srai':'sra'}
EDGE=[0,1,-1,2,0x7fffffff,0x80000000,0x80000001,0xfffffffe,0x12345678,0xfedcba98,0x55555555,0xaaaaaaaa,0x0000ffff,0xffff0000,3,-3,7,0x10000,0x00ff00ff]
def h(x): return '0x%08x'%u(x)
desc = {
 'add':'add: wrap-around, sign edges, rd aliasing','sub':'sub: borrow/wrap, sign edges, rd aliasing',
 'sll':'sll: shift amounts 0..31, only rs2[4:0] used','srl':'srl: logical right shift, amounts 0/1/31, only rs2[4:0] used',
 'sra':'sra: arithmetic right shift of negatives and positives, amounts 0/1/31, only rs2[4:0] used',
 'slt':'slt: signed compare at the sign edges','sltu':'sltu: unsigned compare at the edges (0, -1, 0x80000000)',
 'xor':'xor','or':'or','and':'and',
 'mul':'mul: low 32 bits of the product, signs and overflow','mulh':'mulh: high word of signed x signed',
 'mulhsu':'mulhsu: high word of signed rs1 x unsigned rs2','mulhu':'mulhu: high word of unsigned x unsigned',
 'div':'div: signed division, rounding toward zero, division by zero (-1) and overflow (-2^31 / -1 = -2^31)',
 'divu':'divu: unsigned division, division by zero (all ones)',
 'rem':'rem: signed remainder (sign of the dividend), by zero (dividend), overflow (0)',
 'remu':'remu: unsigned remainder, by zero (dividend)',
}
def pairs(op):
    if op in ('sll','srl','sra'):
        vals=[1,0x80000000,0x7fffffff,0xffffffff,0x12345678,0x87654321,0x80000001]
        amts=[0,1,2,4,7,8,15,16,17,30,31,32,33,0xffffffe1,0xffffffff,0x7fffffe0]
        return [(a,b) for a in vals for b in amts]
    if op.startswith('div') or op.startswith('rem'):
        base=[(7,2),(-7,2),(7,-2),(-7,-2),(0,5),(5,0),(0,0),(-1,0),(0x80000000,0),(0x80000000,-1),(0x80000000,1),
              (0x7fffffff,-1),(0x80000000,2),(0xffffffff,1),(0xffffffff,0xffffffff),(100,7),(-100,7),(100,-7),
              (0x12345678,0x1234),(0xfedcba98,0x10),(1,0xffffffff),(0x80000001,0xffffffff),(6,3),(-6,3),(5,5),(3,7),(-3,7)]
        return base
    pr=[]
    for a in EDGE[:12]:
        for b in [0,1,-1,0x7fffffff,0x80000000,0x12345678,2,0xfffffffe]:
            pr.append((a,b))
    return pr
def gen_rr(op):
    f=ops[op]
    out=['/* %s.S - %s. */'%(op,desc[op]),'#include "test.h"','TEST_MAIN']
    n=1
    for a,b in pairs(op):
        out.append('    TEST_RR %d, %s, %s, %s, %s'%(n,op,h(f(a,b)),h(a),h(b))); n+=1
    for a in [0,1,0x80000000,0xffffffff,0x12345678,7]:
        out.append('    TEST_RR_SAME %d, %s, %s, %s'%(n,op,h(f(a,a)),h(a))); n+=1
    # rd = x0
    out.append('    TEST_CASE %d'%n); out.append('    li a1, 0x12345678'); out.append('    li a2, 0x0f0f0f0f')
    out.append('    %s x0, a1, a2'%op); out.append('    CHECK x0, 0'); n+=1
    # source x0
    out.append('    TEST_CASE %d'%n); out.append('    li a1, 0x12345678')
    out.append('    %s a0, x0, a1'%op); out.append('    CHECK a0, %s'%h(f(0,0x12345678)))
    out.append('    %s a0, a1, x0'%op); out.append('    CHECK a0, %s'%h(f(0x12345678,0))); n+=1
    out.append('    TEST_PASS')
    return '\n'.join(out)+'\n'
def gen_imm(iop):
    op=imm_ops[iop]; f=ops[op]
    out=['/* %s.S - %s with a sign-extended 12-bit immediate (edges 0, 1, -1, 2047, -2048); rd aliasing, rd = x0. */'%(iop,iop),'#include "test.h"','TEST_MAIN']
    if iop in ('slli','srli','srai'):
        out[0]='/* %s.S - %s: shift amounts 0..31 of positive and negative values; rd aliasing, rd = x0. */'%(iop,iop)
        vals=[1,0x80000000,0x7fffffff,0xffffffff,0x12345678,0x87654321]
        imms=[0,1,2,7,8,15,16,17,30,31]
    else:
        vals=[0,1,-1,0x7fffffff,0x80000000,0x12345678,0xfffff800,0x000007ff,0x00000800,0xfedcba98]
        imms=[0,1,-1,2047,-2048,0x555,-0x556,0x7f0,-2]
    n=1
    for a in vals:
        for i in imms:
            out.append('    TEST_IMM %d, %s, %s, %s, %d'%(n,iop,h(f(a,i)),h(a),i)); n+=1
    out.append('    TEST_CASE %d'%n); out.append('    li a1, 0x12345678'); out.append('    %s x0, a1, 5'%iop); out.append('    CHECK x0, 0'); n+=1
    out.append('    TEST_CASE %d'%n); out.append('    %s a0, x0, 5'%iop); out.append('    CHECK a0, %s'%h(f(0,5))); n+=1
    out.append('    TEST_PASS')
    return '\n'.join(out)+'\n'
def main_alu():
  for op in ['add','sub','sll','slt','sltu','xor','srl','sra','or','and','mul','mulh','mulhsu','mulhu','div','divu','rem','remu']:
      open(D+op+'.S','w').write(gen_rr(op))
  for iop in imm_ops:
      open(D+iop+'.S','w').write(gen_imm(iop))

cond={'beq':lambda a,b:u(a)==u(b),'bne':lambda a,b:u(a)!=u(b),'blt':lambda a,b:s(a)<s(b),'bge':lambda a,b:s(a)>=s(b),
      'bltu':lambda a,b:u(a)<u(b),'bgeu':lambda a,b:u(a)>=u(b)}
bpairs=[(0,0),(1,1),(-1,-1),(0,1),(1,0),(-1,0),(0,-1),(0x80000000,0x7fffffff),(0x7fffffff,0x80000000),(-2,-1),(-1,-2),
       (5,5),(0x80000000,0x80000000),(0x80000000,0),(0,0x80000000),(0xfffffffe,0xffffffff),(0x7fffffff,0x7ffffffe),
       (0x12345678,0x12345679),(0x80000000,0x80000001),(1,-1),(-1,1)]
bdesc={'beq':'equal','bne':'not equal','blt':'signed less than','bge':'signed greater or equal','bltu':'unsigned less than','bgeu':'unsigned greater or equal'}
def main_br():
 for op,f in cond.items():
    out=['/* %s.S - %s (%s): taken and not taken, forward and backward, at the signed/unsigned edges; operands unchanged. */'%(op,op,bdesc[op]),'#include "test.h"','TEST_MAIN']
    n=1
    for a,b in bpairs:
        out.append('    %s %d, %s, %s, %s'%('BR_TAKEN' if f(a,b) else 'BR_NOT',n,op,h(a),h(b))); n+=1
    # x0 operands
    out.append('    TEST_CASE %d'%n); n+=1
    out.append('    %s x0, x0, 1f'%op)
    out.append('    %s'%('j fail' if cond[op](0,0) else 'j 2f'))
    out.append('1:  %s'%('j 2f' if cond[op](0,0) else 'j fail'))
    out.append('2:')
    out.append('    TEST_PASS')
    open(D+'%s.S'%op,'w').write('\n'.join(out)+'\n')

data=[0x01,0x82,0x7f,0xff,0x80,0x00,0x34,0x12,0xff,0xff,0x00,0x80,0x78,0x56,0x34,0x92]
def sext(v,bits): return v-(1<<bits) if v>>(bits-1) else v
def val(op,off):
    if op=='lb': return sext(data[off],8)
    if op=='lbu': return data[off]
    b=data[off]|data[off+1]<<8
    if op=='lh': return sext(b,16)
    if op=='lhu': return b
    return data[off]|data[off+1]<<8|data[off+2]<<16|data[off+3]<<24
size={'lb':1,'lbu':1,'lh':2,'lhu':2,'lw':4}
ldesc={'lb':'sign-extended byte','lbu':'zero-extended byte','lh':'sign-extended halfword','lhu':'zero-extended halfword','lw':'word'}
datadef='    .data\n    .balign 16\nld_data:\n    .byte '+', '.join('0x%02x'%b for b in data)+'\nld_end:\n'
def main_ldst():
    for op in size:
        out=['/* %s.S - %s (%s) at every aligned offset, positive and negative displacements, rd = base, rd = x0. */'%(op,op,ldesc[op]),'#include "test.h"','TEST_MAIN']
        n=1
        for off in range(0,16,size[op]):
            out.append('    TEST_CASE %d'%n); n+=1
            out.append('    la a1, ld_data'); out.append('    %s a0, %d(a1)'%(op,off)); out.append('    CHECK a0, %s'%h(val(op,off)))
            out.append('    la a1, ld_end'); out.append('    %s a0, %d(a1)'%(op,off-16)); out.append('    CHECK a0, %s'%h(val(op,off)))
            out.append('    la a1, ld_data + %d'%(off+2048)); out.append('    %s a0, -2048(a1)'%op); out.append('    CHECK a0, %s'%h(val(op,off)))
            out.append('    la a1, ld_data + %d'%off); out.append('    %s a1, 0(a1)'%op); out.append('    CHECK a1, %s'%h(val(op,off)))
        out.append('    TEST_CASE %d'%n); n+=1
        out.append('    la a1, ld_data + 4'); out.append('    %s x0, 0(a1)'%op); out.append('    CHECK x0, 0')
        out.append('    TEST_CASE %d'%n); n+=1   # large positive displacement 2044
        out.append('    la a1, ld_data - 2044'); out.append('    %s a0, 2044(a1)'%op); out.append('    CHECK a0, %s'%h(val(op,0)))
        out.append('    TEST_PASS'); out.append(datadef)
        open(D+'%s.S'%op,'w').write('\n'.join(out)+'\n')
    
    # stores
    init=0xa5a5a5a5
    sdesc={'sb':'byte','sh':'halfword','sw':'word'}
    ssize={'sb':1,'sh':2,'sw':4}
    for op in ssize:
        out=['/* %s.S - %s (%s store): every byte lane, only the addressed bytes change, upper source bits ignored, negative displacements, data register = base register. */'%(op,op,sdesc[op]),'#include "test.h"','TEST_MAIN']
        n=1
        src=0x12345678 if op!='sb' else 0xdeadbe9c
        vals=[0x12345678,0xcafef00d,0x80000001]
        for v in vals:
            for off in range(0,8,ssize[op]):
                # memory: two words, init
                mem=bytearray(init.to_bytes(4,'little')*2)
                k=ssize[op]
                mem[off:off+k]=(v&((1<<(8*k))-1)).to_bytes(k,'little')
                w0=int.from_bytes(mem[0:4],'little'); w1=int.from_bytes(mem[4:8],'little')
                out.append('    TEST_CASE %d'%n); n+=1
                out.append('    jal ra, st_reset')
                out.append('    la a1, st_data'); out.append('    li a2, %s'%h(v))
                disp = off if (n%2) else off-8
                base='st_data' if disp==off else 'st_data + 8'
                out.append('    la a1, %s'%base); out.append('    %s a2, %d(a1)'%(op,disp))
                out.append('    la a1, st_data'); out.append('    lw a0, 0(a1)'); out.append('    CHECK a0, %s'%h(w0))
                out.append('    lw a0, 4(a1)'); out.append('    CHECK a0, %s'%h(w1))
                out.append('    lw a0, -4(a1)'); out.append('    CHECK a0, %s'%h(init))
                out.append('    lw a0, 8(a1)'); out.append('    CHECK a0, %s'%h(init))
        # data register == base register
        out.append('    TEST_CASE %d'%n); n+=1
        out.append('    jal ra, st_reset'); out.append('    la a1, st_data')
        out.append('    %s a1, 4(a1)'%op)
        out.append('    la a2, st_data'); out.append('    lw a0, 4(a2)')
        # value: address of st_data truncated
        out.append('    mv a3, a2')
        if op=='sb': out.append('    andi a3, a3, 0xff'); out.append('    li a4, 0xa5a5a500'); out.append('    or a3, a3, a4')
        if op=='sh': out.append('    slli a3, a3, 16'); out.append('    srli a3, a3, 16'); out.append('    li a4, 0xa5a50000'); out.append('    or a3, a3, a4')
        out.append('    CHECK_EQ a0, a3')
        # store then load immediately (store-to-load)
        out.append('    TEST_CASE %d'%n); n+=1
        out.append('    jal ra, st_reset'); out.append('    la a1, st_data'); out.append('    li a2, 0x13579bdf')
        out.append('    %s a2, 0(a1)'%op)
        lop={'sb':'lbu','sh':'lhu','sw':'lw'}[op]
        out.append('    %s a0, 0(a1)'%lop)
        out.append('    CHECK a0, %s'%h(0x13579bdf & ((1<<(8*ssize[op]))-1)))
        out.append('    TEST_PASS')
        out.append('''
/* Fill st_data[-1..2] (four words) with the pattern. */
st_reset:
    la t0, st_data - 4
    li t1, %s
    sw t1, 0(t0)
    sw t1, 4(t0)
    sw t1, 8(t0)
    sw t1, 12(t0)
    ret

    .data
    .balign 16
    .word 0
st_data:
    .word 0, 0, 0
'''%h(init))
        open(D+'%s.S'%op,'w').write('\n'.join(out)+'\n')
    

if __name__ == '__main__':
    main_alu()
    main_br()
    main_ldst()
