import { createHash } from "crypto";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { canonicalJson, policyFingerprint, shortFingerprint } from "../../../src/engine/policy/policyFingerprint";
import type { Policy } from "../../../src/engine/policy/Policy";

describe("canonicalJson", () => {
  it("sorts object keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: "x" } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
  });
  it("leaves out undefined members and prints -0 as 0", () => {
    expect(canonicalJson({ a: undefined, b: -0 })).toBe('{"b":0}');
  });
});

describe("policyFingerprint", () => {
  const sha = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

  it("is the SHA-256 of the canonical JSON (the default output language left out)", () => {
    const { outputLanguage, ...withoutLanguage } = DEFAULT_POLICY;
    expect(outputLanguage).toBe("en-US");
    expect(policyFingerprint(DEFAULT_POLICY)).toBe(sha(canonicalJson(withoutLanguage)));
    expect(policyFingerprint(DEFAULT_POLICY)).toMatch(/^[0-9a-f]{64}$/);
    const chinese: Policy = { ...DEFAULT_POLICY, outputLanguage: "zh-CN" };
    expect(policyFingerprint(chinese)).toBe(sha(canonicalJson(chinese)));
  });

  it("changes with the output language, and keeps the fingerprint of a policy written before the setting for en-US", () => {
    expect(policyFingerprint({ ...DEFAULT_POLICY, outputLanguage: "zh-CN" })).not.toBe(policyFingerprint(DEFAULT_POLICY));
    const { outputLanguage: _language, ...before } = DEFAULT_POLICY;
    expect(policyFingerprint(DEFAULT_POLICY)).toBe(sha(canonicalJson(before)));
  });

  it("does not depend on key order", () => {
    const reordered: Policy = Object.fromEntries(Object.entries(DEFAULT_POLICY).reverse()) as unknown as Policy;
    expect(policyFingerprint(reordered)).toBe(policyFingerprint(DEFAULT_POLICY));
  });

  it("changes when any parameter changes", () => {
    const base = policyFingerprint(DEFAULT_POLICY);
    expect(policyFingerprint({ ...DEFAULT_POLICY, roundingUnit: 500 })).not.toBe(base);
    expect(policyFingerprint({ ...DEFAULT_POLICY, weights: { ...DEFAULT_POLICY.weights, capital: 7 } })).not.toBe(base);
    expect(policyFingerprint({ ...DEFAULT_POLICY, agingEdges: [0, 30, 60, 90, 180, 366] })).not.toBe(base);
  });

  it("prints the first 12 hex characters as the short form", () => {
    expect(shortFingerprint(DEFAULT_POLICY)).toBe(policyFingerprint(DEFAULT_POLICY).slice(0, 12));
    expect(shortFingerprint(DEFAULT_POLICY)).toHaveLength(12);
  });
});
