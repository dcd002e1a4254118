/**
 * The review's figures as custom functions (issue 14): each takes whole columns of the input
 * tables, spills one row per customer of `customerIds`, and computes through the same engine
 * function as the Credit Review (paymentRecordOf, paymentBehaviourTallies, openRowsAt +
 * openPositions, utilisationPercent, rFlag, customerWarnings, financialFacts), so a sheet of
 * formulas reproduces the review cell for cell. Arguments are declared once per function
 * (argSpec.ts) and converted by spillOf/valueOf before the body runs. CREDIT.LEDGER reads the
 * ledger once into a handle cell that PAYMENTRECORD, DAYSLATE, POSITION and EXPOSURE take in
 * place of their ledger ranges (ledgerSource.ts, ledgerHandles.ts). Every @customfunction of the
 * family stays in this file (scripts/functions-metadata.js lists the files the metadata is read
 * from); what a body needs beyond reading its arguments lives in files of its own (positionRows,
 * warningsOfRow, financialFigure, maybeCell).
 */
import { fromCents } from "../engine/money/cents";
import { toExcelSerial } from "../engine/dates/dayNumber";
import { detail, err, invalidInput, ok, type Result } from "../engine/errors";
import { cohortLossRates, type Cohort } from "../engine/receivables/cohortLossRates";
import { paretoShares } from "../engine/receivables/paretoShares";
import { behaviourOf, type PaymentBehaviour } from "../engine/receivables/paymentBehaviour";
import { financialFacts, type FinancialFacts } from "../engine/review/financialFacts";
import { paymentRecordOf } from "../engine/review/paymentRecordOf";
import { GRADE_DECISIONS } from "../engine/review/reviewCustomer";
import { salesOfLastYear } from "../engine/review/salesOfLastYear";
import { utilisationPercent } from "../engine/review/utilisationPercent";
import { rFlag } from "../engine/scoring/rFlag";
import { isBlank } from "../engine/values/isBlank";
import { readBoolean } from "../engine/values/readBoolean";
import { readNumber } from "../engine/values/readNumber";
import { decisionText, rReasonsText, warningsCell } from "../app/reviewText";
import { reviewWordsTranslator } from "../i18n/reviewWords";
import { cellField, type Cell } from "./args";
import { AS_OF, CELLS, COLUMN, FLAG, LANGUAGE, LEDGER_COLUMN, MAYBE_NUMBER, NUMBER, OPTIONAL_COLUMN, OPTIONAL_LEDGER_COLUMN, OPTIONAL_TABLE, POLICY, TABLE, numberOr, oneOf, perRow, rowsOf, spillOf, valueOf, type Args } from "./argSpec";
import { flatColumn } from "./columnCells";
import { cachedFinancials } from "./financialsCache";
import { customerNumbers, ledgerOfCells } from "./ledgerArgs";
import { holdLedger } from "./ledgerHandles";
import { handleText } from "./ledgerHandleText";
import { LEDGER_PART, LEDGER_SOURCE, ledgerFrom } from "./ledgerSource";
import { AT, POSITION_COLUMNS, positionRows, readOrders } from "./positionRows";
import { readFigureName } from "./financialFigure";
import { warningsOfRow } from "./warningsOfRow";
import { readRowCell } from "./receivablesAdapters";
import { cellOf, readGrade, spreadColumns, type Spill } from "./scoringAdapters";

export { POSITION_COLUMNS } from "./positionRows";

// #region the ledger and payment behaviour

const LEDGER_ARGS = {
  invoiceIds: LEDGER_COLUMN, ledgerCustomers: LEDGER_COLUMN, invoiceDates: LEDGER_COLUMN, dueDates: LEDGER_COLUMN, amounts: LEDGER_COLUMN, settledDates: LEDGER_COLUMN,
  paidAmounts: OPTIONAL_LEDGER_COLUMN, openAmounts: OPTIONAL_LEDGER_COLUMN, disputed: OPTIONAL_LEDGER_COLUMN, language: LANGUAGE,
};

