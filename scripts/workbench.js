#!/usr/bin/env node
/**
 * npm run workbench [-- --port 3100] [--build-only]
 * Builds the workbench page (webpack.workbench.js → dist-workbench/) and serves it on
 * http://localhost:3100 (port: --port N, or env PORT) with sirv, a maintained static file server.
 * `--build-only` builds and exits. The browser tests use the exported build() and serve().
 */
const http = require("http");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "dist-workbench");
const DEFAULT_PORT = 3100;

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

/**
 * Requests answered before sirv sees them: a path that does not decode or holds a null byte (400),
 * and dot-files or dot-folders in any segment (404; sirv's per-request mode does not hide them).
 */
function refusal(rawUrl) {
  const pathname = rawUrl.split("?")[0];
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, text: "bad request: malformed path" };
  }
  if (decoded.includes("\0")) return { status: 400, text: "bad request: null byte in path" };
  if (decoded.split(/[\\/]/).some((segment) => segment.startsWith("."))) return { status: 404, text: "not found" };
  return undefined;
}

/**
 * A static file server over dir; resolves with the listening server and its URL. Port 0 picks a free port.
 * The file handling is sirv's (a maintained static server): it decodes the path without throwing,
 * and in its per-request mode (`dev: true`, so that a rebuild is served at once) a file is served only
 * when its resolved path lies under `dir` plus a path separator, so neither `..` nor a sibling folder
 * whose name starts with the root's name is reachable. Only GET and HEAD are served; anything this
 * handler does not expect answers 400 instead of taking the process down.
 */
function serve({ port = DEFAULT_PORT, host = "127.0.0.1", dir = OUT_DIR } = {}) {
  const sirv = require("sirv");
  const files = sirv(path.resolve(dir), {
    dev: true,
    etag: false,
    dotfiles: false,
    setHeaders: (res) => res.setHeader("X-Content-Type-Options", "nosniff"),
  });
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("method not allowed");
      return;
    }
    const reason = refusal(req.url || "/");
    if (reason) {
      res.writeHead(reason.status, { "Content-Type": "text/plain; charset=utf-8" }).end(reason.text);
      return;
    }
    try {
      files(req, res, () => res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found"));
    } catch {
      if (!res.headersSent) res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("bad request");
    }
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
