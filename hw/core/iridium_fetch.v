// iridium_fetch.v - instruction fetch: issues fetches on the instruction port into a 4-entry queue, following
// the branch target buffer's predictions.
//
// The queue head is the decode stage's instruction (f_head_*). Each entry carries its pc, the predicted next pc
// (what fetch did after it) and whether the BTB knew the instruction, so decode and execute can check the
// prediction. A fetch is issued only when the queue plus the one request in flight can never overflow
// (count + in-flight <= 3), and in the cycle a response arrives the next request can already go out, so a
// zero-wait-state memory delivers one instruction per cycle, including across predicted-taken branches.
// A redirect (trap, mispredict, decode's static prediction) empties the queue, restarts at redirect_pc and marks
// any request still in flight, or accepted in the same cycle, to be discarded when it answers. Fetch requests
// may be withdrawn before acceptance (reads have no side effects), so req_valid does not wait for redirects.
// The translated address and translation faults come from the instruction MMU (xlate_* ports); a fault is queued
// as an entry without a bus access, after which fetch stops until the next redirect.
`default_nettype none
`include "iridium_defs.vh"

module iridium_fetch #(
    parameter BTB_ENTRIES = 16
) (
    input  wire        clk,
    input  wire        rst,
    input  wire [31:0] boot_addr,
    // redirect (already prioritised by the core)
    input  wire        redirect,
    input  wire [31:0] redirect_pc,
    // BTB training from execute
    input  wire        btb_upd_valid,
    input  wire [31:0] btb_upd_pc,
    input  wire        btb_upd_taken,
    input  wire [31:0] btb_upd_target,
    // instruction MMU
    output wire [31:0] xlate_vaddr,
    output wire        xlate_req,      // a fetch wants to go out this cycle
    input  wire        xlate_ready,    // translation available (TLB hit or translation off)
    input  wire [31:0] xlate_paddr,
    input  wire        xlate_fault,
    input  wire [4:0]  xlate_cause,
    // instruction port
    output wire        ibus_req_valid,
    input  wire        ibus_req_ready,
    output wire [31:0] ibus_req_addr,
    input  wire        ibus_rsp_valid,
    input  wire [31:0] ibus_rsp_rdata,
    input  wire        ibus_rsp_err,
    // queue head (decode)
    output wire        f_head_valid,
    output wire [31:0] f_head_pc,
    output wire [31:0] f_head_insn,
    output wire [31:0] f_head_pnpc,    // predicted next pc
    output wire        f_head_btb,     // the BTB knew this instruction (decode keeps its prediction)
    output wire        f_head_fault,
    output wire [4:0]  f_head_cause,
    input  wire        f_pop
);
    reg [31:0] pc_q;             // next address to fetch
    reg [2:0]  count_q;
    reg [1:0]  rd_ptr_q, wr_ptr_q;
    reg        inflight_q;       // one request accepted, response pending
    reg        discard_q;        // ... and it must be dropped
    reg [31:0] inflight_pc_q, inflight_pnpc_q;
    reg        inflight_btb_q;
    reg [31:0] q_pc    [0:3];
    reg [31:0] q_insn  [0:3];
    reg [31:0] q_pnpc  [0:3];
    reg        q_btb   [0:3];
    reg        q_fault [0:3];
    reg [4:0]  q_cause [0:3];
    reg        xfault_q;         // a translation fault waits to be queued (in place of a response)
    reg [4:0]  xfault_cause_q;
    reg        halt_q;           // a fault was queued: fetch nothing more until the next redirect

    // prediction for the address being fetched
    wire        btb_hit, btb_taken;
    wire [31:0] btb_target;
    iridium_btb #(.ENTRIES(BTB_ENTRIES)) u_btb (
        .clk(clk), .rst(rst), .lookup_pc(pc_q), .hit(btb_hit), .taken(btb_taken), .target(btb_target),
        .upd_valid(btb_upd_valid), .upd_pc(btb_upd_pc), .upd_taken(btb_upd_taken), .upd_target(btb_upd_target)
    );
    wire [31:0] next_pc = btb_taken ? btb_target : pc_q + 32'd4;

    wire room     = ({1'b0, count_q} + {3'd0, inflight_q} + {3'd0, xfault_q}) <= 4'd3;
    wire bus_free = !inflight_q || ibus_rsp_valid;
    wire want     = room && bus_free && !xfault_q && !halt_q;
    assign xlate_vaddr = pc_q;
    assign xlate_req   = want;

    assign ibus_req_valid = want && xlate_ready && !xlate_fault;
    assign ibus_req_addr  = xlate_paddr;
    wire   accept  = ibus_req_valid && ibus_req_ready;
    wire   take_xf = want && xlate_ready && xlate_fault;      // a fault instead of a fetch

    wire   rsp_keep = ibus_rsp_valid && inflight_q && !discard_q && !redirect;
    wire   push     = rsp_keep || (xfault_q && !redirect);
    wire   pop      = f_pop && count_q != 3'd0 && !redirect;

    assign f_head_valid = (count_q != 3'd0);
    assign f_head_pc    = q_pc[rd_ptr_q];
    assign f_head_insn  = q_insn[rd_ptr_q];
    assign f_head_pnpc  = q_pnpc[rd_ptr_q];
    assign f_head_btb   = q_btb[rd_ptr_q];
    assign f_head_fault = q_fault[rd_ptr_q];
    assign f_head_cause = q_cause[rd_ptr_q];

    always @(posedge clk) begin
        if (push) begin
            q_pc[wr_ptr_q]    <= inflight_pc_q;
            q_pnpc[wr_ptr_q]  <= inflight_pnpc_q;
            q_btb[wr_ptr_q]   <= inflight_btb_q && !xfault_q;
            q_insn[wr_ptr_q]  <= xfault_q ? 32'd0 : ibus_rsp_rdata;
            q_fault[wr_ptr_q] <= xfault_q || ibus_rsp_err;
            q_cause[wr_ptr_q] <= xfault_q ? xfault_cause_q : `EXC_IACCESS;
        end
        if (accept || take_xf) begin
            inflight_pc_q   <= pc_q;
            inflight_pnpc_q <= next_pc;
            inflight_btb_q  <= btb_hit;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            pc_q       <= boot_addr;
            count_q    <= 3'd0;
            rd_ptr_q   <= 2'd0;
            wr_ptr_q   <= 2'd0;
            inflight_q <= 1'b0;
            discard_q  <= 1'b0;
            xfault_q   <= 1'b0;
            halt_q     <= 1'b0;
        end else begin
            inflight_q <= accept || (inflight_q && !ibus_rsp_valid);
            if (accept)
                discard_q <= redirect;
            else if (ibus_rsp_valid)
                discard_q <= 1'b0;
            else if (redirect)
                discard_q <= inflight_q;
            xfault_q       <= take_xf && !redirect;
            xfault_cause_q <= xlate_cause;
            if (redirect)     halt_q <= 1'b0;
            else if (take_xf) halt_q <= 1'b1;
            if (redirect) begin
                pc_q     <= redirect_pc;
                count_q  <= 3'd0;
                rd_ptr_q <= 2'd0;
                wr_ptr_q <= 2'd0;
            end else begin
                if (accept || take_xf) pc_q <= next_pc;
                if (pop)  rd_ptr_q <= rd_ptr_q + 2'd1;
                if (push) wr_ptr_q <= wr_ptr_q + 2'd1;
                count_q <= count_q + {2'd0, push} - {2'd0, pop};
            end
        end
    end
endmodule
