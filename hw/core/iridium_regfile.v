// iridium_regfile.v - the 31 general registers (x0 reads as zero).
//
// Two asynchronous read ports (decode) and one write port (writeback). A write and a read of the same register in
// the same cycle return the new value (write-through), so decode never sees a value one cycle stale.
`default_nettype none

module iridium_regfile (
    input  wire        clk,
    input  wire [4:0]  d_rs1,
    input  wire [4:0]  d_rs2,
    output wire [31:0] d_rs1_val,
    output wire [31:0] d_rs2_val,
    input  wire        w_we,
    input  wire [4:0]  w_rd,
    input  wire [31:0] w_val
);
    reg [31:0] regs [1:31];

    always @(posedge clk)
        if (w_we && w_rd != 5'd0)
            regs[w_rd] <= w_val;

    assign d_rs1_val = (d_rs1 == 5'd0) ? 32'd0 : (w_we && w_rd == d_rs1) ? w_val : regs[d_rs1];
    assign d_rs2_val = (d_rs2 == 5'd0) ? 32'd0 : (w_we && w_rd == d_rs2) ? w_val : regs[d_rs2];
endmodule
