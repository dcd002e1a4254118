/**
 * Dates inside the engine are whole day numbers: days since 1970-01-01 in the
 * proleptic Gregorian calendar, with no time zone (conventions.md "Money, dates").
 * Conversions from Excel serials and ISO strings live here, at the edge.
 */
import { detail, err, type Field, invalidInput, ok, type Result } from "../errors";

export type DayNumber = number;

/** Excel 1900 system: serial 25569 = 1970-01-01; serials ≤ 60 sit in the fictitious 1900-02-29 quirk. */
const EXCEL_1900_EPOCH_OFFSET = 25569;
/** Excel 1904 system: serial 0 = 1904-01-01 = day 24107 before 1970-01-01. */
const EXCEL_1904_EPOCH_OFFSET = 24107;

export type DateSystem = "1900" | "1904";

/** Day number of a civil date (Howard Hinnant's days_from_civil), exact for any year. */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDay(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? y + 1 : y, month, day };
}

/** `YYYY-MM-DD` of a day number. */
export function toIsoDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Day number of an Excel serial date. Fractions (times of day) are dropped.
 * 1900 system: serials 1..59 are 1900-01-01..1900-02-28, 60 is Excel's fictitious
 * 1900-02-29 (mapped to 1900-03-01's predecessor, i.e. treated as 1900-02-28 + 1 would be wrong,
 * so it is rejected), 61 onward is exact.
 * @example fromExcelSerial(45292) //=> ok(dayFromCivil(2024, 1, 1))
 */
export function fromExcelSerial(serial: number, system: DateSystem = "1900", field: Field = "date"): Result<DayNumber> {
  if (!Number.isFinite(serial)) return err(invalidInput(field, detail("notDate")));
  const whole = Math.floor(serial);
  if (system === "1904") {
    if (whole < 0) return err(invalidInput(field, detail("serialBefore", { serial, start: "1904-01-01" })));
    return ok(whole - EXCEL_1904_EPOCH_OFFSET);
  }
  if (whole < 1) return err(invalidInput(field, detail("serialBefore", { serial, start: "1900-01-01" })));
  if (whole === 60) return err(invalidInput(field, detail("serialLeapBug")));
  if (whole < 60) return ok(whole - EXCEL_1900_EPOCH_OFFSET + 1);
  return ok(whole - EXCEL_1900_EPOCH_OFFSET);
}

/**
 * Day number of a 1900-system serial on the hot path (one call per ledger row): no Result object;
 * undefined where fromExcelSerial would give an error (not finite, before 1900-01-01, serial 60).
 */
export function dayOfSerial1900(serial: number): DayNumber | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole > 60) return whole - EXCEL_1900_EPOCH_OFFSET;
  if (whole < 1 || whole === 60) return undefined;
  return whole - EXCEL_1900_EPOCH_OFFSET + 1;
}

/** Excel serial of a day number (inverse of fromExcelSerial). */
export function toExcelSerial(dayNumber: DayNumber, system: DateSystem = "1900"): number {
  if (system === "1904") return dayNumber + EXCEL_1904_EPOCH_OFFSET;
  const serial = dayNumber + EXCEL_1900_EPOCH_OFFSET;
  return serial <= 60 ? serial - 1 : serial;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Day number of a date string: ISO `YYYY-MM-DD` (a time part is ignored) or US `M/D/YYYY`.
 * Rejects impossible dates such as 2023-02-30.
 */
export function parseDateText(text: string, field: Field = "date"): Result<DayNumber> {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(t);
  const us = iso ? null : US.exec(t);
  if (iso) {
    y = Number(iso[1]); m = Number(iso[2]); d = Number(iso[3]);
  } else if (us) {
    m = Number(us[1]); d = Number(us[2]); y = Number(us[3]);
  } else {
    return err(invalidInput(field, detail("notDateText", { text })));
  }
  const dn = dayFromCivil(y, m, d);
  const back = civilFromDay(dn);
  if (m < 1 || m > 12 || back.month !== m || back.day !== d) {
    return err(invalidInput(field, detail("notCalendarDate", { text })));
  }
  return ok(dn);
}

/**
 * Day number of any date as the outside world hands it: Excel serial number,
 * ISO/US text, or a JavaScript Date (its UTC calendar day, so no time-zone drift).
 */
export function toDayNumber(value: unknown, system: DateSystem = "1900", field: Field = "date"): Result<DayNumber> {
  if (typeof value === "number") return fromExcelSerial(value, system, field);
  if (typeof value === "string") {
    const t = value.trim();
    if (t !== "" && /^\d+(\.\d+)?$/.test(t)) return fromExcelSerial(Number(t), system, field);
    return parseDateText(t, field);
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return err(invalidInput(field, detail("notDate")));
    return ok(dayFromCivil(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
  }
  return err(invalidInput(field, detail("notDate")));
}
