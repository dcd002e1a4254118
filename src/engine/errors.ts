/**
 * Errors are values in the engine (credit-method.md, conventions.md "Errors").
 * One exhaustive switch in each outer layer maps them to Excel errors, CLI
 * messages and task-pane text. `throw` is reserved for programmer bugs.
 */
export type DomainError =
  | { kind: "invalidInput"; field: string; detail: string }
  | { kind: "outOfRange"; field: string; detail: string }
  | { kind: "notAvailable"; what: string }
  | { kind: "divideByZero"; field: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(error: DomainError): Result<T> {
  return { ok: false, error };
}

export const invalidInput = (field: string, detail: string): DomainError => ({ kind: "invalidInput", field, detail });
export const outOfRange = (field: string, detail: string): DomainError => ({ kind: "outOfRange", field, detail });
export const notAvailable = (what: string): DomainError => ({ kind: "notAvailable", what });
export const divideByZero = (field: string): DomainError => ({ kind: "divideByZero", field });

/** A readable one-line message for any domain error (CLI, task pane, #VALUE!/#N/A text). */
export function describeError(error: DomainError): string {
  switch (error.kind) {
    case "invalidInput":
      return `${error.field}: ${error.detail}`;
    case "outOfRange":
      return `${error.field} out of range: ${error.detail}`;
    case "notAvailable":
      return error.what;
    case "divideByZero":
      return `${error.field} is zero or missing (division by zero)`;
    default: {
      const never: never = error;
      throw new Error(`unhandled domain error ${JSON.stringify(never)}`);
    }
  }
}

/** Guard: a finite number, never NaN or Infinity, may leave the engine. */
export function finite(value: number, field: string): Result<number> {
  return Number.isFinite(value) ? ok(value) : err(outOfRange(field, "not a finite number"));
}
