/**
 * The engine's errors in the user's language (issue 16 §1): every detail id renders in both
 * locales with its parameters filled, the Chinese without English words (only the parameters, the
 * codes and names a user types, and the few loans Chinese finance writes in Latin letters), and a
 * custom function's error reads in Chinese when the functions' language is zh-CN.
 */
import { detailText, errorText, fieldText } from "../../src/app/errorText";
import { at, detail, divideByZero, invalidInput, notAvailable, outOfRange, type DetailId, type DetailParams } from "../../src/engine/errors";
import { SUPPORTED_LOCALES } from "../../src/i18n/locale";
import { REVIEW_WORDS, reviewWordsTranslator } from "../../src/i18n/reviewWords";
import { createTranslator } from "../../src/i18n/translator";
import { limit } from "../../src/functions/functions";
import { setFunctionLanguage } from "../../src/functions/functionLanguage";
import { CustomFunctionsError, ErrorCode } from "../support/customFunctionsStub";

/** Sample parameters of every detail: a missing id is a type error here. */
const SAMPLES: { [K in DetailId]: DetailParams[K] } = {
  notFinite: {}, notFiniteText: { text: "1e999" }, notNumber: {}, notNumberText: { text: "abc" }, blank: {}, missing: {}, notText: {},
  notBoolean: {}, notBooleanGot: { got: "maybe" }, notYesNo: { text: "maybe" }, oneOf: { options: "A, B, C, D", got: "Q" },
  percentAsNumber: { text: "25%" }, notDate: {}, notDateText: { text: "someday" }, notCalendarDate: { text: "2025-02-30" },
  serialBefore: { serial: -3, start: "1900-01-01" }, serialLeapBug: {}, dayNumber: {}, dateFormat: {}, dateRequired: {},
  atLeast: { min: 0, got: -3 }, above: { min: 0, got: 0 }, atMost: { max: 100, got: 120 }, atMostFraction: { max: 1, got: 25 },
  between: { min: 0, max: 10, got: 11 }, notNegative: { got: -1 }, nonNegative: {}, minimum: { min: 0 }, positive: {}, fraction: {},
  range: { min: 0, max: 10 }, rangeBelow: { min: 0, max: 0.5 }, rangeOpen: { min: 0, max: 1 }, aboveAtMost: { min: 0, max: 1, got: 2 },
  percentRate: { got: 1.5 }, whole: {}, wholeGot: { got: 2.5 }, wholeMinimum: { min: 1 }, wholeMinimumGot: { min: 1, got: 0 },
  wholeRange: { min: 1, max: 1000 }, wholeDays: { got: 2.5 }, scoreRange: { got: 12 }, overflow: {}, centsAmount: { max: 90071992547409.91, got: 1e20 },
  centsTotal: { max: 90071992547409.91 }, zero: {}, numberList: {}, numberListText: { text: "0,a" }, list: {}, ascending: { previous: 60, next: 30 },
  entryCount: { count: 5, edges: 4, edgesField: "agingEdges", got: 3 }, rowsMismatch: { count: 2, other: "customerIds", otherCount: 3 },
  itemsMismatch: { count: 1, other: "scores", otherCount: 2 }, widthMismatch: { count: 3, first: 2 }, cellsMismatch: { count: 2, other: "grade", otherCount: 3 },
  countNeeded: { count: 7, got: 2 }, singleLine: { rows: 2, columns: 2 }, tableRange: {}, rangeRequired: {}, neededWith: { other: "asOf" },
  emptyWithHandle: { first: "invoiceIds" }, notHandle: {}, unknownHandle: { handle: "Ledger · 10 rows · #k3f9a2x0" },
  needsColumns: { count: 9 }, needsHeaderColumns: { columns: "CustomerId, PeriodEnd" }, needsHeaderAndRow: {}, needsLabels: {},
  needsAtLeast: { count: 2, unit: "monthEnd" }, noColumn: { name: "daysLate" }, appearsTwice: { name: "daysLate" }, valueWithoutKey: {},
  givenTwice: { first: 1, second: 2 }, unknownKey: {}, noValue: {}, entryGap: {}, below: { other: "gradeBands.A", value: 80, bound: 70 },
  notAbove: { other: "warnings.utilisationCriticalPercent" }, notBelow: { other: "approvalChain.1.maxOrder" }, notBetterThan: { other: "approvalChain.1.lowestGrade" },
  weightAboveZero: {}, characteristicsCount: { count: 18, got: 4 }, notCharacteristic: { count: 18 }, notScenarioFigure: {}, notGrade: { text: "E" },
  gradeR: {}, notRatio: { text: "foo", options: "currentRatio, quickRatio" }, notFigure: { text: "foo" }, rowWidth: { count: 4, got: 3 },
  paymentRecordWidth: { count: 18, got: 4 }, oneCustomerOnly: { count: 2 }, notInReview: {}, gradeNotInReview: { customer: "C001" },
  beforeInvoiceDate: {}, needMoreMonths: {}, moreThanPrevious: {}, withinSales: {}, badOrGood: {}, defaultFlag: { got: 2 }, defaultFlagMissing: {},
  noRows: {}, noTrainRows: {}, noTestRows: {}, goodsAndBads: {}, noBads: {}, noGoods: {}, moreThanBads: { count: 1 }, moreThanGoods: { count: 1 },
  moreThanRows: { count: 3 }, noBin: {}, woeMinusInfinity: {}, woePlusInfinity: {}, noNumericValue: {}, noCategory: {}, noCharacteristic: {},
  noInformationValue: { min: 0.02 }, lacksCharacteristic: { name: "daysLate" }, windowAfterAsOf: { months: 12 }, oddsAboveZero: {}, modelColumns: {},
  secondIntercept: {}, noIntercept: {}, noFiniteScore: {}, marginalCells: { got: 4 }, marginalRequired: {}, binLacks: { column: "WOE" }, noBins: {},
  noUpperBound: {}, tableLacks: { table: "ModelBins", part: "intercept" }, noTable: { table: "ModelBins" }, noSuchFile: { file: "book.xlsx" },
  isFolder: {}, notAFile: {}, permissionDenied: {}, writeDenied: {}, readOnly: {}, noFolder: { folder: "/tmp/none" }, cannotRead: { reason: "EIO" },
  cannotWrite: { reason: "EIO" }, notXlsx: {}, damaged: { reason: "bad zip" }, unreadableWorkbook: { reason: "too large" }, fileProblem: { reason: "empty" },
  noBasis: {}, altmanMissing: { names: "ebit, equity" }, x5Missing: { model: "Z'" }, figureMissing: { name: "revenue" }, priorMissing: { name: "revenue" },
  priorPeriodMissing: { name: "revenue" }, customerNotFound: { customer: "C001" }, noBalance: { column: 2 }, noCohortReached: { bucket: 2 }, noHistory: {},
  tooFewDefaults: { defaults: 1, customers: 300, days: 90, months: 12, min: 30 }, separated: {}, singular: {}, notConverged: { iterations: 50 },
};

