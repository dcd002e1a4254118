/**
 * @jest-environment jsdom
 *
 * Offline checks of manifest.xml (the online validator needs the internet): the rules Office
 * applies to an add-in-only XML manifest that matter for this add-in.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (tag: string): Element[] => Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === tag);
const one = (tag: string): Element => {
  const found = all(tag);
  expect(found).toHaveLength(1);
  return found[0];
};
/** Resources by kind: id → DefaultValue. */
function resources(container: string, tag: string): Map<string, string> {
  const parent = all(container)[0];
  const out = new Map<string, string>();
  for (const e of Array.from(parent.children).filter((c) => c.localName === tag)) {
    out.set(e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? "");
  }
  return out;
}

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp root of type TaskPaneApp", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  it("has a GUID Id and a four-part version", () => {
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one("Version").textContent).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
  });

  it("keeps the version in step with package.json", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(one("Version").textContent).toBe(`${pkg.version}.0`);
  });

  it("orders the OfficeApp children as the schema requires", () => {
    const schemaOrder = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const names = Array.from(doc.documentElement.children).map((c) => c.localName);
    const positions = names.map((n) => schemaOrder.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("defines every resid it uses, with ids of at most 32 characters", () => {
    const defined = new Set(
      ["Images", "Urls", "ShortStrings", "LongStrings"].flatMap((c) => Array.from(all(c)[0].children).map((e) => e.getAttribute("id") ?? "")),
    );
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
    const used = Array.from(doc.getElementsByTagName("*")).map((e) => e.getAttribute("resid")).filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) {
      expect(r.length).toBeLessThanOrEqual(32);
      expect(defined).toContain(r);
    }
  });

  it("keeps short strings within 125 and long strings within 250 characters", () => {
    for (const v of resources("ShortStrings", "String").values()) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of resources("LongStrings", "String").values()) expect(v.length).toBeLessThanOrEqual(250);
    const top = (tag: string) => Array.from(doc.documentElement.children).find((c) => c.localName === tag)!;
    expect(top("DisplayName").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
    expect(top("Description").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
  });

  it("uses https for every URL", () => {
    const urls = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("DefaultValue") ?? "")
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it("requires SharedRuntime and uses one resid for Runtime, Page and FunctionFile", () => {
    const sets = all("Set").map((s) => s.getAttribute("Name"));
    expect(sets).toContain("SharedRuntime");
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = one("Page").getElementsByTagName("SourceLocation")[0];
    const functionFile = one("FunctionFile");
    const resid = runtime.getAttribute("resid");
    expect(page.getAttribute("resid")).toBe(resid);
    expect(functionFile.getAttribute("resid")).toBe(resid);
    expect(resources("Urls", "Url").get(resid!)).toMatch(/taskpane\.html$/);
  });

  it("declares the CREDIT namespace and the generated functions files", () => {
    const ns = one("Namespace").getAttribute("resid")!;
    expect(resources("ShortStrings", "String").get(ns)).toBe("CREDIT");
    const urls = resources("Urls", "Url");
    expect(urls.get(one("Metadata").getElementsByTagName("SourceLocation")[0].getAttribute("resid")!)).toMatch(/functions\.json$/);
    expect(urls.get(one("Script").getElementsByTagName("SourceLocation")[0].getAttribute("resid")!)).toMatch(/functions\.js$/);
  });

  it("has a ribbon button that opens the task pane, with icons that exist in assets/", () => {
    const action = all("Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(action).toBeDefined();
    for (const url of resources("Images", "Image").values()) {
      const file = url.replace(/^https:\/\/[^/]+\//, "");
      expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    }
  });
});
