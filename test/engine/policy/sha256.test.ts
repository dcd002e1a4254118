import { createHash } from "crypto";
import fc from "fast-check";
import { sha256Hex, utf8Bytes } from "../../../src/engine/policy/sha256";

const nodeSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("matches the FIPS 180-4 test vector for %j", (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it.each([55, 56, 63, 64, 65, 119, 120, 1000])("pads a message of %i bytes as node crypto does", (n) => {
    const text = "x".repeat(n);
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it("hashes Chinese text by its UTF-8 bytes", () => {
    expect(sha256Hex("催收函, 停止赊销")).toBe(nodeSha256("催收函, 停止赊销"));
  });

  it("encodes like Buffer for any string (property)", () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), (s) => {
        expect(Array.from(utf8Bytes(s))).toEqual(Array.from(Buffer.from(s, "utf8")));
        expect(sha256Hex(s)).toBe(nodeSha256(s));
      }),
      { numRuns: 200 },
    );
  });
});
