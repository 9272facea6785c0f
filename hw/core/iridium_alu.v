// iridium_alu.v - the integer ALU of the execute stage (combinational).
`default_nettype none
`include "iridium_defs.vh"

module iridium_alu (
    input  wire [3:0]  op,
    input  wire [31:0] a,
    input  wire [31:0] b,
    output reg  [31:0] y
);
    wire [32:0] diff = {1'b0, a} - {1'b0, b};
    wire        lt_u = diff[32];
    wire        lt_s = (a[31] != b[31]) ? a[31] : diff[32];
    wire [4:0]  sh   = b[4:0];

    always @(*) begin
        case (op)
            `ALU_ADD:   y = a + b;
            `ALU_SUB:   y = diff[31:0];
            `ALU_SLL:   y = a << sh;
            `ALU_SLT:   y = {31'd0, lt_s};
            `ALU_SLTU:  y = {31'd0, lt_u};
            `ALU_XOR:   y = a ^ b;
            `ALU_SRL:   y = a >> sh;
            `ALU_SRA:   y = $unsigned($signed(a) >>> sh);
            `ALU_OR:    y = a | b;
            `ALU_AND:   y = a & b;
            `ALU_PASSB: y = b;
            default:    y = 32'd0;
        endcase
    end
endmodule
