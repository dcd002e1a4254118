/**
 * npm run api-sets [-- --json] [--all]
 *
 * Which Office requirement sets the add-in's code needs, read from the code rather than from memory.
 * The TypeScript compiler (with the type checker) resolves every property access, call, `load("a/b")`
 * path and object-literal property typed by an Office.js interface to its declaration in
 * @types/office-js (or @types/office-runtime) and reads the `[Api set: ExcelApi 1.x]` tag of its
 * JSDoc (the member's own tag, else its class's or namespace's). A use is *guarded* when it sits in a
 * branch conditioned on `isSetSupported("ExcelApi", "1.x")`: directly, through a helper function whose
 * body calls it, through a const holding its result, after an early `if (!guard) return`, or on the
 * right of `guard && …`. Each unguarded use must be covered by a set the manifest declares in
 * `<Requirements><Sets>`; a use whose set the manifest does not cover fails the run with file:line,
 * member and set. Exit 0 when covered, 1 otherwise, 2 on a usage error.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

/** A requirement set and its version, e.g. { name: "ExcelApi", version: "1.4" }. */
export interface ApiSet {
  name: string;
  version: string;
}

/** One use of an Office.js member in the add-in's code. */
export interface ApiUse {
  /** Repository-relative path and 1-based line. */
  file: string;
  line: number;
  /** Qualified name of the declaration, e.g. "Excel.Range.values". */
  member: string;
  /** The sets its JSDoc names (the Excel-relevant ones). */
  sets: ApiSet[];
  /** The ExcelApi (or other) sets proven available where the use sits. */
  guards: ApiSet[];
}

/** A use that the manifest's declared sets do not cover and no guard protects. */
export interface ApiSetViolation {
  use: ApiUse;
  needed: ApiSet;
  declared: string | undefined;
}

/** Sets of other hosts, which never constrain an Excel add-in. */
const OTHER_HOSTS = /^(Word|PowerPoint|OneNote|Mailbox|Visio|Outlook|Project|OneDrive|Onenote)/i;
const API_SET_TAG = /\[Api set:\s*([^\]]+)\]/;

/** Compare dotted versions numerically ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The sets named in one `[Api set: …]` tag text, other hosts' sets dropped. */
export function parseApiSetTag(text: string): ApiSet[] {
  const match = API_SET_TAG.exec(text);
  if (!match) return [];
  const sets: ApiSet[] = [];
  for (const part of match[1].split(/[,;]/)) {
    const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s+(\d+(?:\.\d+)*)/.exec(part);
    if (m && !OTHER_HOSTS.test(m[1])) sets.push({ name: m[1], version: m[2] });
  }
  return sets;
}

/** The requirement sets a manifest declares: set name → minimum version. */
export function declaredSets(manifestXml: string): Map<string, string> {
  const out = new Map<string, string>();
  const setsBlock = /<Sets\b([^>]*)>([\s\S]*?)<\/Sets>/.exec(manifestXml);
  if (!setsBlock) return out;
  const defaultMin = /DefaultMinVersion="([^"]+)"/.exec(setsBlock[1])?.[1] ?? "1.1";
  for (const m of setsBlock[2].matchAll(/<Set\b([^>]*)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(m[1])?.[1];
    if (name) out.set(name, /MinVersion="([^"]+)"/.exec(m[1])?.[1] ?? defaultMin);
  }
  return out;
}

function isOfficeDeclarationFile(file: string): boolean {
  return /[\\/]@types[\\/](office-js|office-js-preview|office-runtime|custom-functions-runtime)[\\/]/.test(file);
}

/** The `[Api set]` of a declaration: its own JSDoc, else the nearest enclosing class/interface/namespace's. */
function setsOfDeclaration(decl: ts.Node): ApiSet[] {
  const source = decl.getSourceFile();
  for (let node: ts.Node | undefined = decl; node && !ts.isSourceFile(node); node = node.parent) {
    const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
    for (let i = ranges.length - 1; i >= 0; i--) {
      const sets = parseApiSetTag(source.text.slice(ranges[i].pos, ranges[i].end));
      if (sets.length > 0) return sets;
    }
    // A member without a tag takes its container's; stop at the namespace level.
    if (ts.isModuleDeclaration(node)) break;
  }
  return [];
}

function qualifiedName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
}

/** Office.js declarations behind a symbol (aliases and union members resolved). */
function officeDeclarations(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): ts.Declaration[] {
  if (!symbol) return [];
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (target.declarations ?? []).filter((d) => isOfficeDeclarationFile(d.getSourceFile().fileName));
}

