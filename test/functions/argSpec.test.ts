/**
 * The argument kinds the custom functions declare (argSpec.ts): each kind over its boundaries,
 * blanks (null for an omitted argument, "" and spaces for a blank cell, [[null]] for an omitted
 * range) and wrong types, with the error it gives (the field named, the detail the user reads).
 */
import "../support/errorsInEnglish";
import fc from "fast-check";
import { detail, invalidInput, ok, err } from "../../src/engine/errors";
import {
  BLOCK,
  CELLS,
  FLAG,
  MAYBE_DATE,
  MAYBE_NUMBER,
  NAME,
  NUMBER,
  NUMBERS,
  OPTIONAL_RANGE,
  RANGE,
  choice,
  eachCell,
  numberOr,
  oneOf,
  parallel,
  parallelRows,
  perRow,
  readArgs,
  readCall,
  readerOf,
  rowsOf,
  spillOf,
  spread,
  valueOf,
  within,
  type ArgReader,
} from "../../src/functions/argSpec";
import { CustomFunctionsError } from "../support/customFunctionsStub";
import { fieldInEnglish, inEnglish, refusedInEnglish, type InEnglish } from "../support/errorInEnglish";

const read = <T>(reader: ArgReader<T>, value: unknown, field = "x") => inEnglish(reader.read(value, field));
const refused = refusedInEnglish;

describe("NUMBER", () => {
  it.each<[unknown, InEnglish<number>]>([
    [0, ok(0)],
    [-1.5, ok(-1.5)],
    [Number.MAX_VALUE, ok(Number.MAX_VALUE)],
    ["12", ok(12)],
    ["1,234.5", ok(1234.5)],
    ["12%", ok(0.12)],
    [null, refused("x", "is missing")],
    ["", refused("x", "is blank")],
    ["  ", refused("x", "is blank")],
    ["abc", refused("x", '"abc" is not a number')],
    [true, refused("x", "is not a number")],
    [Infinity, refused("x", "is not a finite number")],
    [NaN, refused("x", "is not a finite number")],
  ])("%p → %j", (value, expected) => {
    expect(read(NUMBER, value)).toEqual(expected);
  });
});

describe("MAYBE_NUMBER and numberOr", () => {
  it.each<[unknown, InEnglish<number | undefined>, InEnglish<number>]>([
    [null, ok(undefined), ok(20)],
    [undefined, ok(undefined), ok(20)],
    ["", ok(undefined), ok(20)],
    [" ", ok(undefined), ok(20)],
    [0, ok(0), ok(0)],
    ["7", ok(7), ok(7)],
    ["x", refused("x", '"x" is not a number'), refused("x", '"x" is not a number')],
    [false, refused("x", "is not a number"), refused("x", "is not a number")],
  ])("%p → %j (numberOr(20): %j)", (value, maybe, or20) => {
    expect(read(MAYBE_NUMBER, value)).toEqual(maybe);
    expect(read(numberOr(20), value)).toEqual(or20);
  });
});

describe("NAME", () => {
  it.each<[unknown, InEnglish<string>]>([
    ["C001", ok("C001")],
    ["  C001 ", ok("C001")],
    [123, ok("123")],
    [true, ok("TRUE")],
    ["", refused("x", "is missing")],
    ["   ", refused("x", "is missing")],
    [null, refused("x", "is missing")],
    [{ type: "LinkedEntity" }, refused("x", "is missing")],
  ])("%p → %j", (value, expected) => {
    expect(read(NAME, value)).toEqual(expected);
  });
});

