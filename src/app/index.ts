/** The review workflow (recognise → validate → review → write), host-agnostic over a WorkbookPort. */
export * from "./types";
export { TABLE_FIELDS, INPUT_TABLE_KINDS, matchHeader, normaliseHeader, fieldSpec, type FieldKind, type FieldSpec, type TableFields } from "./headerAliases";
export { recogniseTables, REQUIRED_TABLES } from "./recogniseTables";
export { readPortfolio, type PortfolioReading } from "./readPortfolio";
export { buildInputSheets, recordsToRows } from "./buildInputSheets";
export {
  buildOutputSheets,
  creditReviewRow,
  CREDIT_REVIEW_COLUMNS,
  OUTPUT_TABLE_ROW,
  CREDIT_REVIEW_TABLE,
  AGING_TABLE,
  COLLECTIONS_TABLE,
  GRADE_TABLE,
  TOP_EXPOSURES_TABLE,
  type AuditStamp,
} from "./buildOutputSheets";
export { samplePortfolio, FORMULA_LIKE_NAME, type SampleRecord, type SampleWorkbook } from "./samplePortfolio";
export { seededRandom, type SeededRandom } from "./seededRandom";
export { runReview, reviewKpis, criticalWarnings, customerJson, DEFAULT_PERIOD_DAYS } from "./runReview";
export { setUpWorkbook } from "./setUpWorkbook";
