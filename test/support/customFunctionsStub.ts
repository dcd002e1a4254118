/**
 * A small stand-in for Excel's CustomFunctions global, so the function adapters run in Node.
 * Same shape as office-runtime's: `new CustomFunctions.Error(code, message)`.
 */
export enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class CustomFunctionsError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? "");
    this.code = code;
  }
}

export function installCustomFunctionsStub(): void {
  const g = globalThis as Record<string, unknown>;
  g.CustomFunctions = { Error: CustomFunctionsError, ErrorCode, associate: () => undefined };
}

installCustomFunctionsStub();
