import { createApp, h, ref } from 'vue';
import { initial, run } from './scenario.mjs';

const list = ref(initial());
const Item = (props) =>
  props.item.id % 2 === 0
    ? h('p', { 'data-id': props.item.id }, props.item.text)
    : h('p', { 'data-id': props.item.id }, [h('strong', 'Note:'), ' ', props.item.text]);

const root = document.getElementById('root');
createApp({
  setup: () => () =>
    h(
      'section',
      list.value.map((item) => h(Item, { key: item.id, item })),
    ),
}).mount(root);
setTimeout(
  () =>
    run(root, (next) => {
      list.value = next;
    }),
  200,
);
