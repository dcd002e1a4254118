/**
 * Errors are values in the engine (credit-method.md, conventions.md "Errors").
 * One exhaustive switch in each outer layer maps them to Excel errors, CLI
 * messages and task-pane text. `throw` is reserved for programmer bugs.
 *
 * An error holds no words: the field is an identifier the user can find (an argument name, a
 * policy key, a column header, a table name) with its position as numbers (`at`), and the detail
 * is a message id with parameters (`DetailParams`, the catalogue's `errorDetail.<id>`), rendered
 * in the user's language by the host (src/app/errorText.ts).
 * @example outOfRange("roundingUnit", detail("above", { min: 0, got: 0 }))
 *   //=> { kind: "outOfRange", field: "roundingUnit", detail: { id: "above", params: { min: 0, got: 0 } } }
 */

type N = number;
type S = string;

/**
 * Every detail an error can carry, by id, with its parameters (numbers stay numbers: the renderer
 * formats them in the locale). Texts in parameters are the user's own values, identifiers or codes.
 */
export interface DetailParams {
  // A value of the wrong kind.
  notFinite: Record<never, never>;
  notFiniteText: { text: S };
  notNumber: Record<never, never>;
  notNumberText: { text: S };
  blank: Record<never, never>;
  missing: Record<never, never>;
  notText: Record<never, never>;
  notBoolean: Record<never, never>;
  notBooleanGot: { got: S };
  notYesNo: { text: S };
  oneOf: { options: S; got: S | N };
  percentAsNumber: { text: S };
  notDate: Record<never, never>;
  notDateText: { text: S };
  notCalendarDate: { text: S };
  serialBefore: { serial: N; start: S };
  serialLeapBug: Record<never, never>;
  dayNumber: Record<never, never>;
  dateFormat: Record<never, never>;
  dateRequired: Record<never, never>;
  // A number out of its bounds.
  atLeast: { min: N; got: N };
  above: { min: N; got: N };
  atMost: { max: N; got: N };
  atMostFraction: { max: N; got: N };
  between: { min: N; max: N; got: S | N };
  notNegative: { got: N };
  nonNegative: Record<never, never>;
  minimum: { min: N };
  positive: Record<never, never>;
  fraction: Record<never, never>;
  range: { min: N; max: N };
  rangeBelow: { min: N; max: N };
  rangeOpen: { min: N; max: N };
  aboveAtMost: { min: N; max: N; got: N };
  percentRate: { got: N };
  whole: Record<never, never>;
  wholeGot: { got: N };
  wholeMinimum: { min: N };
  wholeMinimumGot: { min: N; got: N };
  wholeRange: { min: N; max: N };
  wholeDays: { got: N };
  scoreRange: { got: N };
  overflow: Record<never, never>;
  centsAmount: { max: N; got: N };
  centsTotal: { max: N };
  zero: Record<never, never>;
  // Lists, ranges and tables of the wrong shape.
  numberList: Record<never, never>;
  numberListText: { text: S };
  list: Record<never, never>;
  ascending: { previous: N; next: N };
  entryCount: { count: N; edges: N; edgesField: S; got: N };
  rowsMismatch: { count: N; other: S; otherCount: N };
  itemsMismatch: { count: N; other: S; otherCount: N };
  widthMismatch: { count: N; first: N };
  cellsMismatch: { count: N; other: S; otherCount: N };
  countNeeded: { count: N; got: N };
  singleLine: { rows: N; columns: N };
  tableRange: Record<never, never>;
  rangeRequired: Record<never, never>;
  neededWith: { other: S };
  // A CREDIT.LEDGER handle.
  emptyWithHandle: { first: S };
  notHandle: Record<never, never>;
  unknownHandle: { handle: S };
  needsColumns: { count: N };
  needsHeaderColumns: { columns: S };
  needsHeaderAndRow: Record<never, never>;
  needsLabels: Record<never, never>;
  needsAtLeast: { count: N; unit: "month" | "monthEnd" | "column" | "cohort" | "bucket" | "edge" };
  noColumn: { name: S };
  appearsTwice: { name: S };
  // Policy.
  valueWithoutKey: Record<never, never>;
  givenTwice: { first: N; second: N };
  unknownKey: Record<never, never>;
  noValue: Record<never, never>;
  entryGap: Record<never, never>;
  below: { other: S; value: N; bound: N };
  notAbove: { other: S };
  notBelow: { other: S };
  notBetterThan: { other: S };
  weightAboveZero: Record<never, never>;
  // Scores, grades, customers.
  characteristicsCount: { count: N; got: N };
  notCharacteristic: { count: N };
  notScenarioFigure: Record<never, never>;
  notGrade: { text: S };
  gradeR: Record<never, never>;
  notRatio: { text: S; options: S };
  notFigure: { text: S };
  rowWidth: { count: N; got: N };
  paymentRecordWidth: { count: N; got: N };
  oneCustomerOnly: { count: N };
  notInReview: Record<never, never>;
  gradeNotInReview: { customer: S };
  // Receivables.
  beforeInvoiceDate: Record<never, never>;
  needMoreMonths: Record<never, never>;
  moreThanPrevious: Record<never, never>;
  withinSales: Record<never, never>;
  // Models.
  badOrGood: Record<never, never>;
  defaultFlag: { got: N };
  defaultFlagMissing: Record<never, never>;
  noRows: Record<never, never>;
  noTrainRows: Record<never, never>;
  noTestRows: Record<never, never>;
  goodsAndBads: Record<never, never>;
  noBads: Record<never, never>;
  noGoods: Record<never, never>;
  moreThanBads: { count: N };
  moreThanGoods: { count: N };
  moreThanRows: { count: N };
  noBin: Record<never, never>;
  woeMinusInfinity: Record<never, never>;
  woePlusInfinity: Record<never, never>;
  noNumericValue: Record<never, never>;
  noCategory: Record<never, never>;
  noCharacteristic: Record<never, never>;
  noInformationValue: { min: N };
  lacksCharacteristic: { name: S };
  windowAfterAsOf: { months: N };
  oddsAboveZero: Record<never, never>;
  modelColumns: Record<never, never>;
  secondIntercept: Record<never, never>;
  noIntercept: Record<never, never>;
  noFiniteScore: Record<never, never>;
  marginalCells: { got: N };
  marginalRequired: Record<never, never>;
  binLacks: { column: S };
  noBins: Record<never, never>;
  noUpperBound: Record<never, never>;
  tableLacks: { table: S; part: "intercept" | "feature" };
  noTable: { table: S };
  // Files (the CLI's workbooks).
  noSuchFile: { file: S };
  isFolder: Record<never, never>;
  notAFile: Record<never, never>;
  permissionDenied: Record<never, never>;
  writeDenied: Record<never, never>;
  readOnly: Record<never, never>;
  noFolder: { folder: S };
  cannotRead: { reason: S };
  cannotWrite: { reason: S };
  notXlsx: Record<never, never>;
  damaged: { reason: S };
  unreadableWorkbook: { reason: S };
  fileProblem: { reason: S };
  // Not available.
  noBasis: Record<never, never>;
  altmanMissing: { names: S };
  x5Missing: { model: S };
  figureMissing: { name: S };
  priorMissing: { name: S };
  priorPeriodMissing: { name: S };
  customerNotFound: { customer: S };
  noBalance: { column: N };
  noCohortReached: { bucket: N };
  noHistory: Record<never, never>;
  tooFewDefaults: { defaults: N; customers: N; days: N; months: N; min: N };
  separated: Record<never, never>;
  singular: Record<never, never>;
  notConverged: { iterations: N };
}

