/* Webpack loader: a message catalogue (JSON, id → ICU MessageFormat text) compiled to FormatJS
 * ASTs at build time, so that a bundle formatting only these messages needs no ICU parser at run
 * time (FormatJS "message distribution": precompiled ASTs with @formatjs/icu-messageformat-parser
 * aliased to its no-parser entry). The JSON files stay the source; the tests read them as text.
 * Parsed as intl-messageformat parses at run time: skeletons parsed, locations dropped. */
const { parse } = require("@formatjs/icu-messageformat-parser");

module.exports = function icuAstLoader(source) {
  const messages = JSON.parse(source);
  const compiled = {};
  for (const [id, message] of Object.entries(messages)) compiled[id] = parse(message, { shouldParseSkeletons: true });
  return JSON.stringify(compiled);
};
