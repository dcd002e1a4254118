/**
 * The workbench's static server (scripts/workbench.js serve()) against hostile request paths: every
 * one gets a 4xx, nothing outside the served folder leaks (not even a sibling folder whose name starts
 * with the root's name), and the server still answers afterwards. Requests are written on a raw
 * socket so that the bytes reach the server exactly as given (an HTTP client would normalise them).
 */
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import fc from "fast-check";
import { serve } from "../../scripts/workbench";

const SECRET = "sibling-secret-7f3a";
const INDEX = "<!doctype html><title>workbench</title>";

let base = "";
let server: Server | undefined;
let port = 0;

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "wb-server-"));
  const root = path.join(base, "dist-workbench");
  fs.mkdirSync(path.join(root, "sub"), { recursive: true });
  fs.writeFileSync(path.join(root, "index.html"), INDEX);
  fs.writeFileSync(path.join(root, "workbench.js"), "console.log('ok');");
  fs.writeFileSync(path.join(root, "sub", "data.json"), '{"ok":true}');
  fs.writeFileSync(path.join(root, ".env"), SECRET);
  // Siblings whose names start with the root's name, and a file beside the root.
  for (const sibling of ["dist-workbench-x", "dist-workbench2"]) {
    fs.mkdirSync(path.join(base, sibling));
    fs.writeFileSync(path.join(base, sibling, "secret.txt"), SECRET);
  }
  fs.writeFileSync(path.join(base, "secret.txt"), SECRET);
  let url: string;
  ({ server, url } = await serve({ port: 0, dir: root }));
  port = Number(new URL(url).port);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  fs.rmSync(base, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/** One request written byte for byte; the status line, headers and body as received. */
function raw(target: string | Buffer, method = "GET"): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const head = split < 0 ? text : text.slice(0, split);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split < 0 ? "" : text.slice(split + 4) });
    });
    socket.write(Buffer.concat([Buffer.from(`${method} `), Buffer.from(target as string), Buffer.from(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")]));
  });
}

async function expectAlive(): Promise<void> {
  const res = await raw("/");
  expect(res.status).toBe(200);
  expect(res.body).toContain(INDEX);
}

describe("workbench static server", () => {
  it("serves the page, its scripts and nested files with their content types", async () => {
    const index = await raw("/");
    expect(index.status).toBe(200);
    expect(index.head).toMatch(/content-type: text\/html/i);
    const script = await raw("/workbench.js");
    expect(script.status).toBe(200);
    expect(script.head).toMatch(/content-type: (text|application)\/javascript/i);
    expect((await raw("/sub/data.json")).body).toBe('{"ok":true}');
    expect((await raw("/index.html", "HEAD")).status).toBe(200);
  });

  it.each([
    ["a null byte, percent-encoded", "/%00"],
    ["a null byte before a real name", "/index.html%00.png"],
    ["a truncated UTF-8 escape", "/%E0%A4%A"],
    ["an invalid escape", "/%zz"],
    ["an encoded slash to a sibling folder with the root's name as prefix", "/..%2fdist-workbench-x/secret.txt"],
    ["a sibling folder through a plain ..", "/../dist-workbench-x/secret.txt"],
    ["a second sibling through encoded dots", "/%2e%2e/dist-workbench2/secret.txt"],
    ["the parent folder through encoded dots and slash", "/%2e%2e%2fsecret.txt"],
    ["a double-encoded traversal", "/..%252fsecret.txt"],
    ["backslashes", "/..\\dist-workbench-x\\secret.txt"],
    ["a deep traversal", "/sub/../../../../../../etc/passwd"],
    ["an absolute-looking path", "//etc/passwd"],
    ["a dotfile in the root", "/.env"],
    ["a missing file", "/nothing-here.js"],
    ["a very long path", `/${"a".repeat(8000)}`],
  ])("answers 4xx to %s and stays up", async (_name, target) => {
    const res = await raw(target);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain(SECRET);
    await expectAlive();
  });

  it("answers 4xx to a raw null byte and a raw invalid UTF-8 byte in the request line", async () => {
    for (const bytes of [Buffer.from([0x2f, 0x00]), Buffer.from([0x2f, 0xe0, 0xa4])]) {
      const res = await raw(bytes);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      await expectAlive();
    }
  });

  it("refuses methods other than GET and HEAD", async () => {
    const res = await raw("/index.html", "POST");
    expect(res.status).toBe(405);
    await expectAlive();
  });

  it("never leaks a file outside the root, whatever the path (property)", async () => {
    const segment = fc.constantFrom("..", ".", "%2e%2e", "%2E.", "..%2f", "%2f", "%5c", "%00", "%E0%A4%A", "%", "dist-workbench-x",
      "dist-workbench2", "secret.txt", "sub", "index.html", ".env", "%252e", "");
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), async (parts) => {
        const res = await raw(`/${parts.join("/")}`);
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        expect(res.body).not.toContain(SECRET);
      }),
      { numRuns: 150 },
    );
    await expectAlive();
  });
});
