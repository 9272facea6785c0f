// iridium_clint.v - the core-local interruptor (docs/memory-map.md, 0x8001_0000, SiFive layout): MSIP, MTIMECMP,
// MTIME for hart 0.
//
// Invariants: every request is accepted at once; read data registered at acceptance (a read of MTIME returns its
// value in the accepting cycle). mtime counts clock cycles from reset; a write to either half replaces the written
// bytes and, in that cycle, the increment. mtimecmp resets to all ones. mtip = (mtime >= mtimecmp), unsigned,
// combinational from the registers (no extra cycle of delay after a write). msip = MSIP bit 0.
`default_nettype none

module iridium_clint (
    input  wire        clk,
    input  wire        rst,
    input  wire        req,
    input  wire [13:0] addr,        // word offset inside the 64 KiB window
    input  wire        we,
    input  wire [3:0]  wstrb,
    input  wire [31:0] wdata,
    output reg  [31:0] rdata,
    output wire [63:0] mtime,
    output wire        mtip,
    output wire        msip
);
    localparam [13:0] R_MSIP = 14'h0000, R_CMP_LO = 14'h1000, R_CMP_HI = 14'h1001,
                      R_TIME_LO = 14'h2FFE, R_TIME_HI = 14'h2FFF;

    reg [63:0] time_q, cmp_q;
    reg        msip_q;
    assign mtime = time_q;
    assign mtip  = (time_q >= cmp_q);
    assign msip  = msip_q;

    wire [31:0] mask = {{8{wstrb[3]}}, {8{wstrb[2]}}, {8{wstrb[1]}}, {8{wstrb[0]}}};
    wire        wr   = req && we;

    always @(posedge clk) begin
        if (rst) begin
            time_q <= 64'd0;
            cmp_q  <= {64{1'b1}};
            msip_q <= 1'b0;
            rdata  <= 32'd0;
        end else begin
            if (wr && addr == R_TIME_LO)      time_q[31:0]  <= (time_q[31:0]  & ~mask) | (wdata & mask);
            else if (wr && addr == R_TIME_HI) time_q[63:32] <= (time_q[63:32] & ~mask) | (wdata & mask);
            else                              time_q <= time_q + 64'd1;

            if (wr && addr == R_CMP_LO) cmp_q[31:0]  <= (cmp_q[31:0]  & ~mask) | (wdata & mask);
            if (wr && addr == R_CMP_HI) cmp_q[63:32] <= (cmp_q[63:32] & ~mask) | (wdata & mask);
            if (wr && addr == R_MSIP && wstrb[0]) msip_q <= wdata[0];

            if (req) begin
                if (we) rdata <= 32'd0;
                else case (addr)
                    R_MSIP:    rdata <= {31'd0, msip_q};
                    R_CMP_LO:  rdata <= cmp_q[31:0];
                    R_CMP_HI:  rdata <= cmp_q[63:32];
                    R_TIME_LO: rdata <= time_q[31:0];
                    R_TIME_HI: rdata <= time_q[63:32];
                    default:   rdata <= 32'd0;
                endcase
            end
        end
    end
endmodule

`default_nettype wire
