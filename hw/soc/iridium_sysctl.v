// iridium_sysctl.v - the system controller (docs/memory-map.md, 0x8000_1000): the finisher register and constant
// information registers (clock rate, RAM size, board id, SoC version).
//
// Invariants: every request is accepted at once; read data registered at acceptance. A write to FINISHER with any
// byte enabled raises finish_valid for exactly one cycle (the cycle after acceptance) with the written bytes
// (unselected bytes read as zero) in finish_value; what the value means (power off, reset) is decided by whoever
// instantiates the SoC. Reserved offsets read 0.
`default_nettype none
`include "iridium_config.vh"

module iridium_sysctl #(
    parameter CLOCK_HZ  = `IR_CLOCK_HZ,
    parameter RAM_BYTES = `IR_RAM_BYTES,
    parameter BOARD_ID  = `IR_BOARD_ID
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        req,
    input  wire [9:0]  addr,        // word offset inside the 4 KiB window
    input  wire        we,
    input  wire [3:0]  wstrb,
    input  wire [31:0] wdata,
    output reg  [31:0] rdata,
    output reg         finish_valid,
    output reg  [31:0] finish_value
);
    localparam [9:0] R_FINISHER = 10'd0, R_CLOCK_HZ = 10'd1, R_RAM_BYTES = 10'd2, R_BOARD_ID = 10'd3,
                     R_VERSION = 10'd4;
    localparam [31:0] V_CLOCK_HZ = CLOCK_HZ, V_RAM_BYTES = RAM_BYTES, V_BOARD_ID = BOARD_ID;

    wire [31:0] mask = {{8{wstrb[3]}}, {8{wstrb[2]}}, {8{wstrb[1]}}, {8{wstrb[0]}}};

    always @(posedge clk) begin
        if (rst) begin
            rdata        <= 32'd0;
            finish_valid <= 1'b0;
            finish_value <= 32'd0;
        end else begin
            finish_valid <= req && we && (addr == R_FINISHER) && (wstrb != 4'b0000);
            if (req && we && addr == R_FINISHER) finish_value <= wdata & mask;
            if (req) begin
                if (we) rdata <= 32'd0;
                else case (addr)
                    R_CLOCK_HZ:  rdata <= V_CLOCK_HZ;
                    R_RAM_BYTES: rdata <= V_RAM_BYTES;
                    R_BOARD_ID:  rdata <= V_BOARD_ID;
                    R_VERSION:   rdata <= `IR_SOC_VERSION;
                    default:     rdata <= 32'd0;
                endcase
            end
        end
    end
endmodule

`default_nettype wire
