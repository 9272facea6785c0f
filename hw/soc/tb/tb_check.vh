// tb_check.vh - the testbenches' verdict tasks, included inside a testbench module.
// The including module declares `integer errors, group_errors` (both starting at 0): check() counts a failed
// condition in both, group() prints "PASS name" or "FAIL name" for the checks since the previous group().

    task check(input cond, input [8*64-1:0] what);
        begin
            if (!cond) begin
                $display("FAIL: %0s (t=%0t)", what, $time);
                errors = errors + 1;
                group_errors = group_errors + 1;
            end
        end
    endtask

    task group(input [8*32-1:0] name);
        begin
            $display("%s %0s", group_errors == 0 ? "PASS" : "FAIL", name);
            group_errors = 0;
        end
    endtask
