# tests/bench/bench.mk - the integer benchmark (CPI of the core); bare-metal, run with --elf.

BENCH_ELF := $(BUILD)/bench/bench.elf

$(BENCH_ELF): tests/bench/bench.c tests/bench/bench_io.h tests/bench/start.S tests/bench/bench.ld hw/include/iridium_soc.h
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_ARCH_CC) -Wall -Wextra -Werror -O2 -ffreestanding -fno-builtin -nostdlib -I hw/include \
	    -c tests/bench/bench.c -o $(BUILD)/bench/bench.o
	$(RV_CC) $(RV_ARCH_CC) -c tests/bench/start.S -o $(BUILD)/bench/start.o
	$(RV_CC) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments -T tests/bench/bench.ld $(BUILD)/bench/start.o $(BUILD)/bench/bench.o -lgcc -o $@

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
MMUBENCH_ELF := $(BUILD)/bench/mmubench.elf

$(MMUBENCH_ELF): tests/bench/mmubench.c tests/bench/bench_io.h tests/bench/start.S tests/bench/bench.ld hw/include/iridium_soc.h
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_ARCH_CC) -Wall -Wextra -Werror -O2 -ffreestanding -fno-builtin -nostdlib -I hw/include \
	    -c tests/bench/mmubench.c -o $(BUILD)/bench/mmubench.o
	$(RV_CC) $(RV_ARCH_CC) -c tests/bench/start.S -o $(BUILD)/bench/start.o
	$(RV_CC) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments -T tests/bench/bench.ld $(BUILD)/bench/start.o \
	    $(BUILD)/bench/mmubench.o -lgcc -o $@

ALL_TARGETS += $(MMUBENCH_ELF)

.PHONY: mmubench
## mmubench: TLB hit and miss cost in cycles (S-mode, Sv32 on) on vsim, checked under difftest
mmubench: $(MMUBENCH_ELF) $(BIN)/vsim
	$(BIN)/vsim --difftest --elf $(MMUBENCH_ELF) --max-cycles 20000000 +verilator+seed+1
