// iridium_spi.v - the SPI master (docs/memory-map.md, 0x8002_0000) for the SD card: one byte at a time, SPI mode 0
// (SCK idles low, MOSI changes after the falling edge, the slave samples on the rising edge), one chip select.
//
// Registers (word offsets in the 4 KiB window):
//   0 DATA    W: bits 7:0 start a transfer of that byte. R: the byte received by the last transfer.
//   1 XFER    R: transfers 0xFF and returns the byte received (one load per byte read). W: ignored.
//   2 STATUS  R: bit 0 BUSY (a transfer is running).
//   3 CONTROL R/W: bit 0 CS (1 = card selected: spi_cs_n low), bits 31:16 DIV (SCK = clk / (2 * (DIV + 1))).
//
// Invariants:
// - Bus side: a request is accepted when req && ready; read data is registered at acceptance. ready is 0 (the
//   access waits, nothing is lost) for a DATA write, a DATA or XFER read, or a CONTROL write while a transfer runs,
//   so CS and DIV never change in the middle of a byte and a DATA read right after a DATA write returns that
//   transfer's byte. A XFER read starts its own transfer while it waits (legal: the core never withdraws a data
//   request, docs/core.md) and is accepted when that transfer is over. STATUS and CONTROL reads never wait.
//   ready depends only on the request and this block's state (no path from the bus's own ready).
// - Serial side: a transfer is 8 SCK periods of 2 * (DIV + 1) clock cycles, low half first; MOSI holds bit 7 from
//   the cycle the transfer starts and the next bit after each falling edge, and is 1 between transfers. MISO is
//   sampled at the end of each high half (the falling edge), so the slave has a whole high half to drive it.
// - Byte lanes: DATA needs byte 0; CONTROL byte 0 writes CS, bytes 2 and 3 write DIV. Reserved offsets read 0.
`default_nettype none
`include "iridium_config.vh"

module iridium_spi #(
    parameter DIV_RESET = `IR_SPI_DIV_RESET
) (
    input  wire        clk,
    input  wire        rst,
    // bus
    input  wire        req,
    output wire        ready,
    input  wire [9:0]  addr,        // word offset inside the 4 KiB window
    input  wire        we,
    input  wire [3:0]  wstrb,
    input  wire [31:0] wdata,
    output reg  [31:0] rdata,
    // SPI pins
    output reg         sclk,
    output reg         mosi,
    output wire        cs_n,
    input  wire        miso
);
    localparam [9:0] R_DATA = 10'd0, R_XFER = 10'd1, R_STATUS = 10'd2, R_CONTROL = 10'd3;
    localparam [15:0] DIV_INIT = DIV_RESET;

    reg        busy;
    reg        xarm;                // a XFER read has started its transfer and waits for it
    reg [7:0]  shreg;               // bits still to send (top) / bits received (bottom)
    reg [2:0]  nbit;                // falling edges done in this transfer
    reg [15:0] cnt;                 // cycles left in this half period
    reg [15:0] div;
    reg        cs;

    assign cs_n = !cs;

    wire wr_data = req && we && (addr == R_DATA);
    wire wr_ctrl = req && we && (addr == R_CONTROL);
    wire rd_data = req && !we && (addr == R_DATA);
    wire rd_xfer = req && !we && (addr == R_XFER);

    assign ready = !((busy && (wr_data || wr_ctrl || rd_data || rd_xfer)) || (rd_xfer && !xarm));
    wire en = req && ready;

    wire       start_data = en && wr_data && wstrb[0];
    wire       start_xfer = rd_xfer && !busy && !xarm;
    wire [7:0] start_byte = start_data ? wdata[7:0] : 8'hFF;

    always @(posedge clk) begin
        if (rst) begin
            busy  <= 1'b0;
            xarm  <= 1'b0;
            shreg <= 8'h00;
            nbit  <= 3'd0;
            cnt   <= 16'd0;
            div   <= DIV_INIT;
            cs    <= 1'b0;
            sclk  <= 1'b0;
            mosi  <= 1'b1;
            rdata <= 32'd0;
        end else begin
            // ---- serial engine ----
            if (start_data || start_xfer) begin
                busy  <= 1'b1;
                shreg <= start_byte;
                mosi  <= start_byte[7];
                nbit  <= 3'd0;
                cnt   <= div;
                if (start_xfer) xarm <= 1'b1;
            end else if (busy) begin
                if (cnt != 16'd0) begin
                    cnt <= cnt - 16'd1;
                end else begin
                    cnt <= div;
                    if (!sclk) begin
                        sclk <= 1'b1;
                    end else begin
                        sclk  <= 1'b0;
                        shreg <= {shreg[6:0], miso};
                        mosi  <= (nbit == 3'd7) ? 1'b1 : shreg[6];
                        nbit  <= nbit + 3'd1;
                        if (nbit == 3'd7) busy <= 1'b0;
                    end
                end
            end

            // ---- bus ----
            if (en) begin
                if (we) begin
                    if (addr == R_CONTROL) begin
                        if (wstrb[0]) cs <= wdata[0];
                        if (wstrb[2]) div[7:0]  <= wdata[23:16];
                        if (wstrb[3]) div[15:8] <= wdata[31:24];
                    end
                    rdata <= 32'd0;
                end else begin
                    case (addr)
                        R_DATA:    rdata <= {24'd0, shreg};
                        R_XFER:    begin rdata <= {24'd0, shreg}; xarm <= 1'b0; end
                        R_STATUS:  rdata <= {31'd0, busy};
                        R_CONTROL: rdata <= {div, 15'd0, cs};
                        default:   rdata <= 32'd0;
                    endcase
                end
            end
        end
    end

    // wstrb[1] and wdata[15:8] select bytes that hold no register bits.
    wire unused = &{1'b0, wstrb[1], wdata[15:8]};
endmodule

`default_nettype wire
