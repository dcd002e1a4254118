import fc from "fast-check";
import { REPORT_ROW_KINDS, reportRowKind, reportRowKindByShape, skippedRowNotes, totalLabelKind, type ReportLayout } from "../../src/app/reportRows";
import type { CellValue } from "../../src/host/WorkbookPort";
import { messagesFor } from "../../src/i18n/messages";

const enUS = messagesFor("en-US");
const zhCN = messagesFor("zh-CN");

// Date, Num, Customer, Due Date, Open Balance (QuickBooks' A/R Aging Detail order).
const layout: ReportLayout = { invoiceId: 1, customer: 2, dueDate: 3, headers: ["Date", "Num", "Customer", "Due Date", "Open Balance"] };

describe("totalLabelKind", () => {
  it.each([
    ["Total for Acme Ltd", "subtotal"],
    ["Total for 1 - 30 days past due", "subtotal"],
    ["Acme Ltd Total", "subtotal"],
    ["Subtotal", "subtotal"],
    ["小计", "subtotal"],
    ["客户小计", "subtotal"],
    ["华东贸易 合计", "subtotal"],
    ["*", "subtotal"],
    ["TOTAL", "grandTotal"],
    ["Total:", "grandTotal"],
    ["Grand Total", "grandTotal"],
    ["合计", "grandTotal"],
    ["总计", "grandTotal"],
    ["**", "grandTotal"],
    ["Acme Ltd", undefined],
    ["INV-0001", undefined],
    ["", undefined],
  ] as const)("%j → %s", (text, kind) => {
    expect(totalLabelKind(text)).toBe(kind);
  });
});

describe("reportRowKind", () => {
  it.each<[string, CellValue[], ReturnType<typeof reportRowKind>]>([
    ["an invoice line", [46000, "1001", "Acme", 46030, 120.5], undefined],
    ["an invoice of a customer whose name reads like a total", [46000, "1002", "Total Energies", 46030, 99], undefined],
    ["a line with a missing due date (read, so that it is reported)", [46000, "1003", "Acme", null, 99], undefined],
    ["a line with a missing invoice id (read, so that it is reported)", [46000, null, "Acme", 46030, 99], undefined],
    ["a labelled subtotal", ["Total for Acme", null, null, null, 219.5], "subtotal"],
    ["a subtotal labelled in the customer column", [null, null, "Acme Total", null, 219.5], "subtotal"],
    ["a Chinese subtotal", ["小计", null, null, null, 219.5], "subtotal"],
    ["an unlabelled subtotal", [null, null, null, null, 219.5], "subtotal"],
    ["the grand total", ["TOTAL", null, null, null, 1000], "grandTotal"],
    ["a Chinese grand total", ["合计", null, null, null, 1000], "grandTotal"],
    ["a customer heading", ["Acme Ltd", null, null, null, null], "sectionHeader"],
    ["a bucket heading", ["1 - 30 days past due", null, null, null, null], "sectionHeader"],
    ["the header repeated after a page break", ["Date", "Num", "Customer", "Due Date", "Open Balance"], "repeatedHeader"],
    ["a blank row", [null, null, "  ", null, null], "spacer"],
    ["a note below the list, in the invoice column", [null, "Snapshot of the seeded synthetic ledger, open positions only (amounts in ILS)", null, null, null], "note"],
    ["an invoice id alone (read, so that it is reported)", [null, "INV-7", null, null, null], undefined],
  ])("%s", (_, cells, kind) => {
    expect(reportRowKind(cells, layout)).toBe(kind);
  });
});

describe("skippedRowNotes", () => {
  it("gives one recognition note per kind that occurred, in the report's order", () => {
    const counts = { subtotal: 3, grandTotal: 1, sectionHeader: 0, repeatedHeader: 0, note: 0, spacer: 2 };
    expect(skippedRowNotes(counts, "Open Invoices")).toEqual([
      { id: "recognition.skipped.subtotal", params: { count: 3, sheet: "Open Invoices" } },
      { id: "recognition.skipped.grandTotal", params: { count: 1, sheet: "Open Invoices" } },
      { id: "recognition.skipped.spacer", params: { count: 2, sheet: "Open Invoices" } },
    ]);
    expect(REPORT_ROW_KINDS).toHaveLength(6);
  });
});

describe("reportRowKind: group rows with sums", () => {
  it("takes a group's label over its sums (Odoo's \"Acme (3)\") for a subtotal, but not a customer with amounts and no invoice", () => {
    expect(reportRowKind(["Acme Ltd (3)", null, null, null, 219.5], layout)).toBe("subtotal");
    expect(reportRowKind([null, null, "Acme Ltd", null, 219.5], layout)).toBeUndefined();
  });
});

describe("recognition and problem message ids", () => {
  it("are in both catalogues for every kind of skipped row and every problem id the readers give", () => {
    const ids = [
      ...REPORT_ROW_KINDS.map((kind) => `recognition.skipped.${kind}`), "recognition.openAmountOnly", "recognition.headerCurrency",
      "problem.cell.missing", "problem.cell.invalid", "problem.cell.outOfRange", "problem.cell.belowMin", "problem.cell.aboveMax", "problem.cell.notWhole",
      "problem.receivables.unknownCustomer", "problem.receivables.dueBeforeInvoice", "problem.receivables.duplicateInvoice", "problem.receivables.noAmountColumn",
      "problem.financials.unknownCustomer", "problem.financials.duplicatePeriod", "problem.orders.unknownCustomer", "problem.formula.uncalculated",
      "problem.group.rows", "problem.group.count", "problem.hiddenSheet",
    ];
    for (const id of ids) {
      expect(typeof (enUS as Record<string, string>)[id]).toBe("string");
      expect(typeof (zhCN as Record<string, string>)[id]).toBe("string");
    }
  });
});

describe("reportRowKind (property)", () => {
  it("never skips a row with an invoice id that is not a total label and a due date, whatever else it holds", () => {
    const cell = fc.oneof(fc.constant(null), fc.string(), fc.double({ noNaN: true }), fc.boolean());
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((id) => id.trim() !== "" && totalLabelKind(id) === undefined), fc.integer({ min: 1, max: 80_000 }),
      fc.array(cell, { minLength: 3, maxLength: 3 }), (id, due, [a, b, c]) => {
        expect(reportRowKind([a, id, b, due, c], layout)).toBeUndefined();
      }));
  });

  it("answers as the whole rule does: the quick look at the id and due date never changes a row's kind", () => {
    // Cells from the shapes that matter: blanks, the headers themselves, total labels, ids, names, amounts, dates.
    const cell = fc.oneof(
      fc.constant(null),
      fc.constant(""),
      fc.constantFrom(...layout.headers, " num ", "NUM:", "Total", "Total for Acme", "合计", "小计", "*", "**", "INV-1", "Acme Ltd", "Snapshot of the ledger, amounts in ILS as of today"),
      fc.string(),
      // Ids of letters and digits (the quick path), total labels among them.
      fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
      fc.constantFrom("INV1", "TOTAL", "Totals", "subtotal", "TotalFor1", "xTotalx", "Acmetotal", "NUM", "num", "Num1"),
      fc.integer({ min: -1_000, max: 80_000 }),
      fc.boolean(),
    );
    fc.assert(fc.property(fc.array(cell, { minLength: 5, maxLength: 5 }), (cells) => {
      expect(reportRowKind(cells as CellValue[], layout)).toBe(reportRowKindByShape(cells as CellValue[], layout));
    }), { numRuns: 2_000 });
  });
});