/**
 * The receivables ledger read once, as a handle for the ledger functions: one text cell ("Ledger ·
 * 2,466 rows · #k3f9a2x0", its tag a fingerprint of the ledger's content). Give that cell to
 * CREDIT.PAYMENTRECORD, DAYSLATE, POSITION and EXPOSURE in place of their ledger ranges (in the
 * first ledger argument, the other ledger arguments left empty): they then take the ledger read
 * here, with no million-row range handed to each of them at every recalculation. Excel
 * recalculates this function only when a ledger cell changes; a changed ledger gives a new handle,
 * and the functions that read it follow. The last 4 ledgers are held while the add-in runs;
 * Excel does not recalculate custom functions when a workbook opens (only volatile ones), so
 * after reopening, a function given the handle answers #N/A asking to recalculate this cell (F2,
 * Enter; or Ctrl+Alt+F9).
 * @customfunction LEDGER
 * @param {unknown[][]} invoiceIds InvoiceId of each ledger row (tells credit notes from payments on account).
 * @param {unknown[][]} ledgerCustomers The customer of each ledger row.
 * @param {unknown[][]} invoiceDates Invoice date of each row.
 * @param {unknown[][]} dueDates Due date of each row.
 * @param {unknown[][]} amounts Amount of each row (credit notes and payments negative).
 * @param {unknown[][]} settledDates Settlement date of each row (blank: not settled).
 * @param {unknown[][]} [paidAmounts] Amount already paid on each row.
 * @param {unknown[][]} [openAmounts] Open amount of each row (wins over paidAmounts).
 * @param {unknown[][]} [disputed] Yes/TRUE for a disputed row.
 * @param {string} [language] "en-US" or "zh-CN" (default: Excel's display language).
 * @returns {string} The ledger's handle.
 */
export function ledger(
  invoiceIds: unknown[][], ledgerCustomers: unknown[][], invoiceDates: unknown[][], dueDates: unknown[][], amounts: unknown[][], settledDates: unknown[][],
  paidAmounts?: unknown[][], openAmounts?: unknown[][], disputed?: unknown[][], language?: string,
) {
  return valueOf(LEDGER_ARGS, [invoiceIds, ledgerCustomers, invoiceDates, dueDates, amounts, settledDates, paidAmounts, openAmounts, disputed, language], (a) => {
    const { language: locale, ...cells } = a;
    const read = ledgerOfCells(cells);
    if (!read.ok) return read;
    const { tag } = holdLedger(read.value);
    return ok(handleText(read.value.length, tag, locale));
  });
}

/** The ledger arguments of CREDIT.PAYMENTRECORD and DAYSLATE after the customers: a handle or the columns payment behaviour reads. */
const BEHAVIOUR_ARGS = { customerIds: COLUMN, ledgerCustomers: LEDGER_SOURCE, dueDates: LEDGER_PART, amounts: LEDGER_PART, settledDates: LEDGER_PART, asOf: AS_OF };
const BEHAVIOUR_REQUIRED = ["dueDates", "amounts", "settledDates"] as const;

/** Each customer's payment behaviour at the as-of date (undefined: no invoice settled by then), as the review tallies it. */
function behaviours(a: Args<typeof BEHAVIOUR_ARGS>): Result<(PaymentBehaviour | undefined)[]> {
  const cached = ledgerFrom(a.ledgerCustomers, "ledgerCustomers", { dueDates: a.dueDates, amounts: a.amounts, settledDates: a.settledDates }, BEHAVIOUR_REQUIRED, false);
  if (!cached.ok) return cached;
  const tallies = cached.value.tallies(a.asOf);
  const { numbers } = customerNumbers(a.customerIds, cached.value.ledger);
  const out = new Array<PaymentBehaviour | undefined>(numbers.length);
  for (let k = 0; k < numbers.length; k++) out[k] = numbers[k] < 0 ? undefined : behaviourOf(tallies, numbers[k]);
  return ok(out);
}

const PAYMENT_RECORD_ARGS = { ...BEHAVIOUR_ARGS, enteredScores: OPTIONAL_COLUMN, policy: POLICY };

/**
 * Payment-record score (0–10) of each customer, as the Credit Review scores it: derived from the
 * average days late over every invoice settled by the as-of date (0 → 10, up to 5 → 9, 15 → 8,
 * 30 → 6, 60 → 4, 90 → 2, later → 1) when the policy derives it (derivePaymentRecord, the
 * default) and the customer has a settled invoice; otherwise the score entered in the Customers
 * table (blank: 0). Put it in CREDIT.SCORE's paymentRecord argument. The ledger: its columns, or
 * a CREDIT.LEDGER handle in ledgerCustomers with dueDates, amounts and settledDates left empty.
 * @customfunction PAYMENTRECORD
 * @param {unknown[][]} customerIds The customers, one per row of the result (the Customers table's CustomerId column).
 * @param {unknown[][]} ledgerCustomers The customer of each invoice (the Receivables table's CustomerId column), or a CREDIT.LEDGER handle.
 * @param {unknown[][]} [dueDates] Due date of each invoice (empty with a handle).
 * @param {unknown[][]} [amounts] Amount of each invoice (credit notes negative; empty with a handle).
 * @param {unknown[][]} [settledDates] Settlement date of each invoice (blank: not settled; empty with a handle).
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} [enteredScores] The payment-record scores entered in the Customers table, one per customer.
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {unknown[][]} The payment-record score of each customer.
 */
