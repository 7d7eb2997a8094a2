import { removeHost, requestSites } from '../access/access';
import { chosenSites, patternsForHost } from '../access/patterns';
import { t } from '../i18n/i18n';
import { useGrantedPatterns } from '../ui/hooks';
import { SiteList } from './SiteList';

/** The single sites the user granted, with a way to add and remove them. */
export function ChosenSites() {
  const granted = useGrantedPatterns();
  if (!granted) {
    return null;
  }
  return (
    <SiteList
      id="sites"
      heading={t('chosenHeading')}
      sites={chosenSites(granted)}
      empty={t('chosenNone')}
      removeText={t('remove')}
      removeLabel={(host) => t('removeSite', host)}
      onRemove={(host) =>
        removeHost(host).then(
          () => null,
          () => t('accessKept'),
        )
      }
      addLabel={t('addSite')}
      addText={t('add')}
      onAdd={(host) =>
        requestSites(patternsForHost(host)).then(
          (ok) => (ok ? null : t('accessNotGrantedShort')),
          () => t('accessCannotAsk'),
        )
      }
    />
  );
}
