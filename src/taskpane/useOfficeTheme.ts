/**
 * Follows Office's theme while the pane is open. Excel has no theme-changed event for task panes
 * (Office.EventType.OfficeThemeChanged is Outlook's, Mailbox 1.14), so the theme is read again
 * every few seconds: a read of `Office.context.officeTheme`, no call into the workbook.
 */
import { useEffect, useState } from "react";
import { paneThemeOf, type OfficeThemeColours, type PaneTheme } from "./paneTheme";

/** How often the theme is read again (ms). */
export const THEME_POLL_MS = 2000;

export function useOfficeTheme(read: () => OfficeThemeColours | undefined, pollMs = THEME_POLL_MS): PaneTheme {
  const [theme, setTheme] = useState<PaneTheme>(() => paneThemeOf(read()));
  useEffect(() => {
    const timer = setInterval(() => setTheme(paneThemeOf(read())), pollMs);
    return () => clearInterval(timer);
  }, [read, pollMs]);
  return theme;
}
