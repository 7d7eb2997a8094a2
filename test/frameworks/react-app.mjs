import { createElement as h, useEffect, useState } from 'react';
import { initial } from './scenario.mjs';

/** Even items: a paragraph of text alone (React sets textContent); odd: text beside markup. */
function Item({ item }) {
  return item.id % 2 === 0
    ? h('p', { 'data-id': item.id }, item.text)
    : h('p', { 'data-id': item.id }, h('strong', null, 'Note:'), ' ', item.text);
}

export function App({ subscribe }) {
  const [list, setList] = useState(initial);
  useEffect(() => subscribe?.(setList), [subscribe]);
  return h('section', null, ...list.map((item) => h(Item, { key: item.id, item })));
}
