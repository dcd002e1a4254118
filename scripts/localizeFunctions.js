/* Chinese metadata for the CREDIT custom functions: dist/functions.zh-CN.json, written from the
 * generated dist/functions.json and the translations in src/i18n/functions.zh-CN.json. Excel in
 * Chinese loads it through the manifest's <bt:Override Locale="zh-CN"> on Functions.Metadata.Url.
 *
 * Only descriptions, parameter names and parameter descriptions are translated. Function ids and
 * names stay English (CREDIT.GRADE, not CREDIT.等级): see README "中文 / Languages" for why.
 *
 * LocalizedFunctionsPlugin emits it in every webpack build (production, development and the dev
 * server) beside functions.json; `node scripts/localizeFunctions.js` does the same on an existing
 * dist/. Either fails naming every function or parameter without a Chinese entry, and every Chinese
 * entry left over from a function or parameter that is gone, so a new CREDIT.* function without its
 * translation fails the build. */
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "dist", "functions.json");
const TRANSLATIONS = path.join(ROOT, "src", "i18n", "functions.zh-CN.json");
const TARGET = path.join(ROOT, "dist", "functions.zh-CN.json");

const hasText = (value) => typeof value === "string" && value.trim().length > 0;

/**
 * The Chinese metadata from the English metadata and the translations: the same functions in the
 * same order with the same ids, names, types, dimensionalities, options and results, and the
 * description and each parameter's name and description taken from the translations.
 * @returns {{ metadata: object | undefined, problems: string[] }} problems empty when complete
 */
function localizeFunctions(metadata, translations) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  const functions = metadata.functions.map((f) => {
    const zh = translations[f.id];
    if (!zh) {
      problems.push(`CREDIT.${f.id}: no Chinese entry in src/i18n/functions.zh-CN.json`);
      return f;
    }
    if (!hasText(zh.description)) problems.push(`CREDIT.${f.id}: the Chinese description is empty`);
    const zhParameters = zh.parameters ?? {};
    const names = new Set((f.parameters ?? []).map((p) => p.name));
    const parameters = (f.parameters ?? []).map((p) => {
      const zp = zhParameters[p.name];
      if (!zp) {
        problems.push(`CREDIT.${f.id}(${p.name}): no Chinese entry for this parameter`);
        return p;
      }
      if (!hasText(zp.name)) problems.push(`CREDIT.${f.id}(${p.name}): the Chinese parameter name is empty`);
      if (!hasText(zp.description)) problems.push(`CREDIT.${f.id}(${p.name}): the Chinese parameter description is empty`);
      return { ...p, name: zp.name, description: zp.description };
    });
    for (const name of Object.keys(zhParameters)) {
      if (!names.has(name)) problems.push(`CREDIT.${f.id}(${name}): Chinese entry for a parameter the function does not have`);
    }
    const zhNames = parameters.map((p) => p.name);
    const duplicate = zhNames.find((n, i) => zhNames.indexOf(n) !== i);
    if (duplicate !== undefined) problems.push(`CREDIT.${f.id}: the Chinese parameter name "${duplicate}" is used twice`);
    return { ...f, description: zh.description, parameters };
  });
  for (const id of Object.keys(translations)) {
    if (!ids.has(id)) problems.push(`CREDIT.${id}: Chinese entry for a function that does not exist`);
  }
  return { metadata: problems.length === 0 ? { ...metadata, functions } : undefined, problems };
}

function main() {
  if (!fs.existsSync(SOURCE)) {
    console.error(`localizeFunctions: ${path.relative(ROOT, SOURCE)} is missing; run webpack first`);
    process.exit(1);
  }
  const metadata = withBasicCellValues(JSON.parse(fs.readFileSync(SOURCE, "utf8")));
  const translations = JSON.parse(fs.readFileSync(TRANSLATIONS, "utf8"));
  const { metadata: zh, problems } = localizeFunctions(metadata, translations);
  if (!zh) {
    for (const p of problems) console.error(`localizeFunctions: ${p}`);
    console.error(`localizeFunctions: ${problems.length} problem(s); add the Chinese text to src/i18n/functions.zh-CN.json`);
    process.exit(1);
  }
  fs.writeFileSync(TARGET, `${JSON.stringify(zh, null, 2)}\n`);
  console.log(`localizeFunctions: wrote ${path.relative(ROOT, TARGET)} (${zh.functions.length} functions)`);
}

/**
 * The metadata with `allowCustomDataForDataTypeAny` false. custom-functions-metadata always writes
 * it true, which makes Excel hand an `any` parameter a data-type cell (a formatted number, a stock)
 * as its JSON object; false makes Excel pass the cell's basic value, which is what every CREDIT
 * function reads (a formatted amount is an amount). No CREDIT function takes or returns data types.
 */
function withBasicCellValues(metadata) {
  return { ...metadata, allowCustomDataForDataTypeAny: false };
}

/**
 * Webpack plugin: after the metadata plugin has emitted `input` (functions.json), rewrite it with
 * basic cell values (withBasicCellValues) and emit `output` (functions.zh-CN.json) from it and the
 * translations; a missing translation is a build error.
 */
class LocalizedFunctionsPlugin {
  constructor(options = {}) {
    this.options = { input: "functions.json", output: "functions.zh-CN.json", translations: TRANSLATIONS, ...options };
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.fileDependencies.add(this.options.translations);
      compilation.hooks.processAssets.tap({ name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const asset = compilation.getAsset(this.options.input);
        if (!asset) {
          compilation.errors.push(new WebpackError(`LocalizedFunctionsPlugin: ${this.options.input} was not emitted`));
          return;
        }
        const metadata = withBasicCellValues(JSON.parse(asset.source.source().toString()));
        compilation.updateAsset(this.options.input, new sources.RawSource(`${JSON.stringify(metadata, null, 2)}\n`));
        const translations = JSON.parse(fs.readFileSync(this.options.translations, "utf8"));
        const { metadata: zh, problems } = localizeFunctions(metadata, translations);
        if (!zh) {
          for (const p of problems) compilation.errors.push(new WebpackError(`LocalizedFunctionsPlugin: ${p}`));
          return;
        }
        compilation.emitAsset(this.options.output, new sources.RawSource(`${JSON.stringify(zh, null, 2)}\n`));
      });
    });
  }
}

if (require.main === module) main();

module.exports = { localizeFunctions, withBasicCellValues, LocalizedFunctionsPlugin };