const IDS = Object.keys(SAMPLES) as DetailId[];

/** Latin words a Chinese message may hold: codes and names the user types or reads in Excel, and loans. */
const LATIN_ALLOWED = /YYYY-MM-DD|Credit Desk|TODAY\(\)|TRUE|FALSE|Excel|\.xlsx|zip|DSO|WOE|L2|x5|Intercept|Revenue|NetProfit|CurrentAssets|Equity|currentRatio|PeriodEnd|AltmanZone|AltmanZ|CREDIT\.LEDGER|Enter|Ctrl\+Alt\+F9|F2|\b[A-DRZ]\b/g;

describe("errorText: every detail in both locales", () => {
  it("walks every detail id of the catalogues", () => {
    const catalogued = Object.keys(REVIEW_WORDS["en-US"]).filter((id) => id.startsWith("errorDetail."));
    expect(catalogued.map((id) => id.slice("errorDetail.".length)).sort()).toEqual([...IDS].sort());
  });

  it.each(SUPPORTED_LOCALES.flatMap((locale) => IDS.map((id) => [locale, id] as const)))("%s %s renders with every parameter filled", (locale, id) => {
    const t = reviewWordsTranslator(locale);
    const text = detailText(t, detail(id, SAMPLES[id] as never));
    expect(text.trim()).not.toBe("");
    expect(text).not.toMatch(/[{}]/);
    if (locale === "zh-CN") {
      let rest = text;
      for (const value of Object.values(SAMPLES[id] as Record<string, string | number>)) if (typeof value === "string") rest = rest.split(value).join("");
      expect(rest.replace(LATIN_ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});

describe("errorText: frames, positions and counts", () => {
  const en = createTranslator("en-US");
  const zh = createTranslator("zh-CN");
  it.each([
    [invalidInput(at("amounts", { row: 3 }), detail("notNumberText", { text: "x" })), 'amounts row 3: "x" is not a number', "amounts 第 3 行：“x”不是数字"],
    [outOfRange("roundingUnit", detail("above", { min: 0, got: 0 })), "roundingUnit out of range: must be greater than 0, got 0", "roundingUnit 超出范围：必须大于 0，实际为 0"],
    [notAvailable(detail("noBasis")), "no basis for a limit", "无法提供：没有可用的额度依据"],
    [divideByZero(at("revenue", { prior: true })), "prior revenue is zero or missing (division by zero)", "上期 revenue 为零或缺失（除数为零）"],
    [{ ...invalidInput("graceDays", detail("atLeast", { min: 0, got: -2 })), more: 2 }, "graceDays: must be at least 0, got -2 (and 2 more problems)", "graceDays：必须不小于 0，实际为 -2（另有 2 个问题）"],
  ])("%j", (error, english, chinese) => {
    expect(errorText(en, error)).toBe(english);
    expect(errorText(zh, error)).toBe(chinese);
    expect(errorText(reviewWordsTranslator("zh-CN"), error)).toBe(chinese);
  });
  it("words a position in the locale, in the order row, month, item, bucket, column", () => {
    expect(fieldText(en, "x", { row: 2, column: 3 })).toBe("x row 2 column 3");
    expect(fieldText(zh, "snapshots", { month: 2, column: 1 })).toBe("snapshots 第 2 个月 第 1 列");
  });
  it("words a count with the locale's plural", () => {
    expect(detailText(en, detail("rowsMismatch", { count: 1, other: "goods", otherCount: 2 }))).toBe("has 1 row but goods has 2");
    expect(detailText(en, detail("rowsMismatch", { count: 3, other: "goods", otherCount: 2 }))).toBe("has 3 rows but goods has 2");
  });
});

describe("a custom function's error in the functions' language", () => {
  afterEach(() => setFunctionLanguage(undefined));
  const call = (sales: unknown): CustomFunctionsError =>
    limit([["A"]], [[sales]], [[0.25]], [[5000]], [[2000]], [[2500]], [[4000]], [[6000]], null as unknown as unknown[][], null as unknown as unknown[][], null, null as unknown as unknown[][])[0][0] as unknown as CustomFunctionsError;

  it("CREDIT.LIMIT with a negative sales figure: Chinese in zh-CN, English in en-US", () => {
    setFunctionLanguage("zh-CN");
    const zh = call(-100);
    expect(zh.code).toBe(ErrorCode.invalidValue);
    expect(zh.message).toBe("annualCreditSales 超出范围：必须不小于 0，实际为 -100");
    setFunctionLanguage("en-US");
    expect(call(-100).message).toBe("annualCreditSales out of range: must be at least 0, got -100");
  });
});
