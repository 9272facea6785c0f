# Iridium top-level Makefile.  `make help` lists every target.
#
# Each part of the tree has its own fragment (*.mk) included below; this file holds the shared toolchain settings
# and the user-facing targets. All outputs go to build/.

SHELL := /bin/bash
.DEFAULT_GOAL := all

BUILD   ?= build
BIN     := $(BUILD)/bin
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

# RISC-V cross toolchain (docs/building.md: compile with zicsr, link without it so the rv32im libgcc is chosen).
CROSS        ?= riscv64-unknown-elf-
RV_CC        := $(CROSS)gcc
RV_OBJCOPY   := $(CROSS)objcopy
RV_OBJDUMP   := $(CROSS)objdump
RV_ARCH_CC   := -march=rv32im_zicsr_zifencei -mabi=ilp32
RV_ARCH_LD   := -march=rv32im -mabi=ilp32
RV_CFLAGS    := $(RV_ARCH_CC) -Wall -Wextra -Werror -O2 -g -ffreestanding -fno-builtin -nostdlib -mcmodel=medany \
                -I hw/include
RV_ASFLAGS   := $(RV_ARCH_CC) -I hw/include -I tests/lib
RV_LDFLAGS   := $(RV_ARCH_LD) -nostdlib -nostartfiles -static

# Host C
HOST_CC      ?= gcc
HOST_CFLAGS  := -Wall -Wextra -Werror -O2 -g -I hw/include -I sim/models -I sim/difftest

DEPS := scripts/deps.sh

include hw/hw.mk
include sim/models/models.mk
include sim/iss/iss.mk
include sim/vsim/vsim.mk
include os/os.mk
include tests/tests.mk
include tests/bench/bench.mk
-include fsimage/fsimage.mk
-include user/user.mk
-include tests/os/storage.mk

# the RTL runs the same test programs as the ISS, alone and in lockstep with it (difftest)
TEST_TARGETS += $(VSIM_TEST_TARGETS) test-os-difftest

.PHONY: test-os-difftest
## test-os-difftest: boot the OS on the RTL in lockstep with the ISS, run shell commands, power off
test-os-difftest: $(BIN)/vsim $(BOOTROM_BIN) $(DISK_IMG)
	@mkdir -p $(BUILD)/logs
	@rc=0; printf 'echo difftest-ok\nls /bin | wc -l\ncat /bin/true | wc -c\npoweroff\n' | \
	    $(BIN)/vsim --difftest --load $(DISK_IMG)@0x42000000 --max-cycles 60000000 --stats \
	    > $(BUILD)/logs/os-difftest.log 2>&1 || rc=$$?; \
	if [ $$rc -eq 0 ] && grep -q '^difftest-ok' $(BUILD)/logs/os-difftest.log && \
	   grep -q 'power off' $(BUILD)/logs/os-difftest.log; then \
	    echo "PASS os boot, shell and power off under difftest ($$(grep -o 'cycles [0-9]*' $(BUILD)/logs/os-difftest.log | head -1))"; \
	else echo "FAIL os under difftest (exit $$rc), see $(BUILD)/logs/os-difftest.log"; tail -20 $(BUILD)/logs/os-difftest.log; exit 1; fi

.PHONY: all run run-iss test lint synth deps help clean

## all: build the simulators, the boot ROM and every test program
all: $(ALL_TARGETS)

# The disk `make run` boots from (SD card model): made once from the pristine image, then kept, so files created
# in the OS survive; later builds only refresh the kernel and /bin in it through fsimage (other files untouched).
RUN_DISK ?= $(BUILD)/run-disk.img

$(BUILD)/run-disk.stamp: $(DISK_IMG) $(BIN)/fsimage
	@if [ ! -f $(RUN_DISK) ]; then \
	    cp $(DISK_IMG) $(RUN_DISK) && echo "run: new disk $(RUN_DISK) (kept across runs; delete it to start afresh)"; \
	else \
	    $(BIN)/fsimage update-kernel $(RUN_DISK) $(KERNEL_BIN) && \
	    $(BIN)/fsimage sync-tree $(RUN_DISK) $(OS_ROOT)/bin /bin && \
	    echo "run: refreshed the kernel and /bin in $(RUN_DISK); your other files are kept"; \
	fi
	@touch $@

## run: boot the OS in the Verilator simulator to a shell prompt (`poweroff` or Ctrl-A X quits); the disk is kept
run: deps-quiet $(BIN)/vsim $(BOOTROM_BIN) $(BUILD)/run-disk.stamp
	$(BIN)/vsim --disk $(RUN_DISK) $(RUN_ARGS)

## run-iss: the same on the instruction-set simulator (fast), with the same disk
run-iss: deps-quiet $(BIN)/iss $(BOOTROM_BIN) $(BUILD)/run-disk.stamp
	$(BIN)/iss --disk $(RUN_DISK) $(RUN_ARGS)

## test: everything that can be checked here: lint, synthesis gate, ISA/privileged tests on both simulators and under difftest, host tests, OS and storage system tests
test: deps-quiet
	+@scripts/test-all.sh $(TEST_TARGETS)

## deps: install the packages the project needs (Debian 12), quiet when all is present
deps:
	@bash $(DEPS)

deps-quiet:
	@bash $(DEPS) --quiet

## clean: remove build/
clean:
	rm -rf $(BUILD)

## help: list the targets
help:
	@echo "Iridium: make targets"
	@grep -hE '^## ' $(MAKEFILE_LIST) | sed -e 's/^## /  /' | sort
