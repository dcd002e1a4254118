/* After `npm run build`: dist/ holds what Excel loads, and it agrees with the source.
 * - manifest.xml, taskpane.html, functions.js, taskpane.js, functions.json and the icons exist;
 * - functions.json is the metadata generated from functions.ts (same ids as the contract), and
 *   functions.zh-CN.json has the same functions and parameter counts;
 * - functions.js associates every id; taskpane.html loads functions.js and taskpane.js (shared runtime);
 * - the functions bundle stays within 60 KB gzip;
 * - dist/manifest.xml passes the offline manifest checks (scripts/package.js checkManifest) against
 *   the files in dist/: resources resolve, URLs are https under ADDIN_URL (default the dev server)
 *   and exist, icons have their declared sizes, the functions' namespace, script, page and metadata
 *   match the build, overrides point at files that exist. Exit 1 with the reason otherwise. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const DIST = path.resolve(__dirname, "..", "dist");
const contract = require("../test/functions/functions.contract.json");
const failures = [];
const need = (ok, message) => ok || failures.push(message);

for (const f of ["manifest.xml", "taskpane.html", "functions.js", "taskpane.js", "functions.json", "assets/icon-32.png", "assets/icon-80.png"]) {
  need(fs.existsSync(path.join(DIST, f)), `dist/${f} is missing`);
}
if (failures.length === 0) {
  const meta = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  const ids = meta.functions.map((f) => f.id);
  need(meta.allowCustomDataForDataTypeAny === false, "dist/functions.json must set allowCustomDataForDataTypeAny false (Excel then passes data-type cells by their basic value)");
  need(JSON.stringify(ids) === JSON.stringify(contract.map((f) => f.id)), "dist/functions.json ids differ from the contract");
  // Chinese Excel loads functions.zh-CN.json (the manifest's zh-CN override): same functions, same parameters.
  const zhFile = path.join(DIST, "functions.zh-CN.json");
  need(fs.existsSync(zhFile), "dist/functions.zh-CN.json is missing (webpack's LocalizedFunctionsPlugin writes it)");
  if (fs.existsSync(zhFile)) {
    const zh = JSON.parse(fs.readFileSync(zhFile, "utf8"));
    const shape = (m) => JSON.stringify(m.functions.map((f) => [f.id, f.parameters.length]));
    need(shape(zh) === shape(meta), "dist/functions.zh-CN.json has other functions or parameter counts than functions.json");
  }
  const bundle = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  for (const id of ids) need(bundle.includes(`CustomFunctions.associate("${id}"`), `functions.js does not associate ${id}`);
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  need(/src=["']?functions\.js/.test(html) && /src=["']?taskpane\.js/.test(html), "taskpane.html must load functions.js and taskpane.js");
  const gz = zlib.gzipSync(Buffer.from(bundle), { level: 9 }).length;
  need(gz <= 60 * 1024, `functions.js is ${gz} bytes gzip, over 60 KB`);
  const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  need(!/DefaultValue="http:\/\//.test(manifest), "dist/manifest.xml has a non-https URL");
  const deploy = require("./package.js");
  const addinUrl = deploy.parseAddinUrl(process.env.ADDIN_URL || deploy.DEV_URL);
  need(addinUrl.ok, addinUrl.error);
  if (addinUrl.ok) {
    const tree = deploy.readTree(DIST);
    const { version } = require("../package.json");
    const build = { page: "taskpane.html", script: "functions.js", metadata: "functions.json" };
    for (const p of deploy.checkManifest(manifest, { addinUrl: addinUrl.value, files: (rel) => tree.get(rel), version, build })) need(false, `manifest: ${p}`);
  }
  if (failures.length === 0) console.log(`dist ok: ${ids.length} functions, functions.js ${gz} bytes gzip`);
}
if (failures.length > 0) {
  for (const f of failures) console.error(`dist check: ${f}`);
  process.exit(1);
}
