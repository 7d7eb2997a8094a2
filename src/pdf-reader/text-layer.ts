/**
 * pdf.js ends each line of a text layer with a `<br>`. To the highlighter a `<br>` ends a run
 * of text, so a term broken over two lines ("data" / "governance") would never be found; a
 * line break written as text ("\n") is whitespace inside the run, as the matcher reads any
 * whitespace between a term's words. It goes in a span, which the run reads on through and
 * pdf.js's style places as it placed the `<br>` (absolutely, white space kept): the layout
 * does not change, and a selection copies the same line break.
 */
export function linesAsText(layer: Element): void {
  for (const br of layer.querySelectorAll('br')) {
    const line = layer.ownerDocument.createElement('span');
    line.className = 'line-end';
    line.textContent = '\n';
    br.replaceWith(line);
  }
}
