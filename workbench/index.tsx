/**
 * Workbench entry: a stand-in `Office` global (the workbench runs outside Office; nothing under
 * src/ is changed for it), then the page. URL parameters: `asOf=YYYY-MM-DD` (default: today
 * where the browser is), `empty=1` to start without the sample portfolio, `lang=zh-CN|en-US`
 * (Office.context.displayLanguage), `theme=light|dark` (Office.context.officeTheme: White or
 * Black) and `width=300..500` (the task pane's width in px).
 */
import { createRoot } from "react-dom/client";
import { resolveLocale } from "../src/i18n/locale";
import type { OfficeThemeColours } from "../src/taskpane/paneTheme";
import { preparedWorkbook, Workbench } from "./Workbench";

/** The add-in version, set by webpack (DefinePlugin) from package.json. */
declare const __ADDIN_VERSION__: string;

/** Office's theme colours of the White and Black themes (the pane reads bodyBackgroundColor). */
const OFFICE_THEMES: Record<string, OfficeThemeColours & Record<string, string>> = {
  light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000" },
  dark: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#FFFFFF" },
};

/**
 * Office.onReady resolving at once, as in a host that is ready, and Office.context with the
 * display language and theme the pane's entry reads.
 */
function installOfficeStub(displayLanguage: string, officeTheme: OfficeThemeColours): void {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const stub = {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: { displayLanguage, officeTheme },
  };
  if (!Reflect.has(globalThis, "Office")) Reflect.set(globalThis, "Office", stub);
}

function localToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const displayLanguage = params.get("lang") ?? navigator.language;
  const officeTheme = OFFICE_THEMES[params.get("theme") ?? "light"] ?? OFFICE_THEMES.light!;
  const width = Number(params.get("width") ?? "380");
  installOfficeStub(displayLanguage, officeTheme);
  const asOf = params.get("asOf") ?? localToday();
  const withSample = params.get("empty") !== "1";
  const container = document.getElementById("workbench");
  if (!container) throw new Error("workbench.html has no #workbench element");
  const initial = await preparedWorkbook(asOf, withSample);
  const readTheme = (): OfficeThemeColours | undefined =>
    (Reflect.get(globalThis, "Office") as { context?: { officeTheme?: OfficeThemeColours } } | undefined)?.context?.officeTheme;
  createRoot(container).render(
    <Workbench
      asOf={asOf}
      addinVersion={__ADDIN_VERSION__}
      initial={initial}
      locale={resolveLocale(displayLanguage)}
      readTheme={readTheme}
      paneWidth={Number.isFinite(width) ? Math.min(500, Math.max(300, width)) : 380}
    />,
  );
}

void main().catch((e: unknown) => {
  document.body.textContent = `Workbench failed to start: ${e instanceof Error ? e.message : String(e)}`;
});
