// iridium_decode.v - instruction decoder of the decode stage (combinational).
//
// Turns one 32-bit instruction into the control signals the later stages use. Every encoding outside RV32IM,
// Zicsr, Zifencei and the privileged instructions (ecall, ebreak, mret, sret, wfi, sfence.vma) sets illegal.
// Privilege checks that depend on the current mode are made later (execute for wfi, commit for CSRs/xret).
`default_nettype none
`include "iridium_defs.vh"

module iridium_decode (
    input  wire [31:0] insn,
    output reg  [3:0]  alu_op,
    output reg         a_pc,        // operand a = pc (auipc, jal)
    output reg         b_imm,       // operand b = immediate
    output reg  [31:0] imm,
    output reg         rd_we,
    output reg         uses_rs1,
    output reg         uses_rs2,
    output reg         is_branch,
    output reg         is_jal,
    output reg         is_jalr,
    output reg         is_load,
    output reg         is_store,
    output reg  [1:0]  mem_size,    // 0 byte, 1 half, 2 word
    output reg         mem_unsigned,
    output reg         is_mul,
    output reg         is_div,
    output reg  [1:0]  md_op,       // funct3[1:0]: mul/mulh/mulhsu/mulhu, div/divu/rem/remu
    output reg  [1:0]  csr_op,      // `CSR_NONE when not a CSR instruction
    output reg         csr_imm,     // source is the 5-bit zimm
    output reg         is_ecall,
    output reg         is_ebreak,
    output reg         is_mret,
    output reg         is_sret,
    output reg         is_wfi,
    output reg         is_fence_i,
    output reg         is_sfence,
    output reg         illegal
);
    wire [6:0] opcode = insn[6:0];
    wire [2:0] f3     = insn[14:12];
    wire [6:0] f7     = insn[31:25];
    wire [4:0] rd     = insn[11:7];

    wire [31:0] imm_i = {{20{insn[31]}}, insn[31:20]};
    wire [31:0] imm_s = {{20{insn[31]}}, insn[31:25], insn[11:7]};
    wire [31:0] imm_b = {{19{insn[31]}}, insn[31], insn[7], insn[30:25], insn[11:8], 1'b0};
    wire [31:0] imm_u = {insn[31:12], 12'd0};
    wire [31:0] imm_j = {{11{insn[31]}}, insn[31], insn[19:12], insn[20], insn[30:21], 1'b0};

    always @(*) begin
        alu_op = `ALU_ADD; a_pc = 1'b0; b_imm = 1'b1; imm = imm_i;
        rd_we = 1'b0; uses_rs1 = 1'b0; uses_rs2 = 1'b0;
        is_branch = 1'b0; is_jal = 1'b0; is_jalr = 1'b0; is_load = 1'b0; is_store = 1'b0;
        mem_size = f3[1:0]; mem_unsigned = f3[2];
        is_mul = 1'b0; is_div = 1'b0; md_op = f3[1:0];
        csr_op = `CSR_NONE; csr_imm = f3[2];
        is_ecall = 1'b0; is_ebreak = 1'b0; is_mret = 1'b0; is_sret = 1'b0; is_wfi = 1'b0;
        is_fence_i = 1'b0; is_sfence = 1'b0;
        illegal = 1'b0;
        if (insn[1:0] != 2'b11) illegal = 1'b1;
        case (opcode)
            7'b0110111: begin // lui
                alu_op = `ALU_PASSB; imm = imm_u; rd_we = 1'b1;
            end
            7'b0010111: begin // auipc
                a_pc = 1'b1; imm = imm_u; rd_we = 1'b1;
            end
            7'b1101111: begin // jal
                is_jal = 1'b1; imm = imm_j; rd_we = 1'b1;
            end
            7'b1100111: begin // jalr
                is_jalr = 1'b1; rd_we = 1'b1; uses_rs1 = 1'b1;
                if (f3 != 3'd0) illegal = 1'b1;
            end
            7'b1100011: begin // branches
                is_branch = 1'b1; imm = imm_b; uses_rs1 = 1'b1; uses_rs2 = 1'b1; b_imm = 1'b0;
                if (f3 == 3'd2 || f3 == 3'd3) illegal = 1'b1;
            end
            7'b0000011: begin // loads
                is_load = 1'b1; rd_we = 1'b1; uses_rs1 = 1'b1;
                if (f3 == 3'd3 || f3 == 3'd6 || f3 == 3'd7) illegal = 1'b1;
            end
            7'b0100011: begin // stores
                is_store = 1'b1; imm = imm_s; uses_rs1 = 1'b1; uses_rs2 = 1'b1;
                if (f3[2] || f3[1:0] == 2'd3) illegal = 1'b1;
            end
            7'b0010011: begin // register-immediate ALU
                rd_we = 1'b1; uses_rs1 = 1'b1;
                case (f3)
                    3'd0: alu_op = `ALU_ADD;
                    3'd1: begin alu_op = `ALU_SLL; if (f7 != 7'd0) illegal = 1'b1; end
                    3'd2: alu_op = `ALU_SLT;
                    3'd3: alu_op = `ALU_SLTU;
                    3'd4: alu_op = `ALU_XOR;
                    3'd5: begin
                        alu_op = insn[30] ? `ALU_SRA : `ALU_SRL;
                        if ({f7[6], f7[4:0]} != 6'd0) illegal = 1'b1;
                    end
                    3'd6: alu_op = `ALU_OR;
                    default: alu_op = `ALU_AND;
                endcase
            end
            7'b0110011: begin // register-register ALU and M extension
                rd_we = 1'b1; uses_rs1 = 1'b1; uses_rs2 = 1'b1; b_imm = 1'b0;
                if (f7 == 7'b0000001) begin
                    is_mul = ~f3[2];
                    is_div = f3[2];
                end else if (f7 == 7'b0000000) begin
                    case (f3)
                        3'd0: alu_op = `ALU_ADD;
                        3'd1: alu_op = `ALU_SLL;
                        3'd2: alu_op = `ALU_SLT;
                        3'd3: alu_op = `ALU_SLTU;
                        3'd4: alu_op = `ALU_XOR;
                        3'd5: alu_op = `ALU_SRL;
                        3'd6: alu_op = `ALU_OR;
                        default: alu_op = `ALU_AND;
                    endcase
                end else if (f7 == 7'b0100000 && f3 == 3'd0) begin
                    alu_op = `ALU_SUB;
                end else if (f7 == 7'b0100000 && f3 == 3'd5) begin
                    alu_op = `ALU_SRA;
                end else begin
                    illegal = 1'b1;
                end
            end
            7'b0001111: begin // fence, fence.i
                if (f3 == 3'd1) is_fence_i = 1'b1;
                else if (f3 != 3'd0) illegal = 1'b1;
            end
            7'b1110011: begin // system
                if (f3 == 3'd0) begin
                    if (insn == 32'h0000_0073)      is_ecall = 1'b1;
                    else if (insn == 32'h0010_0073) is_ebreak = 1'b1;
                    else if (insn == 32'h3020_0073) is_mret = 1'b1;
                    else if (insn == 32'h1020_0073) is_sret = 1'b1;
                    else if (insn == 32'h1050_0073) is_wfi = 1'b1;
                    else if (f7 == 7'b0001001 && rd == 5'd0) begin
                        is_sfence = 1'b1; uses_rs1 = 1'b1; uses_rs2 = 1'b1;
                    end else illegal = 1'b1;
                end else if (f3 == 3'd4) begin
                    illegal = 1'b1;
                end else begin
                    csr_op = f3[1:0];
                    rd_we = 1'b1;
                    uses_rs1 = ~f3[2];
                end
            end
            default: illegal = 1'b1;
        endcase
        if (illegal) begin
            rd_we = 1'b0; uses_rs1 = 1'b0; uses_rs2 = 1'b0; is_branch = 1'b0; is_jal = 1'b0; is_jalr = 1'b0;
            is_load = 1'b0; is_store = 1'b0; is_mul = 1'b0; is_div = 1'b0; csr_op = `CSR_NONE;
            is_ecall = 1'b0; is_ebreak = 1'b0; is_mret = 1'b0; is_sret = 1'b0; is_wfi = 1'b0;
            is_fence_i = 1'b0; is_sfence = 1'b0;
        end
        if (rd == 5'd0) rd_we = 1'b0;
    end
endmodule
