/**
 * Offline manifest checks for a real deployment (scripts/package.js checkManifest), run on the
 * source manifest as the build renders it, against the files the build will write (read from
 * webpack.config.js: entries, the page, the functions metadata, the copied icons). Then each rule
 * is shown to catch the mistake it is for, on a manifest broken in exactly that way.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../../scripts/package.js") as {
  DEV_URL: string;
  FILE_POLICY: { ext: string; type: string; cache: string; cors?: boolean }[];
  parseAddinUrl(value: string): { ok: true; value: string } | { ok: false; error: string };
  renderManifest(xml: string, options: { addinUrl: string; version: string }): string;
  manifestVersion(version: string): string;
  checkManifest(xml: string, options: { addinUrl: string; files: (rel: string) => Buffer | undefined; version: string; build: Build }): string[];
  plannedOutputs(config: unknown): { files: Map<string, string | null>; build: Build };
  hostConfigs(): Record<string, string>;
  pngSize(buffer: Buffer): { width: number; height: number } | undefined;
  syncManifestVersion(root: string): string;
};
interface Build {
  page: string;
  script: string;
  metadata: string;
}

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const DEPLOY_URL = "https://addins.example.com/credit-desk/";

let planned: { files: Map<string, string | null>; build: Build };

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, options: { mode: string }) => Promise<unknown>;
  planned = deploy.plannedOutputs(await configure({}, { mode: "production" }));
});

/** The files the build will serve: generated ones as empty buffers, copied ones read from their source. */
function plannedFiles(extra: Record<string, Buffer> = {}): (rel: string) => Buffer | undefined {
  return (rel) => {
    if (rel in extra) return extra[rel];
    if (!planned.files.has(rel)) return undefined;
    const source = planned.files.get(rel);
    return source ? fs.readFileSync(source) : Buffer.alloc(0);
  };
}

function check(xml: string, addinUrl = DEPLOY_URL, extra: Record<string, Buffer> = {}): string[] {
  return deploy.checkManifest(xml, { addinUrl, files: plannedFiles(extra), version, build: planned.build });
}
const rendered = (addinUrl = DEPLOY_URL) => deploy.renderManifest(SOURCE, { addinUrl, version });

describe("what the build writes (from webpack.config.js)", () => {
  it("names the page, the functions script and metadata, and the icons it copies", () => {
    expect(planned.build).toEqual({ page: "taskpane.html", script: "functions.js", metadata: "functions.json" });
    for (const f of ["taskpane.html", "functions.js", "taskpane.js", "functions.json", "manifest.xml", "assets/icon-16.png", "assets/icon-80.png"]) {
      expect(planned.files.has(f)).toBe(true);
    }
  });
});

