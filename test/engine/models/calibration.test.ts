import { inWords } from "../../support/errorsInEnglish";
import { calibrationTable } from "../../../src/engine/models/calibration";

describe("calibrationTable (predicted against observed default rate by group)", () => {
  it.each([
    [[0.1, 0.2], [0, 1], 0, "groups"],
    [[0.1, 0.2], [0, 1], 3, "groups"],
    [[0.1, 1.2], [0, 1], 2, "pd item 2"],
    [[0.1, 0.2], [0, 3], 2, "isBad item 2"],
  ])("rejects pd %p labels %p groups %p naming %s", (pd, isBad, groups, field) => {
    expect(inWords(calibrationTable(pd, isBad, groups))).toMatchObject({ field });
  });

  it("groups rows by ascending PD into equal groups with mean predicted and observed rates", () => {
    const r = calibrationTable([0.4, 0.1, 0.3, 0.2], [1, 0, 1, 0], 2);
    expect(r).toEqual({
      ok: true,
      value: [
        { group: 1, count: 2, bads: 0, minPd: 0.1, maxPd: 0.2, predicted: expect.closeTo(0.15, 12), observed: 0 },
        { group: 2, count: 2, bads: 2, minPd: 0.3, maxPd: 0.4, predicted: expect.closeTo(0.35, 12), observed: 1 },
      ],
    });
  });

  it("gives deciles that differ in size by at most one and cover every row", () => {
    const pd = Array.from({ length: 103 }, (_, i) => (i + 0.5) / 103);
    const isBad: number[] = pd.map((_, i) => (i % 4 === 0 ? 1 : 0));
    const r = calibrationTable(pd, isBad);
    if (!r.ok) throw new Error("expected ok");
    const counts = r.value.map((row) => row.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(103);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(r.value.reduce((n, row) => n + row.bads, 0)).toBe(isBad.reduce((a, b) => a + b, 0));
    for (let g = 1; g < 10; g++) expect(r.value[g].minPd).toBeGreaterThanOrEqual(r.value[g - 1].maxPd);
  });
});
