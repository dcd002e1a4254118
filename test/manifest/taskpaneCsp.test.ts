/**
 * The Content-Security-Policy of the built task pane. The page is built with webpack's Node API and
 * the real webpack.config.js (its HtmlWebpackPlugin and template), with the two bundles replaced by
 * empty entries of the same names so that the build takes a second: what is checked is the HTML
 * that ships, with the script tags the plugin injects. (Node environment: webpack needs Node's
 * timers; the page's tags are read with a small tag reader, enough for html-webpack-plugin's output.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_HOST = "https://appsforoffice.microsoft.com";
const KEYWORDS = new Set(["'self'", "'none'", "'unsafe-inline'"]);

let html = "";
let tags: Tag[] = [];
let policy = new Map<string, string[]>();

interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Text up to the closing tag (scripts only). */
  body: string;
}

/** The start tags of an HTML text in document order, with their attributes (names lower-cased). */
function readTags(text: string): Tag[] {
  const source = text.replace(/<!--[\s\S]*?-->/g, "");
  const out: Tag[] = [];
  for (const m of source.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const a of m[2].matchAll(/([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      attributes.set(a[1].toLowerCase(), (a[2] ?? "").replace(/^["']|["']$/g, ""));
    }
    const name = m[1].toLowerCase();
    const rest = source.slice((m.index ?? 0) + m[0].length);
    out.push({ name, attributes, body: name === "script" ? rest.slice(0, rest.indexOf("</script>")) : "" });
  }
  return out;
}

/** Build taskpane.html through the real config into a temporary folder; the HTML text. */
async function buildTaskpaneHtml(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "taskpane-csp-"));
  const stubs = path.join(out, "stubs");
  fs.mkdirSync(stubs);
  for (const name of ["functions", "taskpane"]) fs.writeFileSync(path.join(stubs, `${name}.js`), "export {};\n");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, options: { mode: string }) => Promise<webpack.Configuration>;
  // The dev server's options are not part of a compiler's configuration.
  const config: webpack.Configuration & { devServer?: unknown } = { ...(await configure({}, { mode: "production" })) };
  delete config.devServer;
  const html = (config.plugins ?? []).filter((p) => p?.constructor?.name === "HtmlWebpackPlugin");
  expect(html).toHaveLength(1);
  const compiler = webpack({
    ...config,
    context: ROOT,
    entry: { functions: path.join(stubs, "functions.js"), taskpane: path.join(stubs, "taskpane.js") },
    output: { ...config.output, path: path.join(out, "dist"), clean: false },
    plugins: html,
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    }),
  );
  const text = fs.readFileSync(path.join(out, "dist", "taskpane.html"), "utf8");
  fs.rmSync(out, { recursive: true, force: true });
  return text;
}

beforeAll(async () => {
  html = await buildTaskpaneHtml();
  tags = readTags(html);
  const metas = tags.filter((t) => t.name === "meta" && t.attributes.get("http-equiv")?.toLowerCase() === "content-security-policy");
  expect(metas).toHaveLength(1);
  policy = new Map(
    (metas[0].attributes.get("content") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map((parts) => [parts[0], parts.slice(1)]),
  );
});

describe("taskpane.html Content-Security-Policy (built)", () => {
  it("reads tags and attributes as a browser would for this page's shapes", () => {
    const sample = readTags(`<!-- <script src="x.js"></script> --><meta http-equiv='Content-Security-Policy' content="a 'self'"/><script defer src=y.js></script>`);
    expect(sample.map((t) => t.name)).toEqual(["meta", "script"]);
    expect(sample[0].attributes.get("content")).toBe("a 'self'");
    expect(sample[1].attributes.get("src")).toBe("y.js");
    expect(sample[1].attributes.has("defer")).toBe(true);
  });

  it("comes before every script, so that it governs all of them", () => {
    const cspAt = tags.findIndex((t) => t.attributes.get("http-equiv")?.toLowerCase() === "content-security-policy");
    const firstScript = tags.findIndex((t) => t.name === "script");
    expect(cspAt).toBeGreaterThanOrEqual(0);
    expect(firstScript).toBeGreaterThan(cspAt);
  });

  it.each([
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", OFFICE_HOST]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
  ])("sets %s to exactly %j", (directive, sources) => {
    expect([...(policy.get(directive) ?? [])].sort()).toEqual([...sources].sort());
  });

  it("allows no other origin than the add-in's own and the Office.js host, and no wildcard, eval or inline script", () => {
    expect([...policy.keys()].sort()).toEqual(
      ["base-uri", "connect-src", "default-src", "font-src", "form-action", "img-src", "object-src", "script-src", "style-src"],
    );
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        expect(KEYWORDS.has(source) || (directive === "script-src" && source === OFFICE_HOST)).toBe(true);
      }
    }
    const scriptSources = policy.get("script-src") ?? [];
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'unsafe-eval'");
  });

  it("is satisfied by every script the built page loads: Office.js, then the two bundles, none inline", () => {
    const scripts = tags.filter((t) => t.name === "script");
    const sources = scripts.map((s) => s.attributes.get("src"));
    expect(sources).toEqual([`${OFFICE_HOST}/lib/1/hosted/office.js`, "functions.js", "taskpane.js"]);
    for (const s of scripts) expect(s.body.trim()).toBe("");
    for (const src of sources) {
      const url = new URL(src ?? "", "https://addin.example/");
      expect(url.origin === "https://addin.example" || url.origin === OFFICE_HOST).toBe(true);
    }
  });
});
