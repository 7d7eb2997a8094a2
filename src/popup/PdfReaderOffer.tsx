import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { requestSites } from '../access/access';
import { pagePattern } from '../access/patterns';
import { t } from '../i18n/i18n';
import { readerPath } from '../pdf-reader/address';
import type { ActiveTab } from './active-tab';

/**
 * On a tab that shows a PDF: open it in the glossary's own reader, in the same tab, at the
 * same page. Nothing is asked at install: the PDF's site is asked for here, from the click
 * (already granted, the browser just says yes), and a local file needs the browser's own
 * switch for file access.
 */
export function PdfReaderOffer({ tab }: { tab: ActiveTab & { url: string } }) {
  const local = tab.url.startsWith('file:');
  const [fileAccess, setFileAccess] = useState<boolean | null>(local ? null : true);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    if (local) {
      browser.extension.isAllowedFileSchemeAccess().then(setFileAccess, () => setFileAccess(false));
    }
  }, [local]);

  const open = () => {
    // Straight from the click, before any await: the browser asks only while the gesture is fresh.
    // Only what fetching this document needs: its scheme and host.
    const pattern = pagePattern(tab.url);
    const granted = pattern ? requestSites([pattern]) : Promise.resolve(true);
    granted
      .then(async (yes) => {
        if (!yes) {
          return;
        }
        await browser.tabs.update(tab.id, { url: browser.runtime.getURL(readerPath(tab.url)) });
        window.close();
      })
      .catch((error: unknown) => setProblem(String(error)));
  };

  return (
    <section class="pdf-reader" aria-label={t('pdfOpenInReader')}>
      {fileAccess === false ? (
        <p class="note">{t('pdfNeedsFileAccess')}</p>
      ) : (
        <>
          <button type="button" onClick={open} disabled={fileAccess === null}>
            {t('pdfOpenInReader')}
          </button>
          <p class="note">{t('pdfOpenInReaderNote')}</p>
        </>
      )}
      {problem ? <p role="alert">{problem}</p> : null}
    </section>
  );
}
