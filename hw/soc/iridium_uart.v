// iridium_uart.v - the UART register block (docs/memory-map.md, 0x8000_0000): receive and transmit FIFOs between
// the data bus and a byte stream. The serial line itself is elsewhere (uart_phy.v on boards; the simulator moves
// whole bytes through the tx_*/rx_* streams).
//
// Invariants:
// - Bus side: a request is accepted when req && ready; read data is registered at acceptance (one cycle later on
//   the bus). ready is 0 only for a TXDATA write with byte 0 enabled while the TX FIFO is full: the write waits,
//   no byte is ever dropped. ready does not depend on anything the bus derives from ready.
// - A read of RXDATA pops the oldest byte (bit 31 set and nothing popped when empty). Writes act only on the byte
//   lanes selected by wstrb; reserved offsets read 0 and ignore writes.
// - Stream side: tx_valid/tx_data show the oldest TX byte, taken when tx_ready; rx_data is pushed when
//   rx_valid && rx_ready (rx_ready = RX FIFO not full).
// - irq = (IE[0] & RX not empty) | (IE[1] & TX not full).
`default_nettype none
`include "iridium_config.vh"

module iridium_uart #(
    parameter FIFO_DEPTH    = `IR_UART_FIFO_DEPTH,
    parameter BAUDDIV_RESET = `IR_UART_BAUDDIV
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
    // byte streams
    output wire        tx_valid,
    output wire [7:0]  tx_data,
    input  wire        tx_ready,
    input  wire        rx_valid,
    input  wire [7:0]  rx_data,
    output wire        rx_ready,
    output wire [15:0] bauddiv,
    output wire        irq
);
    localparam [9:0] R_RXDATA = 10'd0, R_TXDATA = 10'd1, R_STATUS = 10'd2, R_IE = 10'd3, R_BAUDDIV = 10'd4;
    localparam [15:0] BAUD_INIT = BAUDDIV_RESET;

    wire       rx_empty, rx_full, tx_empty, tx_full;
    wire [7:0] rx_head;

    wire tx_write = req && we && (addr == R_TXDATA) && wstrb[0];
    assign ready  = !(tx_write && tx_full);
    wire en       = req && ready;

    wire rx_pop  = en && !we && (addr == R_RXDATA) && !rx_empty;
    wire tx_push = en && tx_write;

    iridium_fifo #(.WIDTH(8), .DEPTH(FIFO_DEPTH)) u_rxq (
        .clk(clk), .rst(rst),
        .push(rx_valid && !rx_full), .wdata(rx_data),
        .pop(rx_pop), .rdata(rx_head),
        .empty(rx_empty), .full(rx_full)
    );

    iridium_fifo #(.WIDTH(8), .DEPTH(FIFO_DEPTH)) u_txq (
        .clk(clk), .rst(rst),
        .push(tx_push), .wdata(wdata[7:0]),
        .pop(tx_ready && !tx_empty), .rdata(tx_data),
        .empty(tx_empty), .full(tx_full)
    );

    assign tx_valid = !tx_empty;
    assign rx_ready = !rx_full;

    reg [1:0]  ie;
    reg [15:0] baud;
    assign bauddiv = baud;

    wire [1:0] status = {!tx_full, !rx_empty};
    assign irq = |(ie & status);

    always @(posedge clk) begin
        if (rst) begin
            ie    <= 2'b00;
            baud  <= BAUD_INIT;
            rdata <= 32'd0;
        end else if (en) begin
            if (we) begin
                if (addr == R_IE && wstrb[0]) ie <= wdata[1:0];
                if (addr == R_BAUDDIV) begin
                    if (wstrb[0]) baud[7:0]  <= wdata[7:0];
                    if (wstrb[1]) baud[15:8] <= wdata[15:8];
                end
                rdata <= 32'd0;
            end else begin
                case (addr)
                    R_RXDATA:  rdata <= rx_empty ? 32'h8000_0000 : {24'd0, rx_head};
                    R_STATUS:  rdata <= {30'd0, status};
                    R_IE:      rdata <= {30'd0, ie};
                    R_BAUDDIV: rdata <= {16'd0, baud};
                    default:   rdata <= 32'd0;
                endcase
            end
        end
    end

    // wstrb[3:1] and wdata[31:16] only matter for registers that have no such bytes.
    wire unused = &{1'b0, wstrb[3:2], wdata[31:16]};
endmodule

`default_nettype wire
