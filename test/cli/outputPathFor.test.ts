import * as path from "path";
import { outputPathFor } from "../../src/cli/outputPathFor";

describe("outputPathFor", () => {
  it("refuses an --out that is the input or not an .xlsx file", () => {
    expect(outputPathFor("data/ledger.xlsx", { out: "./data/../data/ledger.xlsx" })).toEqual({ ok: false, usage: "--out names the input workbook: use --in-place to write into it" });
    expect(outputPathFor("ledger.xlsx", { out: "out.csv" })).toEqual({ ok: false, usage: "--out out.csv: the output must be an .xlsx file" });
  });

  it.each([
    ["data/ledger.xlsx", path.join("data", "ledger-reviewed.xlsx")],
    ["ledger.XLSX", "ledger-reviewed.xlsx"],
    ["/tmp/a.b.xlsx", "/tmp/a.b-reviewed.xlsx"],
    ["noext", "noext-reviewed.xlsx"],
  ])("defaults %s to %s beside it", (input, expected) => {
    expect(outputPathFor(input, {})).toEqual({ ok: true, path: expected });
  });

  it("writes into the input only with --in-place, and to --out otherwise", () => {
    expect(outputPathFor("ledger.xlsx", { inPlace: true })).toEqual({ ok: true, path: "ledger.xlsx" });
    expect(outputPathFor("ledger.xlsx", { out: "review/out.xlsx" })).toEqual({ ok: true, path: "review/out.xlsx" });
  });
});
