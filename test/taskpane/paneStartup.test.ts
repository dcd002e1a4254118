import { startPane, type PaneHost } from "../../src/taskpane/paneStartup";

/** A fake host: requirement sets, page visibility and the two visibility events, by hand. */
function fakeHost(options: { sharedRuntime: boolean; visible: boolean; startupFails?: boolean }) {
  const modeHandlers: ((mode: string) => void)[] = [];
  const pageHandlers: ((isVisible: boolean) => void)[] = [];
  const calls = { loadWithDocument: 0, warnings: [] as string[] };
  const host: PaneHost = {
    isSetSupported: (name, version) => options.sharedRuntime && name === "SharedRuntime" && version === "1.1",
    loadWithDocument: () => {
      calls.loadWithDocument += 1;
      return options.startupFails ? Promise.reject(new Error("GeneralException")) : Promise.resolve();
    },
    onVisibilityModeChanged: (handler) => void modeHandlers.push(handler),
    isPageVisible: () => options.visible,
    onPageVisibilityChanged: (handler) => void pageHandlers.push(handler),
    warn: (message) => void calls.warnings.push(message),
  };
  return {
    host,
    calls,
    mode: (m: string) => modeHandlers.forEach((h) => h(m)),
    page: (v: boolean) => pageHandlers.forEach((h) => h(v)),
  };
}

describe("startPane", () => {
  it.each([
    // sharedRuntime, visible → asks to load with the document, mounts at once
    [true, true, true, true],
    [true, false, true, false],
    [false, true, false, true],
    [false, false, false, true],
  ])("shared runtime %s, page visible %s: asks to load with the document %s, mounts at once %s", (sharedRuntime, visible, asks, atOnce) => {
    const { host, calls } = fakeHost({ sharedRuntime, visible });
    let mounts = 0;
    expect(startPane(host, () => (mounts += 1))).toEqual({ asksToLoadWithDocument: asks, mountedAtOnce: atOnce });
    expect(calls.loadWithDocument).toBe(asks ? 1 : 0);
    expect(mounts).toBe(atOnce ? 1 : 0);
  });

  it("started hidden with the document: mounts (and so scans the workbook) only when the pane is shown, once", () => {
    const { host, mode, page } = fakeHost({ sharedRuntime: true, visible: false });
    let mounts = 0;
    startPane(host, () => (mounts += 1));
    mode("Hidden");
    page(false);
    expect(mounts).toBe(0);
    mode("Taskpane");
    expect(mounts).toBe(1);
    page(true);
    mode("Hidden");
    mode("Taskpane");
    expect(mounts).toBe(1);
  });

  it("mounts on the page becoming visible when no visibility-mode event comes", () => {
    const { host, page } = fakeHost({ sharedRuntime: true, visible: false });
    let mounts = 0;
    startPane(host, () => (mounts += 1));
    page(true);
    expect(mounts).toBe(1);
  });

  it("reports a refused start-up request and still mounts the pane", async () => {
    const { host, calls } = fakeHost({ sharedRuntime: true, visible: true, startupFails: true });
    let mounts = 0;
    startPane(host, () => (mounts += 1));
    await Promise.resolve();
    await Promise.resolve();
    expect(mounts).toBe(1);
    expect(calls.warnings).toEqual([expect.stringContaining("could not ask Excel to load it with this workbook")]);
  });
});
