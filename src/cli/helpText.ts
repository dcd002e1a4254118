/**
 * The CLI's help pages in the user's language: general usage and one page per command, from the
 * catalogues (`cli.help.*`, en-US and zh-CN). A `<placeholder>` is quoted in the catalogue
 * ('<workbook.xlsx>') so that ICU does not read it as a tag; `format` (the compiled message)
 * unquotes it.
 * @example helpPage(createTranslator("zh-CN"), "review").startsWith("credit-desk review <workbook.xlsx> [选项]") //=> true
 */
import type { Translator } from "../i18n/translator";

export type HelpTopic = "review" | "init" | "demo" | "whatif";

export function helpPage(t: Translator, topic?: HelpTopic): string {
  return t.format(topic === undefined ? "cli.help.general" : `cli.help.${topic}`);
}
