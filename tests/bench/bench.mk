# tests/bench/bench.mk - the integer benchmark (CPI of the core); bare-metal, run with --elf.

BENCH_DIR    := $(BUILD)/bench
BENCH_ELF    := $(BENCH_DIR)/bench.elf
MMUBENCH_ELF := $(BENCH_DIR)/mmubench.elf
BENCH_CFLAGS := $(RV_ARCH_CC) -Wall -Wextra -Werror -O2 -ffreestanding -fno-builtin -nostdlib -I hw/include

# each benchmark is one C file linked with the shared start.S (RAM at 0x40000000, tohost)
$(BENCH_DIR)/%.o: tests/bench/%.c tests/bench/bench_io.h hw/include/iridium_soc.h
	@mkdir -p $(@D)
	$(RV_CC) $(BENCH_CFLAGS) -c $< -o $@

$(BENCH_DIR)/start.o: tests/bench/start.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH_CC) -c $< -o $@

$(BENCH_DIR)/%.elf: $(BENCH_DIR)/start.o $(BENCH_DIR)/%.o tests/bench/bench.ld
	$(RV_CC) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments -T tests/bench/bench.ld $(BENCH_DIR)/start.o \
	    $(BENCH_DIR)/$*.o -lgcc -o $@

.PRECIOUS: $(BENCH_DIR)/%.o

ALL_TARGETS += $(BENCH_ELF)

.PHONY: bench test-bench
## bench: run the integer benchmark on vsim and print cycles, instructions and CPI per kernel
bench: $(BENCH_ELF) $(BIN)/vsim
	$(BIN)/vsim --elf $(BENCH_ELF) --stats --max-cycles 20000000 +verilator+seed+1

## test-bench: the benchmark as a test: results must check and CPI must be <= 1.3 (vsim)
test-bench: $(BENCH_ELF) $(BIN)/vsim
	$(BIN)/vsim --elf $(BENCH_ELF) --max-cycles 20000000 +verilator+seed+1

TEST_TARGETS += test-bench

# The MMU micro-benchmark: TLB hit versus miss (page walk) cost, in S-mode with Sv32 on.
ALL_TARGETS += $(MMUBENCH_ELF)

.PHONY: mmubench
## mmubench: TLB hit and miss cost in cycles (S-mode, Sv32 on) on vsim, checked under difftest
mmubench: $(MMUBENCH_ELF) $(BIN)/vsim
	$(BIN)/vsim --difftest --elf $(MMUBENCH_ELF) --max-cycles 20000000 +verilator+seed+1
