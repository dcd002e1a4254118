/**
 * When the add-in starts, and when the pane mounts (issue 18 item 5).
 *
 * Credit Desk's custom functions run in the pane's shared runtime (manifest: SharedRuntime 1.1,
 * CustomFunctionsRuntime 1.3). Without a start-up behaviour, Excel starts that runtime only when
 * the user opens the pane, and every CREDIT.* cell of a reopened workbook sits at #BUSY! until
 * then. So the first time the pane runs on a document it asks Excel to load the add-in with that
 * document from then on (`Office.addin.setStartupBehavior(Office.StartupBehavior.load)`; it takes
 * effect at the next open, "Run code in your Office Add-in when the document opens").
 *
 * A runtime started that way has its pane hidden; the pane scans the workbook when it mounts, so it
 * is mounted only once the pane is shown: at once when the page is visible, else at the first
 * `onVisibilityModeChanged` to "Taskpane" or `visibilitychange` to visible, whichever comes first.
 * The functions need no mount: they are registered by the functions bundle itself.
 */

/** The slice of Office and the page that the start-up uses (Office.js in the add-in; a fake in tests). */
export interface PaneHost {
  isSetSupported(name: string, version: string): boolean;
  /** Office.addin.setStartupBehavior(Office.StartupBehavior.load). */
  loadWithDocument(): Promise<void>;
  /** Office.addin.onVisibilityModeChanged; the handler gets "Taskpane" or "Hidden". */
  onVisibilityModeChanged(handler: (mode: string) => void): void;
  /** document.visibilityState === "visible" now. */
  isPageVisible(): boolean;
  /** document's visibilitychange; the handler gets whether the page is visible. */
  onPageVisibilityChanged(handler: (isVisible: boolean) => void): void;
  /** Where a failure of the start-up request is reported (it never stops the pane). */
  warn(message: string): void;
}

/** How the add-in started: whether it asked to load with the document, and whether the pane mounted now. */
export interface PaneStart {
  asksToLoadWithDocument: boolean;
  mountedAtOnce: boolean;
}

/**
 * Ask to load with the document (where the shared runtime exists) and mount the pane when it is
 * shown. `mount` runs exactly once.
 * @example startPane(officeHost, render) //=> { asksToLoadWithDocument: true, mountedAtOnce: true } (pane opened by the user)
 */
export function startPane(host: PaneHost, mount: () => void): PaneStart {
  const hasSharedRuntime = host.isSetSupported("SharedRuntime", "1.1");
  if (hasSharedRuntime) {
    host.loadWithDocument().catch((error: unknown) => host.warn(`Credit Desk could not ask Excel to load it with this workbook: ${String(error)}`));
  }
  let isMounted = false;
  const mountOnce = (): void => {
    if (isMounted) return;
    isMounted = true;
    mount();
  };
  // Without a shared runtime the page exists only as a visible pane.
  if (!hasSharedRuntime || host.isPageVisible()) {
    mountOnce();
    return { asksToLoadWithDocument: hasSharedRuntime, mountedAtOnce: true };
  }
  host.onVisibilityModeChanged((mode) => {
    if (mode === "Taskpane") mountOnce();
  });
  host.onPageVisibilityChanged((isVisible) => {
    if (isVisible) mountOnce();
  });
  return { asksToLoadWithDocument: true, mountedAtOnce: false };
}
