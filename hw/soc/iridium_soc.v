// iridium_soc.v - the Iridium SoC top: the core (hw/core) and the fabric (interconnect, boot ROM, RAM, UART, system
// controller, CLINT, SPI master; iridium_fabric.v).
//
// Interface: UART byte streams (no serial line here: boards add uart_phy.v, the simulator moves bytes), the
// finisher (finish_valid for one cycle with the raw value written; the board or harness decides what it means),
// the SPI pins of the SD card (spi_*; mode 0, iridium_spi.v), and the core's retirement outputs (ret_*, docs/core.md) passed through for the simulator.
// Invariants: rst is synchronous and active high and resets the core and every device register (not the
// memories); the hart starts at boot_addr, which must stay constant while the SoC runs.
`default_nettype none
`include "iridium_config.vh"

module iridium_soc #(
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
    input  wire [31:0] boot_addr,
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
    input  wire        spi_miso,
    // retirement (docs/core.md)
    output wire        ret_valid,
    output wire [1:0]  ret_kind,
    output wire [31:0] ret_pc,
    output wire [31:0] ret_insn,
    output wire [4:0]  ret_rd,
    output wire [31:0] ret_rd_wdata,
    output wire        ret_mem_valid,
    output wire        ret_mem_we,
    output wire [31:0] ret_mem_addr,
    output wire [3:0]  ret_mem_wstrb,
    output wire [31:0] ret_mem_wdata,
    output wire [31:0] ret_mem_rdata,
    output wire        ret_csr_we,
    output wire [11:0] ret_csr_addr,
    output wire [31:0] ret_csr_wdata,
    output wire [31:0] ret_cause,
    output wire [31:0] ret_tval,
    output wire [31:0] ret_next_pc,
    output wire [1:0]  ret_priv
);
    wire        ibus_req_valid, ibus_req_ready, ibus_rsp_valid, ibus_rsp_err;
    wire [31:0] ibus_req_addr, ibus_rsp_rdata;
    wire        dbus_req_valid, dbus_req_ready, dbus_req_we, dbus_rsp_valid, dbus_rsp_err;
    wire [3:0]  dbus_req_wstrb;
    wire [31:0] dbus_req_addr, dbus_req_wdata, dbus_rsp_rdata;
    wire        irq_m_ext, irq_m_timer, irq_m_soft;
    wire [63:0] mtime;

    iridium_core u_core (
        .clk(clk), .rst(rst), .boot_addr(boot_addr),
        .ibus_req_valid(ibus_req_valid), .ibus_req_ready(ibus_req_ready), .ibus_req_addr(ibus_req_addr),
        .ibus_rsp_valid(ibus_rsp_valid), .ibus_rsp_rdata(ibus_rsp_rdata), .ibus_rsp_err(ibus_rsp_err),
        .dbus_req_valid(dbus_req_valid), .dbus_req_ready(dbus_req_ready), .dbus_req_addr(dbus_req_addr),
        .dbus_req_we(dbus_req_we), .dbus_req_wstrb(dbus_req_wstrb), .dbus_req_wdata(dbus_req_wdata),
        .dbus_rsp_valid(dbus_rsp_valid), .dbus_rsp_rdata(dbus_rsp_rdata), .dbus_rsp_err(dbus_rsp_err),
        .irq_m_ext(irq_m_ext), .irq_m_timer(irq_m_timer), .irq_m_soft(irq_m_soft), .mtime(mtime),
        .ret_valid(ret_valid), .ret_kind(ret_kind), .ret_pc(ret_pc), .ret_insn(ret_insn),
        .ret_rd(ret_rd), .ret_rd_wdata(ret_rd_wdata),
        .ret_mem_valid(ret_mem_valid), .ret_mem_we(ret_mem_we), .ret_mem_addr(ret_mem_addr),
        .ret_mem_wstrb(ret_mem_wstrb), .ret_mem_wdata(ret_mem_wdata), .ret_mem_rdata(ret_mem_rdata),
        .ret_csr_we(ret_csr_we), .ret_csr_addr(ret_csr_addr), .ret_csr_wdata(ret_csr_wdata),
        .ret_cause(ret_cause), .ret_tval(ret_tval), .ret_next_pc(ret_next_pc), .ret_priv(ret_priv)
    );

    iridium_fabric #(
        .BOOTROM_BYTES(BOOTROM_BYTES), .BOOTROM_INIT(BOOTROM_INIT), .RAM_BYTES(RAM_BYTES), .CLOCK_HZ(CLOCK_HZ),
        .BOARD_ID(BOARD_ID), .UART_FIFO_DEPTH(UART_FIFO_DEPTH), .UART_BAUDDIV(UART_BAUDDIV),
        .SPI_DIV_RESET(SPI_DIV_RESET)
    ) u_fabric (
        .clk(clk), .rst(rst),
        .ibus_req_valid(ibus_req_valid), .ibus_req_ready(ibus_req_ready), .ibus_req_addr(ibus_req_addr),
        .ibus_rsp_valid(ibus_rsp_valid), .ibus_rsp_rdata(ibus_rsp_rdata), .ibus_rsp_err(ibus_rsp_err),
        .dbus_req_valid(dbus_req_valid), .dbus_req_ready(dbus_req_ready), .dbus_req_addr(dbus_req_addr),
        .dbus_req_we(dbus_req_we), .dbus_req_wstrb(dbus_req_wstrb), .dbus_req_wdata(dbus_req_wdata),
        .dbus_rsp_valid(dbus_rsp_valid), .dbus_rsp_rdata(dbus_rsp_rdata), .dbus_rsp_err(dbus_rsp_err),
        .irq_m_ext(irq_m_ext), .irq_m_timer(irq_m_timer), .irq_m_soft(irq_m_soft), .mtime(mtime),
        .uart_tx_valid(uart_tx_valid), .uart_tx_data(uart_tx_data), .uart_tx_ready(uart_tx_ready),
        .uart_rx_valid(uart_rx_valid), .uart_rx_data(uart_rx_data), .uart_rx_ready(uart_rx_ready),
        .uart_bauddiv(uart_bauddiv), .finish_valid(finish_valid), .finish_value(finish_value),
        .spi_sclk(spi_sclk), .spi_mosi(spi_mosi), .spi_cs_n(spi_cs_n), .spi_miso(spi_miso)
    );
endmodule

`default_nettype wire
