/**
 * The receivables custom functions (CREDIT.DAYSPASTDUE … ROLLRATES, credit-method.md §6): thin
 * adapters that declare their arguments once (argSpec.ts; ledger columns read in parallel by
 * parallelRows), call the engine, and map errors with toExcelError.ts.
 */
// #region receivables
import * as rcvEngine from "../engine/receivables";
import * as rcvPolicy from "../engine/policy/defaultPolicy";
import type { ReceivableItem as RcvItem } from "../engine/portfolio/types";
import * as rcvArgs from "./args";
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import * as rcvAdapters from "./receivablesAdapters";
import * as rcvResult from "../engine/errors";
import * as rcvMoney from "../engine/money/cents";
import * as rcvScoring from "./scoringAdapters";
import { AS_OF, BLOCK, FLAG, MAYBE_DATE, MAYBE_NUMBER, NUMBER, parallel, parallelRows, NUMBERS, OPTIONAL_RANGE, POLICY, RANGE, eachCell, numberOr, perRow, rowsOf, spillOf, valueOf, readerOf, within } from "./argSpec";

// Ranges stay any[][] in the metadata: dates come as serials or text, blank rows are skipped and a
// blank cell is "not settled" or "not given", and a text cell is #VALUE! naming its row, where a
// number[][] parameter would hand a blank as 0 and refuse the whole call without a message.

/** Bucket edges in days (blank: the policy's). */
const EDGES = readerOf((value, field) => rcvAdapters.readEdgesArg(value, undefined, field));

const DAYS_PAST_DUE_ARGS = { due: BLOCK, asOf: AS_OF };

/**
 * Days past due of each due date at the as-of date: as-of − due (negative: not yet due; 0: due
 * today). A column or block of dates spills the same shape; blank cells stay blank.
 * @customfunction DAYSPASTDUE
 * @param {unknown[][]} due Due dates (Excel dates or YYYY-MM-DD text); a cell, column or block.
 * @param {unknown} asOf The as-of date. Required: the add-in never reads the clock, so write TODAY() for today.
 * @returns {unknown[][]} Days past due of each due date.
 */
export function dayspastdue(due: unknown[][], asOf: unknown) {
  return spillOf(DAYS_PAST_DUE_ARGS, [due, asOf], (a) => {
    const d = a.asOf;
    return rcvResult.ok(
      eachCell(a.due, "due", (cell, field) => {
        if (isBlank(cell)) return "";
        const day = rcvArgs.readDate(cell, field());
        return rcvScoring.cellOf<number>(day.ok ? rcvResult.ok(d - day.value) : day);
      }),
    );
  });
}

const BUCKET_ARGS = { daysPastDue: BLOCK, edges: EDGES };

/**
 * Aging bucket label of a number of days past due: each bucket holds its upper edge, so with the
 * default edges 0, 30, 60, 90, 180, 365: 0 → "Not due", 1 and 30 → "1–30", 31 → "31–60", …,
 * 366 → ">365". A column spills one label each; blank cells stay blank.
 * @customfunction BUCKET
 * @param {unknown[][]} daysPastDue Days past due (as CREDIT.DAYSPASTDUE gives); a cell, column or block.
 * @param {unknown[][]} [edges] Upper edges of the buckets in days, ascending whole numbers (default 0, 30, 60, 90, 180, 365).
 * @returns {unknown[][]} The bucket label of each value.
 */
export function bucket(daysPastDue: unknown[][], edges?: unknown[][]) {
  return spillOf(BUCKET_ARGS, [daysPastDue, edges], (a) => {
    const e = a.edges;
    const labels = rcvEngine.bucketLabels(e);
    return rcvResult.ok(
      eachCell(a.daysPastDue, "daysPastDue", (cell, field) => {
        if (isBlank(cell)) return "";
        const n = readNumber(cell, field());
        return rcvScoring.cellOf<string>(n.ok ? rcvResult.ok(labels[rcvEngine.bucketIndex(n.value, e)]) : n);
      }),
    );
  });
}

const AGING_ARGS = { amounts: RANGE, dueDates: RANGE, asOf: AS_OF, edges: EDGES, customers: OPTIONAL_RANGE };

