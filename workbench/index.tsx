/**
 * Workbench entry: a stand-in `Office` global (the workbench runs outside Office; nothing under
 * src/ is changed for it), then the page. URL parameters: `asOf=YYYY-MM-DD` (default: today
 * where the browser is) and `empty=1` to start without the sample portfolio.
 */
import { createRoot } from "react-dom/client";
import { preparedWorkbook, Workbench } from "./Workbench";

/** The add-in version, set by webpack (DefinePlugin) from package.json. */
declare const __ADDIN_VERSION__: string;

/** Office.onReady resolving at once, as in a host that is ready: the only Office API the pane's entry uses. */
function installOfficeStub(): void {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const stub = {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  if (!Reflect.has(globalThis, "Office")) Reflect.set(globalThis, "Office", stub);
}

function localToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function main(): Promise<void> {
  installOfficeStub();
  const params = new URLSearchParams(window.location.search);
  const asOf = params.get("asOf") ?? localToday();
  const withSample = params.get("empty") !== "1";
  const container = document.getElementById("workbench");
  if (!container) throw new Error("workbench.html has no #workbench element");
  const initial = await preparedWorkbook(asOf, withSample);
  createRoot(container).render(<Workbench asOf={asOf} addinVersion={__ADDIN_VERSION__} initial={initial} />);
}

void main().catch((e: unknown) => {
  document.body.textContent = `Workbench failed to start: ${e instanceof Error ? e.message : String(e)}`;
});
