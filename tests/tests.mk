# tests/tests.mk - builds the self-checking test programs and defines the targets that run them.
#
# Every tests/<suite>/<name>.S (suites: isa = RV32IM instructions, m = machine-mode traps/CSRs/interrupts,
# priv = S/U modes and Sv32) is assembled with tests/lib/test.h, linked with tests/lib/crt.S by tests/lib/link.ld
# into $(BUILD)/tests/<suite>/<name>.elf, with a disassembly next to it (<name>.dump). Runs go through
# scripts/run-tests.sh, which prints PASS/FAIL per test and `N passed, N failed`, and fails if any test failed.
# Logs: $(BUILD)/logs/<sim>/<suite>/<name>.log.

TESTS_DIR        := tests
TESTS_BUILD      := $(BUILD)/tests
TESTS_LIB_HDR    := $(TESTS_DIR)/lib/test.h
TESTS_LDSCRIPT   := $(TESTS_DIR)/lib/link.ld
TESTS_CRT_OBJ    := $(TESTS_BUILD)/lib/crt.o

TESTS_ISA_SRC    := $(sort $(wildcard $(TESTS_DIR)/isa/*.S))
TESTS_M_SRC      := $(sort $(wildcard $(TESTS_DIR)/m/*.S))
TESTS_PRIV_SRC   := $(sort $(wildcard $(TESTS_DIR)/priv/*.S))

tests_elf = $(patsubst $(TESTS_DIR)/%.S,$(TESTS_BUILD)/%.elf,$(1))

TESTS_ISA_ELF    := $(call tests_elf,$(TESTS_ISA_SRC))
TESTS_M_ELF      := $(call tests_elf,$(TESTS_M_SRC))
TESTS_PRIV_ELF   := $(call tests_elf,$(TESTS_PRIV_SRC))
TESTS_ALL_ELF    := $(TESTS_ISA_ELF) $(TESTS_M_ELF) $(TESTS_PRIV_ELF)
TESTS_ALL_DUMP   := $(TESTS_ALL_ELF:.elf=.dump)

# Run parameters (override on the command line, e.g. make test-isa-iss TEST_TIMEOUT=120).
TEST_TIMEOUT     ?= 60
TEST_MAX_CYCLES  ?= 5000000
# vsim runs start from a random initial state (unreset flops, register file) drawn from this seed; difftest runs
# cannot (the ISS starts from zeros)
VSIM_SEED        ?= 1
TEST_RUN         := scripts/run-tests.sh --timeout $(TEST_TIMEOUT) --max-cycles $(TEST_MAX_CYCLES)

ALL_TARGETS += $(TESTS_ALL_ELF) $(TESTS_ALL_DUMP)
TEST_TARGETS += test-isa-iss test-priv-iss
# The lead wires these into TEST_TARGETS once the RTL runs them.
VSIM_TEST_TARGETS := test-isa-vsim test-priv-vsim test-difftest-vsim

.PHONY: tests test-isa-iss test-priv-iss test-isa-vsim test-priv-vsim test-difftest-vsim

## tests: build every test program ($(BUILD)/tests/<suite>/<name>.elf and .dump)
tests: $(TESTS_ALL_ELF) $(TESTS_ALL_DUMP)

$(TESTS_CRT_OBJ): $(TESTS_DIR)/lib/crt.S $(TESTS_LIB_HDR)
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_ASFLAGS) -c -o $@ $<

$(TESTS_BUILD)/%.o: $(TESTS_DIR)/%.S $(TESTS_LIB_HDR)
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_ASFLAGS) -c -o $@ $<

$(TESTS_BUILD)/%.elf: $(TESTS_BUILD)/%.o $(TESTS_CRT_OBJ) $(TESTS_LDSCRIPT)
	$(RV_CC) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments -T $(TESTS_LDSCRIPT) -o $@ $(TESTS_CRT_OBJ) $<

$(TESTS_BUILD)/%.dump: $(TESTS_BUILD)/%.elf
	$(RV_OBJDUMP) -d -M no-aliases,numeric -j .text.init -j .text $< > $@.tmp && \
	  $(RV_OBJDUMP) -s -j .data -j .pages -j .tohost $< >> $@.tmp 2>/dev/null; mv $@.tmp $@

.PRECIOUS: $(TESTS_BUILD)/%.o

## test-isa-iss: RV32IM instruction and machine-mode tests (tests/isa, tests/m) on the ISS
test-isa-iss: $(BIN)/iss $(TESTS_ISA_ELF) $(TESTS_M_ELF)
	$(TEST_RUN) --log-dir $(BUILD)/logs/iss -- $(BIN)/iss -- $(TESTS_ISA_ELF) $(TESTS_M_ELF)

## test-priv-iss: S/U-mode and Sv32 tests (tests/priv) on the ISS
test-priv-iss: $(BIN)/iss $(TESTS_PRIV_ELF)
	$(TEST_RUN) --log-dir $(BUILD)/logs/iss -- $(BIN)/iss -- $(TESTS_PRIV_ELF)

## test-isa-vsim: RV32IM instruction and machine-mode tests (tests/isa, tests/m) on the RTL (vsim)
test-isa-vsim: $(BIN)/vsim $(TESTS_ISA_ELF) $(TESTS_M_ELF)
	$(TEST_RUN) --log-dir $(BUILD)/logs/vsim -- $(BIN)/vsim --seed $(VSIM_SEED) -- $(TESTS_ISA_ELF) $(TESTS_M_ELF)

## test-priv-vsim: S/U-mode and Sv32 tests (tests/priv) on the RTL (vsim)
test-priv-vsim: $(BIN)/vsim $(TESTS_PRIV_ELF)
	$(TEST_RUN) --log-dir $(BUILD)/logs/vsim -- $(BIN)/vsim --seed $(VSIM_SEED) -- $(TESTS_PRIV_ELF)

## test-difftest-vsim: every test program on the RTL in lockstep with the ISS (vsim --difftest)
# (named -vsim because sim/iss/iss.mk already defines test-difftest for the checker's own tests)
test-difftest-vsim: $(BIN)/vsim $(TESTS_ALL_ELF)
	$(TEST_RUN) --log-dir $(BUILD)/logs/difftest -- $(BIN)/vsim --difftest -- $(TESTS_ALL_ELF)
