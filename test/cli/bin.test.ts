/**
 * The `credit-desk` command as users run it: bin/credit-desk.js loads the TypeScript sources
 * through sucrase (no build step). The other CLI tests call `main` through ts-jest; this one runs
 * the real entry point in a child process, so a source that sucrase cannot strip, or an import
 * that only works under ts-jest, fails here.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import path from "path";

const BIN = path.join(__dirname, "..", "..", "bin", "credit-desk.js");

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/credit-desk.js", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "credit-desk-bin-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints its version", () => {
    const r = run(["--version"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^credit-desk \d+\.\d+\.\d+/);
  });

  it("runs the demo end to end: the sample workbook reviewed and written", () => {
    const out = path.join(dir, "demo-reviewed.xlsx");
    const r = run(["demo", "--out", out], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Customers: 36");
    expect(r.stdout).toContain("Total recommended limit: 4,078,000");
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });

  it("answers a usage error in Chinese with --lang zh-CN and exit code 2", () => {
    const r = run(["frobnicate", "--lang", "zh-CN"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("未知命令“frobnicate”");
  });
});
