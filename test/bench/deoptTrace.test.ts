import { countDeopts } from "../../bench/lib/deoptTrace";

// Excerpts of a real trace (node 20, `--trace-deopt --redirect-code-traces`): V8 writes a mark in
// two pieces and the second (with its reason) to stdout, so marks run into the next record.
const TRACE = [
  "[bailout (kind: deopt-eager, reason: wrong call target): begin. deoptimizing 0x07ec294d9931 <JSFunction mapDefined (sfi = 0x2416d7ac37a1)>, 0x200f39024449 <Code TURBOFAN>, opt id 5, bytecode offset 9, deopt exit 1, FP to SP delta 72, caller SP 0x7ffd7c4e46f8, pc 0x7f9a4a83699e]",
  "[marking dependent code 0x271b01dd1a09 <Code TURBOFAN> (0x2be47718bde9 <SharedFunctionInfo TokenObject>[marking dependent code 0x0035819de739 <Code TURBOFAN> (0x2be47718b5b1 <SharedFunctionInfo reviewCustomer>[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x262ddc3e03a1 <JSFunction reviewCustomer (sfi = 0x2416d7ac37a1)>, 0x0b4a8f5deb59 <Code TURBOFAN>, opt id 7, bytecode offset 20]",
  "[bailout (kind: deopt-lazy, reason: (unknown)): begin. deoptimizing 0x208abebc3209 <JSFunction  (sfi = 0x167bc3b61849)>, 0x0035819f2109 <Code TURBOFAN>, opt id 87, bytecode offset 330]",
  "  ;;; deoptimize at <src/engine/review/reviewCustomer.ts:37:9>, wrong map",
].join("\n");

describe("countDeopts", () => {
  it("counts bailouts with their reasons and functions, and marks with their functions", () => {
    expect(countDeopts(TRACE)).toEqual({
      bailouts: 3,
      marked: 2,
      reasons: { "wrong call target": 1, "wrong map": 1, "(unknown)": 1 },
      functions: { mapDefined: 1, TokenObject: 1, reviewCustomer: 2, "(anonymous)": 1 },
    });
  });

  it("counts nothing in an empty trace", () => {
    expect(countDeopts("")).toEqual({ bailouts: 0, marked: 0, reasons: {}, functions: {} });
  });
});
