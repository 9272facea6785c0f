// iridium_config.vh - every configuration parameter of the Iridium core and SoC, in one place.
//
// Modules take these as the defaults of their parameters; a board top or a simulator build may override a
// parameter at instantiation (e.g. a smaller RAM). Changing a default here changes it everywhere. The C view of the
// memory map is hw/include/iridium_soc.h; keep the two in agreement.
`ifndef IRIDIUM_CONFIG_VH
`define IRIDIUM_CONFIG_VH

// ---- Core --------------------------------------------------------------------------------------------------
// Address of the first instruction after reset (the boot ROM): what board tops drive on the SoC's boot_addr input
// (vsim drives boot_addr itself: 0, or the ELF entry under --elf).
`define IR_RESET_PC            32'h0000_0000
// Entries in each TLB (instruction and data), fully associative, flip-flops, round-robin replacement; at least 1.
`define IR_TLB_ENTRIES         8
// Branch target buffer entries in fetch (power of two; 0 = none). Each entry: partial tag, target, 2-bit counter.
`define IR_BTB_ENTRIES         16
// Static prediction in decode when the BTB does not know a branch: 1 = backward branches and jal predicted taken,
// 0 = predicted not taken.
`define IR_BRANCH_PREDICT      1
// Fault injection for the difftest self-test (0 = none). 1 = sltu returns the inverted result when rs1 == 5.
// Only the self-test build sets it (verilator +define+IR_INJECT_FAULT=1); never in a real build.
`ifndef IR_INJECT_FAULT
`define IR_INJECT_FAULT        0
`endif

// ---- SoC ---------------------------------------------------------------------------------------------------
`define IR_BOOTROM_BYTES       16384          // boot ROM size (at most 65536)
`define IR_RAM_BYTES           67108864       // RAM size (64 MiB in the simulators; boards override)
`define IR_CLOCK_HZ            50000000       // reported by the system controller (timebase of mtime too)
`define IR_BOARD_ID            0              // 0 = vsim; boards set their own (see docs/memory-map.md)
`define IR_UART_FIFO_DEPTH     16             // bytes in each UART FIFO (power of two)
`define IR_UART_BAUDDIV        434            // reset baud divisor: 50 MHz / 115200
`define IR_SOC_VERSION         32'h0001_0000
// SPI master (SD card): reset clock divider, SCK = clk / (2 * (div + 1)). 63: 390 kHz at 50 MHz, below the 400 kHz
// an SD card accepts before it is initialised at any clock up to 51 MHz; software sets its own from CLOCK_HZ.
`define IR_SPI_DIV_RESET       63

`endif