export function paymentrecord(
  customerIds: unknown[][], ledgerCustomers: unknown[][], dueDates: unknown[][], amounts: unknown[][], settledDates: unknown[][], asOf: unknown,
  enteredScores?: unknown[][], policy?: unknown[][],
) {
  return spillOf(PAYMENT_RECORD_ARGS, [customerIds, ledgerCustomers, dueDates, amounts, settledDates, asOf, enteredScores, policy], (a) => {
    const { enteredScores: entered, customerIds: ids } = a;
    if (entered !== undefined && entered.length !== ids.length) {
      return err(invalidInput("enteredScores", detail("rowsMismatch", { count: entered.length, other: "customerIds", otherCount: ids.length })));
    }
    const b = behaviours(a);
    if (!b.ok) return b;
    const out: Spill<number> = new Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const cell = entered?.[k];
      const score = isBlank(cell) ? ok(undefined) : readRowCell(readNumber, cell, "enteredScores", k);
      out[k] = [cellOf(score.ok ? ok(paymentRecordOf(b.value[k], score.value, a.policy).score) : score)];
    }
    return ok(out);
  });
}

const DAYS_LATE_ARGS = { ...BEHAVIOUR_ARGS, window: oneOf(["12m", "all", "trend"] as const, "12m") };

/**
 * Average days late of each customer's invoices settled by the as-of date (days late = settled −
 * due, at least 0; invoices only). window "12m" (default): settled in the 12 months to the as-of
 * date, the figure the limit's payment factor and the review's "Avg days late (12 m)" use;
 * "all": every settled invoice, the figure the payment-record score uses; "trend": the last 90
 * days' average minus the 90 days before (positive: paying later). Blank where there is no figure.
 * The ledger: its columns, or a CREDIT.LEDGER handle in ledgerCustomers with the next three empty.
 * @customfunction DAYSLATE
 * @param {unknown[][]} customerIds The customers, one per row of the result.
 * @param {unknown[][]} ledgerCustomers The customer of each invoice, or a CREDIT.LEDGER handle.
 * @param {unknown[][]} [dueDates] Due date of each invoice (empty with a handle).
 * @param {unknown[][]} [amounts] Amount of each invoice (empty with a handle).
 * @param {unknown[][]} [settledDates] Settlement date of each invoice (blank: not settled; empty with a handle).
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {string} [window] "12m" (default), "all" or "trend".
 * @returns {unknown[][]} Average days late of each customer (blank: no settled invoice in the window).
 */
export function dayslate(customerIds: unknown[][], ledgerCustomers: unknown[][], dueDates: unknown[][], amounts: unknown[][], settledDates: unknown[][], asOf: unknown, window?: string) {
  return spillOf(DAYS_LATE_ARGS, [customerIds, ledgerCustomers, dueDates, amounts, settledDates, asOf, window], (a) => {
    const b = behaviours(a);
    if (!b.ok) return b;
    const pick = a.window;
    return ok(b.value.map((behaviour): (number | string)[] => {
      const days = pick === "12m" ? behaviour?.lookback12mAverageDaysLate : pick === "all" ? behaviour?.averageDaysLate : behaviour?.trendDays;
      return [days ?? ""];
    }));
  });
}
// #endregion the ledger and payment behaviour

// #region position and exposure

const POSITION_ARGS = {
  customerIds: COLUMN, invoiceIds: LEDGER_SOURCE, ledgerCustomers: LEDGER_PART, invoiceDates: LEDGER_PART, dueDates: LEDGER_PART, amounts: LEDGER_PART,
  settledDates: LEDGER_PART, asOf: AS_OF, paidAmounts: LEDGER_PART, openAmounts: LEDGER_PART, disputed: LEDGER_PART, orderCustomers: OPTIONAL_COLUMN, orderAmounts: OPTIONAL_COLUMN, policy: POLICY,
};
const POSITION_REQUIRED = ["ledgerCustomers", "invoiceDates", "dueDates", "amounts", "settledDates"] as const;

