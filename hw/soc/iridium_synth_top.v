// iridium_synth_top.v - a generic FPGA top for the synthesis gate (scripts/synth-check.sh) and a starting point for
// board tops: the SoC with its boot ROM image, the serial line (uart_phy.v), the SD card's SPI pins, and the
// finisher's reset code (0x7777) wired to a system reset. Retirement outputs are left unconnected (the synthesiser removes that logic).
//
// Invariants: rst_in is synchronous and active high; the SoC is held in reset while rst_in is high and for one
// cycle after a finisher reset request. The hart starts at `IR_RESET_PC (the boot ROM). Power-off codes are
// ignored (a board has nothing to power off).
`default_nettype none
`include "iridium_config.vh"

module iridium_synth_top #(
    parameter BOOTROM_BYTES = 4096,
    parameter BOOTROM_INIT  = "",
    parameter RAM_BYTES     = 8192,
    parameter CLOCK_HZ      = `IR_CLOCK_HZ,
    parameter BOARD_ID      = 16              // 0x10: first FPGA board id
) (
    input  wire clk,
    input  wire rst_in,
    input  wire uart_rxd,
    output wire uart_txd,
    output wire sd_sclk,
    output wire sd_mosi,
    output wire sd_cs_n,
    input  wire sd_miso
);
    wire        tx_valid, tx_ready, rx_valid, rx_ready, finish_valid;
    wire [7:0]  tx_data, rx_data;
    wire [15:0] bauddiv;
    wire [31:0] finish_value;

    reg soft_rst;
    always @(posedge clk) soft_rst <= finish_valid && (finish_value == 32'h0000_7777);
    wire rst = rst_in || soft_rst;

    /* verilator lint_off PINCONNECTEMPTY */
    iridium_soc #(
        .BOOTROM_BYTES(BOOTROM_BYTES), .BOOTROM_INIT(BOOTROM_INIT), .RAM_BYTES(RAM_BYTES), .CLOCK_HZ(CLOCK_HZ),
        .BOARD_ID(BOARD_ID)
    ) u_soc (
        .clk(clk), .rst(rst), .boot_addr(`IR_RESET_PC),
        .uart_tx_valid(tx_valid), .uart_tx_data(tx_data), .uart_tx_ready(tx_ready),
        .uart_rx_valid(rx_valid), .uart_rx_data(rx_data), .uart_rx_ready(rx_ready), .uart_bauddiv(bauddiv),
        .finish_valid(finish_valid), .finish_value(finish_value),
        .spi_sclk(sd_sclk), .spi_mosi(sd_mosi), .spi_cs_n(sd_cs_n), .spi_miso(sd_miso),
        .ret_valid(), .ret_kind(), .ret_pc(), .ret_insn(), .ret_rd(), .ret_rd_wdata(),
        .ret_mem_valid(), .ret_mem_we(), .ret_mem_addr(), .ret_mem_wstrb(), .ret_mem_wdata(), .ret_mem_rdata(),
        .ret_csr_we(), .ret_csr_addr(), .ret_csr_wdata(), .ret_cause(), .ret_tval(), .ret_next_pc(), .ret_priv()
    );
    /* verilator lint_on PINCONNECTEMPTY */

    uart_phy u_phy (
        .clk(clk), .rst(rst), .bauddiv(bauddiv),
        .tx_valid(tx_valid), .tx_data(tx_data), .tx_ready(tx_ready), .txd(uart_txd),
        .rxd(uart_rxd), .rx_valid(rx_valid), .rx_data(rx_data)
    );

    // A byte that arrives while the RX FIFO is full is lost: a serial line cannot wait.
    wire unused = rx_ready;
endmodule

`default_nettype wire
