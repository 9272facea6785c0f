// tb_fabric.v - self-checking Icarus testbench of the SoC fabric (interconnect, boot ROM, RAM, UART, system
// controller, CLINT, SPI master decode with MISO looped back to MOSI), driving the core-side buses directly (make
// test-soc; the SPI master itself is tested by tb_spi.v).
//
// Invariants: every check prints nothing when it passes and "FAIL: ..." when it does not; each group of checks ends
// with one "PASS name" or "FAIL name" line, and the run ends with "tb_fabric: PASS" or "tb_fabric: FAIL" (the make
// target looks for the former). The ROM image is hw/soc/tb/rom_test.hex (word i = 0x10203040 + i * 0x01010101).
`default_nettype none
`ifndef ROM_HEX
`define ROM_HEX "hw/soc/tb/rom_test.hex"
`endif

module tb_fabric;
    localparam ROM_BYTES = 64;
    localparam RAM_BYTES = 4096;
    localparam DEPTH     = 16;
    localparam [31:0] RAM = 32'h4000_0000, UART = 32'h8000_0000, SYS = 32'h8000_1000, CLINT = 32'h8001_0000,
                      SPI = 32'h8002_0000;

    reg         clk = 1'b0, rst = 1'b1;
    reg         i_valid = 1'b0;
    reg  [31:0] i_addr = 32'd0;
    wire        i_ready, i_rsp_valid, i_rsp_err;
    wire [31:0] i_rsp_rdata;
    reg         d_valid = 1'b0, d_we = 1'b0;
    reg  [31:0] d_addr = 32'd0, d_wdata = 32'd0;
    reg  [3:0]  d_wstrb = 4'd0;
    wire        d_ready, d_rsp_valid, d_rsp_err;
    wire [31:0] d_rsp_rdata;
    wire        irq_ext, irq_timer, irq_soft;
    wire [63:0] mtime;
    wire        tx_valid, rx_ready, finish_valid;
    wire [7:0]  tx_data;
    reg         tx_ready = 1'b0, rx_valid = 1'b0;
    reg  [7:0]  rx_data = 8'd0;
    wire [15:0] bauddiv;
    wire [31:0] finish_value;
    wire        spi_sclk, spi_mosi, spi_cs_n;

    iridium_fabric #(.BOOTROM_BYTES(ROM_BYTES), .BOOTROM_INIT(`ROM_HEX), .RAM_BYTES(RAM_BYTES),
                     .CLOCK_HZ(12345678), .BOARD_ID(8'h12), .UART_FIFO_DEPTH(DEPTH), .UART_BAUDDIV(434)) dut (
        .clk(clk), .rst(rst),
        .ibus_req_valid(i_valid), .ibus_req_ready(i_ready), .ibus_req_addr(i_addr),
        .ibus_rsp_valid(i_rsp_valid), .ibus_rsp_rdata(i_rsp_rdata), .ibus_rsp_err(i_rsp_err),
        .dbus_req_valid(d_valid), .dbus_req_ready(d_ready), .dbus_req_addr(d_addr), .dbus_req_we(d_we),
        .dbus_req_wstrb(d_wstrb), .dbus_req_wdata(d_wdata),
        .dbus_rsp_valid(d_rsp_valid), .dbus_rsp_rdata(d_rsp_rdata), .dbus_rsp_err(d_rsp_err),
        .irq_m_ext(irq_ext), .irq_m_timer(irq_timer), .irq_m_soft(irq_soft), .mtime(mtime),
        .uart_tx_valid(tx_valid), .uart_tx_data(tx_data), .uart_tx_ready(tx_ready),
        .uart_rx_valid(rx_valid), .uart_rx_data(rx_data), .uart_rx_ready(rx_ready), .uart_bauddiv(bauddiv),
        .finish_valid(finish_valid), .finish_value(finish_value),
        .spi_sclk(spi_sclk), .spi_mosi(spi_mosi), .spi_cs_n(spi_cs_n), .spi_miso(spi_mosi)
    );

    always #5 clk = ~clk;

    integer errors = 0, group_errors = 0, i, waits;
    reg [31:0] rdata;
    reg        err;
    reg [63:0] t0;

    `include "tb_check.vh"

    // One data-bus transaction: offered at a falling edge, held until accepted, response sampled just after the
    // accepting rising edge. waits = cycles with ready low.
    task dbus(input we, input [31:0] addr, input [3:0] strb, input [31:0] wdata);
        begin
            @(negedge clk);
            d_valid = 1'b1; d_we = we; d_addr = addr; d_wstrb = strb; d_wdata = wdata;
            waits = 0;
            #1;                                     // let ready settle
            while (!d_ready) begin
                @(negedge clk); #1;
                waits = waits + 1;
            end
            @(posedge clk); #1;
            d_valid = 1'b0;
            check(d_rsp_valid === 1'b1, "response one cycle after acceptance");
            rdata = d_rsp_rdata;
            err   = d_rsp_err;
        end
    endtask

    task dread(input [31:0] addr);
        dbus(1'b0, addr, 4'hF, 32'd0);
    endtask

    task dwrite(input [31:0] addr, input [3:0] strb, input [31:0] data);
        dbus(1'b1, addr, strb, data);
    endtask

    task ifetch(input [31:0] addr);
        begin
            @(negedge clk);
            i_valid = 1'b1; i_addr = addr;
            @(posedge clk); #1;
            i_valid = 1'b0;
            check(i_rsp_valid === 1'b1, "fetch response one cycle later");
            rdata = i_rsp_rdata;
            err   = i_rsp_err;
        end
    endtask

    function [31:0] romword(input integer k);
        romword = 32'h1020_3040 + k * 32'h0101_0101;
    endfunction

    initial begin
        repeat (3) @(posedge clk);
        #1 rst = 1'b0;

        // ---- boot ROM ----
        for (i = 0; i < ROM_BYTES / 4; i = i + 1) begin
            ifetch(4 * i);  check(!err && rdata == romword(i), "ROM fetch");
            dread(4 * i);   check(!err && rdata == romword(i), "ROM load");
        end
        dwrite(32'h8, 4'hF, 32'hDEAD_BEEF);  check(err, "ROM store is an error");
        dread(32'h8);                         check(!err && rdata == romword(2), "ROM unchanged by the store");
        dread(ROM_BYTES);                     check(err, "load past the ROM is an error");
        ifetch(ROM_BYTES);                    check(err, "fetch past the ROM is an error");
        group("rom");

        // ---- RAM ----
        dwrite(RAM + 0, 4'hF, 32'h0403_0201);
        check(!err && rdata == 32'd0, "RAM word store answers without error, rdata 0");
        dwrite(RAM + 4, 4'hF, 32'hFFFF_FFFF);
        dwrite(RAM + 4, 4'b0010, 32'h0000_AB00);
        dwrite(RAM + 4, 4'b1100, 32'h1234_0000);
        dread(RAM + 0);  check(!err && rdata == 32'h0403_0201, "RAM word read back");
        dread(RAM + 5);  check(!err && rdata == 32'h1234_ABFF, "RAM byte/halfword stores merge (whole word read)");
        ifetch(RAM + 4); check(!err && rdata == 32'h1234_ABFF, "RAM fetch sees data stores");
        dwrite(RAM + RAM_BYTES - 4, 4'hF, 32'h5A5A_5A5A);
        dread(RAM + RAM_BYTES - 4);  check(!err && rdata == 32'h5A5A_5A5A, "last RAM word");
        dread(RAM + RAM_BYTES);      check(err, "load past the RAM is an error");
        dwrite(RAM + RAM_BYTES, 4'hF, 0); check(err, "store past the RAM is an error");
        ifetch(RAM + RAM_BYTES);     check(err, "fetch past the RAM is an error");
        group("ram");

        // ---- back-to-back: one request per cycle on both ports at once ----
        for (i = 0; i < 8; i = i + 1) dwrite(RAM + 64 + 4 * i, 4'hF, 32'hC0DE_0000 + i);
        @(negedge clk);
        for (i = 0; i < 9; i = i + 1) begin
            d_valid = (i < 8); d_we = 1'b0; d_addr = RAM + 64 + 4 * i; d_wstrb = 4'hF;
            i_valid = (i < 8); i_addr = 4 * i;
            check(i >= 8 || (d_ready && i_ready), "ready every cycle for RAM/ROM");
            @(posedge clk); #1;
            begin
                check(d_rsp_valid === (i < 8) && i_rsp_valid === (i < 8), "a response every cycle");
                if (i < 8) begin
                    check(d_rsp_rdata == 32'hC0DE_0000 + i, "pipelined RAM load data");
                    check(i_rsp_rdata == romword(i), "pipelined ROM fetch data");
                end
            end
            @(negedge clk);
        end
        d_valid = 1'b0; i_valid = 1'b0;
        group("throughput");

        // ---- unmapped and wrong-kind accesses ----
        dread(32'h2000_0000);        check(err && rdata == 0, "unmapped load is an error with rdata 0");
        dwrite(32'h2000_0000, 4'hF, 1); check(err, "unmapped store is an error");
        dread(32'h8000_2000);        check(err, "hole after the system controller");
        dread(32'h8002_1000);        check(err, "reserved region after the SPI master");
        dread(32'hFFFF_FFFC);        check(err, "top of the address space");
        dread(32'h0001_0000);        check(err, "gap after the boot ROM window");
        ifetch(UART);                check(err, "fetch from the UART is an error");
        ifetch(SYS);                 check(err, "fetch from the system controller is an error");
        ifetch(CLINT);               check(err, "fetch from the CLINT is an error");
        dread(UART + 32'h100);       check(!err && rdata == 0, "reserved UART offset reads 0");
        group("decode");

        // ---- UART ----
        dread(UART + 8);  check(rdata == 32'h2, "STATUS after reset: TX ready, RX empty");
        dread(UART + 16); check(rdata == 434, "BAUDDIV reset value");
        check(bauddiv == 434, "bauddiv output");
        dwrite(UART + 16, 4'b0001, 32'h0000_0010); dread(UART + 16); check(rdata == 32'h0000_01_10, "BAUDDIV byte write");
        dread(UART + 0);  check(rdata == 32'h8000_0000, "RXDATA empty: bit 31");
        check(!irq_ext, "no UART interrupt with IE = 0");
        dwrite(UART + 12, 4'hF, 32'h2); check(irq_ext, "TX-ready interrupt");
        dwrite(UART + 12, 4'hF, 32'h1); check(!irq_ext, "RX interrupt off while RX empty");
        // fill the TX FIFO while the consumer stalls; the next write must wait, not drop
        tx_ready = 1'b0;
        for (i = 0; i < DEPTH; i = i + 1) begin
            dwrite(UART + 4, 4'h1, 32'h40 + i);
            check(waits == 0, "no wait state while the TX FIFO has room");
        end
        dread(UART + 8);  check(rdata == 32'h0, "STATUS: TX full");
        fork
            dwrite(UART + 4, 4'h1, 32'h40 + DEPTH);
            begin                                   // the consumer takes one byte after 20 cycles
                repeat (20) @(negedge clk);
                check(tx_valid && tx_data == 8'h40, "oldest TX byte");
                tx_ready = 1'b1;
                @(negedge clk);
                tx_ready = 1'b0;
            end
        join
        check(waits >= 20, "TXDATA write to a full FIFO waits");
        // drain: every byte in order, none dropped
        for (i = 1; i <= DEPTH; i = i + 1) begin
            @(negedge clk);
            check(tx_valid && tx_data == 8'h40 + i, "TX bytes in order");
            tx_ready = 1'b1;
            @(negedge clk);
            tx_ready = 1'b0;
        end
        #1 check(!tx_valid, "TX FIFO empty after draining");
        // RX: fill, rx_ready drops when full, bytes read back in order
        @(negedge clk);
        for (i = 0; i < DEPTH; i = i + 1) begin
            check(rx_ready, "RX ready while the FIFO has room");
            rx_valid = 1'b1; rx_data = 8'h80 + i;
            @(negedge clk);
        end
        rx_valid = 1'b0;
        check(!rx_ready, "RX not ready when full");
        check(irq_ext, "RX interrupt");
        dread(UART + 8); check(rdata == 32'h3, "STATUS: RX valid, TX ready");
        for (i = 0; i < DEPTH; i = i + 1) begin
            dread(UART + 0); check(rdata == 32'h80 + i, "RX bytes in order");
        end
        dread(UART + 0); check(rdata == 32'h8000_0000, "RX empty again");
        check(!irq_ext, "RX interrupt cleared");
        dwrite(UART + 4, 4'h2, 32'h0000_5500); // byte lane 1 only: not a TXDATA byte
        #1 check(!tx_valid, "TXDATA write without byte 0 queues nothing");
        group("uart");

        // ---- system controller ----
        dread(SYS + 4);  check(rdata == 12345678, "CLOCK_HZ");
        dread(SYS + 8);  check(rdata == RAM_BYTES, "RAM_BYTES");
        dread(SYS + 12); check(rdata == 32'h12, "BOARD_ID");
        dread(SYS + 16); check(rdata == 32'h0001_0000, "VERSION");
        dread(SYS + 0);  check(rdata == 0, "FINISHER reads 0");
        dread(SYS + 32); check(rdata == 0, "reserved sysctl offset reads 0");
        check(!finish_valid, "no finish before a write");
        fork
            dwrite(SYS + 0, 4'hF, 32'h0007_3333);
            begin
                @(posedge finish_valid); #1;
                check(finish_value == 32'h0007_3333, "finish value");
                @(posedge clk); #1;
                check(!finish_valid, "finish_valid lasts one cycle");
            end
        join
        group("sysctl");

        // ---- CLINT ----
        dread(CLINT + 32'hBFF8); t0[31:0] = rdata;
        dread(CLINT + 32'hBFF8); check(rdata - t0[31:0] == 1, "mtime counts cycles (reads one cycle apart)");
        check(mtime[31:0] - rdata == 1, "mtime output matches the register");
        dread(CLINT + 32'h4000); check(rdata == 32'hFFFF_FFFF, "mtimecmp low resets to ones");
        dread(CLINT + 32'h4004); check(rdata == 32'hFFFF_FFFF, "mtimecmp high resets to ones");
        check(!irq_timer, "no timer interrupt after reset");
        dwrite(CLINT + 32'h4000, 4'hF, mtime[31:0] + 30);
        dwrite(CLINT + 32'h4004, 4'hF, mtime[63:32]);
        check(!irq_timer, "timer not yet due");
        repeat (30) @(posedge clk);
        #1 check(irq_timer, "timer due after mtimecmp");
        dwrite(CLINT + 32'h4004, 4'hF, 32'hFFFF_FFFF);
        check(!irq_timer, "writing mtimecmp clears MTIP");
        dwrite(CLINT + 32'hBFFC, 4'hF, 32'h0000_0001);
        dwrite(CLINT + 32'hBFF8, 4'hF, 32'hFFFF_FFF0);
        dread(CLINT + 32'hBFFC); check(rdata == 32'h1, "mtime high write");
        repeat (20) @(posedge clk);
        dread(CLINT + 32'hBFFC); check(rdata == 32'h2, "mtime carries into the high word");
        dwrite(CLINT + 32'h4000, 4'hF, 0);
        dwrite(CLINT + 32'h4004, 4'hF, 0);
        check(irq_timer, "mtimecmp = 0: due");
        check(!irq_soft, "MSIP clear after reset");
        dwrite(CLINT + 0, 4'hF, 1); check(irq_soft, "MSIP set");
        dread(CLINT + 0); check(rdata == 1, "MSIP reads back");
        dwrite(CLINT + 0, 4'hF, 0); check(!irq_soft, "MSIP cleared");
        dread(CLINT + 32'h8000); check(!err && rdata == 0, "reserved CLINT offset reads 0");
        group("clint");

        // ---- SPI master: decode, waits, loopback (MISO = MOSI) ----
        dread(SPI + 32'hC);          check(!err && rdata[0] == 1'b0 && spi_cs_n, "SPI CONTROL after reset");
        dwrite(SPI + 32'hC, 4'hF, 32'h0000_0001);   check(!err && !spi_cs_n, "SPI CS asserted");
        dwrite(SPI + 0, 4'hF, 32'h0000_00C3);       check(!err, "SPI DATA write");
        dread(SPI + 0);              check(!err && rdata == 32'hC3 && waits > 8, "SPI DATA read waits, loopback");
        dread(SPI + 4);              check(!err && rdata == 32'hFF, "SPI XFER loopback of 0xFF");
        dread(SPI + 32'h100);        check(!err && rdata == 0, "reserved SPI offset reads 0");
        ifetch(SPI);                 check(err, "fetch from the SPI master is an error");
        group("spi");

        if (errors == 0) $display("tb_fabric: PASS");
        else $display("tb_fabric: FAIL (%0d failed checks)", errors);
        $finish;
    end

    initial begin
        #2000000;
        $display("FAIL: timeout");
        $display("tb_fabric: FAIL");
        $finish;
    end
endmodule

`default_nettype wire
