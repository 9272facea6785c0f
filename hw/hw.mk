# hw/hw.mk - the hardware: lint of the RTL, the synthesis gate, and the SoC device tests.
#
# Sources: hw/core/*.v (the core) and hw/soc/*.v (the SoC), Verilog-2005, headers in hw/include (and hw/core).
# Outputs: $(BUILD)/synth (synthesis logs and report.txt), $(BUILD)/soc-test (device testbenches).
# Tools: verilator (lint), yosys (synth_ice40, synth_ecp5), iverilog/vvp (testbenches).

VERILATOR     ?= verilator
YOSYS         ?= yosys
IVERILOG      ?= iverilog
VVP           ?= vvp

HW_INCS       := -Ihw/include -Ihw/core
HW_CORE_SRCS  := $(sort $(wildcard hw/core/*.v))
# The SoC as simulated and synthesised: everything in hw/soc except the synthesis top and the serial line.
HW_SOC_ALL    := $(sort $(wildcard hw/soc/*.v))
HW_SOC_SRCS   := $(filter-out hw/soc/iridium_synth_top.v hw/soc/uart_phy.v,$(HW_SOC_ALL))
HW_SOC_TB_DIR := $(BUILD)/soc-test
HW_LINT_FLAGS := --lint-only -Wall --default-language 1364-2005 $(HW_INCS)

TEST_TARGETS  += lint synth-check test-soc

.PHONY: lint synth synth-check test-soc

## lint: verilator --lint-only -Wall over the core, the SoC (Verilog-2005) and the simulator memories
lint:
	@set -e; \
	run() { echo "lint: $$1"; shift; $(VERILATOR) "$$@"; }; \
	run "iridium_soc (core + SoC)"    $(HW_LINT_FLAGS) --top-module iridium_soc $(HW_CORE_SRCS) $(HW_SOC_SRCS); \
	run "iridium_core"                $(HW_LINT_FLAGS) --top-module iridium_core $(HW_CORE_SRCS); \
	run "iridium_synth_top (+ uart_phy)" $(HW_LINT_FLAGS) --top-module iridium_synth_top $(HW_CORE_SRCS) $(HW_SOC_ALL); \
	run "iridium_fabric with vsim memories (DPI)" --lint-only -Wall $(HW_INCS) --top-module iridium_fabric \
	    sim/vsim/rtl/iridium_bootrom.v sim/vsim/rtl/iridium_ram.v \
	    $(filter-out hw/soc/iridium_bootrom.v hw/soc/iridium_ram.v hw/soc/iridium_soc.v,$(HW_SOC_SRCS)); \
	echo "PASS lint"

## synth: synthesis gate (same as synth-check)
synth: synth-check

## synth-check: yosys synth_ice40/synth_ecp5 of core and SoC, no errors or latches; sizes in build/synth/report.txt
synth-check:
	@BUILD=$(BUILD) YOSYS=$(YOSYS) scripts/synth-check.sh

## test-soc: testbenches of the SoC devices (interconnect, ROM/RAM, UART FIFOs, system controller, CLINT, uart_phy, SPI)
test-soc:
	@mkdir -p $(HW_SOC_TB_DIR)
	@set -e; fail=0; \
	for tb in tb_fabric tb_uart_phy tb_spi; do \
	    case $$tb in \
	        tb_fabric)   srcs="$(filter-out hw/soc/iridium_soc.v,$(HW_SOC_SRCS))" ;; \
	        tb_uart_phy) srcs="hw/soc/uart_phy.v" ;; \
	        tb_spi)      srcs="hw/soc/iridium_spi.v" ;; \
	    esac; \
	    $(IVERILOG) -g2005 -Wall -Ihw/include -Ihw/soc/tb -o $(HW_SOC_TB_DIR)/$$tb hw/soc/tb/$$tb.v $$srcs; \
	    $(VVP) -n $(HW_SOC_TB_DIR)/$$tb | tee $(HW_SOC_TB_DIR)/$$tb.log; \
	    grep -q "^$$tb: PASS" $(HW_SOC_TB_DIR)/$$tb.log || fail=1; \
	done; \
	if [ $$fail = 0 ]; then echo "PASS test-soc"; else echo "FAIL test-soc"; exit 1; fi
