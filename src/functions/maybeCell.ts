/**
 * Readers of a per-customer cell that may be blank (a figure, grade or date not given: undefined),
 * else read as the required reader reads it, its error naming the field.
 * @example maybeNumber("", "limit") //=> ok(undefined)
 */
import type { DayNumber } from "../engine/dates/dayNumber";
import { type Field, ok, type Result } from "../engine/errors";
import type { Grade } from "../engine/policy";
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import { readDate, type Cell } from "./args";
import { readGrade } from "./scoringAdapters";

export const maybeNumber = (cell: Cell, field: Field): Result<number | undefined> => (isBlank(cell) ? ok(undefined) : readNumber(cell, field));
export const maybeGrade = (cell: Cell, field: Field): Result<Grade | undefined> => (isBlank(cell) ? ok(undefined) : readGrade(cell, field));
export const maybeDate = (cell: Cell, field: Field): Result<DayNumber | undefined> => (isBlank(cell) ? ok(undefined) : readDate(cell, field));
