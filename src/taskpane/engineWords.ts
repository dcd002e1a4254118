/**
 * Words the engine still sends as English text (the aging's "Not due", the order-to-cash rating,
 * the default collection actions), in the pane's language: the same lookup the output sheets use
 * (app/reviewText engineWordId). Anything else (a policy's own bucket labels) is shown as it is.
 */
import type { IntlShape } from "react-intl";
import { engineWordId } from "../app/engineWords";

/** The engine's word in the pane's language, or the text as it is. */
export function engineWord(text: string, intl: IntlShape): string {
  const id = engineWordId(text);
  return id === undefined ? text : intl.formatMessage({ id });
}
