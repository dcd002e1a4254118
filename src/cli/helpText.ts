/**
 * The CLI's help pages in the user's language: general usage and one page per command, from the
 * catalogues (`cli.help.*`, en-US and zh-CN). A `<placeholder>` is quoted in the catalogue
 * ('<workbook.xlsx>') so that ICU does not read it as a tag; `format` (the compiled message)
 * unquotes it. The file commands of issue 19 §3 (review --customers/--ledger, export-ledger)
 * add their lines from `cliFiles.help.*`.
 * @example helpPage(createTranslator("zh-CN"), "review").startsWith("credit-desk review <workbook.xlsx> [选项]") //=> true
 */
import type { Translator } from "../i18n/translator";

export type HelpTopic = "review" | "init" | "demo" | "whatif" | "export-ledger";

export function helpPage(t: Translator, topic?: HelpTopic): string {
  switch (topic) {
    case undefined: {
      // The file commands' usage lines go under the others, before the --help line.
      const general = t.format("cli.help.general");
      const at = general.indexOf("  credit-desk --help");
      return at < 0 ? general + t.format("cliFiles.help.usage") : general.slice(0, at) + t.format("cliFiles.help.usage") + general.slice(at);
    }
    case "export-ledger":
      return t.format("cliFiles.help.exportLedger");
    case "review":
      return t.format("cli.help.review") + t.format("cliFiles.help.review");
    default:
      return t.format(`cli.help.${topic}`);
  }
}