/** Each customer's position row (POSITION_COLUMNS), computed as the review computes it. */
function positions(v: Args<typeof POSITION_ARGS>): Result<number[][]> {
  const { invoiceIds, customerIds, asOf, orderCustomers, orderAmounts, policy, ...parts } = v;
  const cached = ledgerFrom(invoiceIds, "invoiceIds", parts, POSITION_REQUIRED, true);
  if (!cached.ok) return cached;
  const orders = readOrders(orderCustomers, orderAmounts);
  if (!orders.ok) return orders;
  const fifo = policy.fifoUnappliedCash;
  return ok(positionRows(cached.value.ledger, cached.value.openRows(asOf, fifo), cached.value.positions(asOf, fifo), customerIds, orders.value));
}

/**
 * Each customer's open position at the as-of date, one row each with 8 columns: open balance
 * (open items less unapplied cash), unapplied cash (≤ 0), overdue, overdue items, maximum days past
 * due, disputed, open orders, exposure (open receivables − unapplied cash + open orders, §8). An
 * invoice is open when dated on or before the as-of date and not settled by it; a negative row
 * whose InvoiceId is blank or a payment reference (PAY…, RCPT…, 收款…) is unapplied cash. The
 * ledger: its columns, or a CREDIT.LEDGER handle in invoiceIds with the other ledger columns empty.
 * @customfunction POSITION
 * @param {unknown[][]} customerIds The customers, one per row of the result.
 * @param {unknown[][]} invoiceIds InvoiceId of each ledger row (tells credit notes from payments on account), or a CREDIT.LEDGER handle.
 * @param {unknown[][]} [ledgerCustomers] The customer of each ledger row (empty with a handle).
 * @param {unknown[][]} [invoiceDates] Invoice date of each row (empty with a handle).
 * @param {unknown[][]} [dueDates] Due date of each row (empty with a handle).
 * @param {unknown[][]} [amounts] Amount of each row (credit notes and payments negative; empty with a handle).
 * @param {unknown[][]} [settledDates] Settlement date of each row (blank: not settled; empty with a handle).
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} [paidAmounts] Amount already paid on each row.
 * @param {unknown[][]} [openAmounts] Open amount of each row (wins over paidAmounts).
 * @param {unknown[][]} [disputed] Yes/TRUE for a disputed row.
 * @param {unknown[][]} [orderCustomers] The customer of each open order (the Orders table).
 * @param {unknown[][]} [orderAmounts] The amount of each open order.
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {number[][]} Open balance, unapplied, overdue, overdue items, max days past due, disputed, open orders and exposure of each customer.
 */
export function position(
  customerIds: unknown[][], invoiceIds: unknown[][], ledgerCustomers: unknown[][], invoiceDates: unknown[][], dueDates: unknown[][], amounts: unknown[][],
  settledDates: unknown[][], asOf: unknown, paidAmounts?: unknown[][], openAmounts?: unknown[][], disputed?: unknown[][], orderCustomers?: unknown[][],
  orderAmounts?: unknown[][], policy?: unknown[][],
) {
  return spillOf(POSITION_ARGS, [customerIds, invoiceIds, ledgerCustomers, invoiceDates, dueDates, amounts, settledDates, asOf, paidAmounts, openAmounts, disputed, orderCustomers, orderAmounts, policy], positions);
}

/**
 * Each customer's credit exposure at the as-of date (§8): open receivables (credit notes
 * included) − unapplied cash + open orders, to the cent; the last column of CREDIT.POSITION (in a
 * sheet that has POSITION, CHOOSECOLS(POSITION's spill, 8) saves this call). The ledger: its
 * columns, or a CREDIT.LEDGER handle in invoiceIds with the other ledger columns empty.
 * @customfunction EXPOSURE
 * @param {unknown[][]} customerIds The customers, one per row of the result.
 * @param {unknown[][]} invoiceIds InvoiceId of each ledger row, or a CREDIT.LEDGER handle.
 * @param {unknown[][]} [ledgerCustomers] The customer of each ledger row (empty with a handle).
 * @param {unknown[][]} [invoiceDates] Invoice date of each row (empty with a handle).
 * @param {unknown[][]} [dueDates] Due date of each row (empty with a handle).
 * @param {unknown[][]} [amounts] Amount of each row (empty with a handle).
 * @param {unknown[][]} [settledDates] Settlement date of each row (blank: not settled; empty with a handle).
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} [paidAmounts] Amount already paid on each row.
 * @param {unknown[][]} [openAmounts] Open amount of each row.
 * @param {unknown[][]} [disputed] Yes/TRUE for a disputed row.
 * @param {unknown[][]} [orderCustomers] The customer of each open order.
 * @param {unknown[][]} [orderAmounts] The amount of each open order.
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {number[][]} The exposure of each customer.
 */
