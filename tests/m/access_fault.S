/* access_fault.S - access faults from the interconnect: loads (cause 5) and stores (cause 7) to unmapped
 * addresses (0x20000000, the reserved device range 0x80030000, just past the end of RAM), stores to the boot ROM,
 * instruction fetches (cause 1) from unmapped space and from devices. mtval = the faulting address, rd is not
 * written, and reads of the boot ROM and of reserved offsets inside a device are fine. */
#include "test.h"

.macro LOAD_FAULT insn, addr
    li a1, \addr
    li a0, 0x5a5a5a5a
    EXPECT_TRAP .Lr_\@
.Li_\@:
    \insn a0, 0(a1)
    j fail
.Lr_\@:
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TRAP_EPC .Li_\@
    CHECK_TRAP_TVAL \addr
    CHECK a0, 0x5a5a5a5a
.endm

.macro STORE_FAULT insn, addr
    li a1, \addr
    li a0, 0x5a5a5a5a
    EXPECT_TRAP .Lr_\@
.Li_\@:
    \insn a0, 0(a1)
    j fail
.Lr_\@:
    CHECK_TRAP CAUSE_STORE_ACCESS
    CHECK_TRAP_EPC .Li_\@
    CHECK_TRAP_TVAL \addr
.endm

/* Jump to addr: the jump completes (link written), the fetch at addr faults with mepc = mtval = addr. */
.macro FETCH_FAULT addr
    li a1, \addr
    li a0, 0
    EXPECT_TRAP .Lr_\@
.Lj_\@:
    jalr a0, 0(a1)
    j fail
.Lr_\@:
    CHECK_TRAP CAUSE_FETCH_ACCESS
    CHECK_TRAP_EPC_VAL \addr
    CHECK_TRAP_TVAL \addr
    CHECK_LABEL a0, .Lj_\@ + 4
.endm

TEST_MAIN
    TEST_CASE 1                     /* loads from unmapped space */
    LOAD_FAULT lw, UNMAPPED_ADDR
    LOAD_FAULT lb, UNMAPPED_ADDR + 3
    LOAD_FAULT lhu, UNMAPPED_ADDR + 0x102
    LOAD_FAULT lw, RESERVED_ADDR
    LOAD_FAULT lbu, RESERVED_ADDR + 0x11
    LOAD_FAULT lw, 0xfffffffc
    LOAD_FAULT lw, 0x00010000       /* past the largest boot ROM */
    TEST_CASE 2                     /* stores to unmapped space */
    STORE_FAULT sw, UNMAPPED_ADDR
    STORE_FAULT sb, UNMAPPED_ADDR + 1
    STORE_FAULT sh, RESERVED_ADDR + 2
    STORE_FAULT sw, 0xfffffff0
    TEST_CASE 3                     /* stores to the boot ROM */
    STORE_FAULT sw, BOOTROM_BASE
    STORE_FAULT sb, BOOTROM_BASE + 0x101
    STORE_FAULT sh, BOOTROM_BASE + 0x202
    TEST_CASE 4                     /* the boot ROM reads fine, and is not changed by the faulting stores */
    RESET_TRAP_COUNT
    li a1, BOOTROM_BASE
    lw a2, 0(a1)
    lw a3, 0x100(a1)
    EXPECT_TRAP .Lr4
    sw zero, 0(a1)
    j fail
.Lr4:
    lw a4, 0(a1)
    CHECK_EQ a2, a4
    lb a0, 0x101(a1)
    CHECK_TRAP_COUNT 1
    TEST_CASE 5                     /* just past the end of RAM (size from the system controller) */
    li a1, SYSCTL_BASE
    lw s0, SYSCTL_RAM_BYTES(a1)
    li a1, RAM_BASE
    add s0, s0, a1                  /* first address after RAM */
    li a0, 0x5a5a5a5a
    EXPECT_TRAP .Lr5
    lw a0, 0(s0)
    j fail
.Lr5:
    CHECK_TRAP CAUSE_LOAD_ACCESS
    CHECK_TRAP_TVAL_REG s0
    CHECK a0, 0x5a5a5a5a
    EXPECT_TRAP .Lr5b
    sw a0, 0(s0)
    j fail
.Lr5b:
    CHECK_TRAP CAUSE_STORE_ACCESS
    CHECK_TRAP_TVAL_REG s0
    lw a0, -4(s0)                   /* the last word of RAM is fine */
    sw a0, -4(s0)
    TEST_CASE 6                     /* reserved offsets inside a device read as zero, writes ignored */
    RESET_TRAP_COUNT
    li a1, UART_BASE
    lw a0, 0x40(a1)
    CHECK a0, 0
    li a2, -1
    sw a2, 0x40(a1)
    lw a0, 0x40(a1)
    CHECK a0, 0
    li a1, SYSCTL_BASE
    lw a0, 0x80(a1)
    CHECK a0, 0
    CHECK_TRAP_COUNT 0
    TEST_CASE 7                     /* instruction fetch faults */
    FETCH_FAULT UNMAPPED_ADDR
    FETCH_FAULT RESERVED_ADDR
    FETCH_FAULT UART_BASE
    FETCH_FAULT SYSCTL_BASE
    FETCH_FAULT CLINT_BASE
    FETCH_FAULT 0x00010000
    TEST_PASS
