import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { startContentScript } from '../content/content-script';
import { documentTerms } from '../content/document-terms';
import { t } from '../i18n/i18n';
import { withLineEndHyphens } from '../match/line-end-hyphens';
import { pageApi } from '../platform/page-api';
import { tooltipUi } from '../tooltip/ui';
import { browserViewerUrl, documentOf } from './address';
import { type OpenedPdf, openPdf, PasswordDeclined } from './viewer';

/**
 * The glossary's PDF reader: the document the user asked to open, drawn by pdf.js, its text
 * layer highlighted by the content script's own code (the same matcher, rules, settings,
 * tooltip and known terms), with one click back to the browser's own viewer.
 */

type State =
  | { kind: 'opening' }
  | {
      kind: 'password';
      /** Each time the password is asked anew: the form starts empty. */
      attempt: number;
      incorrect: boolean;
      answer: (password: string | null) => void;
    }
  | { kind: 'open'; pdf: OpenedPdf }
  | { kind: 'failed'; reason: string };

function ReaderBar({ file, state, page }: { file: string; state: State; page: number }) {
  const name = decodeURIComponent(new URL(file).pathname.split('/').pop() || file);
  const title = state.kind === 'open' ? (state.pdf.title ?? name) : name;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <h1 title={file}>{title}</h1>
      {state.kind === 'open' ? <p class="status">{t('pdfPageOf', page, state.pdf.pages)}</p> : null}
      <a href={browserViewerUrl(file, page)}>{t('pdfBackToBrowser')}</a>
    </>
  );
}

/** A protected document's password, asked in the page (never stored, never sent anywhere). */
function PasswordForm({
  incorrect,
  answer,
}: {
  incorrect: boolean;
  answer: (p: string | null) => void;
}) {
  const [password, setPassword] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // The reader asked to open this document: the field is the only thing to do next (a new
  // field each time it is asked, which `autofocus` would not focus after the first).
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      class="message password"
      onSubmit={(event) => {
        event.preventDefault();
        answer(password);
      }}
    >
      <p id="password-why" role={incorrect ? 'alert' : 'status'}>
        {t(incorrect ? 'pdfPasswordIncorrect' : 'pdfPasswordNeeded')}
      </p>
      <label>
        {t('pdfPasswordLabel')}{' '}
        <input
          type="password"
          value={password}
          autocomplete="off"
          aria-describedby="password-why"
          ref={field}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit">{t('pdfPasswordOpen')}</button>{' '}
      <button type="button" onClick={() => answer(null)}>
        {t('pdfPasswordCancel')}
      </button>
    </form>
  );
}

function Message({ state }: { state: State }) {
  if (state.kind === 'password') {
    return <PasswordForm key={state.attempt} {...state} />;
  }
  if (state.kind === 'opening') {
    return (
      <p class="message" role="status">
        {t('pdfOpening')}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p class="message" role="alert">
        {t('pdfFailed', state.reason)}
      </p>
    );
  }
  return state.pdf.hasText ? null : (
    <p class="message" role="status">
      {t('pdfNoText')}
    </p>
  );
}

function Reader({
  file,
  firstPage,
  onOpen,
}: {
  file: string;
  firstPage: number;
  onOpen: (pdf: OpenedPdf) => void;
}) {
  const [state, setState] = useState<State>({ kind: 'opening' });
  const [page, setPage] = useState(firstPage);
  useEffect(() => {
    const container = document.getElementById('viewerContainer') as HTMLDivElement;
    let opened: OpenedPdf | null = null;
    let attempt = 0;
    const askPassword = (incorrect: boolean) =>
      new Promise<string | null>((resolve) =>
        setState({
          kind: 'password',
          attempt: ++attempt,
          incorrect,
          answer(password) {
            setState({ kind: 'opening' });
            resolve(password);
          },
        }),
      );
    openPdf(container, file, firstPage, setPage, askPassword).then(
      (pdf) => {
        opened = pdf;
        setState({ kind: 'open', pdf });
        onOpen(pdf);
      },
      (error: unknown) =>
        setState({
          kind: 'failed',
          reason:
            error instanceof PasswordDeclined
              ? t('pdfPasswordDeclined')
              : error instanceof Error
                ? error.message
                : String(error),
        }),
    );
    return () => void opened?.close();
  }, [file, firstPage, onOpen]);
  return (
    <>
      <header id="bar">
        <ReaderBar file={file} state={state} page={page} />
      </header>
      <Message state={state} />
    </>
  );
}

const app = document.getElementById('app');
const opened = documentOf(location);
if (app && opened) {
  // The popup lists the terms of pages not drawn yet, once the document is open.
  let onOpen: (pdf: OpenedPdf) => void = () => undefined;
  const pdfOpened = new Promise<OpenedPdf>((resolve) => {
    onOpen = resolve;
  });
  render(<Reader file={opened.file} firstPage={opened.page} onOpen={onOpen} />, app);
  // The text layers pdf.js draws are highlighted as any page's text is, as they appear.
  void pageApi.tabs
    .getCurrent()
    .catch(() => undefined)
    .then((tab) =>
      startContentScript(pageApi, () => undefined, {
        address: opened.file,
        // The reader's page loads the tooltip with the rest: pdf.js outweighs it many times.
        loadTooltipUi: () => Promise.resolve(tooltipUi),
        tabId: tab?.id ?? null,
        // Typeset text breaks words at a line's end: "fair-" / "ness" is one word there.
        adaptMatcher: withLineEndHyphens,
        documentTerms: (onRead) => pdfOpened.then((pdf) => documentTerms(pdf, onRead)),
      }),
    );
} else if (app) {
  render(
    <p class="message" role="alert">
      {t('pdfNoFile')}
    </p>,
    app,
  );
}