export function exposure(
  customerIds: unknown[][], invoiceIds: unknown[][], ledgerCustomers: unknown[][], invoiceDates: unknown[][], dueDates: unknown[][], amounts: unknown[][],
  settledDates: unknown[][], asOf: unknown, paidAmounts?: unknown[][], openAmounts?: unknown[][], disputed?: unknown[][], orderCustomers?: unknown[][],
  orderAmounts?: unknown[][], policy?: unknown[][],
) {
  return spillOf(POSITION_ARGS, [customerIds, invoiceIds, ledgerCustomers, invoiceDates, dueDates, amounts, settledDates, asOf, paidAmounts, openAmounts, disputed, orderCustomers, orderAmounts, policy], (a) => {
    const rows = positions(a);
    return rows.ok ? ok(rows.value.map((row) => [row[AT.exposure]])) : rows;
  });
}

/** CREDIT.UTILISATION's columns, read row by row (spread: a cell's field named only when refused). */
const UTILISATION_ARGS = { exposure: perRow(NUMBER), limit: perRow(MAYBE_NUMBER) };

/**
 * Utilisation of the recommended limit in percent: exposure / limit × 100; blank without a
 * positive limit (the review leaves it blank too). Columns spill one per customer.
 * @customfunction UTILISATION
 * @param {unknown[][]} exposure Exposure of each customer (CREDIT.EXPOSURE).
 * @param {unknown[][]} limit Recommended limit of each customer (CREDIT.LIMIT; blank: none).
 * @returns {unknown[][]} Utilisation in percent, or blank.
 */
export function utilisation(exposure: unknown[][], limit: unknown[][]) {
  return rowsOf(UTILISATION_ARGS, [exposure, limit], 1, (r) => ok([utilisationPercent(r.exposure, r.limit) ?? ""]));
}
// #endregion position and exposure

// #region flags, decisions and warnings


/** CREDIT.RFLAG's arguments: the policy read first, the columns row by row (spread). */
const R_FLAG_ARGS = {
  grade: perRow(readGrade), exposure: perRow(NUMBER), limit: perRow(MAYBE_NUMBER), maxDaysPastDue: perRow(NUMBER), keyAccount: perRow(FLAG), annualSales: perRow(MAYBE_NUMBER),
  policy: POLICY, language: LANGUAGE,
};

/**
 * The R flag (§3): a large or strategic customer (key account, or annual credit sales at or above
 * the policy's threshold) that shows risk (grade C or D, an item more than the policy's days past
 * due, or exposure above the limit) is referred to the credit committee. Spills two columns per
 * customer: "R" or blank, and the reasons in the function's language.
 * @customfunction RFLAG
 * @param {unknown[][]} grade Grade A–D of each customer (CREDIT.GRADE).
 * @param {unknown[][]} exposure Exposure of each customer (CREDIT.EXPOSURE).
 * @param {unknown[][]} limit Recommended limit (blank: none).
 * @param {unknown[][]} maxDaysPastDue Maximum days past due (CREDIT.POSITION's fifth column).
 * @param {unknown[][]} [keyAccount] Yes/TRUE for a key account.
 * @param {unknown[][]} [annualSales] Expected annual credit sales.
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @param {string} [language] "en-US" or "zh-CN" (default: Excel's display language).
 * @returns {string[][]} "R" or blank, and why, for each customer.
 */
export function rflag(grade: unknown[][], exposure: unknown[][], limit: unknown[][], maxDaysPastDue: unknown[][], keyAccount?: unknown[][], annualSales?: unknown[][], policy?: unknown[][], language?: string) {
  return rowsOf(R_FLAG_ARGS, [grade, exposure, limit, maxDaysPastDue, keyAccount, annualSales, policy, language], 2, (r, a) => {
    const flag = rFlag({ grade: r.grade, isKeyAccount: r.keyAccount, annualCreditSales: r.annualSales, maxDaysPastDue: r.maxDaysPastDue, exposure: r.exposure, limit: r.limit }, a.policy);
    return ok([flag.isR ? "R" : "", rReasonsText(reviewWordsTranslator(a.language), { rReasons: flag.reasons })]);
  }, "policy");
}

