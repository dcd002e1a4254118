import { expectedLoss } from "../../../src/engine/models/expectedLoss";

describe("expectedLoss = PD × LGD × exposure (credit-method.md §10)", () => {
  it.each([
    [{ pd: -0.01, lgd: 0.45, exposure: 100 }, "pd"],
    [{ pd: 1.01, lgd: 0.45, exposure: 100 }, "pd"],
    [{ pd: 0.1, lgd: 1.5, exposure: 100 }, "lgd"],
    [{ pd: 0.1, lgd: NaN, exposure: 100 }, "lgd"],
    [{ pd: 0.1, lgd: 0.45, exposure: Infinity }, "exposure"],
  ])("rejects %p naming %s", (input, field) => {
    expect(expectedLoss(input)).toEqual({ ok: false, error: expect.objectContaining({ kind: "outOfRange", field }) });
  });

  it.each([
    [{ pd: 0.02, lgd: 0.45, exposure: 100000 }, 900],
    [{ pd: 0, lgd: 0.45, exposure: 100000 }, 0],
    [{ pd: 1, lgd: 1, exposure: 2500 }, 2500],
    [{ pd: 0.5, lgd: 0.5, exposure: -800 }, 0],
  ])("%p gives %p", (input, expected) => {
    const r = expectedLoss(input);
    expect(r.ok && r.value).toBeCloseTo(expected, 9);
  });
});