describe("within", () => {
  const FRACTION = within(NUMBER, 0, 1, (v) => detail("between", { min: 0, max: 1, got: v }));
  const NON_NEGATIVE = within(NUMBER, 0, Infinity, (v) => detail("notNegative", { got: v }));
  it.each<[unknown, InEnglish<number>]>([
    [0, ok(0)],
    [1, ok(1)],
    ["50%", ok(0.5)],
    [-Number.MIN_VALUE, refused("x", "must be 0–1, got -0")],
    [1.0000001, refused("x", "must be 0–1, got 1.0000001")],
    [12, refused("x", "must be 0–1, got 12")],
    // The reader's own refusal comes first: a blank is missing, not out of range.
    [null, refused("x", "is missing")],
    ["x", refused("x", '"x" is not a number')],
  ])("fraction %p → %j", (value, expected) => {
    expect(read(FRACTION, value)).toEqual(expected);
  });
  it.each<[unknown, InEnglish<number>]>([
    [0, ok(0)],
    [1e300, ok(1e300)],
    [-0.01, refused("rate", "must not be negative, got -0.01")],
  ])("non-negative %p → %j", (value, expected) => {
    expect(read(NON_NEGATIVE, value, "rate")).toEqual(expected);
  });
});

describe("choice and oneOf", () => {
  const SCALE = choice(["AD", "AAA"] as const, "AD");
  const SHOW = choice(["number", "en", "zh"] as const, "number");
  it.each<[unknown, InEnglish<string>]>([
    [null, ok("AD")],
    ["", ok("AD")],
    ["ad", ok("AD")],
    [" aaa ", ok("AAA")],
    ["AA", refused("scale", 'must be one of AD, AAA, got AA')],
    [5, refused("scale", 'must be one of AD, AAA, got 5')],
    [true, refused("scale", 'must be one of AD, AAA, got TRUE')],
  ])("scale %p → %j", (value, expected) => {
    expect(read(SCALE, value, "scale")).toEqual(expected);
  });
  it("words three choices with commas and a final or; oneOf keeps its own wording", () => {
    expect(read(SHOW, "EN", "show")).toEqual(ok("en"));
    expect(read(SHOW, "fr", "show")).toEqual(refused("show", 'must be one of number, en, zh, got fr'));
    expect(read(oneOf(["12m", "all", "trend"] as const, "12m"), "fr", "window")).toEqual(refused("window", 'must be one of 12m, all, trend, got fr'));
  });
  it("gives a word of the list for every spelling of it, and the default for every blank", () => {
    fc.assert(
      fc.property(fc.constantFrom("number", "en", "zh"), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.constantFrom("", " ", "  ", null, undefined), (word, upper, blank) => {
        const spelled = [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join("");
        expect(read(SHOW, ` ${spelled} `)).toEqual(ok(word));
        expect(read(SHOW, blank)).toEqual(ok("number"));
      }),
    );
  });
});

describe("range kinds", () => {
  it.each<[string, unknown, InEnglish<unknown>]>([
    ["a column", [[1], [2]], ok([[1], [2]])],
    ["a longer range of blanks (given, empty)", [[""], [""]], ok([[""], [""]])],
    ["null (omitted)", null, refused("amounts", "is required: give a range")],
    ["[[null]] (omitted, as Excel hands it)", [[null]], refused("amounts", "is required: give a range")],
    ["one blank cell", [[""]], refused("amounts", "is required: give a range")],
  ])("RANGE: %s", (_what, value, expected) => {
    expect(read(RANGE, value, "amounts")).toEqual(expected);
  });
  it.each<[string, unknown, InEnglish<unknown>]>([
    ["null", null, ok(undefined)],
    ["[[null]]", [[null]], ok(undefined)],
    ["wholly blank", [["", " "], [null, ""]], ok(undefined)],
    ["one cell given", [[""], ["C1"]], ok([[""], ["C1"]])],
    ["a scalar", "C1", ok("C1")],
  ])("OPTIONAL_RANGE: %s", (_what, value, expected) => {
    expect(read(OPTIONAL_RANGE, value)).toEqual(expected);
  });
  it("CELLS passes what Excel hands over, null when omitted", () => {
    expect(read(CELLS, [[1, "a"]])).toEqual(ok([[1, "a"]]));
    expect(read(CELLS, null)).toEqual(ok(null));
  });
  it.each<[unknown, InEnglish<unknown[][]>]>([
    [5, ok([[5]])],
    [null, ok([[null]])],
    [[[1, 2], [3, 4]], ok([[1, 2], [3, 4]])],
    [[1, 2], ok([[1], [2]])],
  ])("BLOCK %j → %j", (value, expected) => {
    expect(read(BLOCK, value)).toEqual(expected);
  });
  it.each<[unknown, InEnglish<number[]>]>([
    [[[100], [200]], ok([100, 200])],
    [[[100, "200"]], ok([100, 200])],
    [30, ok([30])],
    [[[1], [""]], refused("monthlySales row 2", "is blank")],
    [[[1], ["x"]], refused("monthlySales row 2", '"x" is not a number')],
    [[[1, 2], [3, 4]], refused("monthlySales", "must be a single row or column, got 2×2")],
  ])("NUMBERS %j → %j", (value, expected) => {
    expect(read(NUMBERS, value, "monthlySales")).toEqual(expected);
  });
});

describe("perRow and spread", () => {
  const SPEC = { policy: numberOr(1), grade: perRow(NAME), amount: perRow(NUMBER), fee: perRow(numberOr(0)) };
  const spreadOf = (given: Record<keyof typeof SPEC, unknown>) => {
    const a = readArgs(SPEC, given);
    if (!a.ok) return a;
    return spread(a.value);
  };

  it("spreads one cell over every row, reading the declared columns row by row in order", () => {
    const s = spreadOf({ policy: null, grade: [["A"], ["B"]], amount: 5, fee: null });
    if (!s.ok) throw new Error("spread");
    expect(s.value.n).toBe(2);
    expect(s.value.row(0)).toEqual(ok({ grade: "A", amount: 5, fee: 0 }));
    expect(s.value.row(1)).toEqual(ok({ grade: "B", amount: 5, fee: 0 }));
    expect(s.value.get("grade", 1)).toBe("B");
    expect(fieldInEnglish(s.value.fieldOf("amount", 1))).toBe("amount row 2");
  });

  it.each<[string, Record<keyof typeof SPEC, unknown>, number, InEnglish<unknown>]>([
    ["one row: the field is the argument alone", { policy: null, grade: "A", amount: "x", fee: null }, 0, refused("amount", '"x" is not a number')],
    ["many rows: the field names the row", { policy: null, grade: [["A"], ["B"]], amount: [[1], ["x"]], fee: null }, 1, refused("amount row 2", '"x" is not a number')],
    ["the first refused cell of the row, in declaration order", { policy: null, grade: [[""], ["B"]], amount: [["x"], [1]], fee: null }, 0, refused("grade row 1", "is missing")],
    ["a blank optional cell is its default", { policy: null, grade: [["A"], ["B"]], amount: 1, fee: [[""], [2]] }, 0, ok({ grade: "A", amount: 1, fee: 0 })],
  ])("row: %s", (_what, given, i, expected) => {
    const s = spreadOf(given);
    if (!s.ok) throw new Error("spread");
    expect(inEnglish(s.value.row(i))).toEqual(expected);
  });

  it.each<[string, Record<keyof typeof SPEC, unknown>, InEnglish<unknown>]>([
    ["different lengths other than one", { policy: null, grade: [["A"], ["B"], ["C"]], amount: [[1], [2]], fee: null }, refused("amount", "has 2 cells but grade has 3: give one cell or 3")],
    ["a block where a column is declared", { policy: null, grade: [["A", "B"], ["C", "D"]], amount: 1, fee: null }, refused("grade", "must be a single row or column, got 2×2")],
    ["a refused scalar before any column", { policy: "x", grade: [["A", "B"], ["C", "D"]], amount: 1, fee: null }, refused("policy", '"x" is not a number')],
  ])("refuses %s", (_what, given, expected) => {
    expect(inEnglish(spreadOf(given))).toEqual(expected);
  });

  it("reads n rows for columns of n cells and single cells, whatever their mix (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.boolean(), (n, gradeSingle, amountSingle) => {
        const grade = gradeSingle ? "A" : Array.from({ length: n }, (_, i) => [`G${i}`]);
        const amount = amountSingle ? 7 : Array.from({ length: n }, (_, i) => [i]);
        const s = spreadOf({ policy: null, grade, amount, fee: null });
        if (!s.ok) throw new Error("spread");
        expect(s.value.n).toBe(gradeSingle && amountSingle ? 1 : n);
        for (let i = 0; i < s.value.n; i++) {
          expect(s.value.row(i)).toEqual(ok({ grade: gradeSingle ? "A" : `G${i}`, amount: amountSingle ? 7 : i, fee: 0 }));
        }
      }),
    );
  });
});

