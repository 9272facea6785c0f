// iridium_bootrom.v - the boot ROM for synthesis and boards: BYTES bytes, one read port for instruction fetch and
// one for data loads.
//
// Invariants: synchronous read, data one cycle after the enable (maps to block RAM). Contents come from the hex
// file INIT_FILE ($readmemh, one 32-bit word a line) when the parameter is non-empty; without it the ROM is
// undefined. Never written. The simulator replaces this module by sim/vsim/rtl/iridium_bootrom.v (same ports).
`default_nettype none
`include "iridium_config.vh"

module iridium_bootrom #(
    parameter BYTES     = `IR_BOOTROM_BYTES,
    parameter INIT_FILE = "",
    parameter AW        = $clog2(BYTES / 4)     // word address width (derived; do not override)
) (
    input  wire          clk,
    input  wire          i_en,
    input  wire [AW-1:0] i_addr,                // word address
    output reg  [31:0]   i_rdata,
    input  wire          d_en,
    input  wire [AW-1:0] d_addr,
    output reg  [31:0]   d_rdata
);
    localparam WORDS = BYTES / 4;

    reg [31:0] mem [0:WORDS-1];

    initial begin
        if (INIT_FILE != "") $readmemh(INIT_FILE, mem);
    end

    always @(posedge clk) begin
        if (i_en) i_rdata <= mem[i_addr];
    end

    always @(posedge clk) begin
        if (d_en) d_rdata <= mem[d_addr];
    end
endmodule

`default_nettype wire
