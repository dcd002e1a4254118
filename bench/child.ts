/**
 * One benchmark case in its own process (so that peak memory is per case):
 * `node --expose-gc bench/child.js <case> <json args> <result file>`. The result is written as
 * JSON to the result file; a failure is written as { error } and the exit code is 1.
 */
import { writeFileSync } from "node:fs";
import { CASES, type CaseName } from "./cases";

function isCaseName(name: string): name is CaseName {
  return Object.prototype.hasOwnProperty.call(CASES, name);
}

async function main(): Promise<void> {
  const [name, argsJson, outFile] = process.argv.slice(2);
  if (!name || !isCaseName(name) || !outFile) {
    throw new Error(`usage: child.js <${Object.keys(CASES).join("|")}> <json args> <result file>`);
  }
  const args: unknown = JSON.parse(argsJson ?? "{}");
  const value = await CASES[name](args);
  writeFileSync(outFile, JSON.stringify(value, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const outFile = process.argv[4];
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    if (outFile) writeFileSync(outFile, JSON.stringify({ error: message }));
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
