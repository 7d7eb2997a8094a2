import { Fragment, h, ref } from 'vue';
import { initial, words } from './scenario.mjs';

/** The three kinds of paragraph of the React app (react-app.mjs). */
const Item = ({ item }) => {
  const props = { 'data-id': item.id };
  switch (item.id % 3) {
    case 0:
      return h('p', props, item.text);
    case 1:
      return h('p', props, [h('strong', 'Note:'), ' ', item.text]);
    default:
      return h(
        'p',
        props,
        words(item.text).map((w) => (typeof w === 'string' ? w : h('em', w.em))),
      );
  }
};

/** The app's root component, and the list that drives it (the server renders `initial()`). */
export function vueApp() {
  const list = ref(initial());
  const App = {
    // The list is a fragment, as a template's v-for compiles to: the server marks its ends
    // with <!--[--> and <!--]-->, the sign of Vue's server rendering (src/content/hydration.ts).
    setup: () => () =>
      h('section', [
        h(
          Fragment,
          list.value.map((item) => h(Item, { key: item.id, item })),
        ),
      ]),
  };
  return { App, list };
}
