/**
 * pdf.js ends each line of a text layer with a `<br>`. To the highlighter a `<br>` ends a run
 * of text, so a term broken over two lines ("data" / "governance") would never be found; a
 * line break written as text ("\n") is whitespace inside the run, as the matcher reads any
 * whitespace between a term's words. The layer's text spans are placed absolutely, so the
 * layout does not change, and a selection copies the same line break.
 */
export function linesAsText(layer: Element): void {
  for (const br of layer.querySelectorAll(':scope > br')) {
    br.replaceWith(layer.ownerDocument.createTextNode('\n'));
  }
}
