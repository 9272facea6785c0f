// iridium_bootrom.v (simulation version) - replaces hw/soc/iridium_bootrom.v in the vsim build: same module name,
// parameters and ports, but the contents live in a C array of the harness (sim/vsim/vsim.cpp), reached through
// DPI-C, so the harness loads the ROM image itself.
//
// Invariants: identical cycle behaviour to the synthesis version (read data one cycle after the enable). At time
// zero it tells the harness its size (vsim_mem_register), before the harness loads anything.
`default_nettype none
`include "iridium_config.vh"

module iridium_bootrom #(
    parameter BYTES     = `IR_BOOTROM_BYTES,
    /* verilator lint_off UNUSEDPARAM */
    parameter INIT_FILE = "",                   // ignored: the harness loads the image
    /* verilator lint_on UNUSEDPARAM */
    parameter AW        = $clog2(BYTES / 4)
) (
    input  wire          clk,
    input  wire          i_en,
    input  wire [AW-1:0] i_addr,
    output reg  [31:0]   i_rdata,
    input  wire          d_en,
    input  wire [AW-1:0] d_addr,
    output reg  [31:0]   d_rdata
);
    import "DPI-C" function void vsim_mem_register(input int kind, input int bytes);
    import "DPI-C" function int vsim_rom_read(input int word);

    initial vsim_mem_register(0, BYTES);

    always @(posedge clk) begin
        if (i_en) i_rdata <= vsim_rom_read(32'(i_addr));
        if (d_en) d_rdata <= vsim_rom_read(32'(d_addr));
    end
endmodule

`default_nettype wire
