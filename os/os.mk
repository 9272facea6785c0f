# os/os.mk - the software that runs on Iridium: the boot ROM firmware (os/boot/, M-mode, SBI), the kernel
# (os/kernel/, S-mode, with the file-system core os/kernel/fs/), the kernel's test programs (tests/os/progs/), the
# disk image (build/disk.img) and the system tests (tests/os/). docs/os.md describes the whole.
#
# Products (build/boot/): bootrom.elf (with symbols, for objdump/debugging), bootrom.bin (raw image loaded at 0 by
# the simulators), bootrom.hex ($readmemh, one 32-bit little-endian word per line, padded with zeros to the full
# ROM size, for FPGA builds and RTL simulation) and bootrom.lst (disassembly). The kernel (os/kernel/) comes later.

BOOT_DIR      := $(BUILD)/boot
BOOTROM_ELF   := $(BOOT_DIR)/bootrom.elf
BOOTROM_BIN   := $(BOOT_DIR)/bootrom.bin
BOOTROM_HEX   := $(BOOT_DIR)/bootrom.hex
BOOTROM_LST   := $(BOOT_DIR)/bootrom.lst
# ROM size in bytes, read from IR_BOOTROM_BYTES in hw/include/iridium_config.vh (the hex file has BOOTROM_BYTES/4
# lines). The linker script's 16 KiB limit is the default size: keep it at or below this.
ifndef BOOTROM_BYTES
BOOTROM_BYTES := $(or $(shell sed -n 's/^`define IR_BOOTROM_BYTES[[:space:]]*\([0-9]*\).*/\1/p' \
                   hw/include/iridium_config.vh),16384)
endif

