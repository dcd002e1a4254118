/**
 * Every message id the engine can emit (its id types: engine/review/ReviewMessage.ts, the limit
 * bases, severities, payment-record sources, Altman zones) and every Policy key's description has
 * an entry in both catalogues, with the arguments the engine gives.
 */
import { ORDER_REASON_IDS } from "../../src/engine/orders/checkOrder";
import { LIMIT_BASIS_NAMES } from "../../src/engine/limits/creditLimit";
import { LIMIT_SKIP_IDS, LIMIT_ZERO_IDS } from "../../src/engine/limits/limitMessages";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { RESOLVE_DISPUTE_ACTION } from "../../src/engine/receivables/collectionAction";
import { policyToRows } from "../../src/engine/policy/policyToRows";
import { DECISION_IDS, LIMIT_NOTE_IDS, R_FLAG_IDS, REASON_IDS, WARNING_IDS } from "../../src/engine/review/ReviewMessage";
import { SUPPORTED_LOCALES } from "../../src/i18n/locale";
import { messagesFor } from "../../src/i18n/messages";
import { createTranslator } from "../../src/i18n/translator";

const ENGINE_IDS: readonly string[] = [
  ...WARNING_IDS.map((id) => `warning.${id}`),
  ...REASON_IDS.map((id) => `reason.${id}`),
  ...R_FLAG_IDS.map((id) => `rFlag.${id}`),
  ...DECISION_IDS.map((id) => `decision.${id}`),
  ...LIMIT_NOTE_IDS.map((id) => `limitNote.${id}`),
  ...LIMIT_BASIS_NAMES.map((name) => `limitBasis.${name}`),
  ...["info", "warning", "critical"].map((s) => `severity.${s}`),
  ...["derived", "entered"].map((s) => `paymentRecordSource.${s}`),
  ...["safe", "grey", "distress"].map((z) => `altmanZone.${z}`),
  ...LIMIT_SKIP_IDS.map((id) => `limitSkip.${id}`),
  ...LIMIT_ZERO_IDS.map((id) => `limitZero.${id}`),
  ...ORDER_REASON_IDS.map((id) => `orderReason.${id}`),
  ...["creditManager", "seniorManagement"].map((id) => `approvalLevel.${id}`),
];

describe("engine message ids in the catalogues", () => {
  it.each(SUPPORTED_LOCALES.map((l) => [l]))("%s has every id the engine can emit", (locale) => {
    const messages = messagesFor(locale) as Record<string, string>;
    expect(ENGINE_IDS.filter((id) => !(id in messages))).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))("%s describes every Policy key (the set-up's Description column)", (locale) => {
    const messages = messagesFor(locale) as Record<string, string>;
    const keys = policyToRows(DEFAULT_POLICY).map(([key]) => key);
    expect(keys).toContain("outputLanguage");
    expect(keys.filter((key) => !(`policy.${key}.description` in messages))).toEqual([]);
  });

  it("holds the default collection actions word for word in en-US (the output sheets translate them by their text)", () => {
    const en = messagesFor("en-US") as Record<string, string>;
    expect(DEFAULT_POLICY.collectionActions.map((_, i) => createTranslator("en-US").t(`collectionAction.${i}` as never))).toEqual([
      ...DEFAULT_POLICY.collectionActions,
    ]);
    expect(Object.keys(en).filter((id) => /^collectionAction\.\d+$/.test(id))).toHaveLength(DEFAULT_POLICY.collectionActions.length);
    expect(en["collectionAction.resolveDispute"]).toBe(RESOLVE_DISPUTE_ACTION);
  });
});
