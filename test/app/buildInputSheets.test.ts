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