BOOT_LDS      := os/boot/bootrom.ld
BOOT_SRCS     := os/boot/start.S os/boot/main.c os/boot/console.c os/boot/boot.c os/boot/sbi.c os/boot/sd.c
BOOT_OBJS     := $(patsubst os/boot/%,$(BOOT_DIR)/obj/%.o,$(BOOT_SRCS))
BOOT_HDRS     := $(wildcard os/boot/*.h) hw/include/iridium_soc.h

ALL_TARGETS   += $(BOOTROM_ELF) $(BOOTROM_BIN) $(BOOTROM_HEX)

.PHONY: bootrom

## bootrom: build the boot ROM program (build/boot/bootrom.{elf,bin,hex})
bootrom: $(BOOTROM_ELF) $(BOOTROM_BIN) $(BOOTROM_HEX)

$(BOOT_DIR)/obj/%.c.o: os/boot/%.c $(BOOT_HDRS) os/os.mk
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -ffunction-sections -fdata-sections -I os/boot -I os/include -c -o $@ $<

$(BOOT_DIR)/obj/%.S.o: os/boot/%.S os/os.mk os/include/iridium/regsave.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -I os/include -c -o $@ $<

# Link with the rv32im multilib (RV_LDFLAGS): naming zicsr at link time would pick the rv64 libgcc.
$(BOOTROM_ELF): $(BOOT_OBJS) $(BOOT_LDS)
	$(RV_CC) $(RV_LDFLAGS) -T $(BOOT_LDS) -Wl,--gc-sections -Wl,-Map,$(BOOT_DIR)/bootrom.map -o $@ $(BOOT_OBJS) -lgcc
	$(RV_OBJDUMP) -d $@ > $(BOOTROM_LST)

$(BOOTROM_BIN): $(BOOTROM_ELF)
	$(RV_OBJCOPY) -O binary $< $@

# Pad to the ROM size, then print one little-endian 32-bit word per line (od reads host order: check it is LE).
$(BOOTROM_HEX): $(BOOTROM_BIN)
	@test "$$(printf '\001\000' | od -An -t x2 | tr -d ' ')" = 0001 || { echo "bootrom.hex: host is not little-endian" >&2; exit 1; }
	@size=$$(stat -c %s $<); if [ $$size -gt $(BOOTROM_BYTES) ]; then \
	    echo "bootrom.hex: $< is $$size bytes, more than BOOTROM_BYTES=$(BOOTROM_BYTES)" >&2; exit 1; fi
	cp $< $@.tmp && truncate -s $(BOOTROM_BYTES) $@.tmp
	od -An -v -t x4 -w4 $@.tmp | tr -d ' ' > $@ && rm -f $@.tmp

# ---- tests: the boot ROM program end to end on each simulator (os/boot/test-bootrom.sh prints PASS/FAIL lines) --
TEST_TARGETS  += test-bootrom-iss test-bootrom-vsim
.PHONY: test-bootrom-iss test-bootrom-vsim

## test-bootrom-iss: firmware without a disk on the ISS: banner, console monitor echo, Ctrl-D power off, trap report
test-bootrom-iss: $(BIN)/iss $(BOOTROM_ELF) $(BOOTROM_BIN)
	CROSS=$(CROSS) os/boot/test-bootrom.sh $(BIN)/iss $(BOOTROM_ELF) $(BOOTROM_BIN) iss $(BOOT_DIR)/test-iss

## test-bootrom-vsim: firmware without a disk on vsim (the RTL): banner, monitor echo, Ctrl-D power off, trap report
test-bootrom-vsim: $(BIN)/vsim $(BOOTROM_ELF) $(BOOTROM_BIN)
	CROSS=$(CROSS) os/boot/test-bootrom.sh $(BIN)/vsim $(BOOTROM_ELF) $(BOOTROM_BIN) vsim $(BOOT_DIR)/test-vsim

# ---- the kernel (os/kernel/, S-mode) -----------------------------------------------------------------------------
# build/kernel/kernel.elf (symbols) and kernel.bin (raw image linked and loaded at 0x40100000). The file-system core
# (os/kernel/fs/, portable C) is compiled into it.
KERNEL_DIR    := $(BUILD)/kernel
KERNEL_ELF    := $(KERNEL_DIR)/kernel.elf
KERNEL_BIN    := $(KERNEL_DIR)/kernel.bin
KERNEL_LDS    := os/kernel/kernel.ld
KERNEL_SRCS   := os/kernel/entry.S $(wildcard os/kernel/*.c) $(filter-out os/kernel/fs/port_host.c,$(wildcard os/kernel/fs/*.c))
KERNEL_OBJS   := $(patsubst os/kernel/%,$(KERNEL_DIR)/obj/%.o,$(KERNEL_SRCS))
KERNEL_HDRS   := $(wildcard os/kernel/*.h os/kernel/fs/*.h os/include/iridium/*.h) hw/include/iridium_soc.h
KERNEL_CFLAGS := $(RV_CFLAGS) -I os/include -I os/kernel -fno-omit-frame-pointer

ALL_TARGETS   += $(KERNEL_ELF) $(KERNEL_BIN)

.PHONY: kernel
## kernel: build the kernel (build/kernel/kernel.{elf,bin})
kernel: $(KERNEL_ELF) $(KERNEL_BIN)

$(KERNEL_DIR)/obj/%.c.o: os/kernel/%.c $(KERNEL_HDRS) os/os.mk
	@mkdir -p $(@D)
	$(RV_CC) $(KERNEL_CFLAGS) -c -o $@ $<

$(KERNEL_DIR)/obj/%.S.o: os/kernel/%.S os/os.mk os/include/iridium/regsave.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -I os/include -c -o $@ $<

$(KERNEL_ELF): $(KERNEL_OBJS) $(KERNEL_LDS)
	$(RV_CC) $(RV_LDFLAGS) $(LDFLAGS_NORWX) -T $(KERNEL_LDS) -Wl,-Map,$(KERNEL_DIR)/kernel.map -o $@ $(KERNEL_OBJS) -lgcc
	$(RV_OBJDUMP) -d $@ > $(KERNEL_DIR)/kernel.lst

$(KERNEL_BIN): $(KERNEL_ELF)
	$(RV_OBJCOPY) -O binary $< $@
LDFLAGS_NORWX := $(shell $(RV_CC) -Wl,--no-warn-rwx-segments -nostdlib -x c /dev/null -o /dev/null 2>/dev/null && echo -Wl,--no-warn-rwx-segments)

# ---- kernel test programs (tests/os/progs/: freestanding, independent of the user library) --------------------
OS_PROGS_DIR  := $(BUILD)/os/progs
OS_PROG_NAMES := ktests
OS_PROGS      := $(addprefix $(OS_PROGS_DIR)/,$(OS_PROG_NAMES))
OS_PROG_CFLAGS := $(RV_CFLAGS) -I os/include -I tests/os/progs
.PRECIOUS: $(OS_PROGS_DIR)/%.o

$(OS_PROGS_DIR)/%.o: tests/os/progs/%.c tests/os/progs/tlib.h os/include/iridium/syscall.h os/os.mk
	@mkdir -p $(@D)
	$(RV_CC) $(OS_PROG_CFLAGS) -c -o $@ $<

$(OS_PROGS_DIR)/crt.o: tests/os/progs/crt.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c -o $@ $<

$(OS_PROGS_DIR)/%: $(OS_PROGS_DIR)/%.o $(OS_PROGS_DIR)/crt.o $(OS_PROGS_DIR)/tlib.o tests/os/progs/prog.ld
	$(RV_CC) $(RV_LDFLAGS) -T tests/os/progs/prog.ld -o $@ $(OS_PROGS_DIR)/crt.o $< $(OS_PROGS_DIR)/tlib.o -lgcc

# ---- the disk image: header + kernel + file system with /bin (user programs and the kernel's test programs) ------
# Made by build/bin/fsimage (fsimage/, whose fragment is included after this one) from a staging tree.
DISK_IMG      := $(BUILD)/disk.img
DISK_MIB      ?= 16
OS_ROOT       := $(BUILD)/os/root
DISK_PROGS     = $(USER_PROGS) $(OS_PROGS)   # user/user.mk is included after this file

ALL_TARGETS   += $(DISK_IMG)

.PHONY: disk
## disk: build the disk image build/disk.img (kernel + file system with /bin)
disk: $(DISK_IMG)

.SECONDEXPANSION:
$(DISK_IMG): $(KERNEL_BIN) $$(DISK_PROGS) $(BIN)/fsimage
	rm -rf $(OS_ROOT) && mkdir -p $(OS_ROOT)/bin $(OS_ROOT)/home $(OS_ROOT)/tmp
	cp $(DISK_PROGS) $(OS_ROOT)/bin/
	$(BIN)/fsimage mkfs $@.tmp --size $(DISK_MIB) --kernel $(KERNEL_BIN) --root $(OS_ROOT)
	mv $@.tmp $@

.PHONY: run-os
## run-os: boot the OS on the ISS (firmware -> kernel -> init -> sh); BOOTARGS="init=/bin/ktests" to change init
run-os: $(BIN)/iss $(BOOTROM_BIN) $(DISK_IMG)
	tests/os/boot.sh iss "$(BOOTARGS)"

# ---- system tests: boot the OS and drive the shell (tests/os/run-tests.sh prints PASS/FAIL lines) -------------
TEST_TARGETS  += test-os-iss test-os-vsim
.PHONY: test-os-iss test-os-vsim

## test-os-iss: OS system tests on the ISS (boot, shell, pipes, redirection, jobs, ^C, ktests suite, unattended)
test-os-iss: $(BIN)/iss $(BOOTROM_BIN) $(DISK_IMG)
	tests/os/run-tests.sh iss

## test-os-vsim: OS system tests on vsim (RTL), shortened set: boot to the prompt, ktests as init
test-os-vsim: $(BIN)/vsim $(BOOTROM_BIN) $(DISK_IMG)
	tests/os/run-tests.sh vsim