/**
 * Aging of open amounts by days past due at the as-of date, to the cent: the buckets sum exactly
 * to the total. Credit notes (negative amounts) reduce the bucket of their own due date. Without
 * customers: a header row of bucket labels and Total over one row of amounts. With customers: a
 * customer × bucket table with a header row and a Total row. Blank rows are skipped; text in an
 * amount, a bad date or ranges of different sizes give #VALUE! naming the argument and row.
 * @customfunction AGING
 * @param {unknown[][]} amounts Open amounts, one per item (a column).
 * @param {unknown[][]} dueDates Due dates, one per item.
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} [edges] Upper edges of the buckets in days (default 0, 30, 60, 90, 180, 365).
 * @param {unknown[][]} [customers] Customer of each item, to spill one row per customer.
 * @returns {unknown[][]} Header row and the bucket amounts (per customer with a Total row when customers are given).
 */
export function aging(amounts: unknown[][], dueDates: unknown[][], asOf: unknown, edges?: unknown[][], customers?: unknown[][]) {
  return spillOf(AGING_ARGS, [amounts, dueDates, asOf, edges, customers], (a) => {
    const { asOf: d, edges: e } = a;
    const byCustomer = a.customers !== undefined;
    const given = { amounts: a.amounts, dueDates: a.dueDates, customers: byCustomer ? a.customers : null };
    const fast = rcvAdapters.agingOfColumnRanges(given.amounts, given.dueDates, given.customers, d, e);
    if (fast) return fast.ok ? rcvResult.ok(rcvAdapters.agingTable(fast.value, byCustomer)) : fast;
    const cols = rcvAdapters.readLedgerColumns(given);
    if (!cols.ok) return cols;
    const result = rcvAdapters.agingOfColumns(cols.value, d, e, byCustomer);
    if (!result.ok) return result;
    return rcvResult.ok(rcvAdapters.agingTable(result.value, byCustomer));
  });
}

const OPEN_BALANCE_ARGS = {
  amounts: parallel(NUMBER, RANGE),
  invoiceDates: parallel(rcvArgs.readDate, RANGE),
  // One blank cell (not settled) is given, but not left out: =CREDIT.OPENBALANCE(a, b, , asOf).
  settledDates: parallel(
    MAYBE_DATE,
    readerOf((value, field) => (value === null ? rcvResult.err(rcvResult.invalidInput(field, rcvResult.detail("rangeRequired"))) : rcvResult.ok(value))),
  ),
  asOf: AS_OF,
  paidAmounts: parallel(MAYBE_NUMBER),
};

/**
 * Open balance at the as-of date: the sum, to the cent, of the items invoiced on or before it and
 * not settled at it (settled date blank or after it). An item's open amount is Amount − PaidAmount
 * when paid amounts are given, else Amount; a 0.01 residual stays open. Items dated after the
 * as-of date are ignored. Blank rows are skipped; bad cells give #VALUE! naming argument and row.
 * @customfunction OPENBALANCE
 * @param {unknown[][]} amounts Invoice amounts (credit notes negative), one per item.
 * @param {unknown[][]} invoiceDates Invoice dates, one per item.
 * @param {unknown[][]} settledDates Settlement dates (blank: not settled), one per item.
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} [paidAmounts] Amounts already paid on each item (blank: none).
 * @returns {number} The open balance at the as-of date.
 */
export function openbalance(amounts: unknown[][], invoiceDates: unknown[][], settledDates: unknown[][], asOf: unknown, paidAmounts?: unknown[][]) {
  return valueOf(OPEN_BALANCE_ARGS, [amounts, invoiceDates, settledDates, asOf, paidAmounts], (a) => {
    const ledger = parallelRows(a);
    if (!ledger.ok) return ledger;
    const items: RcvItem[] = [];
    for (const i of ledger.value.rows) {
      const r = ledger.value.row(i);
      if (!r.ok) return r;
      const { amounts: amount, invoiceDates: invoiceDate, settledDates: settled, paidAmounts: paid } = r.value;
      // Amounts whose cents are not exact (near 1e306) are refused here, naming the cell.
      const exactAmount = rcvAdapters.readRowCents(amount, "amounts", i);
      if (!exactAmount.ok) return exactAmount;
      const exactPaid = paid === undefined ? exactAmount : rcvAdapters.readRowCents(paid, "paidAmounts", i);
      if (!exactPaid.ok) return exactPaid;
      items.push({
        invoiceId: `row ${i + 1}`,
        customerId: "",
        invoiceDate,
        dueDate: invoiceDate,
        amount,
        ...(settled !== undefined ? { settledDate: settled } : {}),
        ...(paid !== undefined ? { paidAmount: paid } : {}),
      });
    }
    const open = rcvEngine.openItemsAt(items, a.asOf);
    const cents = open.items.reduce((s, o) => s + o.openCents, 0) + [...open.unappliedByCustomer.values()].reduce((s, x) => s + x, 0);
    const total = rcvMoney.checkedCents(cents, "amounts");
    return total.ok ? rcvResult.ok(rcvMoney.fromCents(total.value)) : total;
  });
}

