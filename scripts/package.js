#!/usr/bin/env node
/**
 * Deployment: the add-in as a folder for any static HTTPS host (issue 18).
 *
 *   ADDIN_URL=https://addins.example.com/credit-desk/ npm run package [-- --out folder] [--skip-build]
 *
 * builds with webpack (production, the manifest's URLs rewritten to ADDIN_URL), copies dist/ to
 * package/credit-desk-<version>/ (or --out), adds the host configuration for content types and cache
 * headers (`_headers` for Netlify / Cloudflare Pages / Azure Static Web Apps style hosts, `web.config` for
 * IIS / Azure App Service, HEADERS.md for everything else), and checks the manifest offline against the
 * folder it ships in. Exit 0 when the folder is ready, 1 when a check fails, 2 on a usage error.
 *
 *   node scripts/package.js --sync-manifest-version
 *
 * writes package.json's version into manifest.xml's <Version> (npm's `version` lifecycle runs it, so
 * `npm version patch` bumps both). The build also rewrites <Version> from package.json.
 *
 * The manifest functions here (renderManifest, checkManifest, plannedOutputs) are shared by
 * webpack.config.js, scripts/check-dist.js and test/manifest.
 */
const fs = require("fs");
const path = require("path");
const { URL } = require("url");

const ROOT = path.resolve(__dirname, "..");
const DEV_URL = "https://localhost:3000/";
/** The custom functions' namespace (CREDIT.SCORE, …): what the README, the metadata and the users know. */
const FUNCTIONS_NAMESPACE = "CREDIT";

/**
 * Content type and caching per file kind. The file names carry no content hash, so everything the
 * add-in runs is revalidated on each load (`no-cache` means "revalidate", not "do not store"); only
 * the icons may be kept for a day. functions.json and functions.js are fetched by Excel itself, from
 * another origin on the web, hence CORS on them (the dev server sends it for everything).
 */
const FILE_POLICY = [
  { ext: ".html", type: "text/html; charset=utf-8", cache: "no-cache" },
  { ext: ".js", type: "text/javascript; charset=utf-8", cache: "no-cache", cors: true },
  { ext: ".json", type: "application/json; charset=utf-8", cache: "no-cache", cors: true },
  { ext: ".xml", type: "application/xml; charset=utf-8", cache: "no-cache" },
  { ext: ".png", type: "image/png", cache: "public, max-age=86400" },
  { ext: ".txt", type: "text/plain; charset=utf-8", cache: "no-cache" },
];

/** Validate ADDIN_URL: an absolute https URL ending with "/" (the manifest's URLs are appended to it). */
function parseAddinUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: `ADDIN_URL is not a URL: ${JSON.stringify(value)}` };
  }
  if (url.protocol !== "https:") return { ok: false, error: `ADDIN_URL must be https (Office loads add-ins only over https): ${value}` };
  if (url.search || url.hash) return { ok: false, error: `ADDIN_URL must not have a query or fragment: ${value}` };
  if (!url.pathname.endsWith("/")) return { ok: false, error: `ADDIN_URL must end with "/" (it is the folder that holds taskpane.html): ${value}` };
  return { ok: true, value: url.href };
}

const escapeXml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The manifest for a deployment: the dev URL at the start of attribute values replaced by addinUrl, <Version> from package.json
 * (four parts), and <AppDomains> listing the add-in's origin when it is not the dev server.
 */
function renderManifest(xml, { addinUrl, version }) {
  // Only attribute values (a URL in a comment stays, so that "--" in a path cannot break the XML).
  let out = xml.split(`"${DEV_URL}`).join(`"${escapeXml(addinUrl)}`);
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  const origin = new URL(addinUrl).origin;
  if (addinUrl !== DEV_URL) {
    out = out.replace(/<AppDomains\s*\/>|<AppDomains>[\s\S]*?<\/AppDomains>/, `<AppDomains>\n    <AppDomain>${escapeXml(origin)}</AppDomain>\n  </AppDomains>`);
  }
  return out;
}