describe("eachCell", () => {
  it("keeps the block's shape and names a cell by row and column only in a larger block", () => {
    const fields: string[] = [];
    const out = eachCell([[1, 2], [3, 4]], "odds", (v, field) => {
      fields.push(fieldInEnglish(field()));
      return Number(v) * 2;
    });
    expect(out).toEqual([[2, 4], [6, 8]]);
    expect(fields).toEqual(["odds row 1 column 1", "odds row 1 column 2", "odds row 2 column 1", "odds row 2 column 2"]);
    expect(eachCell([[5]], "odds", (_v, field) => fieldInEnglish(field()))).toEqual([["odds"]]);
    expect(eachCell([[5], [6]], "odds", (_v, field) => fieldInEnglish(field()))).toEqual([["odds row 1"], ["odds row 2"]]);
  });
  it("builds no field for a cell whose reader does not ask", () => {
    let asked = 0;
    eachCell([[1], [2], [3]], "odds", (_v, field) => (typeof _v === "number" ? _v : (asked++, field())));
    expect(asked).toBe(0);
  });
});

describe("readArgs over the new kinds", () => {
  it("stops at the first refused argument in the spec's order, not the call's", () => {
    const spec = { policy: numberOr(0), scale: choice(["AD", "AAA"] as const, "AD"), amount: NUMBER };
    expect(inEnglish(readArgs(spec, { amount: "x", scale: "Q", policy: null }))).toEqual(refused("scale", 'must be one of AD, AAA, got Q'));
    expect(readArgs(spec, { amount: 3, scale: undefined, policy: undefined })).toEqual(ok({ policy: 0, scale: "AD", amount: 3 }));
  });
  it("reads with a reader function (readerOf), passing it the argument's name", () => {
    const seen: string[] = [];
    const spec = { model: readerOf((v, field) => (seen.push(fieldInEnglish(field)), ok(String(v)))) };
    expect(readArgs(spec, { model: "Z" })).toEqual(ok({ model: "Z" }));
    expect(seen).toEqual(["model"]);
  });
});