/** The engine's "creditSales" is the Excel argument "sales". */
const SALES = (field: string): string => (field === "creditSales" ? "sales" : field);

/** Receivables, sales and days of the DSO metrics: numbers. */
const DSO_ARGS = { receivables: NUMBER, sales: NUMBER, days: NUMBER };

/**
 * Days sales outstanding (standard): receivables at the end of the period / credit sales in the
 * period × days in the period. Zero sales give #DIV/0!.
 * @customfunction DSO
 * @param {number} receivables Receivables at the as-of date.
 * @param {number} sales Credit sales in the period.
 * @param {number} days Days in the period (e.g. 90 for a quarter).
 * @returns {number} DSO in days.
 */
export function dso(receivables: number, sales: number, days: number) {
  return valueOf(DSO_ARGS, [receivables, sales, days], (n) => {
    return rcvArgs.mapField(rcvEngine.dso({ ...n, creditSales: n.sales }), SALES);
  });
}

const COUNTBACK_ARGS = { receivables: NUMBER, monthlySales: NUMBERS, monthDays: NUMBERS };

/**
 * Countback DSO: walks back from the latest month, counting each month's days in full while the
 * receivables exceed that month's credit sales, then the fraction of the month reached. Example:
 * 212,000 over sales 70,000, 80,000, 100,000 (30-day months) → 30 + 30 + 32/70 × 30 = 73.71.
 * @customfunction DSO.COUNTBACK
 * @param {number} receivables Receivables at the as-of date.
 * @param {unknown[][]} monthlySales Credit sales per month, oldest first, latest last.
 * @param {unknown[][]} monthDays Days in each of those months (one cell for all, or one per month).
 * @returns {number} Countback DSO in days.
 */
export function dsocountback(receivables: number, monthlySales: unknown[][], monthDays: unknown[][]) {
  return valueOf(COUNTBACK_ARGS, [receivables, monthlySales, monthDays], (a) => {
    const { receivables: r, monthlySales: sales, monthDays: days } = a;
    const perMonth = days.length === 1 ? sales.map(() => days[0]) : days;
    return rcvEngine.countbackDso({ receivables: r, monthlySales: sales, monthDays: perMonth });
  });
}

const BPDSO_ARGS = { currentReceivables: NUMBER, sales: NUMBER, days: NUMBER };

/**
 * Best possible DSO: not-yet-due (current) receivables / credit sales × days in the period.
 * @customfunction BPDSO
 * @param {number} currentReceivables Receivables not yet due at the as-of date.
 * @param {number} sales Credit sales in the period.
 * @param {number} days Days in the period.
 * @returns {number} Best possible DSO in days.
 */
export function bpdso(currentReceivables: number, sales: number, days: number) {
  return valueOf(BPDSO_ARGS, [currentReceivables, sales, days], (n) => {
    return rcvArgs.mapField(rcvEngine.bestPossibleDso({ ...n, creditSales: n.sales }), SALES);
  });
}

const ADD_ARGS = { receivables: NUMBER, currentReceivables: NUMBER, sales: NUMBER, days: NUMBER };

/**
 * Average days delinquent: DSO − best possible DSO, over the same sales and period.
 * @customfunction ADD
 * @param {number} receivables Receivables at the as-of date.
 * @param {number} currentReceivables The part of them not yet due.
 * @param {number} sales Credit sales in the period.
 * @param {number} days Days in the period.
 * @returns {number} Average days delinquent.
 */
export function add(receivables: number, currentReceivables: number, sales: number, days: number) {
  return valueOf(ADD_ARGS, [receivables, currentReceivables, sales, days], (n) => {
    return rcvArgs.mapField(rcvEngine.averageDaysDelinquent({ ...n, creditSales: n.sales }), SALES);
  });
}

const CEI_ARGS = { openingReceivables: NUMBER, creditSales: NUMBER, closingReceivables: NUMBER, closingCurrentReceivables: NUMBER };

