// tb_uart_phy.v - self-checking Icarus testbench of uart_phy.v (make test-soc): loopback of txd into rxd at
// several baud divisors, the exact bit timing of txd, a start-bit glitch and a framing error.
//
// Invariants: prints "PASS name"/"FAIL name" per group and ends with "tb_uart_phy: PASS" or "tb_uart_phy: FAIL".
`default_nettype none

module tb_uart_phy;
    reg         clk = 1'b0, rst = 1'b1;
    reg  [15:0] div = 16'd8;
    reg         tx_valid = 1'b0;
    reg  [7:0]  tx_data = 8'd0;
    wire        tx_ready, txd, rx_valid;
    wire [7:0]  rx_data;
    reg         loop = 1'b1, line = 1'b1;
    wire        rxd = loop ? txd : line;

    uart_phy dut (.clk(clk), .rst(rst), .bauddiv(div), .tx_valid(tx_valid), .tx_data(tx_data),
                  .tx_ready(tx_ready), .txd(txd), .rxd(rxd), .rx_valid(rx_valid), .rx_data(rx_data));

    always #5 clk = ~clk;

    integer errors = 0, group_errors = 0, got = 0, d, k, b;
    reg [7:0] last, expect;
    always @(posedge clk) if (rx_valid) begin got = got + 1; last = rx_data; end

    `include "tb_check.vh"

    task send(input [7:0] v);
        begin
            @(negedge clk);
            while (!tx_ready) @(negedge clk);
            tx_valid = 1'b1; tx_data = v;
            @(negedge clk);
            tx_valid = 1'b0;
        end
    endtask

    // drive one 8N1 frame on rxd by hand (stop bit value given)
    task drive(input [7:0] v, input stop);
        begin
            line = 1'b0; repeat (div) @(negedge clk);
            for (b = 0; b < 8; b = b + 1) begin line = v[b]; repeat (div) @(negedge clk); end
            line = stop; repeat (div) @(negedge clk);
            line = 1'b1; repeat (2 * div) @(negedge clk);
        end
    endtask

    initial begin
        repeat (3) @(posedge clk);
        #1 rst = 1'b0;
        check(txd === 1'b1, "txd idles high");

        // loopback at several divisors, several bytes each
        for (d = 0; d < 3; d = d + 1) begin
            div = (d == 0) ? 16'd4 : (d == 1) ? 16'd7 : 16'd16;
            for (k = 0; k < 6; k = k + 1) begin
                expect = 8'hA5 ^ (k * 8'h37);
                got = 0;
                send(expect);
                while (!tx_ready) @(negedge clk);
                repeat (2 * div) @(negedge clk);
                check(got == 1 && last == expect, "loopback byte");
            end
        end
        group("loopback");

        // bit timing: each bit lasts exactly div cycles, LSB first
        div = 16'd10;
        send(8'h4B);                            // the frame started at the falling edge that ended send()
        // send() returned one cycle after the byte was taken: the start bit has been on the line one cycle
        check(txd == 1'b0, "start bit");
        repeat (5) @(negedge clk);
        for (b = 0; b < 8; b = b + 1) begin
            repeat (10) @(negedge clk);
            check(txd == ((8'h4B >> b) & 1), "data bit value at its middle");
        end
        repeat (10) @(negedge clk);
        check(txd == 1'b1, "stop bit");
        while (!tx_ready) @(negedge clk);
        group("timing");

        // hand-driven frames: good, glitch, framing error
        loop = 1'b0; div = 16'd12;
        repeat (5) @(negedge clk);
        got = 0;
        drive(8'h3C, 1'b1);
        check(got == 1 && last == 8'h3C, "hand-driven frame received");
        got = 0;
        line = 1'b0; repeat (3) @(negedge clk); line = 1'b1; repeat (40) @(negedge clk);
        check(got == 0, "start-bit glitch ignored");
        drive(8'h81, 1'b0);
        check(got == 0, "framing error drops the byte");
        repeat (24) @(negedge clk);
        drive(8'h7E, 1'b1);
        check(got == 1 && last == 8'h7E, "receiver recovers after a framing error");
        group("receive");

        if (errors == 0) $display("tb_uart_phy: PASS");
        else $display("tb_uart_phy: FAIL (%0d failed checks)", errors);
        $finish;
    end

    initial begin
        #5000000;
        $display("FAIL: timeout");
        $display("tb_uart_phy: FAIL");
        $finish;
    end
endmodule

`default_nettype wire
