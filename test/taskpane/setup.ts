/**
 * jsdom set-up for the task-pane tests: what Fluent UI expects of a browser and jsdom lacks
 * (ResizeObserver, matchMedia, scrollIntoView), and jest-axe's matcher. Import it first.
 */
import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as Record<string, unknown>;
if (g.ResizeObserver === undefined) g.ResizeObserver = NoopResizeObserver;

if (typeof window !== "undefined") {
  if (window.matchMedia === undefined) {
    window.matchMedia = (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  if (Element.prototype.scrollIntoView === undefined) Element.prototype.scrollIntoView = () => undefined;
}