/**
 * Collection effectiveness index in percent: (opening receivables + credit sales − closing
 * receivables) / (opening receivables + credit sales − closing current receivables) × 100, with
 * the WHOLE period's credit sales in both places (not average monthly sales).
 * @customfunction CEI
 * @param {number} openingReceivables Receivables at the start of the period.
 * @param {number} creditSales Credit sales of the whole period.
 * @param {number} closingReceivables Receivables at the end of the period.
 * @param {number} closingCurrentReceivables The part of closing receivables not yet due.
 * @returns {number} CEI in percent (100 = everything collectible was collected).
 */
export function cei(openingReceivables: number, creditSales: number, closingReceivables: number, closingCurrentReceivables: number) {
  return valueOf(CEI_ARGS, [openingReceivables, creditSales, closingReceivables, closingCurrentReceivables], (n) => {
    return rcvEngine.cei(n);
  });
}

const OTC_ARGS = { overdueRatio: within(NUMBER, 0, 1, (v) => rcvResult.detail("between", { min: 0, max: 1, got: v })), policy: POLICY };

/**
 * Order-to-cash efficiency rating from the overdue ratio: ≤ 5 % level 1 world class (世界一流);
 * ≤ 15 % level 2 efficient but not optimal; ≤ 30 % level 3 serious problems, reform needed;
 * above, level 4 near collapse. The ratio is a fraction as Excel formats percentages (12 % is
 * 0.12); a value above 1 is refused rather than guessed.
 * @customfunction OTC
 * @param {number} overdueRatio Overdue receivables / total receivables, as a fraction or percentage (0.12 or 12 %).
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {string} "Level n: English label (中文)".
 */
export function otc(overdueRatio: number, policy?: unknown[][]) {
  return valueOf(OTC_ARGS, [overdueRatio, policy], (a) => {
    const rating = rcvEngine.otcRating(rcvAdapters.fractionToPercent(a.overdueRatio), a.policy);
    return rcvResult.ok(`Level ${rating.level}: ${rating.en} (${rating.zh})`);
  }, "policy");
}

const ACTION_ARGS = { daysPastDue: perRow(NUMBER), amount: perRow(NUMBER), disputed: perRow(FLAG), policy: POLICY };

/**
 * Collections action from the ladder: 1–15 days reminder and statement; 16–30 phone call;
 * 31–60 dunning letter and hold new credit orders; 61–90 final demand, stop shipments;
 * 91–180 lawyer's letter or agency; > 180 litigation and write-off review. One level earlier when
 * the overdue amount exceeds the policy's large-amount threshold; a disputed item gets "Resolve
 * dispute". Columns spill one action per row.
 * @customfunction ACTION
 * @param {unknown[][]} daysPastDue Days past due; a cell or a column.
 * @param {unknown[][]} amount Overdue amount; a cell or a column.
 * @param {unknown[][]} [disputed] TRUE/yes when the item is disputed (default no).
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {unknown[][]} The action for each item.
 */
export function action(daysPastDue: unknown[][], amount: unknown[][], disputed?: unknown[][], policy?: unknown[][]) {
  return rowsOf(ACTION_ARGS, [daysPastDue, amount, disputed, policy], 1, (r, a) =>
    rcvResult.ok([rcvEngine.collectionAction({ daysPastDue: r.daysPastDue, overdueAmount: r.amount, isDisputed: r.disputed }, a.policy).action]),
  );
}

const INTEREST_ARGS = {
  amount: perRow(NUMBER),
  daysPastDue: perRow(NUMBER),
  rate: perRow(within(NUMBER, 0, Infinity, (v) => rcvResult.detail("notNegative", { got: v }))),
  fee: perRow(numberOr(rcvPolicy.DEFAULT_POLICY.dunningFee)),
};

/**
 * Amount to demand on an overdue item: amount + late interest + dunning fee, where the interest is
 * simple interest on a 365-day year (amount × rate × days / 365), rounded to the cent. Example: 100
 * overdue 15 days at 10 % with a fee of 10 → interest 0.41, demanded 110.41. Nothing is added to an
 * item not yet overdue. Columns spill one amount per row.
 * @customfunction INTEREST
 * @param {unknown[][]} amount Overdue amount; a cell or a column.
 * @param {unknown[][]} daysPastDue Days past due.
 * @param {unknown[][]} rate Annual interest rate as a fraction or percentage (10 % or 0.1).
 * @param {unknown[][]} [fee] Dunning fee per demand (default: the policy's, 0).
 * @returns {number[][]} The amount demanded for each item.
 */
