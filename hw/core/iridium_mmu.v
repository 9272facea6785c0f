// iridium_mmu.v - Sv32 translation for one port (instantiated for fetch and for data): a fully associative TLB
// in flip-flops and a hardware page-table walker that borrows the same bus port.
//
// Lookup is combinational: with translation off (satp.MODE = 0 or effective privilege M) or on a TLB hit, ready
// is high in the same cycle with the physical address and the permission verdict, so a hit costs no cycle. On a
// miss ready stays low while the walker reads the PTEs (one or two bus reads), then fills the TLB, and the lookup
// hits in the next cycle. A walk that finds no valid leaf (or reads a PTE outside memory) leaves its verdict for
// the requesting page in a one-entry fault register instead of the TLB, which the next lookup of that page
// reports (invalid PTEs are never cached).
// Invariants:
// - A/D bits are never written: A = 0, or D = 0 on a store, is a page fault (docs/core.md, "A/D policy").
// - Permissions (U, R/W/X, SUM, MXR) are checked at lookup with the current mode, never cached as a verdict.
// - The walker uses the bus only when the CPU has no request outstanding, and the CPU side is held off while
//   the walker is active; responses return in order, so each goes to whoever has the oldest request.
// - abort (pipeline redirect) cancels a walk; a read already on the bus is drained and dropped. flush
//   (sfence.vma) empties the TLB.
`default_nettype none
`include "iridium_defs.vh"

