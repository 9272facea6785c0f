// iridium_xbar.v - the SoC interconnect: address decode of the core's instruction (I) and data (D) ports onto the
// boot ROM, the RAM and the device registers (docs/memory-map.md), and the response path back.
//
// Invariants (bus protocol of docs/core.md):
// - Every accepted request gets exactly one response, in the cycle after it was accepted; a new request can be
//   accepted in that same cycle, so each port moves one word per cycle.
// - I port: ROM and RAM; anything else answers rsp_err. i_req_ready is always 1.
// - D port: ROM (reads only; a write is an error and reaches no memory), RAM, UART, system controller, CLINT,
//   SPI master; anything else answers rsp_err. d_req_ready is 0 only while the UART holds off a TXDATA write (FIFO
//   full) or the SPI master holds off an access until its transfer is over.
// - Slaves register their read data when enabled; the response mux picks it with the select registered at
//   acceptance (reads only): error and write responses carry rdata 0.
// - The select outputs for devices (*_req) do not depend on d_req_ready (no combinational loop through the UART
//   or the SPI master).
`default_nettype none
`include "iridium_config.vh"

module iridium_xbar #(
    parameter BOOTROM_BYTES = `IR_BOOTROM_BYTES,
    parameter RAM_BYTES     = `IR_RAM_BYTES
) (
    input  wire        clk,
    input  wire        rst,
    // core instruction port
    input  wire        i_req_valid,
    output wire        i_req_ready,
    input  wire [31:0] i_req_addr,
    output reg         i_rsp_valid,
    output wire [31:0] i_rsp_rdata,
    output reg         i_rsp_err,
    // core data port
    input  wire        d_req_valid,
    output wire        d_req_ready,
    input  wire [31:0] d_req_addr,
    input  wire        d_req_we,
    input  wire [3:0]  d_req_wstrb,
    input  wire [31:0] d_req_wdata,
    output reg         d_rsp_valid,
    output wire [31:0] d_rsp_rdata,
    output reg         d_rsp_err,
    // boot ROM
    output wire        rom_i_en,
    input  wire [31:0] rom_i_rdata,
    output wire        rom_d_en,
    input  wire [31:0] rom_d_rdata,
    // RAM
    output wire        ram_i_en,
    input  wire [31:0] ram_i_rdata,
    output wire        ram_d_en,
    output wire [3:0]  ram_d_we,
    input  wire [31:0] ram_d_rdata,
    // devices: request (before acceptance), shared payload, registered read data
    output wire        uart_req,
    input  wire        uart_ready,
    input  wire [31:0] uart_rdata,
    output wire        sysctl_req,
    input  wire [31:0] sysctl_rdata,
    output wire        clint_req,
    input  wire [31:0] clint_rdata,
    output wire        spi_req,
    input  wire        spi_ready,
    input  wire [31:0] spi_rdata,
    output wire        dev_we,
    output wire [3:0]  dev_wstrb,
    output wire [31:0] dev_wdata
);
    localparam [31:0] ROM_LIMIT = BOOTROM_BYTES;
    localparam [31:0] RAM_LIMIT = RAM_BYTES;

    // ---- I port -----------------------------------------------------------------------------------------
    wire i_hit_rom = (i_req_addr < ROM_LIMIT);
    wire i_hit_ram = (i_req_addr[31:30] == 2'b01) && ({2'b00, i_req_addr[29:0]} < RAM_LIMIT);

    assign i_req_ready = 1'b1;
    assign rom_i_en    = i_req_valid && i_hit_rom;
    assign ram_i_en    = i_req_valid && i_hit_ram;

    reg i_sel_rom, i_sel_ram;
    always @(posedge clk) begin
        if (rst) begin
            i_rsp_valid <= 1'b0;
            i_rsp_err   <= 1'b0;
            i_sel_rom   <= 1'b0;
            i_sel_ram   <= 1'b0;
        end else begin
            i_rsp_valid <= i_req_valid;
            i_rsp_err   <= i_req_valid && !i_hit_rom && !i_hit_ram;
            i_sel_rom   <= rom_i_en;
            i_sel_ram   <= ram_i_en;
        end
    end
    assign i_rsp_rdata = ({32{i_sel_rom}} & rom_i_rdata) | ({32{i_sel_ram}} & ram_i_rdata);

    // ---- D port -----------------------------------------------------------------------------------------
    wire d_hit_rom    = (d_req_addr < ROM_LIMIT) && !d_req_we;        // a write to ROM is an error
    wire d_hit_ram    = (d_req_addr[31:30] == 2'b01) && ({2'b00, d_req_addr[29:0]} < RAM_LIMIT);
    wire d_hit_uart   = (d_req_addr[31:12] == 20'h8000_0);
    wire d_hit_sysctl = (d_req_addr[31:12] == 20'h8000_1);
    wire d_hit_clint  = (d_req_addr[31:16] == 16'h8001);
    wire d_hit_spi    = (d_req_addr[31:12] == 20'h8002_0);
    wire d_hit_any    = d_hit_rom || d_hit_ram || d_hit_uart || d_hit_sysctl || d_hit_clint || d_hit_spi;

    assign uart_req    = d_req_valid && d_hit_uart;
    assign sysctl_req  = d_req_valid && d_hit_sysctl;
    assign clint_req   = d_req_valid && d_hit_clint;
    assign spi_req     = d_req_valid && d_hit_spi;
    assign d_req_ready = (!uart_req || uart_ready) && (!spi_req || spi_ready);
    assign dev_we      = d_req_we;
    assign dev_wstrb   = d_req_wstrb;
    assign dev_wdata   = d_req_wdata;

    wire d_accept = d_req_valid && d_req_ready;
    wire d_read   = d_accept && !d_req_we;      // only reads select read data: write responses carry 0
    assign rom_d_en = d_accept && d_hit_rom;
    assign ram_d_en = d_accept && d_hit_ram;
    assign ram_d_we = d_req_we ? d_req_wstrb : 4'b0000;

    reg d_sel_rom, d_sel_ram, d_sel_uart, d_sel_sysctl, d_sel_clint, d_sel_spi;
    always @(posedge clk) begin
        if (rst) begin
            d_rsp_valid  <= 1'b0;
            d_rsp_err    <= 1'b0;
            d_sel_rom    <= 1'b0;
            d_sel_ram    <= 1'b0;
            d_sel_uart   <= 1'b0;
            d_sel_sysctl <= 1'b0;
            d_sel_clint  <= 1'b0;
            d_sel_spi    <= 1'b0;
        end else begin
            d_rsp_valid  <= d_accept;
            d_rsp_err    <= d_accept && !d_hit_any;
            d_sel_rom    <= d_read && d_hit_rom;
            d_sel_ram    <= d_read && d_hit_ram;
            d_sel_uart   <= d_read && d_hit_uart;
            d_sel_sysctl <= d_read && d_hit_sysctl;
            d_sel_clint  <= d_read && d_hit_clint;
            d_sel_spi    <= d_read && d_hit_spi;
        end
    end
    assign d_rsp_rdata = ({32{d_sel_rom}}    & rom_d_rdata)
                       | ({32{d_sel_ram}}    & ram_d_rdata)
                       | ({32{d_sel_uart}}   & uart_rdata)
                       | ({32{d_sel_sysctl}} & sysctl_rdata)
                       | ({32{d_sel_clint}}  & clint_rdata)
                       | ({32{d_sel_spi}}    & spi_rdata);
endmodule

`default_nettype wire
