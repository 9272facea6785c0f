// iridium_btb.v - branch target buffer with 2-bit counters, looked up by fetch, trained by execute.
//
// Direct mapped on pc[IW+1:2] with a partial tag. A hit with a counter of 2 or 3 predicts "taken to target"; the
// fetch unit then fetches the target next, with no bubble. Predictions are only hints: execute compares every
// instruction's predicted next pc with the real one and redirects on a difference, so a stale or aliased entry
// costs time, never correctness. Trained with jal and conditional branches only (not jalr).
// ENTRIES = 0 removes the BTB (never hits); decode's static prediction still applies.
`default_nettype none

module iridium_btb #(
    parameter ENTRIES  = 16,      // power of two, or 0
    parameter TAG_BITS = 10
) (
    input  wire        clk,
    input  wire        rst,
    input  wire [31:0] lookup_pc,
    output wire        hit,
    output wire        taken,
    output wire [31:0] target,
    input  wire        upd_valid,
    input  wire [31:0] upd_pc,
    input  wire        upd_taken,
    input  wire [31:0] upd_target
);
generate
    if (ENTRIES == 0) begin : g_none
        assign hit = 1'b0;
        assign taken = 1'b0;
        assign target = 32'd0;
        wire unused_btb = &{1'b0, clk, rst, lookup_pc, upd_valid, upd_pc, upd_taken, upd_target};
    end else begin : g_btb
        localparam IW = (ENTRIES > 1) ? $clog2(ENTRIES) : 1;
        reg                 b_valid [0:ENTRIES-1];
        reg [TAG_BITS-1:0]  b_tag   [0:ENTRIES-1];
        reg [29:0]          b_tgt   [0:ENTRIES-1];
        reg [1:0]           b_cnt   [0:ENTRIES-1];

        wire [IW-1:0]       l_idx = lookup_pc[IW+1:2];
        wire [TAG_BITS-1:0] l_tag = lookup_pc[IW+2 +: TAG_BITS];
        assign hit    = b_valid[l_idx] && (b_tag[l_idx] == l_tag);
        assign taken  = hit && b_cnt[l_idx][1];
        assign target = {b_tgt[l_idx], 2'b00};

        wire [IW-1:0]       u_idx = upd_pc[IW+1:2];
        wire [TAG_BITS-1:0] u_tag = upd_pc[IW+2 +: TAG_BITS];
        wire                u_hit = b_valid[u_idx] && (b_tag[u_idx] == u_tag);
        wire [1:0]          u_cnt = b_cnt[u_idx];
        wire unused_btb = &{1'b0, lookup_pc, upd_pc, upd_target[1:0]};   // bits above the tag are not compared

        integer i;
        always @(posedge clk) begin
            if (rst) begin
                for (i = 0; i < ENTRIES; i = i + 1) b_valid[i] <= 1'b0;
            end else if (upd_valid) begin
                if (u_hit) begin
                    if (upd_taken) begin
                        b_cnt[u_idx] <= (u_cnt == 2'd3) ? 2'd3 : u_cnt + 2'd1;
                        b_tgt[u_idx] <= upd_target[31:2];
                    end else begin
                        b_cnt[u_idx] <= (u_cnt == 2'd0) ? 2'd0 : u_cnt - 2'd1;
                    end
                end else if (upd_taken) begin
                    b_valid[u_idx] <= 1'b1;
                    b_tag[u_idx]   <= u_tag;
                    b_tgt[u_idx]   <= upd_target[31:2];
                    b_cnt[u_idx]   <= 2'd2;
                end
            end
        end
    end
endgenerate
endmodule
