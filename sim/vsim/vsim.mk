# sim/vsim/vsim.mk - builds the Verilator simulator $(BIN)/vsim (contract: docs/sim.md).
#
# The RTL is the core and the SoC of hw/ (HW_CORE_SRCS, HW_SOC_SRCS from hw/hw.mk) with the two memories replaced
# by the DPI-C versions in sim/vsim/rtl. The harness sim/vsim/vsim.cpp links the host C libraries that iss.mk and
# models.mk build: ISS_LIB (the ISS, the difftest checker, trace lines) and MODELS_LIB (loader, console).
# Objects go to $(VSIM_DIR) (Verilator's make runs in $(VSIM_DIR)/obj).

VSIM_DIR      := $(BUILD)/vsim
VSIM_OBJDIR   := $(VSIM_DIR)/obj
VSIM_CPP      := sim/vsim/vsim.cpp
VSIM_SIM_RTL  := sim/vsim/rtl/iridium_bootrom.v sim/vsim/rtl/iridium_ram.v
VSIM_RTL      := $(VSIM_SIM_RTL) $(HW_CORE_SRCS) \
                 $(filter-out hw/soc/iridium_bootrom.v hw/soc/iridium_ram.v,$(HW_SOC_SRCS))
VSIM_RTL_HDRS := $(wildcard hw/include/*.vh hw/core/*.vh)

# Host C libraries, from the fragments of sim/iss (ISS + difftest checker + trace lines) and sim/models (loader,
# console), in link order.
VSIM_C_LIBS   := $(ISS_LIB) $(MODELS_LIB)

# -O3 and fast X handling for speed; --x-initial unique lets --seed randomise the initial state (default zeros);
# FST tracing is compiled in but costs nothing until --trace opens a file.
VSIM_VFLAGS   := --cc --exe --build -O3 --x-assign fast --x-initial unique --trace-fst -Wno-fatal \
                 --top-module iridium_soc $(HW_INCS) -Mdir $(VSIM_OBJDIR) -o vsim \
                 -CFLAGS "-O2 -I$(abspath hw/include) -I$(abspath sim/models) -I$(abspath sim/difftest)" \
                 -MAKEFLAGS "OPT_FAST=-O2 OPT_GLOBAL=-O2 OPT_SLOW=-O1"

ALL_TARGETS   += $(BIN)/vsim

.PHONY: vsim

## vsim: build the Verilator simulator build/bin/vsim (`vsim --help`; docs/sim.md)
vsim: $(BIN)/vsim

$(BIN)/vsim: $(VSIM_CPP) $(VSIM_RTL) $(VSIM_RTL_HDRS) $(VSIM_C_LIBS) sim/vsim/vsim.mk
	@mkdir -p $(BIN) $(VSIM_OBJDIR)
	+$(VERILATOR) $(VSIM_VFLAGS) $(VSIM_RTL) $(abspath $(VSIM_CPP)) $(abspath $(VSIM_C_LIBS))
	cp $(VSIM_OBJDIR)/vsim $@

# ---- harness tests (sim/vsim/tests: tiny M-mode programs linked at the start of RAM) ------------------------
VSIM_TEST_DIR  := $(VSIM_DIR)/tests
VSIM_TEST_ELFS := $(addprefix $(VSIM_TEST_DIR)/,tohost-pass.elf tohost-fail.elf finish-pass.elf finish-fail.elf \
                  echo.elf reset.elf spin.elf)
VSIM_TEST_LD   := $(RV_LDFLAGS) -Wl,-N -Wl,--no-warn-rwx-segments -Wl,-Ttext=0x40000000

TEST_TARGETS   += test-vsim
.PHONY: test-vsim

## test-vsim: the vsim command-line contract (exit codes, finisher, tohost, reset, tracing, piped UART input)
test-vsim: $(BIN)/vsim $(VSIM_TEST_ELFS)
	sim/vsim/test-vsim.sh $(BIN)/vsim $(VSIM_TEST_DIR)

$(VSIM_TEST_DIR)/tohost-pass.elf: sim/vsim/tests/tohost.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(VSIM_TEST_LD) -DTOHOST_VALUE=1 -o $@ $<
$(VSIM_TEST_DIR)/tohost-fail.elf: sim/vsim/tests/tohost.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(VSIM_TEST_LD) -DTOHOST_VALUE=5 -o $@ $<
$(VSIM_TEST_DIR)/finish-pass.elf: sim/vsim/tests/finish.S hw/include/iridium_soc.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(VSIM_TEST_LD) -DFINISH_VALUE=0x5555 -o $@ $<
$(VSIM_TEST_DIR)/finish-fail.elf: sim/vsim/tests/finish.S hw/include/iridium_soc.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(VSIM_TEST_LD) -DFINISH_VALUE=0x73333 -o $@ $<
$(VSIM_TEST_DIR)/%.elf: sim/vsim/tests/%.S hw/include/iridium_soc.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(VSIM_TEST_LD) -o $@ $<

# ---- difftest self-test: a vsim built with a deliberately broken sltu must be caught at the right pc ----------
VSIM_FAULT_DIR := $(BUILD)/vsim-fault
VSIM_FAULT     := $(VSIM_FAULT_DIR)/vsim

$(VSIM_FAULT): $(VSIM_CPP) $(VSIM_RTL) $(VSIM_RTL_HDRS) $(VSIM_C_LIBS) sim/vsim/vsim.mk
	@mkdir -p $(VSIM_FAULT_DIR)/obj
	+$(VERILATOR) $(subst $(VSIM_OBJDIR),$(VSIM_FAULT_DIR)/obj,$(VSIM_VFLAGS)) +define+IR_INJECT_FAULT=1 \
	    $(VSIM_RTL) $(abspath $(VSIM_CPP)) $(abspath $(VSIM_C_LIBS))
	cp $(VSIM_FAULT_DIR)/obj/vsim $@

TEST_TARGETS += test-difftest-selftest
.PHONY: test-difftest-selftest

## test-difftest-selftest: an RTL build with an injected sltu fault must make `vsim --difftest` stop at that pc
test-difftest-selftest: $(VSIM_FAULT) $(BIN)/vsim $(VSIM_TEST_DIR)/inject.elf
	@set -e; elf=$(VSIM_TEST_DIR)/inject.elf; \
	pc=$$(printf '0x%08x' 0x$$($(CROSS)nm $$elf | awk '$$3 == "inject_here" {print $$1}')); \
	$(BIN)/vsim --difftest --elf $$elf --max-cycles 10000 > /dev/null \
	    || { echo "FAIL test-difftest-selftest: the correct RTL does not pass inject.elf"; exit 1; }; \
	echo "PASS correct RTL passes inject.elf under difftest"; \
	rc=0; $(VSIM_FAULT) --difftest --elf $$elf --max-cycles 10000 > $(VSIM_FAULT_DIR)/report.txt 2>&1 || rc=$$?; \
	if [ $$rc -eq 1 ] && grep -q "MISMATCH" $(VSIM_FAULT_DIR)/report.txt && \
	   grep -q "instruction: pc $$pc" $(VSIM_FAULT_DIR)/report.txt; then \
	    echo "PASS faulty RTL caught at pc $$pc (report: $(VSIM_FAULT_DIR)/report.txt)"; \
	else \
	    echo "FAIL faulty RTL not caught at pc $$pc (exit $$rc):"; head -20 $(VSIM_FAULT_DIR)/report.txt; exit 1; \
	fi