/** package.json's "1.2.3" as the manifest's "1.2.3.0" (a prerelease or build suffix is dropped). */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`package.json version ${version} is not semver`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

// ---------------------------------------------------------------------------------------------
// A small XML reader (saxes, a maintained streaming parser) into plain element objects.

function parseXml(xml) {
  const { SaxesParser } = require("saxes");
  const parser = new SaxesParser({ xmlns: false });
  const root = { name: "#document", attributes: {}, children: [], text: "", parent: undefined };
  let current = root;
  let error;
  parser.on("error", (e) => {
    error = error || e;
  });
  parser.on("opentag", (tag) => {
    const element = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: "", parent: current };
    current.children.push(element);
    if (!tag.isSelfClosing) current = element;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing && current.parent) current = current.parent;
  });
  parser.on("text", (t) => {
    current.text += t;
  });
  parser.write(xml).close();
  if (error) return { ok: false, error: error.message };
  return { ok: true, value: root.children[0] };
}

const localName = (name) => name.replace(/^.*:/, "");

function* descendants(element) {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

// ---------------------------------------------------------------------------------------------

/** The PNG's width and height from its IHDR chunk, or undefined. */
function pngSize(buffer) {
  const signature = "89504e470d0a1a0a";
  if (buffer.length < 24 || buffer.subarray(0, 8).toString("hex") !== signature || buffer.subarray(12, 16).toString("latin1") !== "IHDR") return undefined;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * Offline checks of an add-in-only manifest for a real deployment; a list of problems (empty: fine).
 * options.addinUrl: where the add-in is hosted; options.files: relative path → Buffer | undefined
 * (what the host will serve); options.version: package.json's version; options.build: { page,
 * script, metadata }: the file names the build produces for the pane page, the functions script
 * and the functions metadata.
 */
function checkManifest(xml, { addinUrl, files, version, build }) {
  const problems = [];
  const need = (ok, message) => {
    if (!ok) problems.push(message);
  };
  const parsed = parseXml(xml);
  if (!parsed.ok) return [`manifest.xml is not well-formed XML: ${parsed.error}`];
  const root = parsed.value;
  const all = [...descendants(root)];
  const byName = (name) => all.filter((e) => localName(e.name) === name);
  const top = (name) => root.children.find((e) => localName(e.name) === name);
  const attr = (e, name) => (e ? e.attributes[name] : undefined);

  // Identity of a real deployment.
  const id = top("Id")?.text.trim() ?? "";
  need(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) && !/^0{8}-/.test(id), `<Id> must be a GUID of this add-in, found "${id}"`);
  const manifestVer = top("Version")?.text.trim() ?? "";
  need(manifestVer === manifestVersion(version), `<Version> is ${manifestVer || "missing"}; package.json says ${manifestVersion(version)}`);
  const provider = top("ProviderName")?.text.trim() ?? "";
  need(provider !== "" && !/^contoso$/i.test(provider), `<ProviderName> must name the publisher, found "${provider}"`);
  const support = attr(top("SupportUrl"), "DefaultValue") ?? "";
  need(/^https:\/\//.test(support), `<SupportUrl> must be an https URL, found "${support}"`);
  const origin = new URL(addinUrl).origin;
  const appDomains = byName("AppDomain").map((e) => e.text.trim());
  if (addinUrl !== DEV_URL) need(appDomains.includes(origin), `<AppDomains> must list the add-in's origin ${origin} for a deployment, found [${appDomains.join(", ")}]`);
  for (const d of appDomains) need(/^https:\/\/[^/]+$/.test(d), `<AppDomain> ${d} must be an https origin`);

  // Resources: every resid resolves, every id is at most 32 characters.
  const resources = new Map();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const container of byName(kind)) {
      for (const e of container.children) {
        const rid = attr(e, "id") ?? "";
        need(rid.length > 0 && rid.length <= 32, `resource id "${rid}" must have 1 to 32 characters`);
        need(!resources.has(rid), `resource id "${rid}" is defined twice`);
        resources.set(rid, { kind, element: e });
      }
    }
  }
  for (const e of all) {
    const resid = attr(e, "resid");
    if (resid !== undefined) need(resources.has(resid), `<${localName(e.name)} resid="${resid}"> does not resolve to a resource`);
  }

  // URLs: https, under the add-in URL, and served by the package (overrides included).
  const urlOf = (value, where) => {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return;
    need(value.startsWith("https://"), `${where}: ${value} is not https`);
    need(value.startsWith(addinUrl), `${where}: ${value} is not under the add-in URL ${addinUrl}`);
    if (value.startsWith(addinUrl)) {
      const rel = decodeURIComponent(new URL(value).pathname.slice(new URL(addinUrl).pathname.length));
      need(files(rel) !== undefined, `${where}: ${value} points at ${rel}, which the package does not contain`);
    }
  };
  for (const e of all) {
    const v = attr(e, "DefaultValue");
    if (v !== undefined) urlOf(v, `<${localName(e.name)}${attr(e, "id") ? ` id="${attr(e, "id")}"` : ""}>`);
  }
  for (const o of byName("Override")) {
    const owner = o.parent;
    const locale = attr(o, "Locale") ?? "";
    need(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale), `<Override> under ${attr(owner, "id") ?? localName(owner.name)} has an invalid Locale "${locale}"`);
    const value = attr(o, "Value") ?? "";
    const kind = owner && resources.get(attr(owner, "id") ?? "")?.kind;
    if (kind === "Urls" || kind === "Images" || /^https?:/i.test(value)) urlOf(value, `<Override Locale="${locale}"> of ${attr(owner, "id") ?? localName(owner.name)}`);
    if (kind === "ShortStrings") need(value.length <= 125, `short string override ${locale} of ${attr(owner, "id")} is over 125 characters`);
    if (kind === "LongStrings") need(value.length <= 250, `long string override ${locale} of ${attr(owner, "id")} is over 250 characters`);
  }

  // Icons exist at their declared sizes.
  const checkIcon = (value, size, where) => {
    if (!value.startsWith(addinUrl)) return;
    const rel = new URL(value).pathname.slice(new URL(addinUrl).pathname.length);
    const body = files(rel);
    if (body === undefined) return; // reported above
    const dims = pngSize(body);
    need(dims !== undefined && dims.width === size && dims.height === size, `${where}: ${rel} is ${dims ? `${dims.width}×${dims.height}` : "not a PNG"}, declared ${size}×${size}`);
  };
  checkIcon(attr(top("IconUrl"), "DefaultValue") ?? "", 32, "<IconUrl>");
  checkIcon(attr(top("HighResolutionIconUrl"), "DefaultValue") ?? "", 64, "<HighResolutionIconUrl>");
  for (const image of byName("Image").filter((e) => attr(e, "size") !== undefined && attr(e, "resid") !== undefined)) {
    const res = resources.get(attr(image, "resid"));
    if (!res) continue;
    const size = Number(attr(image, "size"));
    checkIcon(attr(res.element, "DefaultValue") ?? "", size, `icon ${attr(image, "resid")} (size ${size})`);
    for (const o of res.element.children.filter((c) => localName(c.name) === "Override")) checkIcon(attr(o, "Value") ?? "", size, `icon ${attr(image, "resid")} (${attr(o, "Locale")})`);
  }

  // Custom functions: namespace, script, page and metadata match the build.
  const valueOf = (resid) => attr(resources.get(resid)?.element, "DefaultValue");
  const cf = byName("ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions");
  need(cf !== undefined, "no CustomFunctions extension point");
  if (cf) {
    const sub = (name) => [...descendants(cf)].find((e) => localName(e.name) === name);
    const resOf = (name) => attr([...descendants(sub(name) ?? { children: [] })].find((e) => localName(e.name) === "SourceLocation"), "resid");
    need(valueOf(attr(sub("Namespace"), "resid")) === FUNCTIONS_NAMESPACE, `the functions' namespace must be ${FUNCTIONS_NAMESPACE}, found ${valueOf(attr(sub("Namespace"), "resid"))}`);
    need(valueOf(resOf("Script")) === addinUrl + build.script, `the functions script must be ${addinUrl + build.script}, found ${valueOf(resOf("Script"))}`);
    need(valueOf(resOf("Page")) === addinUrl + build.page, `the functions page must be ${addinUrl + build.page}, found ${valueOf(resOf("Page"))}`);
    need(valueOf(resOf("Metadata")) === addinUrl + build.metadata, `the functions metadata must be ${addinUrl + build.metadata}, found ${valueOf(resOf("Metadata"))}`);
    const runtime = byName("Runtime")[0];
    need(runtime !== undefined && attr(runtime, "resid") === resOf("Page"), "the shared <Runtime> must use the functions page's resid");
  }
  need(attr(byName("SourceLocation").find((e) => localName(e.parent.name) === "DefaultSettings"), "DefaultValue") === addinUrl + build.page, `<DefaultSettings><SourceLocation> must be ${addinUrl + build.page}`);
  return problems;
}

