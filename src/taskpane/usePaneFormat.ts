/**
 * The pane's figures in the user's locale (react-intl over `Intl`): money with two decimals,
 * counts, one-decimal figures, and "n/a" in the locale for a figure the review could not compute.
 */
import { useMemo } from "react";
import { useIntl } from "react-intl";

export interface PaneFormat {
  amount(value: number): string;
  count(value: number): string;
  oneDecimal(value: number): string;
  /** A percent number (52.4 means 52.4 %) with one decimal. */
  percentNumber(value: number): string;
  orNotAvailable(value: number | undefined, format: (v: number) => string): string;
}

export function usePaneFormat(): PaneFormat {
  const intl = useIntl();
  return useMemo(() => ({
    amount: (v) => intl.formatNumber(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    count: (v) => intl.formatNumber(v, { maximumFractionDigits: 0 }),
    oneDecimal: (v) => intl.formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    percentNumber: (v) => intl.formatNumber(v / 100, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    orNotAvailable: (v, format) => (v === undefined || !Number.isFinite(v) ? intl.formatMessage({ id: "pane.notAvailable" }) : format(v)),
  }), [intl]);
}
