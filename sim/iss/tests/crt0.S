/* crt0.S - start-up code of the C end-to-end test programs: set sp, clear .bss, call main(), then report main's
 * return value through the system controller's finisher: 0 = pass (0x5555), n = FAIL code n ((n << 16) | 0x3333).
 * Any trap goes to trap_fail, which reports FAIL code 0xdead. (iridium_soc.h uses C suffixes, so the addresses are
 * spelled out here: system controller at 0x80001000.) */
    .section .text.init
    .globl _start
_start:
    la      sp, _stack_top
    la      t0, trap_fail
    csrw    mtvec, t0
    la      t0, __bss_start
    la      t1, _end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:  call    main
    li      t0, 0x80001000
    bnez    a0, 3f
    li      t1, 0x5555
    sw      t1, 0(t0)
3:  slli    a0, a0, 16
    li      t1, 0x3333
    or      a0, a0, t1
    sw      a0, 0(t0)
4:  j       4b
    .globl trap_fail
trap_fail:
    li      t0, 0x80001000
    li      t1, (0xdead << 16) | 0x3333
    sw      t1, 0(t0)
5:  j       5b
