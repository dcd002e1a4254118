/** Calling custom functions as Excel does, and checking what they answer (shared by the function tests). */
import { CustomFunctionsError, type ErrorCode } from "./customFunctionsStub";

/** A column range from its cells. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** The single cell of a spill that failed as a whole. */
export const only = (spill: unknown[][]): unknown => spill[0][0];

/** Call a custom function as Excel does: an omitted optional argument arrives as null. */
export function excel<R>(fn: (...args: never[]) => R, ...args: unknown[]): R {
  return Reflect.apply(fn, undefined, args);
}

/** The value is a CustomFunctions.Error of this code, with a message matching `message` when given. */
export function expectError(value: unknown, code: ErrorCode, message?: RegExp): void {
  expect(value).toBeInstanceOf(CustomFunctionsError);
  if (value instanceof CustomFunctionsError) {
    expect(value.code).toBe(code);
    if (message) expect(value.message).toMatch(message);
  }
}
