import { dayFromCivil, dayOfSerial1900, fromExcelSerial, parseDateText, toDayNumber, toExcelSerial, toIsoDate } from "../../src/engine/dates/dayNumber";

describe("dayNumber", () => {
  it.each([
    ["2023-02-30", false],
    ["2024-02-29", true],
    ["2023-13-01", false],
    ["hello", false],
    ["1/2/2013", true],
  ])("parseDateText(%s) ok=%s", (text, isOk) => {
    expect(parseDateText(text).ok).toBe(isOk);
  });

  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [45292, "2024-01-01"],
    [46218, "2026-07-15"],
  ])("Excel 1900 serial %d is %s", (serial, iso) => {
    const r = fromExcelSerial(serial);
    expect(r.ok && toIsoDate(r.value)).toBe(iso);
    if (r.ok) expect(toExcelSerial(r.value)).toBe(serial);
  });

  it("rejects serial 60 (Excel's fictitious 1900-02-29) and non-positive serials", () => {
    expect(fromExcelSerial(60).ok).toBe(false);
    expect(fromExcelSerial(0).ok).toBe(false);
  });

  it("1904 system: serial 0 is 1904-01-01", () => {
    const r = fromExcelSerial(0, "1904");
    expect(r.ok && toIsoDate(r.value)).toBe("1904-01-01");
  });

  it("drops the time of day and reads Date values by their UTC day", () => {
    expect(toDayNumber(45292.99)).toEqual({ ok: true, value: dayFromCivil(2024, 1, 1) });
    expect(toDayNumber(new Date(Date.UTC(2024, 0, 1, 23, 59)))).toEqual({ ok: true, value: dayFromCivil(2024, 1, 1) });
    expect(toDayNumber("2024-01-01T10:00:00")).toEqual({ ok: true, value: dayFromCivil(2024, 1, 1) });
  });

  it("round-trips every day across four centuries", () => {
    for (let d = dayFromCivil(1900, 3, 1); d < dayFromCivil(2300, 1, 1); d += 13) {
      const iso = toIsoDate(d);
      const back = parseDateText(iso);
      expect(back).toEqual({ ok: true, value: d });
    }
  });
});

describe("dayOfSerial1900 (hot path) agrees with fromExcelSerial", () => {
  it.each([-1, 0, 0.5, 1, 59, 59.9, 60, 60.5, 61, 45292.75, Number.NaN, Number.POSITIVE_INFINITY])("serial %p", (serial) => {
    const r = fromExcelSerial(serial);
    expect(dayOfSerial1900(serial)).toBe(r.ok ? r.value : undefined);
  });
});
