# sim/iss/iss.mk - the C instruction-set simulator `iss`, the difftest checker and their tests.
#
# Provides for other fragments (vsim.mk links the checker):
#   ISS_LIB_SRCS   the ISS as a library (no main)
#   DIFFTEST_SRCS  the difftest checker, disassembler and trace line (sim/difftest)
#   ISS_LIB        $(BUILD)/host/libiss.a = ISS_LIB_SRCS + DIFFTEST_SRCS objects; link it before $(MODELS_LIB)
#   ISS_CFLAGS     flags to compile them (HOST_CFLAGS + include paths); headers are C++-safe
#   ISS_BIN        $(BIN)/iss
# Tests: test-iss-unit (host unit tests on hand-assembled programs), test-iss-progs (cross-compiled programs run
# end to end through the `iss` binary), test-difftest (the checker against a second ISS, with injected faults).

ISS_LIB_SRCS  := sim/iss/iss_core.c sim/iss/iss_csr.c sim/iss/iss_mmu.c sim/iss/iss_dev.c
DIFFTEST_SRCS := sim/difftest/difftest.c sim/difftest/disasm.c
ISS_CFLAGS    := $(HOST_CFLAGS) -I sim/iss
ISS_LIB       := $(BUILD)/host/libiss.a
ISS_BIN       := $(BIN)/iss
ISS_LIB_OBJS  := $(ISS_LIB_SRCS:%.c=$(BUILD)/host/%.o) $(DIFFTEST_SRCS:%.c=$(BUILD)/host/%.o)
ISS_UNIT      := $(BUILD)/host/sim/iss/tests/iss_unit
DIFFTEST_TEST := $(BUILD)/host/sim/difftest/tests/difftest_test
ISS_PROG_DIR  := $(BUILD)/iss-tests
ISS_PROGS     := $(patsubst sim/iss/tests/prog/%.S,$(ISS_PROG_DIR)/%.elf,$(wildcard sim/iss/tests/prog/*.S)) \
                 $(patsubst sim/iss/tests/prog/%.c,$(ISS_PROG_DIR)/%.elf,$(wildcard sim/iss/tests/prog/*.c))

ALL_TARGETS += $(ISS_BIN)

$(BUILD)/host/sim/iss/%.o: sim/iss/%.c
	@mkdir -p $(@D)
	$(HOST_CC) $(ISS_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/host/sim/difftest/%.o: sim/difftest/%.c
	@mkdir -p $(@D)
	$(HOST_CC) $(ISS_CFLAGS) -MMD -MP -c $< -o $@

$(ISS_LIB): $(ISS_LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

## iss: build the C instruction-set simulator build/bin/iss
.PHONY: iss
iss: $(ISS_BIN)

$(ISS_BIN): $(BUILD)/host/sim/iss/iss_main.o $(ISS_LIB) $(MODELS_LIB)
	@mkdir -p $(@D)
	$(HOST_CC) $(ISS_CFLAGS) $^ -o $@

# the host tests share their check macros and runner with sim/models/tests (check.h)
$(BUILD)/host/sim/iss/tests/%.o $(BUILD)/host/sim/difftest/tests/%.o: ISS_CFLAGS += -I sim/models/tests

$(ISS_UNIT): $(BUILD)/host/sim/iss/tests/iss_unit.o $(ISS_LIB) $(MODELS_LIB)
	$(HOST_CC) $(ISS_CFLAGS) $^ -o $@

$(DIFFTEST_TEST): $(BUILD)/host/sim/difftest/tests/difftest_test.o $(ISS_LIB) $(MODELS_LIB)
	$(HOST_CC) $(ISS_CFLAGS) $^ -o $@

# Cross-compiled end-to-end programs, linked at the RAM base (sim/iss/tests/prog/link.ld); the boot ROM test
# program (sim/iss/tests/rom/romboot.S) is linked at 0 and turned into a raw image. Assembled/compiled with the
# RV_*FLAGS and linked separately (the link uses -march=rv32im, see the top Makefile).
$(ISS_PROG_DIR)/%.o: sim/iss/tests/prog/%.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c $< -o $@

$(ISS_PROG_DIR)/%.o: sim/iss/tests/prog/%.c
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -c $< -o $@

$(ISS_PROG_DIR)/%.elf: $(ISS_PROG_DIR)/%.o $(ISS_PROG_DIR)/crt0.o sim/iss/tests/prog/link.ld
	$(RV_CC) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments -T sim/iss/tests/prog/link.ld $(if $(filter %.c,$(wildcard sim/iss/tests/prog/$*.c)),$(ISS_PROG_DIR)/crt0.o) $< -lgcc -o $@

$(ISS_PROG_DIR)/crt0.o: sim/iss/tests/crt0.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c $< -o $@

$(ISS_PROG_DIR)/romboot.elf: sim/iss/tests/rom/romboot.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c $< -o $(ISS_PROG_DIR)/romboot.o
	$(RV_CC) $(RV_LDFLAGS) -Ttext=0 $(ISS_PROG_DIR)/romboot.o -o $@

$(ISS_PROG_DIR)/%.bin: $(ISS_PROG_DIR)/%.elf
	$(RV_OBJCOPY) -O binary $< $@

.PHONY: test-iss-unit test-iss-progs test-difftest
## test-iss-unit: host unit tests of the ISS on hand-assembled programs (decode, M ext, CSRs, traps, Sv32, devices)
test-iss-unit: $(ISS_UNIT)
	$(ISS_UNIT)

## test-iss-progs: cross-compiled programs run end to end on build/bin/iss (UART, finisher, tohost, exit codes)
test-iss-progs: $(ISS_BIN) $(ISS_PROGS) $(ISS_PROG_DIR)/romboot.bin
	bash sim/iss/tests/run_progs.sh $(ISS_BIN) $(ISS_PROG_DIR)

## test-difftest: the difftest checker against a second ISS, with injected mismatches that it must report
test-difftest: $(DIFFTEST_TEST) $(ISS_PROG_DIR)/sv32.elf $(ISS_PROG_DIR)/timer.elf
	$(DIFFTEST_TEST) $(ISS_PROG_DIR)/sv32.elf $(ISS_PROG_DIR)/timer.elf

## iss-bench: measure the ISS speed (MIPS) on a simple loop program
.PHONY: iss-bench
iss-bench: $(ISS_BIN) $(ISS_PROG_DIR)/bench.elf
	$(ISS_BIN) --elf $(ISS_PROG_DIR)/bench.elf --stats

TEST_TARGETS += test-iss-unit test-iss-progs test-difftest

-include $(ISS_LIB_OBJS:.o=.d) $(BUILD)/host/sim/iss/iss_main.d $(BUILD)/host/sim/iss/tests/iss_unit.d \
         $(BUILD)/host/sim/difftest/tests/difftest_test.d