describe("MAYBE_DATE", () => {
  it.each<[unknown, InEnglish<number | undefined>]>([
    [null, ok(undefined)],
    ["", ok(undefined)],
    [45658, ok(20089)], // 2025-01-01 as an Excel serial
    ["2025-01-01", ok(20089)],
  ])("%p → %j", (value, expected) => {
    expect(read(MAYBE_DATE, value)).toEqual(expected);
  });
  it.each(["someday", true, "2025-02-30"])("refuses %p naming the argument", (value) => {
    const r = read(MAYBE_DATE, value, "settledDates");
    expect(r.ok || r.message).toMatch(/^settledDates: /);
  });
});

describe("parallel and parallelRows", () => {
  const SPEC = { amounts: parallel(NUMBER, RANGE), settled: parallel(MAYBE_DATE), asOf: numberOr(0), paid: parallel(MAYBE_NUMBER) };
  const rowsOfLedger = (args: unknown[]) => {
    const a = readCall(SPEC, args);
    return a.ok ? parallelRows(a.value) : a;
  };

  it("skips wholly blank rows and reads the others in declaration order, an omitted column as blanks", () => {
    const r = rowsOfLedger([[[100], [""], [-20]], [[null], [null], [45658]], null, null]);
    if (!r.ok) throw new Error("rows");
    expect(r.value.rows).toEqual([0, 2]);
    expect(r.value.row(0)).toEqual(ok({ amounts: 100, settled: undefined, paid: undefined }));
    expect(r.value.row(2)).toEqual(ok({ amounts: -20, settled: 20089, paid: undefined }));
    expect(fieldInEnglish(r.value.fieldOf("paid", 2))).toBe("paid row 3");
  });

  it.each<[string, unknown[], number, InEnglish<unknown>]>([
    ["a text amount, named by row even in a one-row ledger", [[["x"]], null, null, null], 0, refused("amounts row 1", '"x" is not a number')],
    ["a blank amount beside a given paid amount", [[[1], [""]], null, null, [[""], [5]]], 1, refused("amounts row 2", "is blank")],
    ["the first refused cell of the row", [[["x"]], [["someday"]], null, null], 0, refused("amounts row 1", '"x" is not a number')],
  ])("row: %s", (_what, args, i, expected) => {
    const r = rowsOfLedger(args);
    if (!r.ok) throw new Error("rows");
    expect(inEnglish(r.value.row(i))).toEqual(expected);
  });

  it.each<[string, unknown[], InEnglish<unknown>]>([
    ["a required column omitted", [null, null, null, null], refused("amounts", "is required: give a range")],
    ["columns of different lengths", [[[1], [2]], [[null], [null], [null]], null, null], refused("settled", "has 3 rows but amounts has 2")],
    ["a block where a column is declared", [[[1, 2], [3, 4]], null, null, null], refused("amounts", "must be a single row or column, got 2×2")],
  ])("refuses %s", (_what, args, expected) => {
    expect(inEnglish(rowsOfLedger(args))).toEqual(expected);
  });
});