/** The literal text of an argument, through const identifiers. */
function literalText(node: ts.Expression | undefined, checker: ts.TypeChecker): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isIdentifier(node)) {
    const decl = checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) {
      return literalText(decl.initializer, checker);
    }
  }
  return undefined;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/**
 * The sets an expression proves available when it is truthy (polarity true) or falsy (false).
 * `bindings` maps a helper's parameter names to the literal arguments of the call being expanded.
 */
function guardsOf(
  expr: ts.Expression,
  truthy: boolean,
  checker: ts.TypeChecker,
  bindings: Map<string, string> = new Map(),
  depth = 0,
): ApiSet[] {
  if (depth > 6) return [];
  const next = (e: ts.Expression, t: boolean, b = bindings) => guardsOf(e, t, checker, b, depth + 1);
  if (ts.isParenthesizedExpression(expr) || ts.isAwaitExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) {
    return next(expr.expression, truthy);
  }
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return next(expr.operand, !truthy);
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    // a && b truthy: both hold; a || b falsy: neither holds, so both negations hold.
    if ((op === ts.SyntaxKind.AmpersandAmpersandToken && truthy) || (op === ts.SyntaxKind.BarBarToken && !truthy)) {
      return [...next(expr.left, truthy), ...next(expr.right, truthy)];
    }
    return [];
  }
  if (!truthy) return [];
  if (ts.isIdentifier(expr)) {
    const decl = checker.getSymbolAtLocation(expr)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) {
      return next(decl.initializer, true);
    }
    return [];
  }
  if (ts.isCallExpression(expr)) {
    const bound = (arg: ts.Expression | undefined) =>
      arg && ts.isIdentifier(arg) && bindings.has(arg.text) ? bindings.get(arg.text) : literalText(arg, checker);
    if (calleeName(expr) === "isSetSupported") {
      const name = bound(expr.arguments[0]);
      const version = bound(expr.arguments[1]) ?? "1.1";
      return name ? [{ name, version }] : [];
    }
    // A helper of the project: expand its body with its parameters bound to this call's literals.
    const decl = checker.getResolvedSignature(expr)?.declaration;
    if (decl && !isOfficeDeclarationFile(decl.getSourceFile().fileName) && (ts.isFunctionLike(decl)) && "body" in decl && decl.body) {
      const params = new Map<string, string>();
      decl.parameters.forEach((p, i) => {
        const value = bound(expr.arguments[i]) ?? (p.initializer ? literalText(p.initializer, checker) : undefined);
        if (ts.isIdentifier(p.name) && value !== undefined) params.set(p.name.text, value);
      });
      const body = decl.body;
      if (ts.isBlock(body)) {
        const returns: ts.Expression[] = [];
        const visit = (n: ts.Node) => {
          if (ts.isReturnStatement(n) && n.expression) returns.push(n.expression);
          else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
        };
        visit(body);
        // Every return must prove the set for the helper to count as a guard.
        const per = returns.map((r) => next(r, true, params));
        if (per.length === 0 || per.some((g) => g.length === 0)) return [];
        return per[0].filter((g) => per.every((o) => o.some((x) => x.name === g.name && compareVersions(x.version, g.version) >= 0)));
      }
      return next(body as ts.Expression, true, params);
    }
  }
  return [];
}

/** Does a statement always leave its block (return, throw, continue, break)? */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) {
    return true;
  }
  if (ts.isBlock(statement)) return statement.statements.some(exits);
  return false;
}

/** The sets proven available at a node by the branches and early exits around it. */
function guardsAt(node: ts.Node, checker: ts.TypeChecker): ApiSet[] {
  const guards: ApiSet[] = [];
  for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression) {
      guards.push(...guardsOf(parent.expression, child === parent.thenStatement, checker));
    } else if (ts.isConditionalExpression(parent) && child !== parent.condition) {
      guards.push(...guardsOf(parent.condition, child === parent.whenTrue, checker));
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      const op = parent.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) guards.push(...guardsOf(parent.left, true, checker));
      if (op === ts.SyntaxKind.BarBarToken) guards.push(...guardsOf(parent.left, false, checker));
    } else if ((ts.isBlock(parent) || ts.isSourceFile(parent)) && ts.isStatement(child as ts.Statement)) {
      // if (!guard) return; … : the statements after it run only when guard holds.
      const statements = parent.statements as ts.NodeArray<ts.Statement>;
      for (const s of statements.slice(0, statements.indexOf(child as ts.Statement))) {
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) guards.push(...guardsOf(s.expression, false, checker));
      }
    }
    if (ts.isFunctionLike(parent) && !ts.isArrowFunction(parent) && !ts.isFunctionExpression(parent)) break;
  }
  return guards;
}

