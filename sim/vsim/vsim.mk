# sim/vsim/vsim.mk - builds the Verilator simulator $(BIN)/vsim (contract: docs/sim-vsim.md).
#
# The RTL is the core and the SoC of hw/ (HW_CORE_SRCS, HW_SOC_SRCS from hw/hw.mk) with the two memories replaced
# by the DPI-C versions in sim/vsim/rtl. The harness sim/vsim/vsim.cpp links the host C libraries of sim/models
# (loader, console), sim/difftest (trace lines, lockstep checker) and sim/iss (the ISS difftest runs): their .c
# files, minus any that defines main(), compiled with HOST_CC into $(VSIM_DIR)/libvsim_c.a.
# Objects go to $(VSIM_DIR) (Verilator's make runs in $(VSIM_DIR)/obj).

VSIM_DIR      := $(BUILD)/vsim
VSIM_OBJDIR   := $(VSIM_DIR)/obj
VSIM_CPP      := sim/vsim/vsim.cpp
VSIM_SIM_RTL  := sim/vsim/rtl/iridium_bootrom.v sim/vsim/rtl/iridium_ram.v
VSIM_RTL      := $(VSIM_SIM_RTL) $(HW_CORE_SRCS) \
                 $(filter-out hw/soc/iridium_bootrom.v hw/soc/iridium_ram.v,$(HW_SOC_SRCS))
VSIM_RTL_HDRS := $(wildcard hw/include/*.vh hw/core/*.vh)

# Host C library sources: every .c of the three directories except the ones with a main() (the programs).
VSIM_C_CANDIDATES := $(sort $(wildcard sim/models/*.c sim/difftest/*.c sim/iss/*.c))
VSIM_MAIN_RE  := ^[[:space:]]*int[[:space:]]+main[[:space:]]*[(]
VSIM_C_SRCS   ?= $(if $(VSIM_C_CANDIDATES),$(shell grep -L -E '$(VSIM_MAIN_RE)' $(VSIM_C_CANDIDATES)))
VSIM_C_HDRS   := $(wildcard sim/models/*.h sim/difftest/*.h sim/iss/*.h) hw/include/iridium_soc.h
VSIM_C_OBJS   := $(patsubst %.c,$(VSIM_DIR)/c/%.o,$(VSIM_C_SRCS))
VSIM_C_LIB    := $(VSIM_DIR)/libvsim_c.a

# -O3 and fast X handling for speed; --x-initial unique lets --seed randomise the initial state (default zeros);
# FST tracing is compiled in but costs nothing until --trace opens a file.
VSIM_VFLAGS   := --cc --exe --build -j 2 -O3 --x-assign fast --x-initial unique --trace-fst -Wno-fatal \
                 --top-module iridium_soc $(HW_INCS) -Mdir $(VSIM_OBJDIR) -o vsim \
                 -CFLAGS "-O2 -I$(abspath hw/include) -I$(abspath sim/models) -I$(abspath sim/difftest)" \
                 -MAKEFLAGS "OPT_FAST=-O2 OPT_GLOBAL=-O2 OPT_SLOW=-O1"

ALL_TARGETS   += $(BIN)/vsim

.PHONY: vsim

## vsim: build the Verilator simulator build/bin/vsim (`vsim --help`; docs/sim-vsim.md)
vsim: $(BIN)/vsim

$(VSIM_DIR)/c/%.o: %.c $(VSIM_C_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -I sim/iss -c -o $@ $<

$(VSIM_C_LIB): $(VSIM_C_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BIN)/vsim: $(VSIM_CPP) $(VSIM_RTL) $(VSIM_RTL_HDRS) $(VSIM_C_LIB) sim/vsim/vsim.mk
	@mkdir -p $(BIN) $(VSIM_OBJDIR)
	$(VERILATOR) $(VSIM_VFLAGS) $(VSIM_RTL) $(abspath $(VSIM_CPP)) $(abspath $(VSIM_C_LIB))
	cp $(VSIM_OBJDIR)/vsim $@
