/**
 * Issue 16: problems grouped by cause (one renamed customer is one group with its count and rows),
 * row numbers as Excel shows them, the hidden-sheet case named, and the messages in the pane's
 * language when they carry a message id.
 */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { IntlProvider } from "react-intl";
import type { DetailedProblem } from "../../src/app/groupProblems";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import type { Locale } from "../../src/i18n/locale";
import { intlConfig } from "../../src/i18n/messages";
import { ProblemsList } from "../../src/taskpane/components/ProblemsList";

/** The problems of a ledger whose customer C1 was renamed C9 in the Customers table: twelve invoices of an unknown customer. */
async function renamedCustomerProblems(): Promise<DetailedProblem[]> {
  const workbook = MemoryWorkbook.fromTables([
    { sheet: "Customers", name: "Customers", headers: ["CustomerId", "Name"], rows: [["C9", "Acme"]] },
    {
      sheet: "Receivables", name: "Receivables", headers: ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount"],
      rows: Array.from({ length: 12 }, (_, i) => [`I${i}`, "C1", "2025-05-01", "2025-05-31", 100 + i]),
    },
  ]);
  const snapshot = await workbook.readWorkbook();
  return readPortfolio(snapshot, recogniseTables(snapshot)).problems;
}

function show(problems: readonly DetailedProblem[], locale: Locale = "en-US") {
  const onGoTo = jest.fn();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <IntlProvider {...intlConfig(locale)}>
        <ProblemsList problems={problems} onGoTo={onGoTo} />
      </IntlProvider>
    </FluentProvider>,
  );
  return { onGoTo, view };
}

describe("ProblemsList", () => {
  it("shows one group for a renamed customer's twelve rows, with Excel's row numbers, and goes to its first cell", async () => {
    const problems = await renamedCustomerProblems();
    expect(problems).toHaveLength(12);
    const { onGoTo } = show(problems);
    const list = screen.getByRole("list", { name: "Problems" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    // Header on sheet row 1, so the twelve invoices are Excel rows 2 to 13; B2 is the first cell.
    expect(within(list).getByText("CustomerId row 2: customer “C1” is not in the Customers table")).toBeTruthy();
    expect(within(list).getByText("12 rows: 2–13")).toBeTruthy();
    fireEvent.click(within(list).getByRole("button", { name: "Go to cell Receivables!B2" }));
    expect(onGoTo).toHaveBeenCalledWith("Receivables", 1, 1);
    expect(screen.getByText(/12 errors/)).toBeTruthy();
  });

  it("reads the problems in Chinese when the pane is in Chinese", async () => {
    show(await renamedCustomerProblems(), "zh-CN");
    expect(screen.getByText("CustomerId 第 2 行：客户“C1”不在客户表中")).toBeTruthy();
    expect(screen.getByText("共 12 行：2–13")).toBeTruthy();
  });

  it("names a hidden sheet as hidden and offers no Go to cell there", () => {
    const hidden: DetailedProblem = {
      severity: "error", table: "Cust", sheet: "Archive", row: 2, column: 0, field: "customerId",
      message: 'CustomerId row 3: duplicate customer id "C1" (first on row 1) (hidden sheet Archive)',
    };
    show([hidden]);
    expect(screen.getByText("Archive (hidden sheet)")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Go to cell/ })).toBeNull();
  });

  it("lists errors before warnings and keeps different causes apart", async () => {
    const warning: DetailedProblem = { severity: "warning", table: "Receivables", sheet: "Receivables", row: 4, column: 0, field: "invoiceId", message: 'InvoiceId row 5: invoice id "I1" appears more than once' };
    const problems = [warning, ...(await renamedCustomerProblems())];
    show(problems);
    const items = within(screen.getByRole("list", { name: "Problems" })).getAllByRole("listitem");
    expect(items.map((li) => li.textContent?.slice(0, 5))).toEqual(["error", "warni"]);
  });

  it("has no accessibility violations", async () => {
    const { view } = show(await renamedCustomerProblems());
    expect(await axe(view.container)).toHaveNoViolations();
  });
});
