/**
 * The pane with its providers: react-intl over the catalogues in the chosen locale (from Office's
 * display language, switchable in the pane) and the Fluent theme that follows Office's theme.
 * index.tsx renders it in Office, the workbench beside its sheet viewer, the tests in jsdom.
 */
import { FluentProvider } from "@fluentui/react-components";
import { useState } from "react";
import { IntlProvider } from "react-intl";
import { intlConfig } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import { App, type AppProps } from "./App";
import { fluentThemeOf, type OfficeThemeColours, type PaneTheme } from "./paneTheme";
import { useOfficeTheme } from "./useOfficeTheme";

const noOfficeTheme = (): undefined => undefined;

export interface PaneRootProps extends AppProps {
  /** The locale to start in: `resolveLocale(Office.context.displayLanguage)`. */
  initialLocale: Locale;
  /** The theme now, or how to read Office's theme (read again every few seconds: useOfficeTheme). */
  theme: PaneTheme | (() => OfficeThemeColours | undefined);
}

export function PaneRoot({ initialLocale, theme, ...app }: PaneRootProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const followed = useOfficeTheme(typeof theme === "function" ? theme : noOfficeTheme);
  const current = typeof theme === "function" ? followed : theme;
  return (
    <IntlProvider {...intlConfig(locale)}>
      <FluentProvider theme={fluentThemeOf(current)} lang={locale} style={{ minHeight: "100%" }} data-theme={current}>
        <App {...app} locale={locale} onLocaleChange={setLocale} />
      </FluentProvider>
    </IntlProvider>
  );
}
