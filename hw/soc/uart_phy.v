// uart_phy.v - the serial line of the UART for boards: 8N1 serialiser (byte stream -> txd) and deserialiser
// (rxd -> byte stream), both timed by bauddiv = clock cycles per bit.
//
// Invariants:
// - txd idles high. A byte is taken when tx_valid && tx_ready (tx_ready = transmitter idle) and sent as a start bit
//   (0), 8 data bits LSB first and a stop bit (1), each bauddiv cycles long.
// - rxd goes through a two-flip-flop synchroniser. A falling edge starts a frame; the start bit is checked again at
//   its middle (a glitch is ignored), then each data bit and the stop bit are sampled at their middles. A frame with
//   a good stop bit raises rx_valid for one cycle with rx_data; a framing error drops the byte. There is no
//   back-pressure on a serial line: the consumer must take rx_data in that cycle.
// - bauddiv >= 2; it is sampled at the start of each frame.
`default_nettype none

module uart_phy (
    input  wire        clk,
    input  wire        rst,
    input  wire [15:0] bauddiv,
    // transmit
    input  wire        tx_valid,
    input  wire [7:0]  tx_data,
    output wire        tx_ready,
    output wire        txd,
    // receive
    input  wire        rxd,
    output reg         rx_valid,
    output reg  [7:0]  rx_data
);
    // ---- transmitter ------------------------------------------------------------------------------------
    reg [9:0]  tx_shift;        // bit 0 is on the line
    reg [3:0]  tx_bits;         // bits left to send, 0 = idle
    reg [15:0] tx_div;          // bauddiv of this frame
    reg [15:0] tx_cnt;          // cycles left in the current bit

    assign tx_ready = (tx_bits == 4'd0);
    assign txd      = tx_ready ? 1'b1 : tx_shift[0];

    always @(posedge clk) begin
        if (rst) begin
            tx_shift <= 10'h3FF;
            tx_bits  <= 4'd0;
            tx_div   <= 16'd0;
            tx_cnt   <= 16'd0;
        end else if (tx_ready) begin
            if (tx_valid) begin
                tx_shift <= {1'b1, tx_data, 1'b0};
                tx_bits  <= 4'd10;
                tx_div   <= bauddiv;
                tx_cnt   <= bauddiv - 16'd1;
            end
        end else if (tx_cnt != 16'd0) begin
            tx_cnt <= tx_cnt - 16'd1;
        end else begin
            tx_shift <= {1'b1, tx_shift[9:1]};
            tx_bits  <= tx_bits - 4'd1;
            tx_cnt   <= tx_div - 16'd1;
        end
    end

    // ---- receiver ---------------------------------------------------------------------------------------
    reg [1:0]  rx_sync;         // synchroniser; rx_sync[1] is the line as the receiver sees it
    reg        rx_busy;
    reg [3:0]  rx_bits;         // samples taken in this frame: 0 start, 1..8 data, 9 stop
    reg [15:0] rx_div;
    reg [15:0] rx_cnt;          // cycles until the next sample
    reg [7:0]  rx_shift;

    always @(posedge clk) begin
        if (rst) begin
            rx_sync  <= 2'b11;
            rx_busy  <= 1'b0;
            rx_bits  <= 4'd0;
            rx_div   <= 16'd0;
            rx_cnt   <= 16'd0;
            rx_shift <= 8'd0;
            rx_valid <= 1'b0;
            rx_data  <= 8'd0;
        end else begin
            rx_sync  <= {rx_sync[0], rxd};
            rx_valid <= 1'b0;
            if (!rx_busy) begin
                if (!rx_sync[1]) begin              // start bit begins: sample it at its middle
                    rx_busy <= 1'b1;
                    rx_bits <= 4'd0;
                    rx_div  <= bauddiv;
                    rx_cnt  <= {1'b0, bauddiv[15:1]} - 16'd1;
                end
            end else if (rx_cnt != 16'd0) begin
                rx_cnt <= rx_cnt - 16'd1;
            end else begin
                rx_cnt <= rx_div - 16'd1;
                rx_bits <= rx_bits + 4'd1;
                if (rx_bits == 4'd0) begin
                    if (rx_sync[1]) rx_busy <= 1'b0;    // glitch, not a start bit
                end else if (rx_bits == 4'd9) begin
                    rx_busy <= 1'b0;
                    if (rx_sync[1]) begin               // good stop bit
                        rx_valid <= 1'b1;
                        rx_data  <= rx_shift;
                    end
                end else begin
                    rx_shift <= {rx_sync[1], rx_shift[7:1]};
                end
            end
        end
    end
endmodule

`default_nettype wire
