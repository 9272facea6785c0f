// iridium_csr.v - control and status registers, privilege mode, trap entry/return and interrupt selection.
//
// Lives at the commit (memory) stage: at most one CSR instruction, trap or xret is applied per cycle, and the
// pipeline flushes everything younger after any of them, so later instructions always see the updated state.
// Invariants: priv is only ever U, S or M; mepc/sepc keep bits 1:0 zero; only the fields listed in docs/core.md
// ("CSR list") hold state, everything else reads as zero. A CSR write wins over that cycle's counter increment.
`default_nettype none
`include "iridium_defs.vh"

module iridium_csr (
    input  wire        clk,
    input  wire        rst,
    // CSR instruction at commit
    input  wire        c_valid,       // a CSR instruction is at commit (with no other exception)
    input  wire [1:0]  c_op,
    input  wire [11:0] c_addr,
    input  wire [31:0] c_src,         // rs1 value or zero-extended zimm
    input  wire        c_src_zero,    // rs1 = x0 / zimm = 0: csrrs/csrrc do not write
    output reg  [31:0] c_rdata,
    output wire        c_illegal,
    output wire        c_write,       // the instruction writes the CSR (valid only when !c_illegal)
    output wire [31:0] c_wdata_stored,// value the CSR holds after the write (retirement report)
    // traps and returns (applied at the clock edge)
    input  wire        trap,
    input  wire        trap_intr,
    input  wire [4:0]  trap_cause,
    input  wire [31:0] trap_pc,
    input  wire [31:0] trap_tval,
    output wire [31:0] trap_vector,   // handler address for the trap described by the trap_* inputs
    input  wire        mret,
    input  wire        sret,
    output wire [31:0] mepc_q_out,
    output wire [31:0] sepc_q_out,
    input  wire        instret_inc,
    // interrupts
    input  wire        irq_m_ext,
    input  wire        irq_m_timer,
    input  wire        irq_m_soft,
    input  wire [63:0] mtime,
    output wire        irq_pending,   // an interrupt must be taken before the next instruction executes
    output reg  [4:0]  irq_cause,
    output wire        wfi_wake,      // (mip & mie) != 0
    // state used by the pipeline and the MMU
    output reg  [1:0]  priv,
    output wire        st_mprv,
    output wire [1:0]  st_mpp,
    output wire        st_sum,
    output wire        st_mxr,
    output wire        st_tvm,
    output wire        st_tw,
    output wire        st_tsr,
    output wire [31:0] satp
);
    // ---- state --------------------------------------------------------------------------------------------
    reg        mie_b, sie_b, mpie, spie, spp, mprv, sum, mxr, tvm, tw, tsr;
    reg [1:0]  mpp;
    reg [31:0] medeleg, mideleg, mie, mtvec, stvec, mscratch, sscratch, mepc, sepc, mcause, scause, mtval, stval;
    reg [2:0]  mcounteren, scounteren;
    reg        ssip, stip, seip;
    reg        satp_mode;
    reg [21:0] satp_ppn;
    reg [63:0] mcycle, minstret;

    wire [31:0] mstatus = {9'd0, tsr, tw, tvm, mxr, sum, mprv, 4'd0, mpp, 2'd0, spp, mpie, 1'b0, spie, 1'b0,
                           mie_b, 1'b0, sie_b, 1'b0};
    wire [31:0] sstatus_mask = 32'h000C_0122;
    wire [31:0] mip = {20'd0, irq_m_ext, 1'b0, seip, 1'b0, irq_m_timer, 1'b0, stip, 1'b0, irq_m_soft, 1'b0, ssip,
                       1'b0};

    assign st_mprv = mprv; assign st_mpp = mpp; assign st_sum = sum; assign st_mxr = mxr;
    assign st_tvm = tvm; assign st_tw = tw; assign st_tsr = tsr;
    assign satp = {satp_mode, 9'd0, satp_ppn};
    assign mepc_q_out = mepc;
    assign sepc_q_out = sepc;

    // ---- CSR read and access check -------------------------------------------------------------------------
    reg exists;
    wire [4:0] cnt_idx = c_addr[4:0];
    wire       cnt_ok  = (priv == `PRV_M) ||
                         ((cnt_idx < 5'd3) && mcounteren[cnt_idx[1:0]] && (priv == `PRV_S || scounteren[cnt_idx[1:0]]));

    always @(*) begin
        exists = 1'b1;
        c_rdata = 32'd0;
        casez (c_addr)
            12'hC00: c_rdata = mcycle[31:0];
            12'hC01: c_rdata = mtime[31:0];
            12'hC02: c_rdata = minstret[31:0];
            12'hC80: c_rdata = mcycle[63:32];
            12'hC81: c_rdata = mtime[63:32];
            12'hC82: c_rdata = minstret[63:32];
            12'h100: c_rdata = mstatus & sstatus_mask;
            12'h104: c_rdata = mie & mideleg;
            12'h105: c_rdata = stvec;
            12'h106: c_rdata = {29'd0, scounteren};
            12'h10A: c_rdata = 32'd0;
            12'h140: c_rdata = sscratch;
            12'h141: c_rdata = sepc;
            12'h142: c_rdata = scause;
            12'h143: c_rdata = stval;
            12'h144: c_rdata = mip & mideleg;
            12'h180: c_rdata = satp;
            12'hF11, 12'hF12, 12'hF14, 12'hF15: c_rdata = 32'd0;
            12'hF13: c_rdata = 32'h0001_0000;
            12'h300: c_rdata = mstatus;
            12'h301: c_rdata = 32'h4014_1100;
            12'h302: c_rdata = medeleg;
            12'h303: c_rdata = mideleg;
            12'h304: c_rdata = mie;
            12'h305: c_rdata = mtvec;
            12'h306: c_rdata = {29'd0, mcounteren};
            12'h30A, 12'h310, 12'h31A: c_rdata = 32'd0;
            12'h340: c_rdata = mscratch;
            12'h341: c_rdata = mepc;
            12'h342: c_rdata = mcause;
            12'h343: c_rdata = mtval;
            12'h344: c_rdata = mip;
            12'b0011_001?_????: exists = (c_addr[4:0] >= 5'd3) || (c_addr[4:0] == 5'd0); // mcountinhibit, mhpmevent3-31
            12'b0011_1010_00??: c_rdata = 32'd0;                           // pmpcfg0-3
            12'b0011_1011_????: c_rdata = 32'd0;                           // pmpaddr0-15
            12'hB00: c_rdata = mcycle[31:0];
            12'hB02: c_rdata = minstret[31:0];
            12'hB80: c_rdata = mcycle[63:32];
            12'hB82: c_rdata = minstret[63:32];
            // hpmcounter3-31(h) (0xC03-0xC1F, 0xC83-0xC9F) and mhpmcounter3-31(h) (0xB03-...): read as zero
            default: exists = (c_addr[11:8] == 4'hC || c_addr[11:8] == 4'hB) && (c_addr[6:5] == 2'b00) &&
                              (c_addr[4:0] >= 5'd3);
        endcase
    end

    wire is_counter = (c_addr[11:8] == 4'hC) && (c_addr[6:5] == 2'b00);   // 0xC00-0xC1F, 0xC80-0xC9F
    assign c_write = (c_op == `CSR_RW) || !c_src_zero;
    assign c_illegal = !exists
                    || (c_addr[9:8] > priv)
                    || (c_write && c_addr[11:10] == 2'b11)
                    || (is_counter && !cnt_ok)
                    || (c_addr == 12'h180 && priv == `PRV_S && tvm);

    reg [31:0] wval;
    always @(*) begin
        case (c_op)
            `CSR_RW: wval = c_src;
            `CSR_RS: wval = c_rdata | c_src;
            default: wval = c_rdata & ~c_src;
        endcase
    end
    wire do_write = c_valid && !c_illegal && c_write && !trap;

    // value as stored, for the retirement report
    reg [31:0] stored;
    always @(*) begin
        case (c_addr)
            12'h300: stored = {9'd0, wval[22:17], 4'd0, (wval[12:11] == 2'b10) ? mpp : wval[12:11], 2'd0,
                               wval[8:7], 1'b0, wval[5], 1'b0, wval[3], 1'b0, wval[1], 1'b0};
            12'h100: stored = (mstatus & ~sstatus_mask) | (wval & sstatus_mask);
            12'h302: stored = wval & 32'h0000_B3FF;
            12'h303: stored = wval & 32'h0000_0222;
            12'h304: stored = wval & 32'h0000_0AAA;
            12'h104: stored = (mie & ~mideleg) | (wval & mideleg & 32'h0000_0222);
            12'h305, 12'h105: stored = wval & 32'hFFFF_FFFD;
            12'h306, 12'h106: stored = {29'd0, wval[2:0]};
            12'h341, 12'h141: stored = {wval[31:2], 2'b00};
            12'h344: stored = (mip & ~32'h0000_0222) | (wval & 32'h0000_0222);
            12'h144: stored = (mip & ~(mideleg & 32'h2)) | (wval & mideleg & 32'h2);
            12'h180: stored = {wval[31], 9'd0, wval[21:0]};
            12'h340, 12'h140, 12'h342, 12'h142, 12'h343, 12'h143,
            12'hB00, 12'hB02, 12'hB80, 12'hB82: stored = wval;
            default: stored = c_rdata;          // writes ignored: the CSR keeps its value
        endcase
    end
    assign c_wdata_stored = stored;

    // ---- interrupts -------------------------------------------------------------------------------------------
    wire [11:0] pend   = mip[11:0] & mie[11:0];
    wire [11:0] m_pend = pend & ~mideleg[11:0];
    wire [11:0] s_pend = pend & mideleg[11:0];
    wire        m_en   = (priv != `PRV_M) || mie_b;
    wire        s_en   = (priv == `PRV_U) || (priv == `PRV_S && sie_b);
    wire        take_m = m_en && (m_pend != 12'd0);
    wire        take_s = s_en && (s_pend != 12'd0);
    wire [11:0] sel    = take_m ? m_pend : s_pend;
    wire unused_csr = &{1'b0, sel[10], sel[8], sel[6:4], sel[2], sel[0], trap_pc[1:0]};
    assign irq_pending = take_m || take_s;
    assign wfi_wake    = (pend != 12'd0);
    always @(*) begin
        if      (sel[11]) irq_cause = 5'd11;
        else if (sel[3])  irq_cause = 5'd3;
        else if (sel[7])  irq_cause = 5'd7;
        else if (sel[9])  irq_cause = 5'd9;
        else if (sel[1])  irq_cause = 5'd1;
        else              irq_cause = 5'd5;
    end

    // ---- trap target -------------------------------------------------------------------------------------------
    wire        deleg   = (priv != `PRV_M) && (trap_intr ? mideleg[trap_cause] : medeleg[trap_cause]);
    wire [31:0] tvec    = deleg ? stvec : mtvec;
    wire [31:0] tbase   = {tvec[31:2], 2'b00};
    wire unused_tvec = tvec[1];
    assign trap_vector  = (tvec[0] && trap_intr) ? tbase + {25'd0, trap_cause, 2'b00} : tbase;

    // ---- state update ------------------------------------------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            priv <= `PRV_M;
            mie_b <= 1'b0; sie_b <= 1'b0; mpie <= 1'b0; spie <= 1'b0; spp <= 1'b0; mpp <= 2'b00;
            mprv <= 1'b0; sum <= 1'b0; mxr <= 1'b0; tvm <= 1'b0; tw <= 1'b0; tsr <= 1'b0;
            medeleg <= 32'd0; mideleg <= 32'd0; mie <= 32'd0; mtvec <= 32'd0; stvec <= 32'd0;
            mscratch <= 32'd0; sscratch <= 32'd0; mepc <= 32'd0; sepc <= 32'd0;
            mcause <= 32'd0; scause <= 32'd0; mtval <= 32'd0; stval <= 32'd0;
            mcounteren <= 3'd0; scounteren <= 3'd0; ssip <= 1'b0; stip <= 1'b0; seip <= 1'b0;
            satp_mode <= 1'b0; satp_ppn <= 22'd0;
            mcycle <= 64'd0; minstret <= 64'd0;
        end else begin
            mcycle <= mcycle + 64'd1;
            if (instret_inc) minstret <= minstret + 64'd1;

            if (trap) begin
                if (deleg) begin
                    scause <= {trap_intr, 26'd0, trap_cause};
                    sepc   <= {trap_pc[31:2], 2'b00};
                    stval  <= trap_tval;
                    spp    <= priv[0];
                    spie   <= sie_b;
                    sie_b  <= 1'b0;
                    priv   <= `PRV_S;
                end else begin
                    mcause <= {trap_intr, 26'd0, trap_cause};
                    mepc   <= {trap_pc[31:2], 2'b00};
                    mtval  <= trap_tval;
                    mpp    <= priv;
                    mpie   <= mie_b;
                    mie_b  <= 1'b0;
                    priv   <= `PRV_M;
                end
            end else if (mret) begin
                priv  <= mpp;
                mie_b <= mpie;
                mpie  <= 1'b1;
                mpp   <= `PRV_U;
                if (mpp != `PRV_M) mprv <= 1'b0;
            end else if (sret) begin
                priv  <= spp ? `PRV_S : `PRV_U;
                sie_b <= spie;
                spie  <= 1'b1;
                spp   <= 1'b0;
                mprv  <= 1'b0;
            end else if (do_write) begin
                case (c_addr)
                    12'h300, 12'h100: begin
                        sie_b <= stored[1]; spie <= stored[5]; spp <= stored[8]; sum <= stored[18];
                        mxr <= stored[19];
                        if (c_addr == 12'h300) begin
                            mie_b <= stored[3]; mpie <= stored[7]; mpp <= stored[12:11]; mprv <= stored[17];
                            tvm <= stored[20]; tw <= stored[21]; tsr <= stored[22];
                        end
                    end
                    12'h302: medeleg <= stored;
                    12'h303: mideleg <= stored;
                    12'h304, 12'h104: mie <= stored;
                    12'h305: mtvec <= stored;
                    12'h105: stvec <= stored;
                    12'h306: mcounteren <= stored[2:0];
                    12'h106: scounteren <= stored[2:0];
                    12'h340: mscratch <= stored;
                    12'h140: sscratch <= stored;
                    12'h341: mepc <= stored;
                    12'h141: sepc <= stored;
                    12'h342: mcause <= stored;
                    12'h142: scause <= stored;
                    12'h343: mtval <= stored;
                    12'h143: stval <= stored;
                    12'h344, 12'h144: begin ssip <= stored[1]; stip <= stored[5]; seip <= stored[9]; end
                    12'h180: begin satp_mode <= stored[31]; satp_ppn <= stored[21:0]; end
                    12'hB00: mcycle[31:0] <= stored;
                    12'hB80: mcycle[63:32] <= stored;
                    12'hB02: minstret[31:0] <= stored;
                    12'hB82: minstret[63:32] <= stored;
                    default: ;
                endcase
            end
        end
    end
endmodule