/** CREDIT.DECISION's arguments: the language read first, the columns row by row in the body. */
const DECISION_ARGS = { grade: CELLS, rFlag: CELLS, language: LANGUAGE };

/**
 * The credit decision the grade calls for, or the R flag: A sell on credit, B trade within the
 * limit, C credit with a guarantee, D cash only, R refer to the credit committee; in the
 * function's language, as the Credit Review writes it.
 * @customfunction DECISION
 * @param {unknown[][]} grade Grade A–D of each customer.
 * @param {unknown[][]} [rFlag] "R" (or TRUE) where the customer is flagged R (CREDIT.RFLAG's first column).
 * @param {string} [language] "en-US" or "zh-CN" (default: Excel's display language).
 * @returns {string[][]} The decision for each customer.
 */
export function decision(grade: unknown[][], rFlag?: unknown[][], language?: string) {
  return spillOf(DECISION_ARGS, [grade, rFlag, language], (a) => {
    const t = reviewWordsTranslator(a.language);
    const cols = spreadColumns({ grade: a.grade, rFlag: a.rFlag });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: Spill<string> = new Array(n);
    for (let i = 0; i < n; i++) {
      const g = readGrade(get("grade", i), fieldOf("grade", i));
      const flag = get("rFlag", i);
      const isR = typeof flag === "string" ? flag.trim().toUpperCase() === "R" : readBoolean(flag, fieldOf("rFlag", i));
      if (!g.ok) out[i] = [cellOf<string>(g)];
      else if (typeof isR !== "boolean" && !isR.ok) out[i] = [cellOf<string>(isR)];
      else out[i] = [decisionText(t, GRADE_DECISIONS[(typeof isR === "boolean" ? isR : isR.value) ? "R" : g.value])];
    }
    return ok(out);
  }, "language");
}

const WARNING_ARGS = {
  customerIds: COLUMN, asOf: AS_OF, grade: COLUMN, coverage: COLUMN, limit: COLUMN, position: TABLE,
  daysLateTrend: OPTIONAL_COLUMN, previousGrade: OPTIONAL_COLUMN, keyAccount: OPTIONAL_COLUMN, lastReviewDate: OPTIONAL_COLUMN,
  financials: OPTIONAL_TABLE, show: oneOf(["text", "count", "critical"] as const, "text"), policy: POLICY, language: LANGUAGE,
};

/**
 * The early warnings of each customer (§7), as the Credit Review lists them: utilisation, days
 * past due, overdue share, days-late trend, grade down, weak ratios, Altman distress, negative
 * equity, review due, low coverage, old or missing financials, disputes. show "text" (default):
 * the warnings in one cell, each led by its severity ("[Critical] …; [Warning] …"), in the
 * function's language; "count": how many; "critical": how many are critical.
 * @customfunction WARNINGS
 * @param {unknown[][]} customerIds The customers, one per row of the result.
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} grade Grade A–D of each customer (CREDIT.GRADE).
 * @param {unknown[][]} coverage Information coverage % of each customer (CREDIT.COVERAGE).
 * @param {unknown[][]} limit Recommended limit of each customer (blank: none).
 * @param {unknown[][]} position The customers' CREDIT.POSITION rows (8 columns).
 * @param {unknown[][]} [daysLateTrend] Days-late trend of each customer (CREDIT.DAYSLATE with "trend").
 * @param {unknown[][]} [previousGrade] Grade at the last review (Customers table).
 * @param {unknown[][]} [keyAccount] Yes/TRUE for a key account.
 * @param {unknown[][]} [lastReviewDate] Date of the last credit review.
 * @param {unknown[][]} [financials] The Financials table with its header row (CustomerId, PeriodEnd, figures).
 * @param {string} [show] "text" (default), "count" or "critical".
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @param {string} [language] "en-US" or "zh-CN" (default: Excel's display language).
 * @returns {unknown[][]} The warnings of each customer, or their number.
 */
