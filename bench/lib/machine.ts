/** What the benchmark ran on, for the report's header: CPU, memory, OS, Node/V8 and peer versions. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type as osType } from "node:os";
import { join } from "node:path";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  v8: string;
  duckdb?: string;
  hyperformula?: string;
  commit?: string;
  /** 1, 5 and 15-minute load averages when the report was written (other work on the machine skews timings). */
  loadAverage?: number[];
}

function packageVersion(name: string): string | undefined {
  try {
    const manifest = join(__dirname, "..", "node_modules", ...name.split("/"), "package.json");
    const parsed: { version?: string } = JSON.parse(readFileSync(manifest, "utf8"));
    return parsed.version;
  } catch {
    return undefined;
  }
}

function commit(): string | undefined {
  const out = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: join(__dirname, "..", ".."), encoding: "utf8" });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    v8: process.versions.v8,
    duckdb: packageVersion("@duckdb/node-api"),
    hyperformula: packageVersion("hyperformula"),
    commit: commit(),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
