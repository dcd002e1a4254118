/**
 * The CREDIT custom functions inside HyperFormula, for formula-level tests: real formulas, real
 * references, spills and recalculation, without Excel.
 *
 * The function table is NOT written by hand. It comes from the same metadata Excel gets:
 * `generateCustomFunctionsMetadata` (the library custom-functions-metadata-plugin runs in the
 * webpack build) parses the JSDoc `@customfunction` tags of src/functions/functions.ts into the
 * functions.json object (ids, names, parameters, result dimensionality). The generator also
 * returns `associate` pairs (JavaScript function name → id): the exact pairs the build injects as
 * `CustomFunctions.associate(id, fn)`. Each id is bound to the export of functions.ts with that
 * JavaScript name, so a renamed function, a changed id or a new parameter shows up here as it will
 * in Excel, and names cannot drift. The namespace (CREDIT) is read from manifest.xml.
 *
 * Argument passing follows Excel's rules for JavaScript custom functions:
 * - an omitted argument (missing, or empty between commas) is `null`;
 * - a blank cell is `""` (as args.ts expects), a number cell a number, text a string;
 * - a parameter with dimensionality "matrix" always gets a 2-D array (a scalar becomes [[v]]);
 *   a "scalar" parameter given a multi-cell range is #VALUE! (no implicit intersection here);
 * - an error in an argument is propagated without calling the function, as Excel does.
 * Results: a 2-D array spills (HyperFormula ArraySize), a `CustomFunctions.Error` becomes a
 * HyperFormula `CellError` of the same kind with its message, a non-finite number is #NUM!.
 *
 * Array sizes: HyperFormula fixes a spill's size when the formula is entered (the
 * `sizeOfResultArrayMethod` runs at parse time), while Excel re-sizes at each calculation. The
 * size method here evaluates the call once with the values its arguments have at that moment and
 * takes the size of the result; when an argument is not computed yet (a formula in a sheet built in
 * the same batch) it falls back to the largest argument shape. So enter spilling CREDIT formulas
 * after their inputs (`setCellContents`), as a user types them; a later input change recomputes
 * the values but keeps the size.
 *
 * HyperFormula is GPL-3.0: it is a test-only devDependency and must never be imported from src/.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import type { IAssociate, IFunction } from "custom-functions-metadata";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
  type SerializedNamedExpression,
  type Sheets,
} from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser/Ast";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { InterpreterValue, InternalScalarValue } from "hyperformula/typings/interpreter/InterpreterValue";
import { ErrorCode, type CustomFunctionsError } from "./customFunctionsStub";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SOURCE_FILES } = require("../../scripts/functions-metadata.js") as { SOURCE_FILES: string[] };
/** Every file with @customfunction JSDoc, as the build gives the metadata plugin (functions.ts re-exports them all). */
export const FUNCTIONS_SOURCE: string[] = SOURCE_FILES.map((file) => path.join(ROOT, file));

/** What a JavaScript custom function receives for one argument. */
export type ExcelArg = ExcelScalar | ExcelScalar[][] | null;
export type ExcelScalar = string | number | boolean;
/** A custom function as Excel calls it (synchronous: every CREDIT function is). */
export type CustomFunction = (...args: ExcelArg[]) => unknown;

/** One CREDIT function: its functions.json entry and the JavaScript function bound to its id. */
export interface BoundFunction {
  /** Formula name, e.g. "CREDIT.SCORE". */
  formulaName: string;
  metadata: IFunction;
  javascriptName: string;
  implementation: CustomFunction;
}

/** The functions.json object and the associate pairs, generated from the source like the build does. */
export interface GeneratedMetadata {
  functions: IFunction[];
  associate: IAssociate[];
}