export function interest(amount: unknown[][], daysPastDue: unknown[][], rate: unknown[][], fee?: unknown[][]) {
  return rowsOf(INTEREST_ARGS, [amount, daysPastDue, rate, fee], 1, (r, _a, fieldOf) => {
    const x = rcvEngine.lateInterestOf(
      { amount: r.amount, daysPastDue: r.daysPastDue, annualRatePercent: rcvAdapters.fractionToPercent(r.rate), fee: r.fee },
      { amount: fieldOf("amount"), daysPastDue: fieldOf("daysPastDue"), annualRatePercent: fieldOf("rate"), fee: fieldOf("fee") },
    );
    return x.ok ? rcvResult.ok([x.value.demanded]) : x;
  });
}

const PROVISION_ARGS = {
  amounts: parallel(NUMBER, RANGE),
  daysPastDue: parallel(NUMBER, RANGE),
  /** Loss rates in percent, one per bucket of the policy's edges, or undefined (blank): the policy's. */
  rates: readerOf((value, field) => {
    if (rcvAdapters.isBlankRange(value)) return rcvResult.ok(undefined);
    const fractions = rcvAdapters.readFractions(value, rcvPolicy.DEFAULT_POLICY.agingEdges.length + 1, field);
    return fractions.ok ? rcvResult.ok(fractions.value.map(rcvAdapters.fractionToPercent)) : fractions;
  }),
};

/**
 * Bad-debt allowance by provision matrix: each amount goes to the aging bucket of its days past
 * due (0, 30, 60, 90, 180, 365 day edges) and the allowance is Σ bucket balance × rate, each bucket
 * rounded to the cent. Default rates 0.5 %, 2 %, 5 %, 10 %, 25 %, 50 %, 100 %. Blank rows skipped.
 * @customfunction PROVISION
 * @param {unknown[][]} amounts Open amounts, one per item.
 * @param {unknown[][]} daysPastDue Days past due of each item.
 * @param {unknown[][]} [rates] Loss rates per bucket as fractions or percentages, 7 values (default the policy's).
 * @returns {number} The allowance.
 */
export function provision(amounts: unknown[][], daysPastDue: unknown[][], rates?: unknown[][]) {
  return valueOf(PROVISION_ARGS, [amounts, daysPastDue, rates], (a) => {
    const edges = rcvPolicy.DEFAULT_POLICY.agingEdges;
    const ledger = parallelRows(a);
    if (!ledger.ok) return ledger;
    const bucketCents = new Array<number>(edges.length + 1).fill(0);
    for (const i of ledger.value.rows) {
      const r = ledger.value.row(i);
      if (!r.ok) return r;
      const cents = rcvAdapters.readRowCents(r.value.amounts, "amounts", i);
      if (!cents.ok) return cents;
      bucketCents[rcvEngine.bucketIndex(r.value.daysPastDue, edges)] += cents.value;
    }
    const allowance = rcvEngine.provisionOf(bucketCents, a.rates ?? rcvPolicy.DEFAULT_POLICY.provisionPercents, 1, "amounts");
    return allowance.ok ? rcvResult.ok(allowance.value.total) : allowance;
  });
}

/** Month-end balances by bucket: numbers, blank 0, wholly blank rows skipped. */
const SNAPSHOTS = readerOf(rcvAdapters.readNumberBlock);

/**
 * Loss rates by roll rates (IFRS 9 provision matrix). Give one row per month-end, oldest first,
 * with each aging bucket's balance and, in the last column, the amount written off that month.
 * A bucket's roll rate is the share of its balance found in the next bucket a month later
 * (averaged over months, capped at 100 %); its loss rate is the product of the roll rates down to
 * write-off. Spills one loss rate per column (the last is 100 %). Blank cells count as 0.
 * @customfunction ROLLRATES
 * @param {unknown[][]} snapshots Month-end balances per bucket, oldest first; last column written off.
 * @returns {number[][]} One row of loss rates (fractions), one per column.
 */
export function rollrates(snapshots: unknown[][]) {
  return spillOf({ snapshots: SNAPSHOTS }, [snapshots], (a) => {
    const rates = rcvEngine.rollRateLossRates(a.snapshots);
    if (!rates.ok) return rates;
    return rcvResult.ok([rates.value]);
  });
}

// #endregion receivables
