import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { toCents } from "../../../src/engine/money/cents";
import { dataFileKind, DuckDbFiles, sqlName, sqlString, type LedgerPlan } from "../../../src/host/duckdb/duckDbFiles";
import { describeWithDuckDb } from "./duckDbAvailable";

describe("file kinds and SQL quoting", () => {
  it.each([
    ["ledger.parquet", "parquet"], ["LEDGER.PQ", "parquet"], ["a.csv", "csv"], ["a.CSV", "csv"], ["a.xlsx", undefined], ["parquet", undefined],
  ])("%s is %s", (file, kind) => {
    expect(dataFileKind(file)).toBe(kind);
  });

  it("quotes strings and names so that no file name or header ends the SQL", () => {
    expect(sqlString("it's.csv")).toBe("'it''s.csv'");
    expect(sqlName('Due "Date"')).toBe('"Due ""Date"""');
  });
});

describeWithDuckDb("DuckDbFiles", () => {
  let dir: string;
  let files: DuckDbFiles;
  const at = (name: string): string => path.join(dir, name);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-duckdb-"));
    const opened = await DuckDbFiles.open();
    if (!opened.ok) throw new Error(opened.detail);
    files = opened.files;
  });
  afterAll(async () => {
    files.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const plan: LedgerPlan = {
    columns: { invoiceId: "inv", customerId: "cust", invoiceDate: "issued", dueDate: "due", amount: "amt", paidAmount: "paid", settledDate: "settled", currency: "ccy", disputed: "disp" },
  };

  it("reads typed Parquet columns (DATE, TIMESTAMP, DECIMAL, DOUBLE, BOOLEAN) into the ledger's columns", async () => {
    const file = at("typed.parquet");
    await files.run(`COPY (SELECT * FROM (VALUES
        ('I1', 'C1', DATE '2025-01-31', TIMESTAMP '2025-03-02 13:45:00', 1234.56::DECIMAL(18,2), 100.5::DOUBLE, NULL::DATE, 'usd', true),
        ('I2', 'C2', DATE '2024-02-29', TIMESTAMP '2024-03-30 00:00:00', 0.1::DECIMAL(18,2), NULL::DOUBLE, DATE '2024-04-01', NULL, false)
      ) AS t(inv, cust, issued, due, amt, paid, settled, ccy, disp)) TO ${sqlString(file)} (FORMAT parquet)`);
    const read = await files.readLedger(file, plan);
    expect(read.problems).toEqual([]);
    expect(read.rows).toBe(2);
    const l = read.ledger;
    expect(l.invoiceId).toEqual(["I1", "I2"]);
    expect(l.customerIds).toEqual(["C1", "C2"]);
    expect([...l.invoiceDate]).toEqual([dayFromCivil(2025, 1, 31), dayFromCivil(2024, 2, 29)]);
    expect([...l.dueDate]).toEqual([dayFromCivil(2025, 3, 2), dayFromCivil(2024, 3, 30)]);
    expect([...l.amountCents]).toEqual([123456, 10]);
    expect([...l.openCents]).toEqual([123456 - 10050, 10]);
    expect(Number.isNaN(l.settledDate[0])).toBe(true);
    expect(l.settledDate[1]).toBe(dayFromCivil(2024, 4, 1));
    expect(l.currencies[l.currency[0]]).toBe("USD");
    expect(l.currency[1]).toBe(0);
    expect([...l.disputed]).toEqual([1, 0]);
  });

  it("reads a CSV's text as a workbook's cells are read: ISO dates, Excel serials, numbers as text, yes/no", async () => {
    const file = at("text.csv");
    await fs.writeFile(file, "inv,cust,issued,due,amt,paid,settled,ccy,disp\nA1,C1,2025-06-01,45839,\"1,250.40\",,,EUR,yes\nA2,C1,2025-06-02,2025-07-02,-20,0,2025-06-03,eur,no\n");
    const read = await files.readLedger(file, plan);
    expect(read.problems).toEqual([]);
    const l = read.ledger;
    // 45839 is 2025-07-01 as an Excel serial (1900 system).
    expect([...l.dueDate]).toEqual([dayFromCivil(2025, 7, 1), dayFromCivil(2025, 7, 2)]);
    expect([...l.amountCents]).toEqual([toCents(1250.4), -2000]);
    expect(l.currencies.slice(1)).toEqual(["EUR"]);
    expect([...l.disputed]).toEqual([1, 0]);
    expect(l.customerIds).toEqual(["C1"]);
  });

  it("gives every bad cell its row (header = row 1) and column, and leaves the row out", async () => {
    const file = at("bad.csv");
    await fs.writeFile(file, [
      "inv,cust,issued,due,amt",
      "B1,C1,2025-06-01,2025-07-01,100",
      "B2,C1,2025-06-01,2025-07-01,lots",
      "B3,C1,2025-13-45,2025-07-01,100",
      "B4,,2025-06-01,2025-07-01,100",
      "B5,C9,2025-06-01,2025-05-01,100",
    ].join("\n") + "\n");
    const read = await files.readLedger(file, { columns: { invoiceId: "inv", customerId: "cust", invoiceDate: "issued", dueDate: "due", amount: "amt" } }, { knownCustomers: ["C1"] });
    expect(read.problems).toEqual([
      { kind: "notNumber", row: 3, field: "amount", column: "amt", value: "lots" },
      { kind: "notDate", row: 4, field: "invoiceDate", column: "issued", value: "2025-13-45" },
      { kind: "missing", row: 5, field: "customerId", column: "cust" },
      { kind: "unknownCustomer", row: 6, field: "customerId", column: "cust", value: "C9" },
      { kind: "dueBeforeInvoice", row: 6, field: "dueDate", column: "due" },
    ]);
    expect(read.ledger.invoiceId).toEqual(["B1"]);
    expect(read.problemCount).toBe(5);
  });

  it.each([
    [["C1", "O'Brien & Co", "客户 1"], []],
    [["C1", "C1", "客户 1"], [{ kind: "unknownCustomer", row: 3, field: "customerId", column: "cust", value: "O'Brien & Co" }]],
    [[], ["C1", "O'Brien & Co", "客户 1"].map((value, i) => ({ kind: "unknownCustomer", row: i + 2, field: "customerId", column: "cust", value }))],
  ])("matches the ledger's customers with the known ones %j, whatever their characters", async (known, problems) => {
    const file = at("customers.csv");
    await fs.writeFile(file, "inv,cust,issued,due,amt\nK1, C1 ,2025-06-01,2025-07-01,1\nK2,O'Brien & Co,2025-06-01,2025-07-01,2\nK3,客户 1,2025-06-01,2025-07-01,3\n");
    const read = await files.readLedger(file, { columns: { invoiceId: "inv", customerId: "cust", invoiceDate: "issued", dueDate: "due", amount: "amt" } }, { knownCustomers: known });
    expect(read.problems).toEqual(problems);
    const kept = read.ledger.invoiceId.map((_, i) => read.ledger.customerIds[read.ledger.customer[i]]);
    expect(kept).toEqual(["C1", "O'Brien & Co", "客户 1"].filter((id) => known.includes(id)));
    // The type made for the read is gone: the next read makes its own.
    expect(await files.query("SELECT count(*) FROM duckdb_types() WHERE type_name = 'credit_desk_customer'")).toEqual([[0n]]);
  });

  it("keeps the first problems and counts the rest", async () => {
    const file = at("many.csv");
    await fs.writeFile(file, "inv,cust,issued,due,amt\n" + Array.from({ length: 30 }, (_, i) => `X${i},C1,2025-06-01,2025-07-01,bad${i}`).join("\n") + "\n");
    const read = await files.readLedger(file, { columns: { invoiceId: "inv", customerId: "cust", invoiceDate: "issued", dueDate: "due", amount: "amt" } }, { maxProblems: 5 });
    expect(read.problems).toHaveLength(5);
    expect(read.problemCount).toBe(30);
    expect(read.problems[4]).toMatchObject({ row: 6, value: "bad4" });
  });

  it("streams a ledger larger than one chunk in file order", async () => {
    const file = at("big.parquet");
    await files.run(`COPY (SELECT 'I' || i AS inv, 'C' || (i % 7) AS cust, DATE '2025-01-01' + (i % 90)::INTEGER AS issued,
        DATE '2025-02-01' + (i % 90)::INTEGER AS due, (i % 1000) / 4.0 AS amt FROM range(5000) t(i)) TO ${sqlString(file)} (FORMAT parquet)`);
    const read = await files.readLedger(file, { columns: { invoiceId: "inv", customerId: "cust", invoiceDate: "issued", dueDate: "due", amount: "amt" } });
    expect(read.rows).toBe(5000);
    expect(read.ledger.length).toBe(5000);
    expect(read.ledger.invoiceId[4321]).toBe("I4321");
    expect(read.ledger.amount[4321]).toBe(321 / 4);
    const sum = (await files.query(`SELECT sum(amt) FROM read_parquet(${sqlString(file)})`))[0]?.[0];
    expect(read.ledger.amount.reduce((a, b) => a + b, 0)).toBeCloseTo(Number(sum), 6);
  });

  it("writes typed Parquet columns (DATE, DOUBLE, VARCHAR, BOOLEAN) with nulls", async () => {
    const file = at("out.parquet");
    await files.writeParquet(file, [{ name: "Id", type: "VARCHAR" }, { name: "Day", type: "DATE" }, { name: "Amt", type: "DOUBLE" }, { name: "Flag", type: "BOOLEAN" }], (w) => {
      w.text("a"); w.day(dayFromCivil(2025, 6, 30)); w.number(12.5); w.boolean(true); w.endRow();
      w.text(undefined); w.day(Number.NaN); w.number(Number.NaN); w.boolean(undefined); w.endRow();
    });
    expect(await files.columns(file)).toEqual([{ name: "Id", type: "VARCHAR" }, { name: "Day", type: "DATE" }, { name: "Amt", type: "DOUBLE" }, { name: "Flag", type: "BOOLEAN" }]);
    const rows = await files.query(`SELECT Id, CAST(Day AS VARCHAR), Amt, Flag FROM read_parquet(${sqlString(file)})`);
    expect(rows).toEqual([["a", "2025-06-30", 12.5, true], [null, null, null, null]]);
  });

  it("reads a small table whole, dates as ISO text and decimals as numbers", async () => {
    const file = at("customers.parquet");
    await files.run(`COPY (SELECT 'C1' AS CustomerId, 5000.25::DECIMAL(18,2) AS CurrentLimit, DATE '2025-01-02' AS LastReviewDate, 30::BIGINT AS Terms) TO ${sqlString(file)} (FORMAT parquet)`);
    expect(await files.readTable(file)).toEqual({ headers: ["CustomerId", "CurrentLimit", "LastReviewDate", "Terms"], rows: [["C1", 5000.25, "2025-01-02", 30]] });
  });
});

describe("DuckDbFiles.open without the package", () => {
  it("answers why, with no instance made", async () => {
    const opened = await DuckDbFiles.open(() => ({ ok: false, detail: "Cannot find module '@duckdb/node-api'" }));
    expect(opened).toEqual({ ok: false, detail: "Cannot find module '@duckdb/node-api'" });
  });
});
