#!/usr/bin/env node
/*
 * `npm run bench`: installs the benchmark's peers (DuckDB, HyperFormula) into bench/node_modules
 * when they are missing — from bench/package-lock.json, so the root install stays lean — then
 * runs bench/main.ts through ts-node (transpile only). See bench/README.md.
 */
const { spawnSync } = require("child_process");
const { existsSync } = require("fs");
const path = require("path");

const bench = __dirname;
const started = Date.now();
const peers = ["@duckdb/node-api", "hyperformula"];
const installed = peers.every((name) => existsSync(path.join(bench, "node_modules", ...name.split("/"), "package.json")));
if (!installed) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const install = (command) => {
    console.log(`bench: installing the peers (npm ${command} --prefix bench)`);
    return spawnSync(npm, [command, "--prefix", bench, "--no-audit", "--no-fund"], { stdio: "inherit" }).status === 0;
  };
  // npm ci refuses a lock that lacks an optional platform binary the registry does not serve
  // (DuckDB ships one package per OS/CPU); npm install then installs the same locked versions.
  const hasLock = existsSync(path.join(bench, "package-lock.json"));
  if (!(hasLock && install("ci")) && !install("install")) {
    console.error("bench: could not install the peers into bench/node_modules");
    process.exit(1);
  }
}
globalThis.__benchSetupMs = Date.now() - started;

require("ts-node").register({ transpileOnly: true, project: path.join(bench, "..", "tsconfig.json") });
require("./main.ts");
