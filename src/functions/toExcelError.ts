/**
 * The one place where engine errors become Excel errors. Excel shows a message only with
 * #VALUE! and #N/A, so invalid input and unavailable results use those; out-of-range values
 * are #NUM! and zero denominators #DIV/0! as Excel's own functions do.
 */
import { describeError, type DomainError, type Result } from "../engine/errors";

export function toExcelError(error: DomainError): CustomFunctions.Error {
  const message = describeError(error);
  switch (error.kind) {
    case "invalidInput":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
    case "notAvailable":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    case "outOfRange":
      // #NUM! carries no message in Excel; keep the message for hosts that show it.
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, message);
    case "divideByZero":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero, message);
    default: {
      const never: never = error;
      throw new Error(`unhandled domain error ${JSON.stringify(never)}`);
    }
  }
}

/** A scalar result for Excel: the value, or the mapped error (never NaN or Infinity). */
export function toExcel<T>(result: Result<T>): T | CustomFunctions.Error {
  return result.ok ? result.value : toExcelError(result.error);
}

/** Run an adapter body; a Result error is mapped, a thrown bug becomes #VALUE! with its message instead of crashing Excel's calc. */
export function guard<T>(body: () => Result<T>): T | CustomFunctions.Error {
  try {
    return toExcel(body());
  } catch (e) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `internal error: ${(e as Error).message}`);
  }
}