export function warnings(
  customerIds: unknown[][], asOf: unknown, grade: unknown[][], coverage: unknown[][], limit: unknown[][], position: unknown[][],
  daysLateTrend?: unknown[][], previousGrade?: unknown[][], keyAccount?: unknown[][], lastReviewDate?: unknown[][], financials?: unknown[][],
  show?: string, policy?: unknown[][], language?: string,
) {
  return spillOf(WARNING_ARGS, [customerIds, asOf, grade, coverage, limit, position, daysLateTrend, previousGrade, keyAccount, lastReviewDate, financials, show, policy, language], (v) => {
    const n = v.customerIds.length;
    for (const [name, cells] of [["grade", v.grade], ["coverage", v.coverage], ["limit", v.limit], ["position", v.position], ["daysLateTrend", v.daysLateTrend],
      ["previousGrade", v.previousGrade], ["keyAccount", v.keyAccount], ["lastReviewDate", v.lastReviewDate]] as const) {
      if (cells !== undefined && cells.length !== n) return err(invalidInput(name, detail("rowsMismatch", { count: cells.length, other: "customerIds", otherCount: n })));
    }
    if (v.position.some((row) => row.length < POSITION_COLUMNS.length)) return err(invalidInput("position", detail("needsColumns", { count: POSITION_COLUMNS.length })));
    let factsOf = (_id: string): FinancialFacts => financialFacts([], v.asOf);
    if (v.financials !== undefined) {
      const table = cachedFinancials(v.financials, "financials");
      if (!table.ok) return table;
      factsOf = (id) => table.value.facts(id, v.asOf);
    }
    const t = reviewWordsTranslator(v.language);
    const out: Spill<string | number> = new Array(n);
    for (let k = 0; k < n; k++) {
      const w = warningsOfRow(v, k, factsOf);
      if (!w.ok) out[k] = [cellOf<string>(w)];
      else if (v.show === "count") out[k] = [w.value.length];
      else if (v.show === "critical") out[k] = [w.value.filter((x) => x.severity === "critical").length];
      else out[k] = [warningsCell(t, w.value)];
    }
    return ok(out);
  });
}

// #endregion flags, decisions and warnings

// #region financials, Pareto and cohorts

const FINANCIALS_ARGS = { customerIds: COLUMN, financials: TABLE, asOf: AS_OF, figure: { read: readFigureName }, period: oneOf(["latest", "prior"] as const, "latest") };


/**
 * A figure of each customer's latest financial period at or before the as-of date, as the
 * review picks it (or of the period before it, with period "prior"): a statement figure
 * (CurrentAssets, Inventory, CurrentLiabilities, TotalLiabilities, Equity, Revenue, …), a ratio as
 * a fraction (currentRatio, debtRatio, revenueGrowth, …), PeriodEnd (a date), AltmanZ or
 * AltmanZone (Z′, private firms). Blank where the customer has no such period or figure. Feeds
 * CREDIT.LIMIT's financial arguments.
 * @customfunction FINANCIALS
 * @param {unknown[][]} customerIds The customers, one per row of the result.
 * @param {unknown[][]} financials The Financials table with its header row (CustomerId, PeriodEnd, figures).
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {string} figure The figure, ratio, "PeriodEnd", "AltmanZ" or "AltmanZone".
 * @param {string} [period] "latest" (default) or "prior".
 * @returns {unknown[][]} The figure for each customer.
 */
export function financials(customerIds: unknown[][], financials: unknown[][], asOf: unknown, figure: string, period?: string) {
  return spillOf(FINANCIALS_ARGS, [customerIds, financials, asOf, figure, period], (a) => {
    const table = cachedFinancials(a.financials, "financials");
    if (!table.ok) return table;
    const { ids } = customerNumbers(a.customerIds, { customerNumber: new Map() });
    const pick = a.figure;
    const { asOf: day, period: which } = a;
    const statement = pick.kind === "figure" || pick.kind === "periodEnd";
    const valueOf = (id: string): number | string => {
      // Ratios and Altman Z′ only when asked: a statement figure needs only the period the review picks.
      const facts = statement ? { ...table.value.latest(id, day), ratios: {}, altman: undefined } : table.value.facts(id, day);
      const p = which === "latest" ? facts.latest : facts.prior;
      if (p === undefined) return "";
      switch (pick.kind) {
        case "figure": return p[pick.field] ?? "";
        case "periodEnd": return toExcelSerial(p.periodEnd);
        case "ratio": return (which === "latest" ? facts.ratios[pick.name] : undefined) ?? "";
        case "altmanZ": return (which === "latest" ? facts.altman?.z : undefined) ?? "";
        case "altmanZone": return (which === "latest" ? facts.altman?.zone : undefined) ?? "";
      }
    };
    // The figure of every customer of the table, once per table, date, figure and period; a
    // customer without periods in the table has none ("").
    const key = `${day}|${pick.kind}|${pick.kind === "figure" ? pick.field : pick.kind === "ratio" ? pick.name : ""}|${which}`;
    const values = table.value.column(key, valueOf);
    return ok(ids.map((id): (number | string)[] => [values.get(id) ?? ""]));
  });
}

