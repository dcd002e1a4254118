import fc from "fast-check";
import { createTranslator, NO_FIGURE } from "../../src/i18n/translator";
import { SUPPORTED_LOCALES } from "../../src/i18n/locale";
import { intlConfig, MESSAGE_IDS, messagesFor } from "../../src/i18n/messages";

const en = createTranslator("en-US");
const zh = createTranslator("zh-CN");

describe("createTranslator", () => {
  it("keeps one translator per locale", () => {
    expect(createTranslator("zh-CN")).toBe(zh);
    expect(zh.locale).toBe("zh-CN");
  });

  it.each([
    ["sheet.creditReview", "Credit Review", "资信评审"],
    ["column.creditReview.grade", "Grade", "信用等级"],
    ["column.collections.daysPastDue", "Days past due", "逾期天数"],
    ["summary.kpi.cei", "CEI", "催收效率指数 (CEI)"],
  ] as const)("t(%s)", (id, enText, zhText) => {
    expect(en.t(id)).toBe(enText);
    expect(zh.t(id)).toBe(zhText);
  });

  it("fills arguments, formatting numbers in the message by the locale", () => {
    expect(en.t("review.overdueItems", { count: 2, amount: en.formatMoney(1234.5, "CNY") })).toBe("2 items overdue, CN¥1,234.50 in all");
    expect(zh.t("review.overdueItems", { count: 2, amount: zh.formatMoney(1234.5, "CNY") })).toBe("逾期 2 笔，共 ¥1,234.50");
    expect(en.t("review.overdueRatio", { ratio: 0.1234 })).toBe("12.3% of the open balance is overdue");
    expect(zh.t("review.overdueRatio", { ratio: 0.1234 })).toBe("应收余额中 12.3% 已逾期");
    expect(en.t("review.asOf", { asOf: en.formatDate("2025-06-30"), fingerprint: "a1b2c3d4e5f6" })).toBe("Review as of 06/30/2025, policy a1b2c3d4e5f6");
    expect(zh.t("review.asOf", { asOf: zh.formatDate("2025-06-30"), fingerprint: "a1b2c3d4e5f6" })).toBe("评审基准日 2025/06/30，政策指纹 a1b2c3d4e5f6");
  });

  it("formats a percent argument inside a message exactly as formatPercent does (no '623 %' beside '86.9%')", () => {
    for (const t of [en, zh]) {
      for (const fraction of [0, 0.869, 6.23, 0.12345, 1]) {
        expect(t.t("review.utilisation", { customer: "C", utilisation: fraction, limit: "L" })).toContain(t.formatPercent(fraction));
      }
    }
  });

  it("throws on a missing argument (a programmer bug), rather than printing the pattern", () => {
    expect(() => en.t("review.asOf", { asOf: "x" })).toThrow();
  });

  it("configures react-intl over the same catalogues", () => {
    const config = intlConfig("zh-CN");
    expect(config.locale).toBe("zh-CN");
    expect(config.defaultLocale).toBe("en-US");
    expect(config.messages).toBe(messagesFor("zh-CN"));
  });
});

describe("formatNumber", () => {
  it.each([
    [1234567.891, undefined, "1,234,567.89", "1,234,567.89"],
    [0, undefined, "0", "0"],
    [-42.5, 0, "-43", "-43"],
    [0.125, 3, "0.125", "0.125"],
    [Number.NaN, undefined, NO_FIGURE, NO_FIGURE],
    [Number.POSITIVE_INFINITY, undefined, NO_FIGURE, NO_FIGURE],
  ])("%d (%s decimals) → %s / %s", (value, digits, enText, zhText) => {
    expect(en.formatNumber(value, digits)).toBe(enText);
    expect(zh.formatNumber(value, digits)).toBe(zhText);
  });
});

