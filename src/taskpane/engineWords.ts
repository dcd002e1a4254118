/**
 * Words the engine still sends as English text and the pane shows in the user's language until
 * the engine sends ids (issue 16, H8): the default aging's first bucket and the order-to-cash
 * ratings. Anything else (a policy's own bucket labels) is shown as it is.
 */
import type { IntlShape } from "react-intl";

const IDS: Readonly<Record<string, string>> = {
  "Not due": "pane.aging.notDue",
  "World class": "term.otcWorldClass",
  "Efficient but not optimal": "term.otcEffective",
  "Serious problems, reform needed": "term.otcInefficient",
  "Near collapse": "term.otcCollapse",
};

/** The engine's word in the pane's language, or the text as it is. */
export function engineWord(text: string, intl: IntlShape): string {
  const id = IDS[text];
  return id === undefined ? text : intl.formatMessage({ id });
}
