// iridium_ram.v (simulation version) - replaces hw/soc/iridium_ram.v in the vsim build: same module name,
// parameters and ports, but the contents live in a C array of the harness (sim/vsim/vsim.cpp), reached through
// DPI-C, so the harness loads ELF files and sees every store (the tohost convention) directly.
//
// Invariants: identical cycle behaviour to the synthesis version (read data one cycle after the enable, byte
// enables on writes; the read data of a write cycle is the old word). At time zero it tells the harness its size
// (vsim_mem_register), before the harness loads anything.
`default_nettype none
`include "iridium_config.vh"

module iridium_ram #(
    parameter BYTES = `IR_RAM_BYTES,
    parameter AW    = $clog2(BYTES / 4)
) (
    input  wire          clk,
    input  wire          i_en,
    input  wire [AW-1:0] i_addr,
    output reg  [31:0]   i_rdata,
    input  wire          d_en,
    input  wire [3:0]    d_we,
    input  wire [AW-1:0] d_addr,
    input  wire [31:0]   d_wdata,
    output reg  [31:0]   d_rdata
);
    import "DPI-C" function void vsim_mem_register(input int kind, input int bytes);
    import "DPI-C" function int vsim_ram_read(input int word);
    import "DPI-C" function void vsim_ram_write(input int word, input int data, input int strb);

    initial vsim_mem_register(1, BYTES);

    always @(posedge clk) begin
        if (i_en) i_rdata <= vsim_ram_read(32'(i_addr));
        if (d_en) begin
            d_rdata <= vsim_ram_read(32'(d_addr));
            if (d_we != 4'b0000) vsim_ram_write(32'(d_addr), d_wdata, {28'd0, d_we});
        end
    end
endmodule

`default_nettype wire
