# os/os.mk - the software that runs on Iridium. For now: the boot ROM program (os/boot/, M-mode firmware).
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
BOOT_SRCS     := os/boot/start.S os/boot/main.c os/boot/console.c os/boot/boot.c os/boot/sbi.c os/boot/crc32.c
BOOT_OBJS     := $(patsubst os/boot/%,$(BOOT_DIR)/obj/%.o,$(BOOT_SRCS))
BOOT_HDRS     := $(wildcard os/boot/*.h) hw/include/iridium_soc.h

ALL_TARGETS   += $(BOOTROM_ELF) $(BOOTROM_BIN) $(BOOTROM_HEX)

.PHONY: bootrom

## bootrom: build the boot ROM program (build/boot/bootrom.{elf,bin,hex})
bootrom: $(BOOTROM_ELF) $(BOOTROM_BIN) $(BOOTROM_HEX)

$(BOOT_DIR)/obj/%.c.o: os/boot/%.c $(BOOT_HDRS) os/os.mk
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -ffunction-sections -fdata-sections -I os/boot -I os/include -c -o $@ $<

$(BOOT_DIR)/obj/%.S.o: os/boot/%.S os/os.mk
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c -o $@ $<

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

## test-bootrom-iss: boot ROM demo on the ISS: banner, echo, Ctrl-D power off, trap report
test-bootrom-iss: $(BIN)/iss $(BOOTROM_ELF) $(BOOTROM_BIN)
	CROSS=$(CROSS) os/boot/test-bootrom.sh $(BIN)/iss $(BOOTROM_ELF) $(BOOTROM_BIN) iss $(BOOT_DIR)/test-iss

## test-bootrom-vsim: boot ROM demo on vsim (the RTL): banner, echo, Ctrl-D power off, trap report
test-bootrom-vsim: $(BIN)/vsim $(BOOTROM_ELF) $(BOOTROM_BIN)
	CROSS=$(CROSS) os/boot/test-bootrom.sh $(BIN)/vsim $(BOOTROM_ELF) $(BOOTROM_BIN) vsim $(BOOT_DIR)/test-vsim
