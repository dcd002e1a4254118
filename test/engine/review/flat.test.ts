import { flat } from "../../../src/engine/review/flat";

describe("flat", () => {
  it.each([
    ["", ""],
    ["A", "A"],
    ["B (68.4 %, coverage 92 %); limit 120,000 set by working assets", "B (68.4 %, coverage 92 %); limit 120,000 set by working assets"],
    ["赊销客户 (quadrant 3)", "赊销客户 (quadrant 3)"],
  ])("gives back the same text: %j", (text, expected) => {
    expect(flat(text)).toBe(expected);
  });

  it("gives back the same text for a string built from pieces", () => {
    let text = "B (";
    for (let i = 0; i < 20; i++) text += `${i}, `;
    text += ")";
    expect(flat(text)).toBe(`B (${Array.from({ length: 20 }, (_, i) => `${i}, `).join("")})`);
    expect(flat(text).length).toBe(text.length);
  });
});
