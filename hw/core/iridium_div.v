// iridium_div.v - iterative divider for div/divu/rem/remu (one quotient bit per cycle).
//
// start is a one-cycle pulse with the operands; busy then stays high for one cycle per significant bit of the
// dividend's magnitude (the leading zero bits are skipped: they would only shift zeros, so the result is the
// same), at most 32; division by zero, the signed overflow -2^31 / -1 and a zero dividend finish after one cycle
// with the results the ISA defines. done pulses for one cycle with the result, which then stays in result until
// the next start. abort (pipeline flush) returns the unit to idle at once.
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

    // number of leading zero bits of the dividend's magnitude (a zero dividend never reaches the loop below),
    // found by halving: five steps instead of a 32-way priority chain
    reg  [5:0]  lz;
    reg  [31:0] lz_x;
    always @(*) begin
        lz = 6'd0;
        lz_x = a_abs;
        if (lz_x[31:16] == 16'd0) begin lz = lz + 6'd16; lz_x = lz_x << 16; end
        if (lz_x[31:24] == 8'd0)  begin lz = lz + 6'd8;  lz_x = lz_x << 8;  end
        if (lz_x[31:28] == 4'd0)  begin lz = lz + 6'd4;  lz_x = lz_x << 4;  end
        if (lz_x[31:30] == 2'd0)  begin lz = lz + 6'd2;  lz_x = lz_x << 2;  end
        if (lz_x[31] == 1'b0)     begin lz = lz + 6'd1;  end
    end

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
            end else if (a == 32'd0) begin
                done   <= 1'b1;
                result <= 32'd0;
            end else begin
                run     <= 1'b1;
                count   <= 6'd32 - lz;
                quo     <= a_abs << lz;
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