module iridium_mmu #(
    parameter TLB_ENTRIES = 8,          // at least 1
    parameter IS_FETCH    = 0
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        flush,
    input  wire        abort,
    // translation request
    input  wire [1:0]  priv,            // effective privilege of the access
    input  wire [31:0] satp,
    input  wire        sum,
    input  wire        mxr,
    input  wire        req,
    input  wire [31:0] vaddr,
    input  wire        is_store,
    output wire        ready,
    output wire [31:0] paddr,
    output wire        fault,
    output wire [4:0]  cause,
    // CPU side of the port (physical addresses)
    input  wire        cpu_req_valid,
    output wire        cpu_req_ready,
    input  wire [31:0] cpu_req_addr,
    input  wire        cpu_req_we,
    input  wire [3:0]  cpu_req_wstrb,
    input  wire [31:0] cpu_req_wdata,
    output wire        cpu_rsp_valid,
    output wire [31:0] cpu_rsp_rdata,
    output wire        cpu_rsp_err,
    // the bus
    output wire        bus_req_valid,
    input  wire        bus_req_ready,
    output wire [31:0] bus_req_addr,
    output wire        bus_req_we,
    output wire [3:0]  bus_req_wstrb,
    output wire [31:0] bus_req_wdata,
    input  wire        bus_rsp_valid,
    input  wire [31:0] bus_rsp_rdata,
    input  wire        bus_rsp_err
);
    localparam N = TLB_ENTRIES;
    localparam IW = (N > 1) ? $clog2(N) : 1;

    // causes for this port
    wire [4:0] c_page   = IS_FETCH ? `EXC_IPAGE   : is_store ? `EXC_SPAGE   : `EXC_LPAGE;
    wire [4:0] c_access = IS_FETCH ? `EXC_IACCESS : is_store ? `EXC_SACCESS : `EXC_LACCESS;

    // ---- TLB ---------------------------------------------------------------------------------------------------
    reg          t_valid [0:N-1];
    reg  [19:0]  t_vpn   [0:N-1];
    reg          t_mega  [0:N-1];
    reg  [21:0]  t_ppn   [0:N-1];
    reg  [7:0]   t_flags [0:N-1];     // D A G U X W R V
    reg  [IW-1:0] t_next;             // round-robin victim

    wire translate = satp[31] && (priv != `PRV_M);

    reg          hit;
    reg  [21:0]  h_ppn;
    reg          h_mega;
    reg  [7:0]   h_flags;
    integer i;
    always @(*) begin
        hit = 1'b0; h_ppn = 22'd0; h_mega = 1'b0; h_flags = 8'd0;
        for (i = 0; i < N; i = i + 1) begin
            if (t_valid[i] && (t_mega[i] ? (t_vpn[i][19:10] == vaddr[31:22]) : (t_vpn[i] == vaddr[31:12]))) begin
                hit = 1'b1; h_ppn = t_ppn[i]; h_mega = t_mega[i]; h_flags = t_flags[i];
            end
        end
    end

    wire [33:0] h_pa = h_mega ? {h_ppn[21:10], vaddr[21:0]} : {h_ppn, vaddr[11:0]};
    wire f_u = h_flags[4], f_x = h_flags[3], f_w = h_flags[2], f_r = h_flags[1], f_a = h_flags[6], f_d = h_flags[7];
    wire mode_ok = (priv == `PRV_U) ? f_u : (!f_u || (sum && !IS_FETCH));
    wire kind_ok = IS_FETCH ? f_x : is_store ? f_w : (f_r || (mxr && f_x));
    wire perm_ok = mode_ok && kind_ok && f_a && (!is_store || f_d);

    // one-entry fault verdict from the last walk
    reg        fv_valid;
    reg [19:0] fv_vpn;
    reg        fv_store;
    reg        fv_access;      // 1 = access fault, 0 = page fault
    wire fv_hit = fv_valid && (fv_vpn == vaddr[31:12]) && (fv_store == is_store);

    assign ready = !translate || hit || fv_hit;
    assign paddr = translate ? h_pa[31:0] : vaddr;
    assign fault = translate && (hit ? (!perm_ok || h_pa[33:32] != 2'b00) : fv_hit);
    assign cause = (translate && hit && perm_ok) ? c_access      // PA beyond 32 bits
                 : (translate && !hit && fv_hit && fv_access) ? c_access : c_page;

    // ---- walker ------------------------------------------------------------------------------------------------
    localparam S_IDLE = 3'd0, S_REQ1 = 3'd1, S_WAIT1 = 3'd2, S_REQ0 = 3'd3, S_WAIT0 = 3'd4;
    reg  [2:0]  w_state;
    reg         w_aborted;
    reg  [31:0] w_vaddr;
    reg         w_store;
    reg  [33:0] w_pte_addr;
    reg         cpu_out;          // a CPU request is outstanding
    reg         walk_out;         // a walker request is outstanding

    wire miss       = req && translate && !hit && !fv_hit;
    wire w_active   = (w_state != S_IDLE);
    wire w_issue    = (w_state == S_REQ1 || w_state == S_REQ0) && (!cpu_out || bus_rsp_valid);
    wire w_rsp      = walk_out && bus_rsp_valid;
    wire [31:0] pte = bus_rsp_rdata;
    wire pte_v = pte[0], pte_r = pte[1], pte_w = pte[2], pte_x = pte[3];
    wire pte_leaf = pte_r || pte_x;
    wire pte_bad  = !pte_v || (!pte_r && pte_w);

    assign bus_req_valid  = w_active ? w_issue : cpu_req_valid;
    assign bus_req_addr   = w_active ? w_pte_addr[31:0] : cpu_req_addr;
    assign bus_req_we     = w_active ? 1'b0 : cpu_req_we;
    assign bus_req_wstrb  = w_active ? 4'hF : cpu_req_wstrb;
    assign bus_req_wdata  = cpu_req_wdata;
    assign cpu_req_ready  = bus_req_ready && !w_active;
    assign cpu_rsp_valid  = bus_rsp_valid && !walk_out;
    assign cpu_rsp_rdata  = bus_rsp_rdata;
    assign cpu_rsp_err    = bus_rsp_err;

    wire unused_mmu = &{1'b0, satp[30:22], h_flags[5], h_flags[0], w_vaddr[11:0], pte[9:8]};
    integer k;
    always @(posedge clk) begin
        if (rst) begin
            w_state <= S_IDLE; w_aborted <= 1'b0; cpu_out <= 1'b0; walk_out <= 1'b0; fv_valid <= 1'b0;
            t_next <= {IW{1'b0}};
            for (k = 0; k < N; k = k + 1) t_valid[k] <= 1'b0;
        end else begin
            // outstanding-request bookkeeping
            if (cpu_req_valid && cpu_req_ready) cpu_out <= 1'b1;
            else if (bus_rsp_valid && !walk_out) cpu_out <= 1'b0;
            if (w_issue && bus_req_ready) walk_out <= 1'b1;
            else if (bus_rsp_valid) walk_out <= 1'b0;

            if (flush) begin
                for (k = 0; k < N; k = k + 1) t_valid[k] <= 1'b0;
                fv_valid <= 1'b0;
            end
            if (abort) fv_valid <= 1'b0;

            case (w_state)
                S_IDLE: begin
                    w_aborted <= 1'b0;
                    if (miss && !abort && !flush) begin
                        fv_valid   <= 1'b0;
                        w_state    <= S_REQ1;
                        w_vaddr    <= vaddr;
                        w_store    <= is_store;
                        w_pte_addr <= {satp[21:0], 12'd0} + {22'd0, vaddr[31:22], 2'b00};
                    end
                end
                S_REQ1, S_REQ0: begin
                    if (abort || flush) w_state <= S_IDLE;
                    else if (w_pte_addr[33:32] != 2'b00) begin
                        // the PTE itself lies beyond the 32-bit bus: access fault
                        fv_valid <= 1'b1; fv_vpn <= w_vaddr[31:12]; fv_store <= w_store; fv_access <= 1'b1;
                        w_state <= S_IDLE;
                    end else if (w_issue && bus_req_ready) begin
                        w_state <= (w_state == S_REQ1) ? S_WAIT1 : S_WAIT0;
                    end
                end
                default: begin // S_WAIT1, S_WAIT0
                    if (abort || flush) w_aborted <= 1'b1;
                    if (w_rsp) begin
                        if (w_aborted || abort || flush) begin
                            w_state <= S_IDLE;
                        end else if (bus_rsp_err) begin
                            fv_valid <= 1'b1; fv_vpn <= w_vaddr[31:12]; fv_store <= w_store; fv_access <= 1'b1;
                            w_state <= S_IDLE;
                        end else if (pte_bad || (!pte_leaf && w_state == S_WAIT0) ||
                                     (pte_leaf && w_state == S_WAIT1 && pte[19:10] != 10'd0)) begin
                            fv_valid <= 1'b1; fv_vpn <= w_vaddr[31:12]; fv_store <= w_store; fv_access <= 1'b0;
                            w_state <= S_IDLE;
                        end else if (pte_leaf) begin
                            t_valid[t_next] <= 1'b1;
                            t_vpn[t_next]   <= w_vaddr[31:12];
                            t_mega[t_next]  <= (w_state == S_WAIT1);
                            t_ppn[t_next]   <= pte[31:10];
                            t_flags[t_next] <= pte[7:0];
                            t_next <= ({{(32-IW){1'b0}}, t_next} == N - 1) ? {IW{1'b0}} : t_next + 1'b1;
                            w_state <= S_IDLE;
                        end else begin
                            w_pte_addr <= {pte[31:10], 12'd0} + {22'd0, w_vaddr[21:12], 2'b00};
                            w_state <= S_REQ0;
                        end
                    end
                end
            endcase
        end
    end
endmodule