const PARETO_ARGS = { customers: COLUMN, amounts: COLUMN, invoiceDates: OPTIONAL_COLUMN, asOf: { read: (v: Cell, f: string) => (isBlank(v) ? ok(undefined) : AS_OF.read(v, f)) }, topShare: numberOr(0.2) };

/**
 * Pareto share (§6, "20 % of customers bring 80 % of sales"): the share of the total held by the
 * top fraction of customers (default 20 %), as a fraction. Amounts are summed per customer and
 * only positive totals count. With invoice dates and an as-of date, only invoices (amount > 0)
 * dated in the 12 months to the as-of date count, as the review's "Sales share of top 20 %
 * customers (last 12 months)". With per-customer figures (overdue, say) give one row per customer.
 * @customfunction PARETO
 * @param {unknown[][]} customers The customer of each amount.
 * @param {unknown[][]} amounts The amounts (sales, overdue, …).
 * @param {unknown[][]} [invoiceDates] Invoice date of each amount (with asOf: the last 12 months only).
 * @param {unknown} [asOf] The as-of date of the 12-month window.
 * @param {number} [topShare] The top fraction of customers (default 0.2).
 * @returns {number} The share of the total held by the top customers (0–1).
 */
export function pareto(customers: unknown[][], amounts: unknown[][], invoiceDates?: unknown[][], asOf?: unknown, topShare?: number) {
  return spillOf(PARETO_ARGS, [customers, amounts, invoiceDates, asOf, topShare], (v) => {
    if (v.asOf !== undefined && v.invoiceDates === undefined) return err(invalidInput("invoiceDates", detail("neededWith", { other: "asOf" })));
    const dates = v.invoiceDates === undefined ? undefined : flatColumn(v.invoiceDates);
    const ledger = ledgerOfCells({ ledgerCustomers: flatColumn(v.customers), dueDates: dates ?? flatColumn(v.amounts.map(() => 1)), amounts: flatColumn(v.amounts), settledDates: flatColumn(v.amounts.map(() => "")), invoiceDates: dates });
    if (!ledger.ok) return ledger;
    let values: Map<string, number>;
    if (v.asOf !== undefined) values = salesOfLastYear(ledger.value, v.asOf);
    else {
      const cents = new Float64Array(ledger.value.customerIds.length);
      for (let i = 0; i < ledger.value.length; i++) cents[ledger.value.customer[i]] += ledger.value.amountCents[i];
      values = new Map(ledger.value.customerIds.map((id, c) => [id, fromCents(cents[c])]));
    }
    const share = paretoShares(values, v.topShare);
    return share.ok ? ok([[share.value]]) : share;
  });
}

const COHORT_ARGS = { reached: TABLE, writtenOff: COLUMN };

/**
 * Loss rates by cohorts (IFRS 9 simplified approach, §6): each row is a resolved month of credit
 * sales, with the amount that reached each aging bucket (the first column is the month's sales);
 * writtenOff is the amount finally written off. Loss rate of a bucket = Σ written off / Σ reached
 * it, capped at 100 %. Spills one row of rates (fractions), one per bucket column.
 * @customfunction COHORT
 * @param {number[][]} reached One row per cohort: the amount that reached each bucket, sales first.
 * @param {number[][]} writtenOff The amount of each cohort written off.
 * @returns {number[][]} The loss rate of each bucket.
 */
export function cohort(reached: number[][], writtenOff: number[][]) {
  return spillOf(COHORT_ARGS, [reached, writtenOff], (v) => {
    if (v.writtenOff.length !== v.reached.length) return err(invalidInput("writtenOff", detail("rowsMismatch", { count: v.writtenOff.length, other: "reached", otherCount: v.reached.length })));
    const cohorts: Cohort[] = [];
    for (let r = 0; r < v.reached.length; r++) {
      const amounts: number[] = [];
      for (let c = 0; c < v.reached[r].length; c++) {
        const cell = v.reached[r][c];
        const x = isBlank(cell) ? ok(0) : readNumber(cell, `reached row ${r + 1} column ${c + 1}`);
        if (!x.ok) return x;
        amounts.push(x.value);
      }
      const w = readNumber(v.writtenOff[r], cellField("writtenOff", r));
      if (!w.ok) return w;
      cohorts.push({ reached: amounts, writtenOff: w.value });
    }
    const rates = cohortLossRates(cohorts);
    return rates.ok ? ok([rates.value]) : rates;
  });
}
// #endregion financials, Pareto and cohorts