function isCovered(set: ApiSet, available: Iterable<ApiSet>): boolean {
  for (const a of available) if (a.name === set.name && compareVersions(a.version, set.version) >= 0) return true;
  return false;
}

/** Property names a `load(…)` argument selects: "a, b/c" and ["a", "b/c"]; paths as arrays. */
function loadPaths(arg: ts.Expression | undefined, checker: ts.TypeChecker): string[][] {
  if (!arg) return [];
  const texts: string[] = [];
  const literal = literalText(arg, checker);
  if (literal !== undefined) texts.push(...literal.split(","));
  else if (ts.isArrayLiteralExpression(arg)) {
    for (const e of arg.elements) {
      const t = literalText(e, checker);
      if (t !== undefined) texts.push(t);
    }
  }
  return texts.map((t) => t.trim()).filter((t) => t !== "").map((t) => t.split("/").map((p) => p.trim()));
}

/** The element type of an array type, else the type itself. */
function elementOf(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
  return type;
}

/** Every use of an Office.js member in the given source files. */
export function findApiUses(program: ts.Program, files: readonly string[], root = ROOT): ApiUse[] {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  const record = (at: ts.Node, decl: ts.Node, symbol: ts.Symbol) => {
    // A member without a tag is kept (sets: []) and listed apart: the types do not say which set it
    // needs (Excel.RunOptions.delayForCellEdit is one), so a reviewer must check it by hand.
    const sets = setsOfDeclaration(decl);
    const source = at.getSourceFile();
    const { line } = source.getLineAndCharacterOfPosition(at.getStart(source));
    uses.push({
      file: path.relative(root, source.fileName).split(path.sep).join("/"),
      line: line + 1,
      member: qualifiedName(checker, symbol),
      sets,
      guards: guardsAt(at, checker),
    });
  };
  const recordSymbol = (at: ts.Node, symbol: ts.Symbol | undefined, declaration?: ts.Node) => {
    const decls = declaration && isOfficeDeclarationFile(declaration.getSourceFile().fileName) ? [declaration] : officeDeclarations(symbol, checker);
    if (symbol && decls.length > 0) record(at, decls[0], symbol);
  };
  /** Members of a type by name, through unions (each constituent that has it). */
  const propertiesOf = (type: ts.Type, name: string): ts.Symbol[] => {
    const types = type.isUnion() ? type.types : [type];
    return types.map((t) => checker.getPropertyOfType(checker.getApparentType(t), name)).filter((s): s is ts.Symbol => s !== undefined);
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) || (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))) {
      const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
      let declaration: ts.Node | undefined;
      if (ts.isCallExpression(node.parent) && node.parent.expression === node) declaration = checker.getResolvedSignature(node.parent)?.declaration;
      const symbol = checker.getSymbolAtLocation(nameNode);
      if (symbol) recordSymbol(nameNode, symbol, declaration);
      else {
        const name = ts.isPropertyAccessExpression(node) ? node.name.text : (node.argumentExpression as ts.StringLiteral).text;
        for (const s of propertiesOf(checker.getTypeAtLocation(node.expression), name)) recordSymbol(nameNode, s);
      }
      // load("a, b/c") selects properties by name: each is a use of that property.
      if (ts.isPropertyAccessExpression(node) && node.name.text === "load" && ts.isCallExpression(node.parent) && node.parent.expression === node) {
        for (const pathParts of loadPaths(node.parent.arguments[0], checker)) {
          let types = [checker.getTypeAtLocation(node.expression)];
          for (const part of pathParts) {
            const found = types.flatMap((t) => propertiesOf(t, part));
            for (const s of found.slice(0, 1)) recordSymbol(node.parent.arguments[0], s);
            types = found.map((s) => elementOf(checker.getTypeOfSymbolAtLocation(s, node), checker));
          }
        }
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const property of node.properties) {
          if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) || !ts.isIdentifier(property.name)) continue;
          for (const s of propertiesOf(contextual, property.name.text).slice(0, 1)) recordSymbol(property.name, s);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source) visit(source);
  }
  return uses;
}

/** Uses that neither the declared sets nor a guard cover; one per use and set needed. */
export function findViolations(uses: readonly ApiUse[], declared: ReadonlyMap<string, string>): ApiSetViolation[] {
  const available = [...declared].map(([name, version]) => ({ name, version }));
  const out: ApiSetViolation[] = [];
  for (const use of uses) {
    if (use.sets.length === 0) continue;
    // A tag that names several sets of the same host family is satisfied by any one of them.
    if (use.sets.some((s) => isCovered(s, available) || isCovered(s, use.guards))) continue;
    const needed = use.sets[0];
    out.push({ use, needed, declared: declared.get(needed.name) });
  }
  return out;
}

