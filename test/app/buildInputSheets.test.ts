import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyFingerprint } from "../../src/engine/policy/policyFingerprint";
import { policyFromRange } from "../../src/engine/policy/policyFromRange";
import { policyToRows } from "../../src/engine/policy/policyToRows";
import { buildInputSheets, policyRows } from "../../src/app/buildInputSheets";

const HAN = /[\u4e00-\u9fff]/;

describe("the set-up's Policy sheet", () => {
  it("describes every key in en-US by default, with the default policy's values", () => {
    const policy = buildInputSheets(false, 0).find((s) => s.name === "Policy")!.tables[0]!;
    expect(policy.columns.map((c) => c.header)).toEqual(["Key", "Value", "Description"]);
    expect(policy.rows.map((r) => [r[0], r[1]])).toEqual(policyToRows(DEFAULT_POLICY));
    for (const [key, , description] of policy.rows) {
      expect([key, typeof description === "string" && description.length > 10]).toEqual([key, true]);
      expect(description).not.toMatch(HAN);
    }
    expect(policy.rows.find((r) => r[0] === "outputLanguage")).toEqual(["outputLanguage", "en-US", "Language of the output sheets: en-US or zh-CN"]);
  });

  it("describes every key in Chinese for zh-CN, and sets the output language", () => {
    const rows = policyRows("zh-CN");
    expect(rows.map((r) => r[0])).toEqual(policyToRows(DEFAULT_POLICY).map(([key]) => key));
    for (const [key, , description] of rows) expect([key, HAN.test(String(description))]).toEqual([key, true]);
    expect(rows.find((r) => r[0] === "outputLanguage")![1]).toBe("zh-CN");
    expect(rows.find((r) => r[0] === "weights.paymentRecord")![2]).toContain("付款记录");
  });

  it("reads back as the policy it describes: the Description column is ignored", () => {
    const read = policyFromRange([["Key", "Value", "Description"], ...policyRows("zh-CN")]);
    expect(read.ok && policyFingerprint(read.value.policy)).toBe(policyFingerprint({ ...DEFAULT_POLICY, outputLanguage: "zh-CN" }));
  });
});

describe("the set-up sheets' widths (issue 15)", () => {
  /** What a value shows, written plainly: grouped money with 2 decimals, dates as yyyy-mm-dd. */
  const shown = (value: unknown, format: string | undefined): string => {
    if (typeof value !== "number") return String(value ?? "");
    if (format === "#,##0.00") return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (format === "yyyy-mm-dd") return "2025-06-30";
    if (format === "0.0%") return `${(value * 100).toFixed(1)}%`;
    return String(value);
  };

  it("show every sample number in full (no ### in Revenue, EBIT or Equity)", () => {
    for (const sheet of buildInputSheets(true, 20_269)) {
      for (const table of sheet.tables) {
        table.columns.forEach((column, i) => {
          for (const row of table.rows) {
            if (typeof row[i] !== "number") continue;
            expect([sheet.name, column.header, shown(row[i], column.numberFormat).length <= column.width!]).toEqual([sheet.name, column.header, true]);
          }
        });
      }
    }
  });

  it("leave room for a money amount in the millions even without the sample", () => {
    const financials = buildInputSheets(false, 20_269).find((s) => s.name === "Financials")!.tables[0]!;
    for (const column of financials.columns.filter((c) => c.kind === "money")) expect(column.width).toBeGreaterThanOrEqual("999,999,999.00".length);
  });
});