describe("valueOf, spillOf and rowsOf", () => {
  const SPEC = { amount: perRow(NUMBER), disputed: perRow(FLAG), policy: numberOr(1) };
  const messageOf = (cell: unknown): string => (cell as CustomFunctionsError).message;

  it("reads the first argument named before the others (the policy, as the older families do)", () => {
    const r = readCall({ scale: choice(["AD", "AAA"] as const, "AD"), policy: NUMBER }, ["Q", "x"], "policy");
    expect(inEnglish(r)).toEqual(refused("policy", '"x" is not a number'));
    expect(inEnglish(readCall({ scale: choice(["AD", "AAA"] as const, "AD"), policy: NUMBER }, ["Q", "x"]))).toEqual(refused("scale", 'must be one of AD, AAA, got Q'));
  });

  it("maps a refused argument to one #VALUE! (valueOf: the value; spillOf: one cell)", () => {
    expect(messageOf(valueOf({ n: NUMBER }, ["x"], (a) => ok(a.n * 2)))).toBe('n: "x" is not a number');
    expect(valueOf({ n: NUMBER }, [21], (a) => ok(a.n * 2))).toBe(42);
    const spilled = spillOf({ n: NUMBER }, [null], (a) => ok([[a.n]]));
    expect(spilled).toHaveLength(1);
    expect(messageOf(spilled[0][0])).toBe("n: is missing");
  });

  it("fills a refused row with its error, width cells wide, and computes the others", () => {
    const out = rowsOf(SPEC, [[[10], ["x"], [30]], "yes", null], 2, (r, a) => ok([r.amount * a.policy, r.disputed ? "disputed" : "open"]));
    expect(out[0]).toEqual([10, "disputed"]);
    expect(out[2]).toEqual([30, "disputed"]);
    expect(out[1]).toHaveLength(2);
    expect(messageOf(out[1][0])).toBe('amount row 2: "x" is not a number');
    expect(out[1][1]).toBe(out[1][0]);
  });

  it("gives a row's own failure in its cells, and a spread refusal as one error cell", () => {
    const failing = rowsOf(SPEC, [[[1], [2]], null, null], 1, (r) => (r.amount > 1 ? err(invalidInput("amount", detail("overflow"))) : ok([r.amount])));
    expect(failing[0]).toEqual([1]);
    expect(messageOf(failing[1][0])).toBe("amount: too large to compute (the figures overflow)");
    const mismatched = rowsOf(SPEC, [[[1], [2]], [[true], [false], [true]], null], 1, (r) => ok([r.amount]));
    expect(mismatched).toHaveLength(1);
    expect(messageOf(mismatched[0][0])).toBe("amount: has 2 cells but disputed has 3: give one cell or 3");
  });
});
