// iridium_fabric.v - everything of the SoC except the core: interconnect, boot ROM, RAM, UART, system controller,
// CLINT and SPI master, with the core's two bus ports, interrupt lines and mtime as its interface.
//
// It exists as a module of its own so that the SoC device tests (hw/soc/tb) can drive the core-side buses
// directly. Invariants: those of iridium_xbar (bus protocol, decode of docs/memory-map.md) and of each device.
`default_nettype none
`include "iridium_config.vh"

module iridium_fabric #(
    parameter BOOTROM_BYTES   = `IR_BOOTROM_BYTES,
    parameter BOOTROM_INIT    = "",                 // hex file of the boot ROM (synthesis/boards)
    parameter RAM_BYTES       = `IR_RAM_BYTES,
    parameter CLOCK_HZ        = `IR_CLOCK_HZ,
    parameter BOARD_ID        = `IR_BOARD_ID,
    parameter UART_FIFO_DEPTH = `IR_UART_FIFO_DEPTH,
    parameter UART_BAUDDIV    = `IR_UART_BAUDDIV,
    parameter SPI_DIV_RESET   = `IR_SPI_DIV_RESET
) (
    input  wire        clk,
    input  wire        rst,
    // core instruction port
    input  wire        ibus_req_valid,
    output wire        ibus_req_ready,
    input  wire [31:0] ibus_req_addr,
    output wire        ibus_rsp_valid,
    output wire [31:0] ibus_rsp_rdata,
    output wire        ibus_rsp_err,
    // core data port
    input  wire        dbus_req_valid,
    output wire        dbus_req_ready,
    input  wire [31:0] dbus_req_addr,
    input  wire        dbus_req_we,
    input  wire [3:0]  dbus_req_wstrb,
    input  wire [31:0] dbus_req_wdata,
    output wire        dbus_rsp_valid,
    output wire [31:0] dbus_rsp_rdata,
    output wire        dbus_rsp_err,
    // to the core
    output wire        irq_m_ext,
    output wire        irq_m_timer,
    output wire        irq_m_soft,
    output wire [63:0] mtime,
    // UART byte streams
    output wire        uart_tx_valid,
    output wire [7:0]  uart_tx_data,
    input  wire        uart_tx_ready,
    input  wire        uart_rx_valid,
    input  wire [7:0]  uart_rx_data,
    output wire        uart_rx_ready,
    output wire [15:0] uart_bauddiv,
    // finisher
    output wire        finish_valid,
    output wire [31:0] finish_value,
    // SPI (SD card)
    output wire        spi_sclk,
    output wire        spi_mosi,
    output wire        spi_cs_n,
    input  wire        spi_miso
);
    localparam ROM_AW = $clog2(BOOTROM_BYTES / 4);
    localparam RAM_AW = $clog2(RAM_BYTES / 4);

    wire        rom_i_en, rom_d_en, ram_i_en, ram_d_en;
    wire [3:0]  ram_d_we;
    wire [31:0] rom_i_rdata, rom_d_rdata, ram_i_rdata, ram_d_rdata;
    wire        uart_req, uart_ready, sysctl_req, clint_req, spi_req, spi_ready, dev_we;
    wire [3:0]  dev_wstrb;
    wire [31:0] dev_wdata, uart_rdata, sysctl_rdata, clint_rdata, spi_rdata;

    iridium_xbar #(.BOOTROM_BYTES(BOOTROM_BYTES), .RAM_BYTES(RAM_BYTES)) u_xbar (
        .clk(clk), .rst(rst),
        .i_req_valid(ibus_req_valid), .i_req_ready(ibus_req_ready), .i_req_addr(ibus_req_addr),
        .i_rsp_valid(ibus_rsp_valid), .i_rsp_rdata(ibus_rsp_rdata), .i_rsp_err(ibus_rsp_err),
        .d_req_valid(dbus_req_valid), .d_req_ready(dbus_req_ready), .d_req_addr(dbus_req_addr),
        .d_req_we(dbus_req_we), .d_req_wstrb(dbus_req_wstrb), .d_req_wdata(dbus_req_wdata),
        .d_rsp_valid(dbus_rsp_valid), .d_rsp_rdata(dbus_rsp_rdata), .d_rsp_err(dbus_rsp_err),
        .rom_i_en(rom_i_en), .rom_i_rdata(rom_i_rdata), .rom_d_en(rom_d_en), .rom_d_rdata(rom_d_rdata),
        .ram_i_en(ram_i_en), .ram_i_rdata(ram_i_rdata), .ram_d_en(ram_d_en), .ram_d_we(ram_d_we),
        .ram_d_rdata(ram_d_rdata),
        .uart_req(uart_req), .uart_ready(uart_ready), .uart_rdata(uart_rdata),
        .sysctl_req(sysctl_req), .sysctl_rdata(sysctl_rdata),
        .clint_req(clint_req), .clint_rdata(clint_rdata),
        .spi_req(spi_req), .spi_ready(spi_ready), .spi_rdata(spi_rdata),
        .dev_we(dev_we), .dev_wstrb(dev_wstrb), .dev_wdata(dev_wdata)
    );

    iridium_bootrom #(.BYTES(BOOTROM_BYTES), .INIT_FILE(BOOTROM_INIT)) u_rom (
        .clk(clk),
        .i_en(rom_i_en), .i_addr(ibus_req_addr[ROM_AW+1:2]), .i_rdata(rom_i_rdata),
        .d_en(rom_d_en), .d_addr(dbus_req_addr[ROM_AW+1:2]), .d_rdata(rom_d_rdata)
    );

    iridium_ram #(.BYTES(RAM_BYTES)) u_ram (
        .clk(clk),
        .i_en(ram_i_en), .i_addr(ibus_req_addr[RAM_AW+1:2]), .i_rdata(ram_i_rdata),
        .d_en(ram_d_en), .d_we(ram_d_we), .d_addr(dbus_req_addr[RAM_AW+1:2]), .d_wdata(dbus_req_wdata),
        .d_rdata(ram_d_rdata)
    );

    iridium_uart #(.FIFO_DEPTH(UART_FIFO_DEPTH), .BAUDDIV_RESET(UART_BAUDDIV)) u_uart (
        .clk(clk), .rst(rst),
        .req(uart_req), .ready(uart_ready), .addr(dbus_req_addr[11:2]), .we(dev_we), .wstrb(dev_wstrb),
        .wdata(dev_wdata), .rdata(uart_rdata),
        .tx_valid(uart_tx_valid), .tx_data(uart_tx_data), .tx_ready(uart_tx_ready),
        .rx_valid(uart_rx_valid), .rx_data(uart_rx_data), .rx_ready(uart_rx_ready),
        .bauddiv(uart_bauddiv), .irq(irq_m_ext)
    );

    iridium_sysctl #(.CLOCK_HZ(CLOCK_HZ), .RAM_BYTES(RAM_BYTES), .BOARD_ID(BOARD_ID)) u_sysctl (
        .clk(clk), .rst(rst),
        .req(sysctl_req), .addr(dbus_req_addr[11:2]), .we(dev_we), .wstrb(dev_wstrb), .wdata(dev_wdata),
        .rdata(sysctl_rdata), .finish_valid(finish_valid), .finish_value(finish_value)
    );

    iridium_clint u_clint (
        .clk(clk), .rst(rst),
        .req(clint_req), .addr(dbus_req_addr[15:2]), .we(dev_we), .wstrb(dev_wstrb), .wdata(dev_wdata),
        .rdata(clint_rdata), .mtime(mtime), .mtip(irq_m_timer), .msip(irq_m_soft)
    );

    iridium_spi #(.DIV_RESET(SPI_DIV_RESET)) u_spi (
        .clk(clk), .rst(rst),
        .req(spi_req), .ready(spi_ready), .addr(dbus_req_addr[11:2]), .we(dev_we), .wstrb(dev_wstrb),
        .wdata(dev_wdata), .rdata(spi_rdata),
        .sclk(spi_sclk), .mosi(spi_mosi), .cs_n(spi_cs_n), .miso(spi_miso)
    );
endmodule

`default_nettype wire
