/**
 * The same text, stored flat. A string built by appending pieces (`+=`, template literals) is
 * kept by the JavaScript engine as a tree of those pieces (a "cons string" in V8, a "rope" in
 * JavaScriptCore) until something reads its characters, and the tree takes about 2.5× the bytes
 * of the text. A review keeps a sentence and the warnings' messages for every customer, so at
 * 10k customers the trees were about a third of what the review kept alive, and each young-
 * generation collection copied them (issue 6: 711 of 3,257 bytes per customer for the sentence
 * alone). Reading one character makes the engine flatten the string in place; the pieces are then
 * garbage that dies young, and only the flat text is kept. The text itself is unchanged.
 * @example flat(`${"B"} (68.4 %)`) //=> "B (68.4 %)"
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
