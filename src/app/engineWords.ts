/**
 * Words the engine still passes on as English text, rendered in the user's language: see below.
 * Apart from reviewText.ts because it reads the whole catalogue, which the custom functions, using
 * reviewText, must not carry.
 */
import { MESSAGE_IDS, messagesFor, type MessageId } from "../i18n/messages";
import type { Translator } from "../i18n/translator";

/**
 * Words the engine still passes on as English text (the default collection actions, the
 * order-to-cash rating, the aging's "Not due" and "All") → their message: the catalogue's en-US
 * text is the engine's word. Any other text (a Policy's own words, bucket figures such as "1–30")
 * has no message and is shown as it is.
 */
const ENGINE_WORDS: ReadonlyMap<string, MessageId> = new Map(
  MESSAGE_IDS.filter((id) => id.startsWith("collectionAction.") || id.startsWith("otcRating.") || id === "bucket.notDue" || id === "bucket.all").map(
    (id) => [messagesFor("en-US")[id], id],
  ),
);

/** The message of a word the engine passes on in English, or undefined (then show the text as it is). */
export function engineWordId(text: string): MessageId | undefined {
  return ENGINE_WORDS.get(text);
}

/**
 * The engine's English words in the translator's language, rendered once (a worklist may have a
 * million rows): the returned lookup gives the text as it is when it is not one of them.
 * @example engineWords(createTranslator("zh-CN"))("Not due") //=> "未到期"
 */
export function engineWords(t: Translator): (text: string) => string {
  const rendered = new Map([...ENGINE_WORDS].map(([text, id]) => [text, t.t(id)]));
  return (text) => rendered.get(text) ?? text;
}
