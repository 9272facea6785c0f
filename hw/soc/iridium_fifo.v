// iridium_fifo.v - small synchronous first-in first-out queue (UART receive and transmit buffers).
//
// Invariants: DEPTH is a power of two >= 2. A push when full and a pop when empty are ignored (the callers never
// do either: they look at full/empty first). rdata shows the oldest entry whenever empty is 0 (first-word
// fall-through). Push and pop in the same cycle are both honoured. Reset empties the queue (contents are kept).
`default_nettype none

module iridium_fifo #(
    parameter WIDTH = 8,
    parameter DEPTH = 16
) (
    input  wire             clk,
    input  wire             rst,
    input  wire             push,
    input  wire [WIDTH-1:0] wdata,
    input  wire             pop,
    output wire [WIDTH-1:0] rdata,
    output wire             empty,
    output wire             full
);
    localparam AW = $clog2(DEPTH);

    reg [WIDTH-1:0] mem [0:DEPTH-1];
    reg [AW:0]      wp;     // one extra bit tells full from empty
    reg [AW:0]      rp;

    assign empty = (wp == rp);
    assign full  = (wp[AW] != rp[AW]) && (wp[AW-1:0] == rp[AW-1:0]);
    assign rdata = mem[rp[AW-1:0]];

    always @(posedge clk) begin
        if (rst) begin
            wp <= {(AW+1){1'b0}};
            rp <= {(AW+1){1'b0}};
        end else begin
            if (push && !full)  wp <= wp + 1'b1;
            if (pop  && !empty) rp <= rp + 1'b1;
        end
    end

    always @(posedge clk) begin
        if (push && !full) mem[wp[AW-1:0]] <= wdata;
    end
endmodule

`default_nettype wire
