import { glossary } from '../glossary/data';
import { t } from '../i18n/i18n';
import type { Settings } from '../settings/settings';
import { useSettings } from '../ui/hooks';
import { Notice } from '../ui/Notice';

type ChoiceKey = 'density' | 'everydayWords' | 'highlightStyle' | 'knownTerms';

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
  const [settings, save, problem] = useSettings();
  if (!settings) {
    return null;
  }
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
      <Notice alert>{problem}</Notice>
    </fieldset>
  );
}

export function DensityChoices() {
  return (
    <SettingChoices
      setting="density"
      legend={t('densityLegend')}
      choices={[
        { value: 'first', label: t('densityFirstLabel'), detail: t('densityFirstDetail') },
        { value: 'every', label: t('densityEveryLabel'), detail: t('densityEveryDetail') },
      ]}
    />
  );
}

/** The glossary's everyday words as a reader knows them: "AI, bias, ethics ...". */
const EVERYDAY_WORDS = glossary.terms
  .filter((term) => term.everyday)
  .map((term) => term.abbreviation ?? term.term.toLowerCase())
  .join(', ');

export function EverydayWordChoices() {
  return (
    <SettingChoices
      setting="everydayWords"
      legend={t('everydayLegend', EVERYDAY_WORDS)}
      choices={[
        { value: 'topic', label: t('everydayTopicLabel'), detail: t('everydayTopicDetail') },
        { value: 'always', label: t('everydayAlwaysLabel'), detail: t('everydayAlwaysDetail') },
      ]}
    />
  );
}

export function HighlightStyleChoices() {
  return (
    <SettingChoices
      setting="highlightStyle"
      legend={t('styleLegend')}
      choices={[
        { value: 'underline', label: t('styleUnderlineLabel'), detail: t('styleUnderlineDetail') },
        {
          value: 'background',
          label: t('styleBackgroundLabel'),
          detail: t('styleBackgroundDetail'),
        },
        { value: 'off', label: t('styleOffLabel'), detail: t('styleOffDetail') },
      ]}
    />
  );
}

export function KnownTermChoices() {
  return (
    <SettingChoices
      setting="knownTerms"
      legend={t('knownLegend')}
      choices={[
        { value: 'hidden', label: t('knownHiddenLabel'), detail: t('knownHiddenDetail') },
        { value: 'faint', label: t('knownFaintLabel'), detail: t('knownFaintDetail') },
      ]}
    />
  );
}
