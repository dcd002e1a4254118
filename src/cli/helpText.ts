/** The CLI's help pages: general usage and one page per command. */

export const GENERAL_HELP = `credit-desk: credit review of an .xlsx workbook (customers, receivables, financials, orders, policy)

Usage:
  credit-desk review <workbook.xlsx> [--as-of YYYY-MM-DD] [--out reviewed.xlsx [--force] | --in-place] [--json] [--map "Header=Field" ...]
  credit-desk init <file.xlsx> [--sample] [--as-of YYYY-MM-DD]
  credit-desk init --from-ledger <workbook.xlsx> [--out file.xlsx] [--map "Header=Field" ...]
  credit-desk demo [--out demo/credit-review.xlsx] [--as-of YYYY-MM-DD]
  credit-desk whatif <workbook.xlsx> --set key=value [--set …] [--as-of YYYY-MM-DD] [--out FILE [--force]] [--json]
  credit-desk --help | <command> --help
  credit-desk --version

Exit codes: 0 done; 1 the workbook has errors or cannot be read/written (nothing is written);
2 the command line is wrong.
`;

export const REVIEW_HELP = `credit-desk review <workbook.xlsx> [options]

Reads the input tables (Customers, Receivables, and optionally Financials, Orders, Policy),
validates every cell, reviews the portfolio and writes the output sheets Credit Review, Aging,
Collections and Summary into a copy of the workbook.

Options:
  --as-of YYYY-MM-DD  review date (default: today)
  --out FILE          output workbook (default: <workbook>-reviewed.xlsx beside the input)
  --force             replace the output workbook if it exists (without --force an existing
                      output is refused, exit 1); a read-only output is never replaced
  --in-place          write the output sheets into the input workbook itself (refused for a
                      read-only workbook; the file keeps its permissions)
  --json              print the machine-readable result (kpis, customers, problems) instead of
                      the summary
  --map "Header=Field"  read the column "Header" as the field (repeatable), e.g.
                      --map "Open Advance (ILS)=OpenAmount"; fields by their set-up names
                      (InvoiceId, CustomerId, DueDate, Amount, OpenAmount, …). The mapping is
                      saved in the workbook written (table CreditDeskMapping) and used next time.

Without a Customers table the customers are taken from the Receivables ledger (a column of
names gets stable ids N-<hash of the name>); grades and limits then read "needs scores /
financials". Before the review the columns read, mapped and skipped are printed (stderr).

The input file is never changed unless --in-place is given. The output sheets carry a hidden
marker: a re-run replaces only the sheets it wrote before. A sheet of yours that has an output's
name (Summary, Aging, Collections, Credit Review, in any case) is never touched: the output goes
to the next free name, "Summary (2)", and the CLI says so. The .xlsx written by the CLI holds
the chart data tables but no native charts, and loses pivot tables, slicers and charts that the
input workbook had (ExcelJS cannot write them): keep the input, or use the Excel add-in.
On errors each problem is printed as "Sheet!Cell  Field  message" and nothing is written.
`;

export const INIT_HELP = `credit-desk init <file.xlsx> [--sample] [--as-of YYYY-MM-DD]

Creates an input workbook: the Customers, Financials, Receivables, Orders and Policy tables with
their headers, formats and validations, and the Policy filled with the defaults. With --sample
the tables hold a realistic sample portfolio dated relative to --as-of (default: today).
Refuses to overwrite an existing file.

credit-desk init --from-ledger <workbook.xlsx> [--out file.xlsx] [--map "Header=Field" ...]

Writes a copy of the workbook (default <workbook>-customers.xlsx) with a Customers sheet
pre-filled with its ledger's customers (id and name; scores, financials and current limits left
for you). The workbook itself is never changed; an existing output is never overwritten.
`;

export const DEMO_HELP = `credit-desk demo [--out demo/credit-review.xlsx] [--as-of YYYY-MM-DD]

Creates the sample workbook (credit-desk-sample.xlsx, in the folder of --out), reviews it and
writes the reviewed workbook to --out (both files are replaced when they exist, unless read-only),
then prints the summary. The as-of date is fixed
(2025-06-30) unless --as-of is given, so every run gives the same figures.
`;

export const WHATIF_HELP = `credit-desk whatif <workbook.xlsx> --set key=value [--set key=value …] [options]

Compares a draft of the policy with the workbook's policy before anything applies: reads the
workbook once, reviews every customer again under the draft and prints the policy values changed,
the grade migration matrix (A/B/C/D/R now → A/B/C/D/R under the draft), the total recommended
limit before and after (by grade), the change in critical and other warnings and in the expected
allowance, and the customers whose limit or decision changes most (at most 20).

--set takes the Policy sheet's keys and values as the sheet holds them, for example
  --set gradeBands.A=70 --set weights.paymentRecord=3 --set gradeTerms.B.limitFactor=0.6
  --set netWorthCapPercent=40 --set warnings.utilisationCriticalPercent=120 --set agingEdges=0,30,60,90
An unknown key or a bad value is an error naming the key (exit 2).

Options:
  --as-of YYYY-MM-DD  review date (default: today)
  --out FILE          write a copy of the workbook with the What-if sheet (stamped with both policy
                      fingerprints); the input is never changed
  --force             replace the --out file if it exists (never a read-only one)
  --json              print the comparison as JSON instead of the text
  --lang zh-CN|en-US  language of the text (and of the sheet, where the Policy names none)
`;
