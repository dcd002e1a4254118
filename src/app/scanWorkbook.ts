/**
 * The pane's scan of a workbook already read (steps 1–2): the input tables recognised, with the
 * mapping saved in the workbook (CreditDeskMapping) under the user's, then validated and read
 * into a portfolio. Pure over the snapshot, so it can run off the page's thread.
 * @example scanWorkbook(await port.readWorkbook(), {}) //=> { recognition: { tables: { customers: … } }, reading: { problems: [], … } }
 */
import type { WorkbookSnapshot } from "../host/WorkbookPort";
import { readPortfolio, type PortfolioReading } from "./readPortfolio";
import { recogniseTables } from "./recogniseTables";
import { mergeMappings, savedMapping } from "./savedMapping";
import type { ColumnMapping, Recognition } from "./types";

export interface WorkbookScan {
  recognition: Recognition;
  reading: PortfolioReading;
}

export function scanWorkbook(snapshot: WorkbookSnapshot, mapping: ColumnMapping): WorkbookScan {
  const recognition = recogniseTables(snapshot, mergeMappings(savedMapping(snapshot), mapping));
  return { recognition, reading: readPortfolio(snapshot, recognition) };
}
