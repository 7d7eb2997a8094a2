import { createElement as h, useEffect, useState } from 'react';
import { initial, words } from './scenario.mjs';

/**
 * Three kinds of paragraph: text alone (React sets textContent); text beside markup; a text
 * node a word, terms across two of them, one word now text, now markup (words()).
 */
function Item({ item }) {
  const props = { 'data-id': item.id };
  switch (item.id % 3) {
    case 0:
      return h('p', props, item.text);
    case 1:
      return h('p', props, h('strong', null, 'Note:'), ' ', item.text);
    default:
      return h(
        'p',
        props,
        ...words(item.text).map((w) => (typeof w === 'string' ? w : h('em', null, w.em))),
      );
  }
}

export function App({ subscribe }) {
  const [list, setList] = useState(initial);
  useEffect(() => subscribe?.(setList), [subscribe]);
  return h('section', null, ...list.map((item) => h(Item, { key: item.id, item })));
}
