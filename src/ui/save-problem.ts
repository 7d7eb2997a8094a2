import { t } from '../i18n/i18n';
import { type SaveProblem, SYNC_ITEM_BYTES } from '../settings/settings';
import { SaveError } from '../settings/storage';

/** What the user reads when a change was not stored: what happened and what they can do. */
export function saveProblemText(error: unknown): string {
  const problem: SaveProblem = error instanceof SaveError ? error.problem : 'failed';
  switch (problem) {
    case 'invalid':
      return t('saveInvalid');
    case 'too-many-sites':
      return t('saveTooManySites', SYNC_ITEM_BYTES.toLocaleString());
    case 'storage-full':
      return t('saveStorageFull');
    case 'too-fast':
      return t('saveTooFast');
    case 'reloaded':
      return t('saveReloaded');
    default:
      return t('saveFailed');
  }
}
