#!/usr/bin/env node
/**
 * npm run workbench [-- --port 3100] [--build-only]
 * Builds the workbench page (webpack.workbench.js → dist-workbench/) and serves it on
 * http://localhost:3100 (port: --port N, or env PORT) with a plain Node static server.
 * `--build-only` builds and exits. The browser tests use the exported build() and serve().
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { URL } = require("url");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "dist-workbench");
const DEFAULT_PORT = 3100;

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Build the page with webpack; resolves with the build time in ms, rejects with webpack's errors. */
function build() {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.workbench.js"))();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) {
        const { errors } = stats.toJson({ all: false, errors: true });
        return reject(new Error(`workbench build failed:\n${errors.map((e) => e.message).join("\n\n")}`));
      }
      resolve({ ms: Date.now() - started, outDir: OUT_DIR });
    });
  });
}

/** A static file server over dir; resolves with the listening server and its URL. Port 0 picks a free port. */
function serve({ port = DEFAULT_PORT, host = "127.0.0.1", dir = OUT_DIR } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
    fs.readFile(file, (error, body) => {
      if (error) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${url.pathname}`);
        return;
      }
      const type = CONTENT_TYPES[path.extname(file)] || "application/octet-stream";
      res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://localhost:${actualPort}/` });
    });
  });
}

function parseArgs(argv) {
  const options = { buildOnly: false, port: Number(process.env.PORT) || DEFAULT_PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--build-only") options.buildOnly = true;
    else if (arg === "--port") options.port = Number(argv[++i]);
    else if (arg.startsWith("--port=")) options.port = Number(arg.slice("--port=".length));
    else if (arg === "--help" || arg === "-h") options.help = true;
    else throw new Error(`unknown option ${arg} (use --port N, --build-only)`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error("--port needs a port number");
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log("Usage: npm run workbench [-- --port 3100] [--build-only]");
    return;
  }
  console.log("Building the workbench…");
  const { ms } = await build();
  console.log(`Built dist-workbench/ in ${(ms / 1000).toFixed(1)} s`);
  if (options.buildOnly) return;
  const { url } = await serve({ port: options.port });
  console.log(`Credit Desk workbench: ${url}  (?asOf=YYYY-MM-DD, ?empty=1; Ctrl+C to stop)`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { build, serve, OUT_DIR, DEFAULT_PORT };
