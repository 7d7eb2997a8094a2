import type { Translate } from '../i18n/translate';
import { GLOSSARY_BUDGET_BYTES } from '../import/library';
import { KNOWN_BUDGET_BYTES } from '../progress/known';
import { type SaveProblem, SYNC_ITEM_BYTES } from '../settings/settings';
import { SaveError } from '../settings/storage';

/**
 * What the user reads when a change was not stored: what happened and what they can do.
 * `t` is the translator of the context saying it: the extension's pages pass i18n.ts's, the
 * content script its own (this module imports no browser API, so both can use it).
 */
export function saveProblemText(error: unknown, t: Translate): string {
  const problem: SaveProblem = error instanceof SaveError ? error.problem : 'failed';
  switch (problem) {
    case 'invalid':
      return t('saveInvalid');
    case 'too-many-sites':
      return t('saveTooManySites', SYNC_ITEM_BYTES.toLocaleString());
    case 'too-many-known':
      return t('saveTooManyKnown', KNOWN_BUDGET_BYTES.toLocaleString());
    case 'storage-full':
      return t('saveStorageFull');
    case 'too-fast':
      return t('saveTooFast');
    case 'reloaded':
      return t('saveReloaded');
    case 'no-room-for-glossary':
      return t('saveNoRoomForGlossary', Math.round(GLOSSARY_BUDGET_BYTES / 1024 / 1024));
    default:
      return t('saveFailed');
  }
}
