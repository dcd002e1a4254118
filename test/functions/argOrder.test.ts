/**
 * readCall maps a call's arguments to its spec by position: in every function of the older
 * families, the spec lists its arguments in the function's parameter order and the call passes the
 * parameters in that order. Read from the source with the TypeScript parser, so a reordered spec
 * or a parameter added in one place only fails here rather than reading one argument as another.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const FAMILIES = ["scoringFunctions.ts", "receivablesFunctions.ts", "modelFunctions.ts", "orderFunctions.ts"];

interface Call {
  fn: string;
  params: string[];
  passed: string[];
  specKeys: string[];
}

function callsOf(file: string): Call[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(__dirname, "../../src/functions", file), "utf8"), ts.ScriptTarget.ES2020, true);
  const specs = new Map<string, string[]>();
  const keysOf = (o: ts.ObjectLiteralExpression): string[] => o.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : "?"));
  source.forEachChild((node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const d of node.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isObjectLiteralExpression(d.initializer)) specs.set(d.name.text, keysOf(d.initializer));
    }
  });
  const calls: Call[] = [];
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
    const params = node.parameters.map((p) => (p.name as ts.Identifier).text);
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ["readCall", "valueOf", "spillOf", "rowsOf", "scoreRows"].includes(n.expression.text)) {
        const isScoreRows = n.expression.text === "scoreRows";
        const specArg = isScoreRows ? undefined : n.arguments[0];
        const list = n.arguments[isScoreRows ? 0 : 1];
        const specKeys = specArg === undefined ? (specs.get("SCORE_ARGS") ?? []) : ts.isIdentifier(specArg) ? (specs.get(specArg.text) ?? []) : ts.isObjectLiteralExpression(specArg) ? keysOf(specArg) : [];
        const passed = list && ts.isArrayLiteralExpression(list) ? list.elements.map((e) => (ts.isIdentifier(e) ? e.text : "?")) : [];
        calls.push({ fn: node.name!.text, params, passed, specKeys });
      }
      n.forEachChild(visit);
    };
    node.body?.forEachChild(visit);
  });
  return calls;
}

const CALLS = FAMILIES.flatMap(callsOf);

describe("readCall's positions", () => {
  it("finds a call in every custom function of the four families", () => {
    expect(new Set(CALLS.map((c) => c.fn)).size).toBe(34);
  });
  it.each(CALLS.map((c) => [c.fn, c] as const))("%s: passes its parameters in order, and its spec lists them in that order", (_fn, call) => {
    expect(call.passed).toEqual(call.params);
    expect(call.specKeys).toEqual(call.params);
  });
});