/** Run the metadata generator on the function files; generator errors (bad JSDoc) fail loudly. */
export async function generateMetadata(source: string | string[] = FUNCTIONS_SOURCE): Promise<GeneratedMetadata> {
  const result = await generateCustomFunctionsMetadata(source);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata reported errors in ${source}:\n${result.errors.join("\n")}`);
  }
  if (result.metadataJson === "") return { functions: [], associate: result.associate };
  const parsed: { functions: IFunction[] } = JSON.parse(result.metadataJson);
  return { functions: parsed.functions, associate: result.associate };
}

/** The custom-functions namespace from manifest.xml (`Functions.Namespace`), e.g. "CREDIT". */
export function manifestNamespace(manifestPath: string = path.join(ROOT, "manifest.xml")): string {
  const xml = fs.readFileSync(manifestPath, "utf8");
  const match = /<bt:String\s+id="Functions\.Namespace"\s+DefaultValue="([^"]+)"/.exec(xml);
  if (!match) throw new Error(`no Functions.Namespace string in ${manifestPath}`);
  return match[1];
}

/**
 * Bind every metadata entry to the export of `module` named by its associate pair. Throws (a test
 * set-up failure) when an id has no associate pair or the named export is not a function.
 */
export function bindFunctions(metadata: GeneratedMetadata, module: Record<string, unknown>, namespace: string): BoundFunction[] {
  return metadata.functions.map((fn) => {
    const pair = metadata.associate.find((a) => a.id === fn.id);
    if (!pair) throw new Error(`custom function id ${fn.id} has no associated JavaScript function`);
    const implementation = module[pair.functionName];
    if (typeof implementation !== "function") {
      throw new Error(`custom function ${fn.id}: functions.ts exports no function named ${pair.functionName}`);
    }
    return {
      formulaName: `${namespace}.${fn.name}`,
      metadata: fn,
      javascriptName: pair.functionName,
      implementation: (...args: ExcelArg[]) => Reflect.apply(implementation, undefined, args),
    };
  });
}

const ERROR_TYPE_BY_CODE: Record<string, ErrorType> = {
  [ErrorCode.invalidValue]: ErrorType.VALUE,
  [ErrorCode.notAvailable]: ErrorType.NA,
  [ErrorCode.divisionByZero]: ErrorType.DIV_BY_ZERO,
  [ErrorCode.invalidNumber]: ErrorType.NUM,
  [ErrorCode.nullReference]: ErrorType.ERROR,
  [ErrorCode.invalidName]: ErrorType.NAME,
  [ErrorCode.invalidReference]: ErrorType.REF,
};

/** A CustomFunctions.Error as HyperFormula's CellError of the same kind, message kept. */
export function toCellError(error: CustomFunctionsError): CellError {
  return new CellError(ERROR_TYPE_BY_CODE[error.code] ?? ErrorType.VALUE, error.message || undefined);
}

/** True for a `new CustomFunctions.Error(code, message)` (checked by shape: the stub is a global). */
function isCustomFunctionsError(value: unknown): value is CustomFunctionsError {
  return value instanceof Error && typeof Reflect.get(value, "code") === "string" && Reflect.get(value, "code") in ERROR_TYPE_BY_CODE;
}

function isRichNumber(value: unknown): value is { val: number } {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "val") === "number";
}

/** One HyperFormula scalar as Excel hands it to a custom function (blank cell → ""). */
function toExcelScalar(value: InternalScalarValue): ExcelScalar | CellError {
  if (value instanceof CellError) return value;
  if (value === EmptyValue) return "";
  if (isRichNumber(value)) return value.val;
  return value;
}

/** A returned value as a HyperFormula scalar. */
function fromExcelScalar(value: unknown): InternalScalarValue {
  if (isCustomFunctionsError(value)) return toCellError(value);
  if (value === null || value === undefined || value === "") return EmptyValue;
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, "custom function returned a non-finite number");
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  return new CellError(ErrorType.VALUE, `custom function returned an unsupported value: ${String(value)}`);
}

type Converted = { ok: true; args: ExcelArg[] } | { ok: false; error: CellError };

/** HyperFormula argument values → Excel arguments by the metadata's parameter declarations. */
function toExcelArgs(fn: IFunction, values: (InterpreterValue | undefined)[], omitted: boolean[]): Converted {
  const params = fn.parameters;
  if (values.length > params.length) {
    return { ok: false, error: new CellError(ErrorType.NA, `${fn.name} takes at most ${params.length} arguments`) };
  }
  const args: ExcelArg[] = [];
  for (let i = 0; i < params.length; i++) {
    const param = params[i];
    const value = values[i];
    if (value === undefined || omitted[i]) {
      if (!param.optional) return { ok: false, error: new CellError(ErrorType.NA, `${fn.name}: ${param.name} is required`) };
      args.push(null);
      continue;
    }
    const isMatrix = param.dimensionality === "matrix";
    if (value instanceof SimpleRangeValue) {
      const matrix: ExcelScalar[][] = [];
      for (const row of value.data) {
        const out: ExcelScalar[] = [];
        for (const cell of row) {
          const v = toExcelScalar(cell);
          if (v instanceof CellError) return { ok: false, error: v };
          out.push(v);
        }
        matrix.push(out);
      }
      if (isMatrix) {
        args.push(matrix);
      } else if (matrix.length === 1 && matrix[0].length === 1) {
        args.push(matrix[0][0]);
      } else {
        return { ok: false, error: new CellError(ErrorType.VALUE, `${fn.name}: ${param.name} takes a single value, not a range`) };
      }
      continue;
    }
    const v = toExcelScalar(value);
    if (v instanceof CellError) return { ok: false, error: v };
    args.push(isMatrix ? [[v]] : v);
  }
  return { ok: true, args };
}

/** A custom function's return value as a HyperFormula value: 2-D arrays spill. */
function fromExcelResult(result: unknown): InterpreterValue {
  if (result instanceof Promise) return new CellError(ErrorType.VALUE, "asynchronous custom functions are not supported here");
  if (Array.isArray(result)) {
    const rows: unknown[][] = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
    const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
    if (rows.length === 0 || width === 0) return new CellError(ErrorType.VALUE, "custom function returned an empty array");
    const data = rows.map((row) => Array.from({ length: width }, (_, c) => fromExcelScalar(row[c])));
    return SimpleRangeValue.onlyValues(data);
  }
  return fromExcelScalar(result);
}

/**
 * Call a custom function as Excel does: a thrown CustomFunctions.Error is that error, any other
 * exception is #VALUE! with its message (Excel shows #VALUE! for a function that throws).
 */
function callExcelStyle(f: BoundFunction, args: ExcelArg[]): InterpreterValue {
  try {
    return fromExcelResult(f.implementation(...args));
  } catch (e) {
    if (isCustomFunctionsError(e)) return toCellError(e);
    return new CellError(ErrorType.VALUE, `${f.formulaName} threw: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A HyperFormula function plugin for the bound functions. Every formula name maps to the same
 * two methods, which dispatch on the called name (`ast.procedureName`).
 */
export function creditPlugin(functions: BoundFunction[]): FunctionPluginDefinition {
  const byName = new Map(functions.map((f) => [f.formulaName, f]));

  class CreditPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
      functions.map((f) => [
        f.formulaName,
        {
          method: "creditCall",
          ...(f.metadata.result?.dimensionality === "matrix" ? { sizeOfResultArrayMethod: "creditCallSize" } : {}),
          // Every argument may be a range or a scalar; conversion is done by toExcelArgs.
          parameters: f.metadata.parameters.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
          vectorizationForbidden: true,
        },
      ]),
    );

    private bound(ast: ProcedureAst): BoundFunction {
      const f = byName.get(ast.procedureName);
      if (!f) throw new Error(`no CREDIT function ${ast.procedureName}`);
      return f;
    }

    /** The arguments as Excel hands them; throws when an argument is not computed yet (size prediction). */
    private excelArgs(f: BoundFunction, ast: ProcedureAst, state: InterpreterState): Converted {
      const omitted = ast.args.map((a) => String(a.type) === "EMPTY");
      const values = ast.args.map((a) => this.evaluateAst(a, state));
      return toExcelArgs(f.metadata, values, omitted);
    }

    creditCall(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
      const f = this.bound(ast);
      const converted = this.excelArgs(f, ast, state);
      return converted.ok ? callExcelStyle(f, converted.args) : converted.error;
    }

    creditCallSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
      const f = this.bound(ast);
      let converted: Converted;
      try {
        converted = this.excelArgs(f, ast, state);
      } catch {
        // An argument is not computed yet: the largest argument shape is the best guess.
        let width = 1;
        let height = 1;
        for (const arg of ast.args) {
          const size = this.arraySizeForAst(arg, state);
          width = Math.max(width, size.width);
          height = Math.max(height, size.height);
        }
        return new ArraySize(width, height);
      }
      if (!converted.ok) return ArraySize.scalar();
      const value = callExcelStyle(f, converted.args);
      return value instanceof SimpleRangeValue ? new ArraySize(value.width(), value.height()) : ArraySize.scalar();
    }
  }
  return CreditPlugin;
}

