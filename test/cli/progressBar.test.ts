import { PROGRESS_MIN_ROWS, progressBar } from "../../src/cli/progressBar";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (text: string) => chunks.push(text) };
}

describe("progressBar", () => {
  it.each([
    [false, PROGRESS_MIN_ROWS + 1],
    [true, PROGRESS_MIN_ROWS],
    [true, 0],
  ])("stays quiet when isTTY=%s and rows=%i", (isTTY, rows) => {
    const s = stream(isTTY);
    const bar = progressBar(s, rows);
    bar.update("reading", 0.5);
    bar.done();
    expect(s.chunks).toEqual([]);
  });

  it("draws on a terminal for a large workbook, clamps the fraction and clears the line when done", () => {
    const s = stream(true);
    const bar = progressBar(s, PROGRESS_MIN_ROWS + 1);
    bar.update("reading", 0.5);
    bar.update("reading", 0.5);
    bar.update("writing", 7);
    bar.update("odd", Number.NaN);
    bar.done();
    expect(s.chunks).toEqual([
      `\r[${"#".repeat(15)}${".".repeat(15)}]  50% reading\x1b[K`,
      `\r[${"#".repeat(30)}] 100% writing\x1b[K`,
      `\r[${".".repeat(30)}]   0% odd\x1b[K`,
      "\r\x1b[K",
    ]);
  });
});