/**
 * What a webpack configuration (webpack.config.js) will write: relative path → absolute source path
 * for copied files, or null for generated ones; plus the names of the page, script and metadata.
 */
function plannedOutputs(config, root = ROOT) {
  const files = new Map();
  for (const name of Object.keys(config.entry)) files.set(String(config.output.filename).replace("[name]", name), null);
  const build = { page: undefined, script: undefined, metadata: undefined };
  for (const plugin of config.plugins) {
    const kind = plugin.constructor.name;
    if (kind === "HtmlWebpackPlugin") {
      files.set(plugin.userOptions.filename, null);
      build.page = build.page ?? plugin.userOptions.filename;
    } else if (kind === "CustomFunctionsMetadataPlugin") {
      files.set(plugin.options.output, null);
      build.metadata = plugin.options.output;
    } else if (kind === "LocalizedFunctionsPlugin") {
      files.set(plugin.options.output, null);
    } else if (kind === "CopyPlugin") {
      for (const pattern of plugin.patterns) {
        const from = typeof pattern === "string" ? pattern : pattern.from;
        const to = typeof pattern === "string" ? undefined : pattern.to;
        const dir = path.dirname(from);
        const glob = new RegExp(`^${path.basename(from).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
        for (const f of fs.readdirSync(path.join(root, dir)).filter((n) => glob.test(n))) {
          const ext = path.extname(f);
          const target = to ? to.replace("[name]", path.basename(f, ext)).replace("[ext]", ext) : path.join(dir, f);
          files.set(target.split(path.sep).join("/"), path.join(root, dir, f));
        }
      }
    }
  }
  const functionsEntry = Object.keys(config.entry).find((n) => /function/i.test(n));
  if (functionsEntry) build.script = String(config.output.filename).replace("[name]", functionsEntry);
  return { files, build };
}

/** The header files for static hosts, generated from FILE_POLICY. */
function hostConfigs() {
  const headers = ["# Content types and caching for Credit Desk (generated by npm run package)."];
  for (const p of FILE_POLICY) {
    headers.push(`/*${p.ext}`, `  Content-Type: ${p.type}`, `  Cache-Control: ${p.cache}`, "  X-Content-Type-Options: nosniff");
    if (p.cors) headers.push("  Access-Control-Allow-Origin: *");
  }
  const webConfig = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<!-- IIS / Azure App Service: content types and caching for Credit Desk (generated by npm run package). -->",
    "<configuration>",
    "  <system.webServer>",
    "    <staticContent>",
    ...FILE_POLICY.flatMap((p) => [`      <remove fileExtension="${p.ext}" />`, `      <mimeMap fileExtension="${p.ext}" mimeType="${p.type}" />`]),
    '      <clientCache cacheControlMode="DisableCache" />',
    "    </staticContent>",
    "    <httpProtocol>",
    "      <customHeaders>",
    '        <add name="X-Content-Type-Options" value="nosniff" />',
    '        <add name="Access-Control-Allow-Origin" value="*" />',
    "      </customHeaders>",
    "    </httpProtocol>",
    "  </system.webServer>",
    '  <location path="assets">',
    "    <system.webServer>",
    '      <staticContent><clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="1.00:00:00" /></staticContent>',
    "    </system.webServer>",
    "  </location>",
    "</configuration>",
    "",
  ];
  const table = [
    "# Serving this folder",
    "",
    "Copy the whole folder to an HTTPS static host at the URL it was built for (the `ADDIN_URL` in",
    "manifest.xml). Serve every file with these headers:",
    "",
    "| files | Content-Type | Cache-Control | also |",
    "|---|---|---|---|",
    ...FILE_POLICY.map((p) => `| \`*${p.ext}\` | \`${p.type}\` | \`${p.cache}\` | \`X-Content-Type-Options: nosniff\`${p.cors ? ", `Access-Control-Allow-Origin: *`" : ""} |`),
    "",
    "`_headers` carries these rules for Netlify, Cloudflare Pages and similar hosts; `web.config` for IIS",
    "and Azure App Service. Then give `manifest.xml` to your Microsoft 365 admin (see docs/deployment.md).",
    "",
  ];
  return { "_headers": `${headers.join("\n")}\n`, "web.config": webConfig.join("\n"), "HEADERS.md": table.join("\n") };
}

/** Read every file under dir: relative path (with "/") → Buffer. */
function readTree(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join("/"), fs.readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

async function build(addinUrl) {
  const webpack = require("webpack");
  process.env.ADDIN_URL = addinUrl;
  const config = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  delete config.devServer;
  await new Promise((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    }),
  );
  return config;
}

/** Write package.json's version into manifest.xml's <Version> under root; the version written. */
function syncManifestVersion(root = ROOT) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const file = path.join(root, "manifest.xml");
  const xml = fs.readFileSync(file, "utf8");
  const next = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  if (next !== xml) fs.writeFileSync(file, next);
  return manifestVersion(version);
}

async function main(argv) {
  if (argv.includes("--sync-manifest-version")) {
    console.log(`manifest.xml <Version> ${syncManifestVersion()}`);
    return 0;
  }
  let out;
  let skipBuild = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = argv[++i];
    else if (argv[i] === "--skip-build") skipBuild = true;
    else {
      console.error(`unknown option ${argv[i]} (use --out folder, --skip-build, --sync-manifest-version)`);
      return 2;
    }
  }
  if (!process.env.ADDIN_URL) {
    console.error("Set ADDIN_URL to the https folder the add-in will be served from, e.g. ADDIN_URL=https://addins.example.com/credit-desk/ npm run package");
    return 2;
  }
  const url = parseAddinUrl(process.env.ADDIN_URL);
  if (!url.ok) {
    console.error(url.error);
    return 2;
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const dist = path.join(ROOT, "dist");
  let config;
  if (skipBuild) {
    config = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  } else {
    console.log(`Building for ${url.value} …`);
    config = await build(url.value);
  }
  const target = path.resolve(out ?? path.join(ROOT, "package", `credit-desk-${version}`));
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(dist, target, { recursive: true });
  for (const [name, text] of Object.entries(hostConfigs())) fs.writeFileSync(path.join(target, name), text);
  const tree = readTree(target);
  const manifest = tree.get("manifest.xml")?.toString("utf8") ?? "";
  const problems = checkManifest(manifest, { addinUrl: url.value, files: (rel) => tree.get(rel), version, build: plannedOutputs(config).build });
  for (const p of problems) console.error(`manifest check: ${p}`);
  if (problems.length > 0) return 1;
  console.log(`Ready: ${path.relative(process.cwd(), target) || "."} (${tree.size} files) for ${url.value}`);
  console.log("Upload the folder to that URL (headers: HEADERS.md), then deploy manifest.xml (docs/deployment.md).");
  return 0;
}

module.exports = {
  DEV_URL,
  FUNCTIONS_NAMESPACE,
  FILE_POLICY,
  parseAddinUrl,
  renderManifest,
  manifestVersion,
  checkManifest,
  plannedOutputs,
  hostConfigs,
  pngSize,
  readTree,
  syncManifestVersion,
};

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
