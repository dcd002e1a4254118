#!/usr/bin/env node
/* The credit-desk command: runs the TypeScript CLI straight from src/ (no build step needed). */
"use strict";

require("ts-node").register({
  transpileOnly: true,
  project: require("path").join(__dirname, "..", "tsconfig.json"),
  compilerOptions: { module: "commonjs" },
});

const { main } = require("../src/cli/main.ts");

// `credit-desk review x.xlsx --json | head` closes the pipe early: stop quietly, not with a stack.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(process.exitCode || 0);
  throw error;
});

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`credit-desk: internal error: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
