import { t } from '../i18n/i18n';
import { MAX_NEW_PER_DAY } from '../review/cards';
import { useSettings } from '../ui/hooks';
import { Notice } from '../ui/Notice';

/** How many terms met while reading enter review a day: a number the user types. */
export function NewPerDay() {
  const [settings, save, problem] = useSettings();
  if (!settings) {
    return null;
  }
  return (
    <div class="access">
      <label class="number-setting">
        <strong>{t('newPerDayLabel')}</strong>
        <input
          type="number"
          min={1}
          max={MAX_NEW_PER_DAY}
          step={1}
          value={settings.newPerDay}
          aria-describedby="new-per-day-detail"
          // Out of range or not a number: the stored value comes back, with the reason.
          onChange={(e) => save({ newPerDay: e.currentTarget.valueAsNumber })}
        />
      </label>
      <span class="detail" id="new-per-day-detail">
        {t('newPerDayDetail')}
      </span>
      <Notice alert>{problem}</Notice>
    </div>
  );
}