/** The lowest version of each set that covers every unguarded use. */
export function minimumSets(uses: readonly ApiUse[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const use of uses) {
    if (use.sets.length === 0 || use.sets.some((s) => isCovered(s, use.guards))) continue;
    const s = use.sets[0];
    const current = out.get(s.name);
    if (current === undefined || compareVersions(s.version, current) > 0) out.set(s.name, s.version);
  }
  return out;
}

/** The add-in's own source files that run in Office: the pane, the host adapters and the functions. */
export function addinSourceFiles(root = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
    }
  };
  walk(path.join(root, "src"));
  return out.sort();
}

/** A program over the files with the repository's compiler options. */
export function createProgram(files: readonly string[], root = ROOT): ts.Program {
  const configPath = path.join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames: [...files], options: { ...parsed.options, noEmit: true } });
}

function formatSets(sets: readonly ApiSet[]): string {
  return sets.map((s) => `${s.name} ${s.version}`).join(", ");
}

/** One line per violation: file:line, member, the set it needs and what the manifest declares. */
export function formatViolation(v: ApiSetViolation): string {
  const declared = v.declared === undefined ? `no ${v.needed.name}` : `${v.needed.name} ${v.declared}`;
  return (
    `${v.use.file}:${v.use.line}: ${v.use.member} needs ${formatSets(v.use.sets)} but manifest.xml declares ${declared}; ` +
    `raise the manifest's minimum or guard it with Office.context.requirements.isSetSupported("${v.needed.name}", "${v.needed.version}") and a visible fallback.`
  );
}

function main(argv: string[]): number {
  const json = argv.includes("--json");
  const all = argv.includes("--all");
  const unknown = argv.filter((a) => a !== "--json" && a !== "--all");
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown[0]} (use --json, --all)`);
    return 2;
  }
  const files = addinSourceFiles();
  const uses = findApiUses(createProgram(files), files);
  const declared = declaredSets(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  const violations = findViolations(uses, declared);
  const minimum = minimumSets(uses);
  if (json) {
    console.log(JSON.stringify({ declared: Object.fromEntries(declared), minimum: Object.fromEntries(minimum), uses, violations }, null, 2));
  } else {
    // One line per member and set: how many uses, how many guarded, where first seen.
    const byMember = new Map<string, ApiUse[]>();
    for (const u of uses.filter((x) => x.sets.length > 0)) byMember.set(`${formatSets(u.sets)}\t${u.member}`, [...(byMember.get(`${formatSets(u.sets)}\t${u.member}`) ?? []), u]);
    const rows = [...byMember].sort(([a], [b]) => {
      const [sa, ma] = a.split("\t");
      const [sb, mb] = b.split("\t");
      const [na, va] = sa.split(" ");
      const [nb, vb] = sb.split(" ");
      return na.localeCompare(nb) || compareVersions(va ?? "0", vb ?? "0") || ma.localeCompare(mb);
    });
    console.log(`Office.js members used by the add-in (${uses.length} uses of ${rows.length} members in ${files.length} files):`);
    for (const [key, list] of rows) {
      const [sets, member] = key.split("\t");
      const guarded = list.filter((u) => u.sets.some((s) => isCovered(s, u.guards))).length;
      const where = all ? list.map((u) => `${u.file}:${u.line}`).join(" ") : `${list[0].file}:${list[0].line}`;
      console.log(`  ${sets.padEnd(24)} ${member.padEnd(52)} ${String(list.length).padStart(3)} use(s)${guarded > 0 ? `, ${guarded} guarded` : ""}  ${where}`);
    }
    const untagged = [...new Set(uses.filter((u) => u.sets.length === 0).map((u) => u.member))].sort();
    console.log(`Members without an [Api set] tag in the types (check their set in the docs): ${untagged.join(", ") || "none"}`);
    console.log(`Unguarded uses need: ${formatSets([...minimum].map(([name, version]) => ({ name, version })))}`);
    console.log(`manifest.xml declares: ${formatSets([...declared].map(([name, version]) => ({ name, version })))}`);
    for (const [name, version] of minimum) {
      const d = declared.get(name);
      if (d !== undefined && compareVersions(d, version) > 0) console.log(`note: manifest.xml asks for ${name} ${d}; the code needs only ${version} unguarded.`);
    }
  }
  for (const v of violations) console.error(formatViolation(v));
  return violations.length === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