describe("the manifest as built", () => {
  it.each([["the dev server", "https://localhost:3000/"], ["a company host", DEPLOY_URL], ["a host root", "https://credit.example.org/"]])(
    "passes every check for %s",
    (_name, addinUrl) => {
      expect(check(rendered(addinUrl), addinUrl)).toEqual([]);
    },
  );

  it("rewrites every URL to the add-in URL, the version from package.json and the AppDomain (property)", () => {
    const host = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}\.(com|org|cn)$/);
    const folder = fc.array(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { maxLength: 3 });
    fc.assert(
      fc.property(host, folder, (h, parts) => {
        const addinUrl = `https://${h}/${parts.map((p) => `${p}/`).join("")}`;
        const xml = rendered(addinUrl);
        expect(xml).not.toContain('"https://localhost:3000');
        expect(xml).toContain(`<Version>${deploy.manifestVersion(version)}</Version>`);
        expect(xml).toContain(`<AppDomain>https://${h}</AppDomain>`);
        const urls = [...xml.matchAll(/\b(?:DefaultValue|Value)="([a-z]+:\/\/[^"]+)"/g)].map((m) => m[1]);
        expect(urls.length).toBeGreaterThan(5);
        for (const u of urls) expect(u.startsWith(addinUrl)).toBe(true);
        expect(check(xml, addinUrl)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe("each check catches its mistake", () => {
  const base = () => rendered();
  const zhMetadata = `${DEPLOY_URL}functions.zh-CN.json`;
  // The manifest overrides the functions' metadata for zh-CN (functions.zh-CN.json, which the build emits).
  const withOverride = (value: string, locale = "zh-CN") => {
    const xml = base().replace(/<bt:Override Locale="zh-CN" Value="[^"]*"\/>/, `<bt:Override Locale="${locale}" Value="${value}"/>`);
    if (xml === base()) throw new Error("the manifest has no zh-CN override of the functions' metadata to mutate");
    return xml;
  };

  it.each<[string, () => string, RegExp]>([
    ["malformed XML", () => base().replace("</OfficeApp>", ""), /not well-formed/],
    ["a resid without a resource", () => base().replace('resid="Icon.80x80"', 'resid="Icon.99x99"'), /resid="Icon.99x99"> does not resolve/],
    ["a resource id over 32 characters", () => base().split("GetStarted.Title").join("GetStarted.Title.ThatIsFarTooLong.X"), /1 to 32 characters/],
    ["an http URL", () => base().replace(`${DEPLOY_URL}functions.js"`, `http://addins.example.com/credit-desk/functions.js"`), /is not https/],
    ["a URL on another host", () => base().replace(`${DEPLOY_URL}functions.json"`, `https://cdn.example.net/functions.json"`), /not under the add-in URL/],
    ["a URL to a file the build does not write", () => base().replace(`${DEPLOY_URL}assets/icon-80.png`, `${DEPLOY_URL}assets/icon-81.png`), /assets\/icon-81\.png, which the package does not contain/],
    ["an icon of the wrong size", () => base().replace(`id="Icon.16x16" DefaultValue="${DEPLOY_URL}assets/icon-16.png"`, `id="Icon.16x16" DefaultValue="${DEPLOY_URL}assets/icon-32.png"`), /is 32×32, declared 16×16/],
    ["a placeholder Id", () => base().replace(/<Id>[^<]+<\/Id>/, "<Id>00000000-0000-0000-0000-000000000000</Id>"), /<Id> must be a GUID/],
    ["a version out of step with package.json", () => base().replace(/<Version>[^<]+<\/Version>/, "<Version>9.9.9.9</Version>"), /<Version> is 9\.9\.9\.9/],
    ["the template's provider", () => base().replace(/<ProviderName>[^<]+<\/ProviderName>/, "<ProviderName>Contoso</ProviderName>"), /<ProviderName>/],
    ["no SupportUrl", () => base().replace(/<SupportUrl DefaultValue="[^"]*"\/>/, '<SupportUrl DefaultValue=""/>'), /<SupportUrl> must be an https URL/],
    ["no AppDomain for a deployment", () => base().replace(/<AppDomains>[\s\S]*?<\/AppDomains>/, "<AppDomains/>"), /<AppDomains> must list the add-in's origin https:\/\/addins\.example\.com/],
    ["another namespace", () => base().replace('id="Functions.Namespace" DefaultValue="CREDIT"', 'id="Functions.Namespace" DefaultValue="CREDITS"'), /namespace must be CREDIT, found CREDITS/],
    ["a metadata URL that is not the generated file", () => base().split(`${DEPLOY_URL}functions.json`).join(`${DEPLOY_URL}taskpane.js`), /functions metadata must be/],
    ["a zh-CN override to a missing file", () => withOverride(`${DEPLOY_URL}functions.zh-HK.json`), /Override Locale="zh-CN"> of Functions\.Metadata\.Url: .*functions\.zh-HK\.json, which the package does not contain/],
    ["an override on another host", () => withOverride("https://cdn.example.net/functions.zh-CN.json"), /not under the add-in URL/],
    ["an override with a bad locale", () => withOverride(`${DEPLOY_URL}functions.json`, "Chinese"), /invalid Locale "Chinese"/],
  ])("%s", (_name, mutate, expected) => {
    const problems = check(mutate());
    expect(problems.some((p) => expected.test(p))).toBe(true);
  });

  it("the build emits the zh-CN metadata the manifest's override points at", () => {
    expect(planned.files.has("functions.zh-CN.json")).toBe(true);
    expect(base()).toContain(`<bt:Override Locale="zh-CN" Value="${zhMetadata}"/>`);
    expect(check(base())).toEqual([]);
  });
});

describe("ADDIN_URL", () => {
  it.each([
    ["https://addins.example.com/credit-desk/", true],
    ["https://addins.example.com/", true],
    ["http://addins.example.com/credit-desk/", false],
    ["https://addins.example.com/credit-desk", false],
    ["https://addins.example.com/credit-desk/?v=1", false],
    ["addins.example.com/credit-desk/", false],
  ])("%s is accepted: %s", (value, ok) => {
    expect(deploy.parseAddinUrl(value).ok).toBe(ok);
  });
});

describe("static host configuration", () => {
  it("gives every file kind the build writes a content type and a cache policy, in _headers and web.config", () => {
    const configs = deploy.hostConfigs();
    const kinds = new Set([...planned.files.keys()].map((f) => path.extname(f)));
    for (const ext of kinds) {
      const policy = deploy.FILE_POLICY.find((p) => p.ext === ext);
      expect(policy).toBeDefined();
      expect(configs._headers).toContain(`/*${ext}\n  Content-Type: ${policy!.type}\n  Cache-Control: ${policy!.cache}`);
      expect(configs["web.config"]).toContain(`<mimeMap fileExtension="${ext}" mimeType="${policy!.type}" />`);
      expect(configs["HEADERS.md"]).toContain(`\`*${ext}\``);
    }
  });

  it("reads a PNG's size from its header", () => {
    expect(deploy.pngSize(fs.readFileSync(path.join(ROOT, "assets/icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(deploy.pngSize(Buffer.from("not a png at all, not at all"))).toBeUndefined();
  });
});

describe("version bumping (npm version runs --sync-manifest-version)", () => {
  it.each([
    ["1.4.2", "1.4.2.0"],
    ["2.0.0-beta.3", "2.0.0.0"],
  ])("writes package.json %s into manifest.xml as %s, touching nothing else", (pkgVersion, expected) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-version-"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ version: pkgVersion }));
    fs.writeFileSync(path.join(dir, "manifest.xml"), SOURCE);
    expect(deploy.syncManifestVersion(dir)).toBe(expected);
    const after = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
    expect(after).toBe(SOURCE.replace(/<Version>[^<]*<\/Version>/, `<Version>${expected}</Version>`));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a version that is not semver", () => {
    expect(() => deploy.manifestVersion("latest")).toThrow(/not semver/);
  });
});
