// iridium_core.v - the Iridium RV32IM core: a five-stage in-order pipeline with M, S and U modes and Sv32.
//
// Stages (docs/core.md draws them):
//   F  fetch      iridium_fetch: sequential fetches into a 4-entry queue; its head is the decode instruction.
//   D  decode     decode, register read, static prediction (backward branches and jal taken).
//   E  execute    forwarding, ALU, branch resolution, divider, load/store address, translation and bus request.
//   M  memory     commit point: load/store response, multiply, CSR access, traps, xret, pipeline flushes.
//   W  writeback  register write and the retirement report (ret_*).
// Invariants:
// - Only M changes architectural state other than registers and memory, and any such change (trap, xret, CSR
//   write, fence.i, sfence.vma) flushes E, D and F and refetches, so no younger instruction used stale state.
// - E issues a load or store only when M will neither trap nor flush in that cycle, so every memory access
//   made belongs to an instruction that commits (or faults on that very access); stores are never speculative.
// - Interrupts are taken on the instruction in E before it has any side effect (never while its data request is
//   waiting for acceptance); it reaches M marked as interrupted and traps there with epc = its pc.
// - Results: ALU, jumps and divisions are available from M (forwarded to E); loads, multiplies and CSR reads
//   only from W (an E instruction that needs one waits a cycle).
`default_nettype none
`include "iridium_config.vh"
`include "iridium_defs.vh"

module iridium_core #(
    parameter        BRANCH_PREDICT = `IR_BRANCH_PREDICT,
    parameter        TLB_ENTRIES    = `IR_TLB_ENTRIES,
    parameter        BTB_ENTRIES    = `IR_BTB_ENTRIES,
    parameter        INJECT_FAULT   = `IR_INJECT_FAULT
) (
    input  wire        clk,
    input  wire        rst,
    input  wire [31:0] boot_addr,
    output wire        ibus_req_valid,
    input  wire        ibus_req_ready,
    output wire [31:0] ibus_req_addr,
    input  wire        ibus_rsp_valid,
    input  wire [31:0] ibus_rsp_rdata,
    input  wire        ibus_rsp_err,
    output wire        dbus_req_valid,
    input  wire        dbus_req_ready,
    output wire [31:0] dbus_req_addr,
    output wire        dbus_req_we,
    output wire [3:0]  dbus_req_wstrb,
    output wire [31:0] dbus_req_wdata,
    input  wire        dbus_rsp_valid,
    input  wire [31:0] dbus_rsp_rdata,
    input  wire        dbus_rsp_err,
    input  wire        irq_m_ext,
    input  wire        irq_m_timer,
    input  wire        irq_m_soft,
    input  wire [63:0] mtime,
    output reg         ret_valid,
    output reg  [1:0]  ret_kind,
    output reg  [31:0] ret_pc,
    output reg  [31:0] ret_insn,
    output reg  [4:0]  ret_rd,
    output reg  [31:0] ret_rd_wdata,
    output reg         ret_mem_valid,
    output reg         ret_mem_we,
    output reg  [31:0] ret_mem_addr,
    output reg  [3:0]  ret_mem_wstrb,
    output reg  [31:0] ret_mem_wdata,
    output reg  [31:0] ret_mem_rdata,
    output reg         ret_csr_we,
    output reg  [11:0] ret_csr_addr,
    output reg  [31:0] ret_csr_wdata,
    output reg  [31:0] ret_cause,
    output reg  [31:0] ret_tval,
    output reg  [31:0] ret_next_pc,
    output wire [1:0]  ret_priv
);
    // ============================================================================================================
    // Shared control signals (defined further down)
    // ============================================================================================================
    wire        m_flush;            // M redirects: trap, xret, CSR write, fence.i, sfence.vma
    wire [31:0] m_redirect_pc;
    wire        e_redirect;         // E redirects: branch/jump mispredicted
    wire [31:0] e_redirect_pc;
    wire        d_redirect;         // D redirects: predicted-taken branch/jal issued
    wire [31:0] d_redirect_pc;
    wire        m_stall;
    wire        e_stall;
    wire [1:0]  priv;
    wire        st_mprv, st_sum, st_mxr, st_tvm, st_tw, st_tsr;
    wire [1:0]  st_mpp;
    wire [31:0] satp;
    wire        irq_pending, wfi_wake;
    wire [4:0]  irq_cause;
    wire        tlb_flush;
    wire        e_taken;            // E: the branch/jump is taken
    wire [31:0] e_jtarget;          // E: its target
    reg  [31:0] e_pc;

    wire        redirect    = m_flush || e_redirect || d_redirect;
    wire [31:0] redirect_pc = m_flush ? m_redirect_pc : e_redirect ? e_redirect_pc : d_redirect_pc;

    // ============================================================================================================
    // F: fetch (with instruction translation)
    // ============================================================================================================
    wire        f_head_valid, f_head_fault;
    wire [31:0] f_head_pc, f_head_insn, f_head_pnpc;
    wire        f_head_btb;
    wire        btb_upd_valid;
    wire [4:0]  f_head_cause;
    wire        d_issue;
    wire [31:0] ix_vaddr, ix_paddr;
    wire        ix_req, ix_ready, ix_fault;
    wire [4:0]  ix_cause;
    wire        if_req_valid, if_req_ready, if_rsp_valid, if_rsp_err;
    wire [31:0] if_req_addr, if_rsp_rdata;

    wire        unused_ibus_we;
    wire [3:0]  unused_ibus_wstrb;
    wire [31:0] unused_ibus_wdata;
    iridium_fetch #(.BTB_ENTRIES(BTB_ENTRIES)) u_fetch (
        .clk(clk), .rst(rst), .boot_addr(boot_addr),
        .redirect(redirect), .redirect_pc(redirect_pc),
        .btb_upd_valid(btb_upd_valid), .btb_upd_pc(e_pc), .btb_upd_taken(e_taken), .btb_upd_target(e_jtarget),
        .xlate_vaddr(ix_vaddr), .xlate_req(ix_req), .xlate_ready(ix_ready), .xlate_paddr(ix_paddr),
        .xlate_fault(ix_fault), .xlate_cause(ix_cause),
        .ibus_req_valid(if_req_valid), .ibus_req_ready(if_req_ready), .ibus_req_addr(if_req_addr),
        .ibus_rsp_valid(if_rsp_valid), .ibus_rsp_rdata(if_rsp_rdata), .ibus_rsp_err(if_rsp_err),
        .f_head_valid(f_head_valid), .f_head_pc(f_head_pc), .f_head_insn(f_head_insn),
        .f_head_pnpc(f_head_pnpc), .f_head_btb(f_head_btb),
        .f_head_fault(f_head_fault), .f_head_cause(f_head_cause), .f_pop(d_issue)
    );

    // Instruction MMU: translates fetch addresses; its walker shares the instruction port.
    iridium_mmu #(.TLB_ENTRIES(TLB_ENTRIES), .IS_FETCH(1)) u_immu (
        .clk(clk), .rst(rst), .flush(tlb_flush), .abort(redirect),
        .priv(priv), .satp(satp), .sum(st_sum), .mxr(st_mxr),
        .req(ix_req), .vaddr(ix_vaddr), .is_store(1'b0),
        .ready(ix_ready), .paddr(ix_paddr), .fault(ix_fault), .cause(ix_cause),
        .cpu_req_valid(if_req_valid), .cpu_req_ready(if_req_ready), .cpu_req_addr(if_req_addr),
        .cpu_req_we(1'b0), .cpu_req_wstrb(4'hF), .cpu_req_wdata(32'd0),
        .cpu_rsp_valid(if_rsp_valid), .cpu_rsp_rdata(if_rsp_rdata), .cpu_rsp_err(if_rsp_err),
        .bus_req_valid(ibus_req_valid), .bus_req_ready(ibus_req_ready), .bus_req_addr(ibus_req_addr),
        .bus_req_we(unused_ibus_we), .bus_req_wstrb(unused_ibus_wstrb), .bus_req_wdata(unused_ibus_wdata),
        .bus_rsp_valid(ibus_rsp_valid), .bus_rsp_rdata(ibus_rsp_rdata), .bus_rsp_err(ibus_rsp_err)
    );

    // ============================================================================================================
    // D: decode
    // ============================================================================================================
    wire [3:0]  dc_alu_op;
    wire [31:0] dc_imm;
    wire [1:0]  dc_mem_size, dc_md_op, dc_csr_op;
    wire dc_a_pc, dc_b_imm, dc_rd_we, dc_uses_rs1, dc_uses_rs2, dc_branch, dc_jal, dc_jalr, dc_load, dc_store;
    wire dc_mem_unsigned, dc_mul, dc_div, dc_csr_imm, dc_ecall, dc_ebreak, dc_mret, dc_sret, dc_wfi;
    wire dc_fence_i, dc_sfence, dc_illegal;

    iridium_decode u_decode (
        .insn(f_head_insn), .alu_op(dc_alu_op), .a_pc(dc_a_pc), .b_imm(dc_b_imm), .imm(dc_imm),
        .rd_we(dc_rd_we), .uses_rs1(dc_uses_rs1), .uses_rs2(dc_uses_rs2), .is_branch(dc_branch),
        .is_jal(dc_jal), .is_jalr(dc_jalr), .is_load(dc_load), .is_store(dc_store), .mem_size(dc_mem_size),
        .mem_unsigned(dc_mem_unsigned), .is_mul(dc_mul), .is_div(dc_div), .md_op(dc_md_op), .csr_op(dc_csr_op),
        .csr_imm(dc_csr_imm), .is_ecall(dc_ecall), .is_ebreak(dc_ebreak), .is_mret(dc_mret), .is_sret(dc_sret),
        .is_wfi(dc_wfi), .is_fence_i(dc_fence_i), .is_sfence(dc_sfence), .illegal(dc_illegal)
    );

    wire [4:0]  d_rs1 = dc_uses_rs1 ? f_head_insn[19:15] : 5'd0;
    wire [4:0]  d_rs2 = dc_uses_rs2 ? f_head_insn[24:20] : 5'd0;
    wire [31:0] d_rs1_val, d_rs2_val;
    wire        w_rf_we;
    wire [4:0]  w_rf_rd;
    wire [31:0] w_rf_val;

    iridium_regfile u_regfile (
        .clk(clk), .d_rs1(d_rs1), .d_rs2(d_rs2), .d_rs1_val(d_rs1_val), .d_rs2_val(d_rs2_val),
        .w_we(w_rf_we), .w_rd(w_rf_rd), .w_val(w_rf_val)
    );

    // exceptions known at decode
    reg        d_exc;
    reg [4:0]  d_exc_cause;
    reg [31:0] d_exc_tval;
    always @(*) begin
        d_exc = 1'b1; d_exc_cause = `EXC_ILLEGAL; d_exc_tval = f_head_insn;
        if (f_head_fault) begin
            d_exc_cause = f_head_cause; d_exc_tval = f_head_pc;
        end else if (dc_illegal) begin
            d_exc_cause = `EXC_ILLEGAL; d_exc_tval = f_head_insn;
        end else if (dc_ecall) begin
            d_exc_cause = (priv == `PRV_U) ? `EXC_ECALL_U : (priv == `PRV_S) ? `EXC_ECALL_S : `EXC_ECALL_M;
            d_exc_tval = 32'd0;
        end else if (dc_ebreak) begin
            d_exc_cause = `EXC_BREAKPOINT; d_exc_tval = f_head_pc;
        end else begin
            d_exc = 1'b0;
        end
    end

    // static prediction when the BTB did not know the instruction: backward branches and jal are taken
    wire [31:0] d_target   = f_head_pc + dc_imm;
    wire        d_pred     = (BRANCH_PREDICT != 0) && !f_head_btb && !d_exc &&
                             (dc_jal || (dc_branch && dc_imm[31])) && (d_target[1] == 1'b0);
    wire [31:0] d_pnpc     = d_pred ? d_target : f_head_pnpc;
    wire        e_can_take;    // E is empty or advancing
    assign d_issue       = f_head_valid && e_can_take && !m_flush && !e_redirect;
    assign d_redirect    = d_issue && d_pred;
    assign d_redirect_pc = d_target;

    // ============================================================================================================
    // E: execute
    // ============================================================================================================
    reg        e_valid;
    reg [31:0] e_insn, e_imm, e_rs1_val, e_rs2_val;
    reg [3:0]  e_alu_op;
    reg [4:0]  e_rs1, e_rs2, e_rd;
    reg [1:0]  e_mem_size, e_md_op, e_csr_op;
    reg e_a_pc, e_b_imm, e_rd_we, e_branch, e_jal, e_jalr, e_load, e_store, e_mem_unsigned, e_mul, e_div;
    reg e_csr_imm, e_mret, e_sret, e_wfi, e_fence_i, e_sfence, e_exc;
    reg [31:0] e_pnpc;           // predicted next pc
    reg [4:0]  e_exc_cause;
    reg [31:0] e_exc_tval;

    // M-stage registers needed for forwarding
    reg        m_valid, m_rd_we, m_late;
    reg [4:0]  m_rd;
    reg [31:0] m_result;
    reg        w_valid_fwd;
    reg [4:0]  w_rd_fwd;
    reg [31:0] w_val_fwd;

    wire fm1 = m_valid && m_rd_we && (m_rd == e_rs1) && (e_rs1 != 5'd0);
    wire fm2 = m_valid && m_rd_we && (m_rd == e_rs2) && (e_rs2 != 5'd0);
    wire fw1 = w_valid_fwd && (w_rd_fwd == e_rs1) && (e_rs1 != 5'd0);
    wire fw2 = w_valid_fwd && (w_rd_fwd == e_rs2) && (e_rs2 != 5'd0);
    wire [31:0] rs1 = fm1 ? m_result : fw1 ? w_val_fwd : e_rs1_val;
    wire [31:0] rs2 = fm2 ? m_result : fw2 ? w_val_fwd : e_rs2_val;
    wire        e_hazard = (fm1 || fm2) && m_late;

    // ALU
    wire [31:0] alu_a = e_a_pc ? e_pc : rs1;
    wire [31:0] alu_b = e_b_imm ? e_imm : rs2;
    wire [31:0] alu_y_raw;
    iridium_alu u_alu (.op(e_alu_op), .a(alu_a), .b(alu_b), .y(alu_y_raw));
    // difftest self-test: a deliberately broken sltu (only when INJECT_FAULT = 1)
    wire [31:0] alu_y = (INJECT_FAULT == 1 && e_alu_op == `ALU_SLTU && rs1 == 32'd5) ? (alu_y_raw ^ 32'd1)
                                                                                      : alu_y_raw;

    // branches and jumps
    wire        eq   = (rs1 == rs2);
    wire        lt   = ($signed(rs1) < $signed(rs2));
    wire        ltu  = (rs1 < rs2);
    reg         cond;
    always @(*) begin
        case (e_insn[14:12])
            3'd0: cond = eq;
            3'd1: cond = !eq;
            3'd4: cond = lt;
            3'd5: cond = !lt;
            3'd6: cond = ltu;
            default: cond = !ltu;
        endcase
    end
    wire [31:0] e_pc4      = e_pc + 32'd4;
    assign      e_jtarget  = e_jalr ? ((rs1 + e_imm) & 32'hFFFF_FFFE) : (e_pc + e_imm);
    assign      e_taken    = e_jal || e_jalr || (e_branch && cond);
    wire        e_misfetch = e_taken && e_jtarget[1];
    wire [31:0] e_next_pc  = (e_taken && !e_misfetch) ? e_jtarget : e_pc4;

    // loads and stores
    wire [31:0] e_vaddr   = rs1 + e_imm;
    wire        e_mem     = e_load || e_store;
    wire        e_misal   = e_mem && ((e_mem_size == 2'd1 && e_vaddr[0]) || (e_mem_size == 2'd2 && e_vaddr[1:0] != 2'd0));
    reg  [3:0]  e_wstrb;
    always @(*) begin
        case (e_mem_size)
            2'd0:    e_wstrb = 4'b0001 << e_vaddr[1:0];
            2'd1:    e_wstrb = e_vaddr[1] ? 4'b1100 : 4'b0011;
            default: e_wstrb = 4'b1111;
        endcase
    end
    wire [31:0] e_wdata = (e_mem_size == 2'd0) ? {4{rs2[7:0]}} : (e_mem_size == 2'd1) ? {2{rs2[15:0]}} : rs2;

    // interrupts: taken on the instruction in E unless its data request is already on the bus
    reg         e_req_hold;      // the data request was offered last cycle and not accepted
    // wfi itself is never interrupted: it completes when an interrupt is pending, which the next instruction
    // takes (so mepc = wfi pc + 4, as the privileged spec describes)
    wire        e_intr      = e_valid && irq_pending && !e_req_hold && !e_wfi;
    wire        e_wfi_illegal = e_wfi && (priv == `PRV_U || (priv == `PRV_S && st_tw));
    // exceptions found in E (only meaningful when operands are ready)
    wire        e_exc_here  = e_misfetch || e_misal || e_wfi_illegal;

    // data translation (data MMU; its walker shares the data port)
    wire        dx_req, dx_ready, dx_fault;
    wire [31:0] dx_paddr;
    wire [4:0]  dx_cause;
    wire [1:0]  dx_priv = (priv == `PRV_M && st_mprv) ? st_mpp : priv;

    wire        e_quiet     = e_intr || e_exc;               // passes through without executing
    wire        e_executes  = e_valid && !e_quiet && !e_hazard;
    assign      dx_req      = e_executes && e_mem && !e_misal;
    wire        e_xfault    = dx_req && dx_ready && dx_fault;

    // M-stage "safe" check: M neither waits, traps nor flushes this cycle
    wire        m_safe;
    wire        e_mem_go    = dx_req && dx_ready && !dx_fault;     // this instruction will access memory
    wire        lsu_req_valid = e_mem_go && m_safe && !m_stall;
    wire        lsu_req_ready;

    // divider
    reg         e_div_started, e_div_done;
    wire        div_busy, div_done;
    wire [31:0] div_result;
    wire        div_start = e_executes && e_div && !e_div_started && !e_misal;
    wire        div_abort = m_flush || (e_valid && e_div && e_intr);
    iridium_div u_div (
        .clk(clk), .rst(rst), .start(div_start), .abort(div_abort), .op(e_md_op), .a(rs1), .b(rs2),
        .busy(div_busy), .done(div_done), .result(div_result)
    );
    wire        div_ready = e_div_done || div_done;

    // E stall: E holds its instruction this cycle
    reg e_stall_r;
    always @(*) begin
        e_stall_r = 1'b0;
        if (!e_valid)                            e_stall_r = 1'b0;
        else if (m_stall)                        e_stall_r = 1'b1;
        else if (e_quiet)                        e_stall_r = 1'b0;
        else if (e_hazard)                       e_stall_r = 1'b1;
        else if (e_exc_here)                     e_stall_r = 1'b0;
        else if (e_mem && !dx_ready)             e_stall_r = 1'b1;      // translation walking
        else if (e_mem && !e_xfault && !(lsu_req_valid && lsu_req_ready)) e_stall_r = 1'b1;
        else if (e_div && !div_ready)            e_stall_r = 1'b1;
        else if (e_wfi && !wfi_wake)             e_stall_r = 1'b1;
    end
    assign e_stall    = e_stall_r;
    wire   e_go       = e_valid && !e_stall;
    assign e_can_take = !e_valid || e_go;
    // every instruction's predicted next pc is checked (the BTB may alias or be stale)
    assign e_redirect = e_go && !e_quiet && !e_misfetch && (e_pnpc != e_next_pc);
    assign btb_upd_valid = e_go && !e_quiet && !e_misfetch && (e_branch || e_jal);
    assign e_redirect_pc = e_next_pc;

    // exception carried from E into M
    reg        e_out_exc;
    reg [4:0]  e_out_cause;
    reg [31:0] e_out_tval;
    always @(*) begin
        e_out_exc = 1'b1; e_out_cause = e_exc_cause; e_out_tval = e_exc_tval;
        if (e_exc) begin
            e_out_exc = 1'b1;
        end else if (e_misfetch) begin
            e_out_cause = `EXC_IADDR_MISALIGNED; e_out_tval = e_jtarget;
        end else if (e_wfi_illegal) begin
            e_out_cause = `EXC_ILLEGAL; e_out_tval = e_insn;
        end else if (e_misal) begin
            e_out_cause = e_store ? `EXC_SADDR_MISALIGNED : `EXC_LADDR_MISALIGNED; e_out_tval = e_vaddr;
        end else if (e_xfault) begin
            e_out_cause = dx_cause; e_out_tval = e_vaddr;
        end else begin
            e_out_exc = 1'b0;
        end
    end

    // ============================================================================================================
    // M: memory and commit
    // ============================================================================================================
    reg [31:0] m_pc, m_insn, m_next_pc, m_vaddr, m_paddr, m_wdata, m_mul_a, m_mul_b, m_csr_src, m_exc_tval;
    reg        m_load, m_store, m_mem_issued, m_mem_unsigned, m_mul, m_mret, m_sret, m_fence_i, m_sfence;
    reg        m_exc, m_intr, m_csr_src_zero;
    reg [1:0]  m_mem_size, m_md_op, m_csr_op;
    reg [3:0]  m_wstrb;
    reg [4:0]  m_exc_cause;

    wire       lsu_rsp_valid, lsu_rsp_err;
    wire [31:0] lsu_rsp_rdata;
    wire       m_wait   = m_valid && m_mem_issued && !lsu_rsp_valid;
    assign     m_stall  = m_wait;
    wire       m_buserr = m_valid && m_mem_issued && lsu_rsp_valid && lsu_rsp_err;

    // load data
    wire [31:0] ld_shift = lsu_rsp_rdata >> {m_paddr[1:0], 3'b000};
    wire [31:0] ld_data  = (m_mem_size == 2'd0) ? {{24{~m_mem_unsigned & ld_shift[7]}}, ld_shift[7:0]} :
                           (m_mem_size == 2'd1) ? {{16{~m_mem_unsigned & ld_shift[15]}}, ld_shift[15:0]} :
                           ld_shift;

    // multiply: 33 x 33 signed product of the sign- or zero-extended operands
    wire        mul_a_signed = (m_md_op == 2'd1) || (m_md_op == 2'd2);
    wire        mul_b_signed = (m_md_op == 2'd1);
`ifdef VERILATOR
    // same low 64 bits as the 33 x 33 product below, in a width the simulator multiplies natively
    wire [63:0] mul_a = {{32{mul_a_signed & m_mul_a[31]}}, m_mul_a};
    wire [63:0] mul_b = {{32{mul_b_signed & m_mul_b[31]}}, m_mul_b};
    wire [63:0] mul_p = mul_a * mul_b;
`else
    wire signed [32:0] mul_a = {mul_a_signed & m_mul_a[31], m_mul_a};
    wire signed [32:0] mul_b = {mul_b_signed & m_mul_b[31], m_mul_b};
    wire signed [65:0] mul_p = mul_a * mul_b;
    wire unused_mul = &{1'b0, mul_p[65:64]};
`endif
    wire [31:0] mul_y = (m_md_op == 2'd0) ? mul_p[31:0] : mul_p[63:32];

    // CSR unit
    wire [31:0] csr_rdata, csr_wstored, trap_vector, mepc_q, sepc_q;
    wire        csr_illegal, csr_write;
    wire        m_is_csr   = (m_csr_op != `CSR_NONE);
    wire        c_valid    = m_valid && m_is_csr && !m_exc && !m_intr;
    wire        xret_illegal = (m_mret && priv != `PRV_M) ||
                               (m_sret && (priv == `PRV_U || (priv == `PRV_S && st_tsr)));
    wire        sfence_illegal = m_sfence && (priv == `PRV_U || (priv == `PRV_S && st_tvm));

    reg         m_trap_exc;
    reg [4:0]   m_trap_cause;
    reg [31:0]  m_trap_tval;
    always @(*) begin
        m_trap_exc = 1'b1; m_trap_cause = m_exc_cause; m_trap_tval = m_exc_tval;
        if (m_intr) begin
            m_trap_exc = 1'b0;
        end else if (m_exc) begin
            m_trap_exc = 1'b1;
        end else if (m_buserr) begin
            m_trap_cause = m_store ? `EXC_SACCESS : `EXC_LACCESS; m_trap_tval = m_vaddr;
        end else if ((c_valid && csr_illegal) || xret_illegal || sfence_illegal) begin
            m_trap_cause = `EXC_ILLEGAL; m_trap_tval = m_insn;
        end else begin
            m_trap_exc = 1'b0;
        end
    end
    reg  [4:0]  m_intr_cause;
    wire        m_done    = m_valid && !m_wait;
    wire        m_trap    = m_done && (m_intr || m_trap_exc);
    wire        m_commit  = m_done && !m_trap;
    wire        m_xret    = m_commit && (m_mret || m_sret);
    wire        m_csr_wr  = m_commit && m_is_csr && csr_write;
    assign      m_flush   = m_trap || m_xret || (m_commit && (m_fence_i || m_sfence)) || m_csr_wr;
    assign      m_redirect_pc = m_trap ? trap_vector : m_mret ? mepc_q : m_sret ? sepc_q : m_pc + 32'd4;
    assign      m_safe    = !m_valid || (m_done && !m_flush);
    assign      tlb_flush = m_commit && m_sfence;

    iridium_csr u_csr (
        .clk(clk), .rst(rst),
        .c_valid(c_valid), .c_op(m_csr_op), .c_addr(m_insn[31:20]), .c_src(m_csr_src),
        .c_src_zero(m_csr_src_zero), .c_rdata(csr_rdata), .c_illegal(csr_illegal), .c_write(csr_write),
        .c_wdata_stored(csr_wstored),
        .trap(m_trap), .trap_intr(m_intr), .trap_cause(m_intr ? m_intr_cause : m_trap_cause), .trap_pc(m_pc),
        .trap_tval(m_intr ? 32'd0 : m_trap_tval), .trap_vector(trap_vector),
        .mret(m_xret && m_mret), .sret(m_xret && m_sret), .mepc_q_out(mepc_q), .sepc_q_out(sepc_q),
        .instret_inc(m_commit),
        .irq_m_ext(irq_m_ext), .irq_m_timer(irq_m_timer), .irq_m_soft(irq_m_soft), .mtime(mtime),
        .irq_pending(irq_pending), .irq_cause(irq_cause), .wfi_wake(wfi_wake),
        .priv(priv), .st_mprv(st_mprv), .st_mpp(st_mpp), .st_sum(st_sum), .st_mxr(st_mxr), .st_tvm(st_tvm),
        .st_tw(st_tw), .st_tsr(st_tsr), .satp(satp)
    );

    wire [31:0] m_final = m_load ? ld_data : m_mul ? mul_y : m_is_csr ? csr_rdata : m_result;

    // data MMU between the load/store unit and the data port
    iridium_mmu #(.TLB_ENTRIES(TLB_ENTRIES), .IS_FETCH(0)) u_dmmu (
        .clk(clk), .rst(rst), .flush(tlb_flush), .abort(m_flush),
        .priv(dx_priv), .satp(satp), .sum(st_sum), .mxr(st_mxr),
        .req(dx_req), .vaddr(e_vaddr), .is_store(e_store),
        .ready(dx_ready), .paddr(dx_paddr), .fault(dx_fault), .cause(dx_cause),
        .cpu_req_valid(lsu_req_valid), .cpu_req_ready(lsu_req_ready), .cpu_req_addr(dx_paddr),
        .cpu_req_we(e_store), .cpu_req_wstrb(e_wstrb), .cpu_req_wdata(e_wdata),
        .cpu_rsp_valid(lsu_rsp_valid), .cpu_rsp_rdata(lsu_rsp_rdata), .cpu_rsp_err(lsu_rsp_err),
        .bus_req_valid(dbus_req_valid), .bus_req_ready(dbus_req_ready), .bus_req_addr(dbus_req_addr),
        .bus_req_we(dbus_req_we), .bus_req_wstrb(dbus_req_wstrb), .bus_req_wdata(dbus_req_wdata),
        .bus_rsp_valid(dbus_rsp_valid), .bus_rsp_rdata(dbus_rsp_rdata), .bus_rsp_err(dbus_rsp_err)
    );

    // ============================================================================================================
    // Pipeline registers
    // ============================================================================================================
    // D -> E
    always @(posedge clk) begin
        if (rst || m_flush) begin
            e_valid <= 1'b0;
        end else if (e_can_take) begin
            e_valid <= d_issue;
        end
        if (e_can_take) begin
            e_pc <= f_head_pc; e_insn <= f_head_insn; e_imm <= dc_imm; e_alu_op <= dc_alu_op;
            e_rs1 <= d_rs1; e_rs2 <= d_rs2; e_rd <= f_head_insn[11:7]; e_rs1_val <= d_rs1_val;
            e_rs2_val <= d_rs2_val; e_a_pc <= dc_a_pc; e_b_imm <= dc_b_imm;
            e_rd_we <= dc_rd_we && !d_exc; e_branch <= dc_branch && !d_exc; e_jal <= dc_jal && !d_exc;
            e_jalr <= dc_jalr && !d_exc; e_load <= dc_load && !d_exc; e_store <= dc_store && !d_exc;
            e_mem_size <= dc_mem_size; e_mem_unsigned <= dc_mem_unsigned; e_mul <= dc_mul && !d_exc;
            e_div <= dc_div && !d_exc; e_md_op <= dc_md_op; e_csr_op <= d_exc ? `CSR_NONE : dc_csr_op;
            e_csr_imm <= dc_csr_imm; e_mret <= dc_mret && !d_exc; e_sret <= dc_sret && !d_exc;
            e_wfi <= dc_wfi && !d_exc; e_fence_i <= dc_fence_i && !d_exc; e_sfence <= dc_sfence && !d_exc;
            e_exc <= d_exc; e_exc_cause <= d_exc_cause; e_exc_tval <= d_exc_tval; e_pnpc <= d_pnpc;
        end else begin
            // stalled: keep operands current with what is being forwarded now
            e_rs1_val <= rs1;
            e_rs2_val <= rs2;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            e_req_hold <= 1'b0; e_div_started <= 1'b0; e_div_done <= 1'b0;
        end else begin
            e_req_hold <= lsu_req_valid && !lsu_req_ready;
            if (e_can_take || m_flush || div_abort) begin
                e_div_started <= 1'b0; e_div_done <= 1'b0;
            end else begin
                if (div_start) e_div_started <= 1'b1;
                if (div_done)  e_div_done <= 1'b1;
            end
        end
    end

    // E -> M
    always @(posedge clk) begin
        if (rst) begin
            m_valid <= 1'b0;
        end else if (!m_stall) begin
            m_valid <= e_go && !m_flush;
        end
        if (!m_stall) begin
            m_pc <= e_pc; m_insn <= e_insn; m_next_pc <= e_next_pc;
            m_intr <= e_intr; m_intr_cause <= irq_cause;
            m_exc <= !e_intr && e_out_exc; m_exc_cause <= e_out_cause; m_exc_tval <= e_out_tval;
            m_rd <= e_rd;
            m_rd_we <= e_rd_we && !e_quiet && !e_out_exc;
            m_late <= e_load || e_mul || (e_csr_op != `CSR_NONE);
            m_result <= e_div ? div_result : (e_jal || e_jalr) ? e_pc4 : alu_y;
            m_load <= e_load; m_store <= e_store; m_mem_issued <= lsu_req_valid && lsu_req_ready;
            m_mem_size <= e_mem_size; m_mem_unsigned <= e_mem_unsigned;
            m_vaddr <= e_vaddr; m_paddr <= dx_paddr; m_wstrb <= e_wstrb; m_wdata <= e_wdata;
            m_mul <= e_mul; m_md_op <= e_md_op; m_mul_a <= rs1; m_mul_b <= rs2;
            m_csr_op <= (e_quiet || e_out_exc) ? `CSR_NONE : e_csr_op;
            m_csr_src <= e_csr_imm ? {27'd0, e_insn[19:15]} : rs1;
            m_csr_src_zero <= (e_insn[19:15] == 5'd0);
            m_mret <= e_mret && !e_quiet; m_sret <= e_sret && !e_quiet;
            m_fence_i <= e_fence_i && !e_quiet; m_sfence <= e_sfence && !e_quiet;
        end
    end

    // M -> W (forwarding copy and retirement report)
    assign w_rf_we  = w_valid_fwd;
    assign w_rf_rd  = w_rd_fwd;
    assign w_rf_val = w_val_fwd;
    assign ret_priv = priv;

    always @(posedge clk) begin
        if (rst) begin
            w_valid_fwd <= 1'b0;
            ret_valid   <= 1'b0;
        end else begin
            w_valid_fwd <= m_commit && m_rd_we;
            ret_valid   <= m_done;
        end
        w_rd_fwd  <= m_rd;
        w_val_fwd <= m_final;
        ret_kind      <= m_intr ? `RET_INTR : m_trap ? `RET_EXC : `RET_OK;
        ret_pc        <= m_pc;
        ret_insn      <= m_insn;
        ret_rd        <= (m_commit && m_rd_we) ? m_rd : 5'd0;
        ret_rd_wdata  <= (m_commit && m_rd_we) ? m_final : 32'd0;
        ret_mem_valid <= m_mem_issued && m_commit;
        ret_mem_we    <= m_store;
        ret_mem_addr  <= m_paddr;
        ret_mem_wstrb <= m_store ? m_wstrb : 4'd0;
        ret_mem_wdata <= m_store ? m_wdata : 32'd0;
        ret_mem_rdata <= m_load ? lsu_rsp_rdata : 32'd0;
        ret_csr_we    <= m_csr_wr;
        ret_csr_addr  <= m_insn[31:20];
        ret_csr_wdata <= csr_wstored;
        ret_cause     <= m_trap ? {m_intr, 26'd0, m_intr ? m_intr_cause : m_trap_cause} : 32'd0;
        ret_tval      <= (m_trap && !m_intr) ? m_trap_tval : 32'd0;
        ret_next_pc   <= m_flush ? m_redirect_pc : m_next_pc;
    end

    wire unused_core = &{1'b0, div_busy};
endmodule