/** Everything a formula test needs: the bound functions and a factory for engines that know them. */
export interface CreditFormulaKit {
  functions: BoundFunction[];
  /** A HyperFormula engine with the CREDIT functions registered (GPL licence key, as tests are not distributed). */
  build(sheets: Sheets, namedExpressions?: SerializedNamedExpression[], config?: Partial<ConfigParams>): HyperFormula;
  /** Unregister the plugin (call in afterAll). */
  dispose(): void;
}

/**
 * Generate the metadata from functions.ts, bind it to the module's exports and register the
 * HyperFormula plugin. `module` is `import * as functions from "src/functions/functions"`.
 */
export async function loadCreditFormulaKit(module: Record<string, unknown>, source: string | string[] = FUNCTIONS_SOURCE): Promise<CreditFormulaKit> {
  const metadata = await generateMetadata(source);
  const functions = bindFunctions(metadata, module, manifestNamespace());
  const plugin = creditPlugin(functions);
  const translations = Object.fromEntries(functions.map((f) => [f.formulaName, f.formulaName]));
  HyperFormula.registerFunctionPlugin(plugin, { enGB: translations });
  return {
    functions,
    build: (sheets, namedExpressions, config) =>
      HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", ...config }, namedExpressions),
    dispose: () => HyperFormula.unregisterFunctionPlugin(plugin),
  };
}
