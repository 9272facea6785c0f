// tb_spi.v - self-checking Icarus testbench of the SPI master (hw/soc/iridium_spi.v), with a behavioural SPI
// mode-0 slave on its pins (make test-soc).
//
// The slave shifts MOSI in on rising SCK edges and MISO out after falling edges; it answers each byte with the
// next value of a counter (0x3C, 0x3D, ...) and records the bytes it received. A monitor flags any violation of
// mode 0: MOSI changing while SCK is high, SCK moving while CS is high, SCK not idling low between bytes.
// Invariants: each group of checks ends with one "PASS name" or "FAIL name" line; the run ends with
// "tb_spi: PASS" or "tb_spi: FAIL".
`default_nettype none

module tb_spi;
    localparam [9:0] DATA = 10'd0, XFER = 10'd1, STATUS = 10'd2, CONTROL = 10'd3;

    reg         clk = 1'b0, rst = 1'b1;
    reg         req = 1'b0, we = 1'b0;
    reg  [9:0]  addr = 10'd0;
    reg  [3:0]  wstrb = 4'd0;
    reg  [31:0] wdata = 32'd0;
    wire        ready;
    wire [31:0] rdata_w;
    wire        sclk, mosi, cs_n;
    reg         miso = 1'b1;

    iridium_spi #(.DIV_RESET(5)) dut (
        .clk(clk), .rst(rst), .req(req), .ready(ready), .addr(addr), .we(we), .wstrb(wstrb), .wdata(wdata),
        .rdata(rdata_w), .sclk(sclk), .mosi(mosi), .cs_n(cs_n), .miso(miso)
    );

    always #5 clk = ~clk;

    integer errors = 0, group_errors = 0, waits, i, t_rise, period;
    reg [31:0] rdata;

    `include "tb_check.vh"

    // ---- behavioural slave ----
    reg [7:0] s_in, s_out, s_next, s_last_rx;
    integer   s_bits = 0, s_bytes = 0;
    always @(negedge cs_n) begin
        s_bits = 0;
        s_out  = s_next;
        s_next = s_next + 8'd1;
        miso   = s_out[7];
    end
    always @(posedge cs_n) miso = 1'b1;
    always @(posedge sclk) begin
        if (!cs_n) begin
            s_in   = {s_in[6:0], mosi};
            s_bits = s_bits + 1;
            if (s_bits == 8) begin
                s_last_rx = s_in;
                s_bytes   = s_bytes + 1;
            end
        end
    end
    always @(negedge sclk) begin
        if (!cs_n) begin
            if (s_bits == 8) begin
                s_bits = 0;
                s_out  = s_next;
                s_next = s_next + 8'd1;
            end else begin
                s_out = {s_out[6:0], 1'b1};
            end
            miso = s_out[7];
        end
    end

    // ---- mode-0 monitor ----
    reg mosi_at_rise, sclk_prev = 1'b0, cs_n_prev = 1'b1;
    always @(posedge sclk) mosi_at_rise = mosi;
    always @(negedge clk) begin
        if (!rst && sclk === 1'b1 && mosi !== mosi_at_rise) check(1'b0, "MOSI changed while SCK high");
        if (!rst && cs_n === 1'b1 && cs_n_prev === 1'b1 && sclk !== sclk_prev)
            check(1'b0, "SCK moved while CS high");
        sclk_prev = sclk;
        cs_n_prev = cs_n;
    end

    // One bus access, offered at a falling edge, held until accepted; rdata sampled after the accepting edge.
    task bus(input w, input [9:0] a, input [3:0] s, input [31:0] d);
        begin
            @(negedge clk);
            req = 1'b1; we = w; addr = a; wstrb = s; wdata = d;
            waits = 0;
            #1;
            while (!ready) begin
                @(negedge clk); #1;
                waits = waits + 1;
            end
            @(posedge clk); #1;
            req = 1'b0;
            rdata = rdata_w;
        end
    endtask

    task rd(input [9:0] a);
        bus(1'b0, a, 4'hF, 32'd0);
    endtask

    task wr(input [9:0] a, input [3:0] s, input [31:0] d);
        bus(1'b1, a, s, d);
    endtask

    initial begin
        s_next = 8'h3C;
        repeat (3) @(posedge clk);
        #1 rst = 1'b0;

        // ---- reset state ----
        check(cs_n === 1'b1 && sclk === 1'b0 && mosi === 1'b1, "pins after reset: CS high, SCK low, MOSI high");
        rd(CONTROL);  check(rdata == {16'd5, 16'd0}, "CONTROL after reset: DIV_RESET, CS 0");
        rd(STATUS);   check(rdata == 0, "STATUS idle");
        rd(10'h10);   check(rdata == 0, "reserved offset reads 0");
        group("reset");

        // ---- one byte with DIV 0 (SCK = clk / 2) ----
        wr(CONTROL, 4'hF, 32'h0000_0001);
        check(cs_n === 1'b0, "CS asserted");
        rd(CONTROL);  check(rdata == 32'h0000_0001, "CONTROL reads DIV 0, CS 1");
        wr(DATA, 4'h1, 32'h0000_00A5);
        check(waits == 0, "DATA write when idle does not wait");
        rd(STATUS);   check(rdata == 1, "STATUS busy during the transfer");
        rd(DATA);     check(rdata == 32'h3C, "DATA read waits for the transfer and returns the received byte");
        check(s_last_rx == 8'hA5 && s_bytes == 1, "slave received 0xA5");
        check(mosi === 1'b1 && sclk === 1'b0, "MOSI high and SCK low between bytes");
        rd(STATUS);   check(rdata == 0, "STATUS idle after the transfer");
        rd(DATA);     check(rdata == 32'h3C && waits == 0, "DATA read when idle returns the last byte at once");
        group("byte");

        // ---- XFER: sends 0xFF, returns the reply, one access per byte ----
        rd(XFER);     check(rdata == 32'h3D && s_last_rx == 8'hFF, "XFER sends 0xFF and returns the reply");
        check(waits >= 16, "XFER waits for its whole transfer");
        for (i = 0; i < 4; i = i + 1) begin
            rd(XFER); check(rdata == 32'h3E + i, "XFER back to back");
        end
        wr(XFER, 4'hF, 32'h12);  check(waits == 0 && s_bytes == 6, "XFER write is ignored");
        group("xfer");

        // ---- back-to-back writes wait; CONTROL writes wait; timing with DIV 3 ----
        wr(DATA, 4'h1, 32'h11);
        wr(DATA, 4'h1, 32'h22);
        check(waits > 10, "DATA write while busy waits");
        wr(CONTROL, 4'h1, 32'h0);
        check(waits > 10 && s_last_rx == 8'h22, "CONTROL write waits for the end of the byte");
        check(cs_n === 1'b1, "CS released");
        wr(CONTROL, 4'hC, 32'h0003_0000);
        rd(CONTROL);  check(rdata == 32'h0003_0000, "DIV written alone by bytes 2-3 (CS unchanged)");
        wr(CONTROL, 4'h1, 32'hFFFF_0001);
        rd(CONTROL);  check(rdata == 32'h0003_0001, "CS written alone by byte 0 (DIV unchanged)");
        wr(DATA, 4'h2, 32'h0000_5500);
        rd(STATUS);   check(rdata == 0, "DATA write without byte 0 starts nothing");
        wr(DATA, 4'h1, 32'h81);
        @(posedge sclk); t_rise = $time;
        @(posedge sclk); period = $time - t_rise;
        check(period == 80, "DIV 3: SCK period 8 clock cycles");
        rd(DATA);     check(s_last_rx == 8'h81, "byte at DIV 3");
        group("wait-and-divider");

        // ---- full-rate loop: 32 bytes at DIV 0, cycles per byte ----
        wr(CONTROL, 4'hC, 32'h0);
        t_rise = $time;
        for (i = 0; i < 32; i = i + 1) rd(XFER);
        period = ($time - t_rise) / 10 / 32;
        check(period <= 18, "XFER at DIV 0: at most 18 cycles per byte");
        $display("tb_spi: XFER at DIV 0 takes %0d cycles per byte", period);
        group("throughput");

        // ---- reset in the middle of a transfer ----
        wr(DATA, 4'h1, 32'h00);
        repeat (5) @(posedge clk);
        #1 rst = 1'b1;
        @(posedge clk); #1 rst = 1'b0;
        check(cs_n === 1'b1 && sclk === 1'b0 && mosi === 1'b1, "reset stops the transfer and releases CS");
        rd(STATUS);   check(rdata == 0, "idle after reset");
        group("reset-mid-transfer");

        if (errors == 0) $display("tb_spi: PASS");
        else $display("tb_spi: FAIL (%0d failed checks)", errors);
        $finish;
    end

    initial begin
        #1000000;
        $display("FAIL: timeout");
        $display("tb_spi: FAIL");
        $finish;
    end
endmodule

`default_nettype wire