describe("formatPercent", () => {
  it.each([
    [0.25, undefined, "25%", "25%"],
    [0.869, undefined, "86.9%", "86.9%"],
    [6.23, undefined, "623%", "623%"],
    [0.12345, 2, "12.35%", "12.35%"],
    [-0.05, undefined, "-5%", "-5%"],
    [Number.NaN, undefined, NO_FIGURE, NO_FIGURE],
  ])("%d (%s decimals) → %s / %s", (fraction, digits, enText, zhText) => {
    expect(en.formatPercent(fraction, digits)).toBe(enText);
    expect(zh.formatPercent(fraction, digits)).toBe(zhText);
  });
});

describe("formatMoney", () => {
  it.each([
    [1234.5, "CNY", "CN¥1,234.50", "¥1,234.50"],
    [1234.5, "cny", "CN¥1,234.50", "¥1,234.50"],
    [1234.5, "USD", "$1,234.50", "US$1,234.50"],
    [-99.99, "EUR", "-€99.99", "-€99.99"],
    [1000, "JPY", "¥1,000", "JP¥1,000"],
    [0, "HKD", "HK$0.00", "HK$0.00"],
    [12.5, "C$", "12.50", "12.50"],
    [Number.NaN, "CNY", NO_FIGURE, NO_FIGURE],
  ])("%d %s → %s / %s", (amount, currency, enText, zhText) => {
    expect(en.formatMoney(amount, currency)).toBe(enText);
    expect(zh.formatMoney(amount, currency)).toBe(zhText);
  });

  it("shows every cent of an amount in cents, in both locales", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        for (const t of [en, zh]) {
          const digits = t.formatMoney(cents / 100, "CNY").replace(/[^\d-]/g, "");
          expect(Number(digits)).toBe(cents === 0 ? 0 : cents);
        }
      }),
    );
  });
});

describe("formatDate", () => {
  it.each([
    ["2025-06-30", "06/30/2025", "2025/06/30"],
    [20269, "06/30/2025", "2025/06/30"],
    [0, "01/01/1970", "1970/01/01"],
    [-1, "12/31/1969", "1969/12/31"],
    ["2024-02-29", "02/29/2024", "2024/02/29"],
    [" 2025-01-05 ", "01/05/2025", "2025/01/05"],
  ])("%j → %s / %s", (input, enText, zhText) => {
    expect(en.formatDate(input)).toBe(enText);
    expect(zh.formatDate(input)).toBe(zhText);
  });

  it.each([["2025-02-30"], ["2025-13-01"], ["30/06/2025"], ["tomorrow"], [1.5]])("leaves %j, which is not a date, as it is", (input) => {
    expect(en.formatDate(input)).toBe(String(input));
    expect(zh.formatDate(input)).toBe(String(input));
  });

  it("reads a day number and its ISO text as the same day, in every locale and whatever the time zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        for (const locale of SUPPORTED_LOCALES) {
          const t = createTranslator(locale);
          expect(t.formatDate(day)).toBe(t.formatDate(iso));
        }
      }),
    );
  });
});

describe("Translator.format (compiled once, for rows)", () => {
  const args = (message: string): Record<string, string | number> => {
    // Every argument of the message: a number for a number or plural argument, a text otherwise.
    const values: Record<string, string | number> = {};
    for (const match of message.matchAll(/\{(\w+)(?:,\s*(\w+))?/g)) values[match[1]!] = match[2] === "number" || match[2] === "plural" ? 1234.56 : "X";
    return values;
  };

  it.each(SUPPORTED_LOCALES.map((l) => [l]))("gives the same text as t for every message in %s", (locale) => {
    const t = createTranslator(locale);
    const messages = messagesFor(locale);
    for (const id of MESSAGE_IDS) {
      const values = args(messages[id]);
      expect([id, t.format(id, values)]).toEqual([id, t.t(id, values)]);
    }
  });

  it("throws on a missing argument, as t does", () => {
    expect(() => createTranslator("en-US").format("warning.gradeDown", { from: "A" })).toThrow();
  });
});
