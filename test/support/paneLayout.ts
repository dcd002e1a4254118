/**
 * What the browser tests check of the pane's layout at a given width: the visible elements that
 * reach past the pane's right edge (a closed <details> hides its content; with
 * `exceptInScrollContainers`, an element inside a scrolling container does not count either),
 * each as "tag.firstClass text…".
 */
import type { Locator } from "playwright-core";

export function overflowingElements(pane: Locator, options: { exceptInScrollContainers?: boolean } = {}): Promise<string[]> {
  return pane.evaluate((root, exceptScroll) => {
    const edge = root.getBoundingClientRect().right + 1;
    return [...root.querySelectorAll("*")]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > edge && !el.closest("details:not([open])"))
      .filter((el) => !exceptScroll || !el.closest('[class*="scroll"], [style*="overflow"]'))
      .map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ")[0]} ${el.textContent?.slice(0, 30) ?? ""}`);
  }, options.exceptInScrollContainers ?? false);
}
