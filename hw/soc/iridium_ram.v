// iridium_ram.v - the RAM for synthesis and boards: BYTES bytes, a read port for instruction fetch and a
// read/write port with byte enables for data.
//
// Invariants: synchronous, data one cycle after the enable (maps to block RAM); a data write updates only the bytes
// whose d_we bit is set; the data port's read data during a write is not used by the interconnect. Contents are
// not reset. The simulator replaces this module by sim/vsim/rtl/iridium_ram.v (same ports).
`default_nettype none
`include "iridium_config.vh"

module iridium_ram #(
    parameter BYTES = `IR_RAM_BYTES,
    parameter AW    = $clog2(BYTES / 4)         // word address width (derived; do not override)
) (
    input  wire          clk,
    input  wire          i_en,
    input  wire [AW-1:0] i_addr,                // word address
    output reg  [31:0]   i_rdata,
    input  wire          d_en,
    input  wire [3:0]    d_we,                  // byte write enables (0 = read)
    input  wire [AW-1:0] d_addr,
    input  wire [31:0]   d_wdata,
    output reg  [31:0]   d_rdata
);
    localparam WORDS = BYTES / 4;

    reg [31:0] mem [0:WORDS-1];

    always @(posedge clk) begin
        if (i_en) i_rdata <= mem[i_addr];
    end

    always @(posedge clk) begin
        if (d_en) begin
            if (d_we[0]) mem[d_addr][7:0]   <= d_wdata[7:0];
            if (d_we[1]) mem[d_addr][15:8]  <= d_wdata[15:8];
            if (d_we[2]) mem[d_addr][23:16] <= d_wdata[23:16];
            if (d_we[3]) mem[d_addr][31:24] <= d_wdata[31:24];
            d_rdata <= mem[d_addr];
        end
    end
endmodule

`default_nettype wire
