import { bucketIndex } from "../../../src/engine/receivables/bucketIndex";
import { bucketLabels } from "../../../src/engine/receivables/bucketLabels";
import { validateEdges } from "../../../src/engine/receivables/validateEdges";

const EDGES = [0, 30, 60, 90, 180, 365];
const LABELS = ["Not due", "1–30", "31–60", "61–90", "91–180", "181–365", ">365"];

describe("validateEdges", () => {
  it.each([
    [[], false],
    [[0, 30.5], false],
    [[0, 60, 30], false],
    [[0, 30, 30], false],
    [[0], true],
    [EDGES, true],
    [[-10, 0, 10], true],
  ])("%j valid: %s", (edges, valid) => {
    expect(validateEdges(edges, "edges").ok).toBe(valid);
  });

  it("names the argument", () => {
    const r = validateEdges([0, 60, 30], "edges");
    expect(!r.ok && r.error).toMatchObject({ kind: "invalidInput", field: "edges" });
  });
});

describe("bucketIndex", () => {
  it("throws on NaN (programmer bug)", () => {
    expect(() => bucketIndex(Number.NaN, EDGES)).toThrow(RangeError);
  });

  it.each([
    [-45, "Not due"],
    [0, "Not due"],
    [1, "1–30"],
    [30, "1–30"],
    [31, "31–60"],
    [60, "31–60"],
    [61, "61–90"],
    [90, "61–90"],
    [91, "91–180"],
    [180, "91–180"],
    [181, "181–365"],
    [365, "181–365"],
    [366, ">365"],
    [5000, ">365"],
  ])("%d days past due → %s", (days, label) => {
    expect(LABELS[bucketIndex(days, EDGES)]).toBe(label);
  });
});

describe("bucketLabels", () => {
  it("gives the default labels of §6", () => {
    expect(bucketLabels(EDGES)).toEqual(LABELS);
  });

  it.each([
    [[0], "dueDate", ["Not due", ">0"]],
    [[0, 1, 7], "dueDate", ["Not due", "1", "2–7", ">7"]],
    [[-5, 10], "dueDate", ["≤-5", "-4–10", ">10"]],
    [[30, 60], "invoiceDate", ["≤30", "31–60", ">60"]],
    [[0, 30], "invoiceDate", ["≤0", "1–30", ">30"]],
  ] as const)("%j by %s → %j", (edges, basis, labels) => {
    expect(bucketLabels([...edges], basis)).toEqual(labels);
  });
});
