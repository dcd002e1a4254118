/* The custom functions' metadata, generated from the JSDoc of the files in SOURCES (the function families, each in a
 * file of its own: scoringFunctions.ts, receivablesFunctions.ts, reviewFunctions.ts, modelFunctions.ts) exactly as the build does
 * (custom-functions-metadata, the same list as webpack.config.js gives the metadata plugin), and the two
 * things derived from it that must not drift:
 *   - test/functions/functions.contract.json: ids, names, parameters, result shapes (the contract test)
 *   - the function table in README.md between <!-- functions:start --> and <!-- functions:end -->
 * `node scripts/functions-metadata.js --write` regenerates both after a deliberate change. */
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const ROOT = path.resolve(__dirname, "..");
/** Every file with @customfunction JSDoc; webpack.config.js reads this list too. */
const SOURCE_FILES = [
  "src/functions/scoringFunctions.ts",
  "src/functions/receivablesFunctions.ts",
  "src/functions/reviewFunctions.ts",
  "src/functions/modelFunctions.ts",
  "src/functions/orderFunctions.ts",
];
const SOURCES = SOURCE_FILES.map((file) => path.join(ROOT, file));
const CONTRACT = path.join(ROOT, "test/functions/functions.contract.json");
const README = path.join(ROOT, "README.md");
const START = "<!-- functions:start -->";
const END = "<!-- functions:end -->";

async function metadata() {
  const result = await generateCustomFunctionsMetadata(SOURCES, false);
  if (result.errors.length > 0) throw new Error(`custom functions metadata errors:\n${result.errors.join("\n")}`);
  return { ...JSON.parse(result.metadataJson), associate: result.associate };
}

/** The parts of the metadata that callers depend on. */
function contractOf(meta) {
  return meta.functions.map((f) => ({
    id: f.id,
    name: f.name,
    parameters: f.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      dimensionality: p.dimensionality ?? "scalar",
      optional: p.optional === true,
    })),
    result: { type: f.result?.type ?? "any", dimensionality: f.result?.dimensionality ?? "scalar" },
  }));
}

const escapeCell = (text) => String(text ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** Markdown reference table: signature and description of every function. */
function referenceTable(meta) {
  const lines = ["| Function | Description |", "|---|---|"];
  for (const f of meta.functions) {
    const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    lines.push(`| \`CREDIT.${f.name}(${args})\` | ${escapeCell(f.description)} |`);
  }
  return lines.join("\n");
}

function withTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

async function main() {
  const meta = await metadata();
  if (process.argv.includes("--write")) {
    fs.writeFileSync(CONTRACT, `${JSON.stringify(contractOf(meta), null, 2)}\n`);
    fs.writeFileSync(README, withTable(fs.readFileSync(README, "utf8"), referenceTable(meta)));
    console.log(`${meta.functions.length} functions: contract and README table written`);
  } else {
    process.stdout.write(`${JSON.stringify(meta, null, 2)}\n`);
  }
}

module.exports = { metadata, contractOf, referenceTable, withTable, START, END, CONTRACT, README, SOURCE_FILES };

if (require.main === module) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
