import { h, ref } from 'vue';
import { initial } from './scenario.mjs';

/** Even items: a paragraph of text alone; odd: text beside markup (as in the React app). */
const Item = (props) =>
  props.item.id % 2 === 0
    ? h('p', { 'data-id': props.item.id }, props.item.text)
    : h('p', { 'data-id': props.item.id }, [h('strong', 'Note:'), ' ', props.item.text]);

/** The app's root component, and the list that drives it (the server renders `initial()`). */
export function vueApp() {
  const list = ref(initial());
  const App = {
    setup: () => () =>
      h(
        'section',
        list.value.map((item) => h(Item, { key: item.id, item })),
      ),
  };
  return { App, list };
}
