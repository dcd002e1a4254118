import fc from "fast-check";
import { crc32, inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { centralDirectory, compressedBytesOf, readZipEntries } from "../../../src/host/xlsx/readZipEntries";
import { writeZip } from "../../../src/host/xlsx/writeZip";

describe("writeZip", () => {
  it("refuses duplicate entry names", () => {
    expect(() => writeZip([{ name: "a", content: Buffer.from("1") }, { name: "a", content: Buffer.from("2") }])).toThrow(/duplicate/);
  });

  it("writes an empty archive that reads back as no entries", () => {
    expect(centralDirectory(writeZip([]))).toEqual([]);
  });

  it("copies a stored entry byte for byte, with its CRC and sizes", () => {
    const first = writeZip([{ name: "xl/a.xml", content: Buffer.from("<a>ü</a>") }]);
    const [entry] = centralDirectory(first);
    const copy = writeZip([{ name: entry.name, method: entry.method, crc32: entry.crc32, uncompressedSize: entry.uncompressedSize, compressed: compressedBytesOf(first, entry) }]);
    const [copied] = centralDirectory(copy);
    expect(copied).toMatchObject({ name: "xl/a.xml", method: 8, crc32: entry.crc32, uncompressedSize: Buffer.byteLength("<a>ü</a>") });
    expect(compressedBytesOf(copy, copied).equals(compressedBytesOf(first, entry))).toBe(true);
    expect(readZipEntries(copy, () => true).get("xl/a.xml")).toBe("<a>ü</a>");
  });

  it("round-trips any set of named texts (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.xml$/), fc.string({ maxLength: 200 })), { selector: ([n]) => n, maxLength: 6 }), (files) => {
        const zip = writeZip(files.map(([name, text]) => ({ name, content: Buffer.from(text, "utf8") })));
        const back = readZipEntries(zip, () => true);
        expect([...back]).toEqual(files.map(([n, t]) => [n, Buffer.from(t, "utf8").toString("utf8")]));
      }),
      { numRuns: 50 },
    );
  });

  it("a streamed entry deflated chunk by chunk is one valid deflate stream with the content's CRC and size, whatever the chunks (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.constant("<row>".repeat(2000))), { maxLength: 12 }), (pieces) => {
        const whole = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
        const zip = writeZip([{ name: "xl/worksheets/sheet1.xml", pieces: () => pieces }]);
        const [entry] = centralDirectory(zip);
        expect(entry).toMatchObject({ method: 8, uncompressedSize: whole.length, crc32: crc32(whole) });
        // zlib refuses a stream without its final block or with one too early; fflate reads the archive as a reader would.
        expect(inflateRawSync(compressedBytesOf(zip, entry)).equals(whole)).toBe(true);
        expect(Buffer.from(unzipSync(new Uint8Array(zip))["xl/worksheets/sheet1.xml"]).equals(whole)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("text pieces past the 1 MiB buffer, with a character of 2, 3 or 4 bytes across its end, come back whole (property)", () => {
    const MiB = 1 << 20;
    fc.assert(
      fc.property(fc.integer({ min: MiB - 6, max: MiB + 2 }), fc.constantFrom("é", "诉", "😀"), fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 4 }), (pad, wide, rest) => {
        const pieces = ["x".repeat(pad), `${wide}${wide}`, ...rest, "y".repeat(MiB + 3), wide];
        const whole = Buffer.concat(pieces.map((p) => Buffer.from(p, "utf8")));
        const zip = writeZip([{ name: "a.xml", pieces: () => pieces }]);
        const [entry] = centralDirectory(zip);
        expect(entry).toMatchObject({ uncompressedSize: whole.length, crc32: crc32(whole) });
        expect(inflateRawSync(compressedBytesOf(zip, entry)).equals(whole)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it("a part past 16 MiB, whose later pieces are deflated at a faster level, is still one stream with its content", () => {
    const row = (i: number): string => `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>诉讼 ${i % 997}</t></is></c><c r="B${i}"><v>${(i * 7919) % 100003}</v></c></row>`;
    const pieces = Array.from({ length: 2_000 }, (_, k) => Array.from({ length: 100 }, (_, j) => row(k * 100 + j)).join(""));
    const whole = Buffer.concat(pieces.map((p) => Buffer.from(p, "utf8")));
    expect(whole.length).toBeGreaterThan(18 << 20);
    const zip = writeZip([{ name: "xl/worksheets/sheet1.xml", pieces: () => pieces }]);
    const [entry] = centralDirectory(zip);
    expect(entry).toMatchObject({ uncompressedSize: whole.length, crc32: crc32(whole) });
    expect(inflateRawSync(compressedBytesOf(zip, entry)).equals(whole)).toBe(true);
  });
});
