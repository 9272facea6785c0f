// iridium_div.v - iterative divider for div/divu/rem/remu (one quotient bit per cycle).
//
// start is a one-cycle pulse with the operands; busy stays high for 32 cycles (division by zero and the signed
// overflow case -2^31 / -1 finish after one cycle with the results the ISA defines); done pulses for one cycle
// with the result. abort (pipeline flush) returns the unit to idle at once.
`default_nettype none

module iridium_div (
    input  wire        clk,
    input  wire        rst,
    input  wire        start,
    input  wire        abort,
    input  wire [1:0]  op,        // 0 div, 1 divu, 2 rem, 3 remu
    input  wire [31:0] a,
    input  wire [31:0] b,
    output wire        busy,
    output reg         done,
    output reg  [31:0] result
);
    reg        run;
    reg [5:0]  count;
    reg [31:0] quo;               // dividend shifting out / quotient shifting in
    reg [31:0] rem;
    reg [31:0] divisor;
    reg        neg_q, neg_r, want_rem;

    wire        is_signed = ~op[0];
    wire        a_neg = is_signed & a[31];
    wire        b_neg = is_signed & b[31];
    wire [31:0] a_abs = a_neg ? -a : a;
    wire [31:0] b_abs = b_neg ? -b : b;

    wire [32:0] trial = {rem[31:0], quo[31]} - {1'b0, divisor};

    assign busy = run;

    always @(posedge clk) begin
        done <= 1'b0;
        if (rst || abort) begin
            run <= 1'b0;
        end else if (start) begin
            want_rem <= op[1];
            if (b == 32'd0) begin
                // x / 0 = all ones, x % 0 = x
                done   <= 1'b1;
                result <= op[1] ? a : 32'hFFFF_FFFF;
            end else if (is_signed && a == 32'h8000_0000 && b == 32'hFFFF_FFFF) begin
                done   <= 1'b1;
                result <= op[1] ? 32'd0 : 32'h8000_0000;
            end else begin
                run     <= 1'b1;
                count   <= 6'd32;
                quo     <= a_abs;
                rem     <= 32'd0;
                divisor <= b_abs;
                neg_q   <= a_neg ^ b_neg;
                neg_r   <= a_neg;
            end
        end else if (run) begin
            if (trial[32]) begin
                rem <= {rem[30:0], quo[31]};
                quo <= {quo[30:0], 1'b0};
            end else begin
                rem <= trial[31:0];
                quo <= {quo[30:0], 1'b1};
            end
            count <= count - 6'd1;
            if (count == 6'd1) begin
                run  <= 1'b0;
                done <= 1'b1;
                if (want_rem)
                    result <= neg_r ? -(trial[32] ? {rem[30:0], quo[31]} : trial[31:0])
                                    :  (trial[32] ? {rem[30:0], quo[31]} : trial[31:0]);
                else
                    result <= neg_q ? -{quo[30:0], ~trial[32]} : {quo[30:0], ~trial[32]};
            end
        end
    end
endmodule
