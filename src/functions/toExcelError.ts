/**
 * The one place where engine errors become Excel errors. Excel shows a message only with #VALUE!
 * and #N/A: it drops the message attached to #NUM! and #DIV/0! (issue 18). So every error whose
 * message the user needs, the argument it names and why, is #VALUE! (invalid input, and values
 * out of range or too large to compute) or #N/A (a result not available); only a zero denominator
 * is #DIV/0!, as Excel's own functions give it, documented on each function that divides.
 * The message is in the functions' language (functionLanguage: the one set, else Office's
 * display language), from the review words' catalogue the functions carry (`error.*`, `errorDetail.*`).
 */
import { errorText } from "../app/errorText";
import type { DomainError, Result } from "../engine/errors";
import { reviewWordsTranslator } from "../i18n/reviewWords";
import { functionLanguage } from "./functionLanguage";

/** The translator of the functions' messages, in their language now. */
const words = () => reviewWordsTranslator(functionLanguage());

export function toExcelError(error: DomainError): CustomFunctions.Error {
  const message = errorText(words(), error);
  switch (error.kind) {
    case "invalidInput":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
    case "notAvailable":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    case "outOfRange":
      // Not #NUM!: Excel would show it without the message naming the argument.
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
    case "divideByZero":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero, message);
    default: {
      const never: never = error;
      throw new Error(`unhandled domain error ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A scalar result for Excel: the value, or the mapped error. Never NaN or Infinity: the engine
 * promises finite numbers, and should one slip through (an overflow the engine does not check
 * yet) the cell is #VALUE! saying so, not a number Excel cannot show.
 */
export function toExcel<T>(result: Result<T>): T | CustomFunctions.Error {
  if (!result.ok) return toExcelError(result.error);
  const value = result.value;
  if (typeof value === "number" && !Number.isFinite(value)) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, words().format("error.tooLarge"));
  }
  return value;
}

/** Run an adapter body; a Result error is mapped, a thrown bug becomes #VALUE! with its message instead of crashing Excel's calc. */
export function guard<T>(body: () => Result<T>): T | CustomFunctions.Error {
  try {
    return toExcel(body());
  } catch (e) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, words().format("error.internal", { message: (e as Error).message }));
  }
}
