import { glossary } from '../glossary/data';
import type { Settings } from '../settings/settings';
import { useSettings } from '../ui/hooks';

type ChoiceKey = 'density' | 'everydayWords' | 'highlightStyle';

interface Choice<K extends ChoiceKey> {
  readonly value: Settings[K];
  readonly label: string;
  readonly detail: string;
}

/** One setting as a set of radio buttons; open pages follow a change at once. */
function SettingChoices<K extends ChoiceKey>({
  setting,
  legend,
  choices,
}: {
  setting: K;
  legend: string;
  choices: ReadonlyArray<Choice<K>>;
}) {
  const [settings, save] = useSettings();
  if (!settings) return null;
  return (
    <fieldset class="access">
      <legend>{legend}</legend>
      {choices.map(({ value, label, detail }) => (
        <label class="choice" key={value}>
          <input
            type="radio"
            name={setting}
            value={value}
            checked={settings[setting] === value}
            onChange={() => save({ [setting]: value } as Partial<Settings>)}
          />
          <span>
            <strong>{label}</strong>
            <span class="detail">{detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function DensityChoices() {
  return (
    <SettingChoices
      setting="density"
      legend="How often should a term be highlighted?"
      choices={[
        {
          value: 'first',
          label: 'The first time each term appears',
          detail: 'Calm reading: like an encyclopedia, a term is marked once per page.',
        },
        {
          value: 'every',
          label: 'Every time a term appears',
          detail: 'For study: every occurrence can be hovered.',
        },
      ]}
    />
  );
}

/** The glossary's everyday words as a reader knows them: "AI, bias, ethics ...". */
const EVERYDAY_WORDS = glossary.terms
  .filter((t) => t.everyday)
  .map((t) => t.abbreviation ?? t.term.toLowerCase())
  .join(', ');

export function EverydayWordChoices() {
  return (
    <SettingChoices
      setting="everydayWords"
      legend={`Everyday words (${EVERYDAY_WORDS})`}
      choices={[
        {
          value: 'topic',
          label: 'Only on pages about AI',
          detail:
            'A page is about AI when AI, machine learning, neural networks, language models or the course’s specialist terms come up at least 3 times, and at least once in every 12,000 characters. A recipe’s “privacy policy” stays plain.',
        },
        {
          value: 'always',
          label: 'On every page',
          detail: 'Everyday words are highlighted wherever they appear.',
        },
      ]}
    />
  );
}

export function HighlightStyleChoices() {
  return (
    <SettingChoices
      setting="highlightStyle"
      legend="How should highlighted terms look?"
      choices={[
        {
          value: 'underline',
          label: 'Dotted underline',
          detail: 'Quiet: the text keeps its own look, with a blue dotted line under terms.',
        },
        {
          value: 'background',
          label: 'Tinted background',
          detail: 'Easy to spot: a light blue band behind each term.',
        },
        {
          value: 'off',
          label: 'Nothing drawn',
          detail:
            'Terms look like the rest of the text; hovering one, or the term shortcuts, still explain it.',
        },
      ]}
    />
  );
}