/** A detail's id: an unknown id is a compile error. */
export type DetailId = keyof DetailParams;

/** A detail: its id and its parameters. */
export type Detail = { [K in DetailId]: { readonly id: K; readonly params: Readonly<DetailParams[K]> } }[DetailId];

/** Where in a field: 1-based positions the renderer words in the locale ("row 3", "第 3 行"); `prior` is the prior period's value. */
export interface At {
  readonly row?: number;
  readonly month?: number;
  readonly item?: number;
  readonly bucket?: number;
  readonly column?: number;
  readonly prior?: true;
}

/** A field: its identifier, or its identifier and a position in it. */
export type Field = string | { readonly name: string; readonly at: At };

/** `more`: how many other problems were found after this one (the policy's checks report the first). */
export type DomainError =
  | { kind: "invalidInput"; field: string; at?: At; detail: Detail; more?: number }
  | { kind: "outOfRange"; field: string; at?: At; detail: Detail; more?: number }
  | { kind: "notAvailable"; detail: Detail }
  | { kind: "divideByZero"; field: string; at?: At };

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(error: DomainError): Result<T> {
  return { ok: false, error };
}

type ParamsArg<K extends DetailId> = Record<never, never> extends DetailParams[K] ? [params?: DetailParams[K]] : [params: DetailParams[K]];

/**
 * A detail by id; the parameters are required exactly when the id has any.
 * @example detail("atLeast", { min: 0, got: -3 }) //=> { id: "atLeast", params: { min: 0, got: -3 } }
 * @example detail("notFinite") //=> { id: "notFinite", params: {} }
 */
export function detail<K extends DetailId>(id: K, ...params: ParamsArg<K>): Detail {
  return { id, params: params[0] ?? NO_DETAIL_PARAMS } as Detail;
}

const NO_DETAIL_PARAMS = Object.freeze({});

/** A field with its position. @example at("amounts", { row: 3 }) //=> { name: "amounts", at: { row: 3 } } */
export const at = (name: string, where: At): Field => ({ name, at: where });

/** A position further inside a field. @example inside(at("x", { row: 2 }), { column: 3 }) //=> { name: "x", at: { row: 2, column: 3 } } */
export function inside(field: Field, where: At): Field {
  return typeof field === "string" ? { name: field, at: where } : { name: field.name, at: { ...field.at, ...where } };
}

/** A field's identifier, without its position. */
export const fieldName = (field: Field): string => (typeof field === "string" ? field : field.name);

const located = (field: Field): { field: string; at?: At } => (typeof field === "string" ? { field } : { field: field.name, at: field.at });

export const invalidInput = (field: Field, d: Detail): DomainError => ({ kind: "invalidInput", ...located(field), detail: d });
export const outOfRange = (field: Field, d: Detail): DomainError => ({ kind: "outOfRange", ...located(field), detail: d });
export const notAvailable = (d: Detail): DomainError => ({ kind: "notAvailable", detail: d });
export const divideByZero = (field: Field): DomainError => ({ kind: "divideByZero", ...located(field) });

/** The same error about another field (or the same field at another position); a notAvailable error has none and is kept. */
export function withField(error: DomainError, field: Field): DomainError {
  if (error.kind === "notAvailable") return error;
  const { at: _at, ...rest } = error;
  return { ...rest, ...located(field) };
}

/** Guard: a finite number, never NaN or Infinity, may leave the engine. */
export function finite(value: number, field: Field): Result<number> {
  return Number.isFinite(value) ? ok(value) : err(outOfRange(field, detail("notFinite")));
}
