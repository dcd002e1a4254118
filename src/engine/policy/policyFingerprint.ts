/**
 * The policy fingerprint of the audit trail (credit-method.md §11): SHA-256 of the policy's
 * canonical JSON (object keys sorted at every level, arrays in order, no whitespace), so two
 * policies with the same values have the same fingerprint whatever order their keys were
 * written in, and any change of any parameter changes it. The output language is a parameter
 * too (a zh-CN policy has its own fingerprint), but the default en-US is left out of the JSON so
 * that the fingerprints of every policy written before the setting existed stay what they were.
 * @example shortFingerprint(DEFAULT_POLICY) //=> 12 hex characters, the same on every run
 */
import type { Policy } from "./Policy";
import { sha256Hex } from "./sha256";

/** JSON with object keys sorted at every level; `undefined` members are left out as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // -0 and 0 are the same parameter value: print both as 0.
    if (typeof value === "number" && Object.is(value, -0)) return "0";
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Full fingerprint: 64 lowercase hex characters. */
export function policyFingerprint(p: Policy): string {
  return sha256Hex(canonicalJson(p.outputLanguage === "en-US" ? { ...p, outputLanguage: undefined } : p));
}

/** Short fingerprint printed on outputs: the first 12 hex characters of `policyFingerprint`. */
export function shortFingerprint(p: Policy): string {
  return policyFingerprint(p).slice(0, 12);
}
