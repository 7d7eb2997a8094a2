import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TermView } from '../glossary/schema';
import { type MessageKey, t } from '../i18n/i18n';
import { cardKind, choiceGrade, choicesFor, type Grade, Rating } from '../review/review';
import { Abbreviation } from '../ui/Abbreviation';
import { saveInTurn, useMet } from '../ui/hooks';
import { Notice } from '../ui/Notice';
import { RepairNotice } from '../ui/RepairNotice';
import { saveProblemText } from '../ui/save-problem';
import { clock, useReviewTerms, useSession } from './session';

/**
 * The review: due cards first, then terms met while reading, new to review, up to the daily
 * limit. Choosing the term for a definition, or recalling a term's definition and rating how
 * well: FSRS (review.ts) schedules the next time. Everything can be done with the keys 1 to 4
 * and Enter.
 */

const RATINGS: ReadonlyArray<{ grade: Grade; label: MessageKey }> = [
  { grade: Rating.Again, label: 'reviewAgain' },
  { grade: Rating.Hard, label: 'reviewHard' },
  { grade: Rating.Good, label: 'reviewGood' },
  { grade: Rating.Easy, label: 'reviewEasy' },
];

interface Answer {
  /** The choice made (choose cards), or the definition shown (recall cards). */
  readonly chosen?: string;
  readonly shown?: boolean;
  readonly saved: boolean;
}

export function ReviewPage() {
  const terms = useReviewTerms();
  const { queue, review, restart } = useSession(terms);
  const met = useMet();
  const [at, setAt] = useState(0);
  const [done, setDone] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState('');
  const card = useRef<HTMLElement>(null);

  const ids = queue ? [...queue.due, ...queue.fresh] : [];
  const id = ids[at];
  const term = id ? terms?.termOf(id) : undefined;
  const kind = id && review ? cardKind(review.cards.get(id)) : 'choose';
  const choices = useMemo(
    () => (term && terms ? choicesFor(term, terms.poolOf(term)) : []),
    [term, terms],
  );

  // Each new card takes focus, so the keys and screen readers start there.
  useEffect(() => {
    if (id) {
      card.current?.focus();
    }
  }, [id]);

  const save = async (grade: Grade): Promise<boolean> => {
    if (!id) {
      return false;
    }
    const now = clock();
    try {
      // Stored by the background, in turn with what other tabs change meanwhile.
      await saveInTurn({ type: 'rate-term', termId: id, grade, at: now.getTime() });
      setProblem('');
      return true;
    } catch (error) {
      setProblem(t('reviewNotSaved', saveProblemText(error, t)));
      return false;
    }
  };

  /** Enter pressed while the choice was being stored: the next card comes once it is. */
  const nextWhenSaved = useRef(false);
  const next = () => {
    nextWhenSaved.current = false;
    setAnswer(null);
    setDone((n) => n + 1);
    setAt((n) => n + 1);
  };

  const choose = async (chosen: TermView) => {
    if (!term || answer) {
      return;
    }
    setAnswer({ chosen: chosen.id, saved: false });
    const saved = await save(choiceGrade(chosen.id === term.id));
    setAnswer({ chosen: chosen.id, saved });
    if (saved && nextWhenSaved.current) {
      next();
    }
    // The choice pressed is disabled now: the keys go on working from the card.
    card.current?.focus();
  };

  const rate = async (grade: Grade) => {
    if (await save(grade)) {
      next();
    }
  };

  const onKey = (event: KeyboardEvent) => {
    const n = Number(event.key);
    if (!term || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (n >= 1 && n <= 4) {
      event.preventDefault();
      if (kind === 'choose' && !answer) {
        void choose(choices[n - 1] as TermView);
      } else if (kind === 'recall' && answer?.shown) {
        void rate((RATINGS[n - 1] as (typeof RATINGS)[number]).grade);
      }
    } else if (event.key === 'Enter' && event.target === card.current) {
      event.preventDefault();
      if (kind === 'choose' && answer?.saved) {
        next();
      } else if (kind === 'choose' && answer) {
        nextWhenSaved.current = true;
      } else if (kind === 'recall' && !answer) {
        setAnswer({ shown: true, saved: false });
      }
    }
  };

  if (!queue || !review) {
    return <main class="page" aria-busy="true" />;
  }
  const places = id ? (met?.places.get(id) ?? []) : [];
  const left = ids.length - at;
  return (
    <main class="page" aria-busy="false">
      <h1>{t('reviewTitle')}</h1>
      <RepairNotice />
      <p class="review-counts" role="status">
        {t('reviewCounts', Math.max(0, queue.due.length - at), Math.min(queue.fresh.length, left))}
      </p>
      {!term ? (
        <>
          <p class="review-end">{done ? t('reviewDone', done) : t('reviewNothing')}</p>
          <button type="button" onClick={restart}>
            {t('reviewAgainButton')}
          </button>
        </>
      ) : (
        // The card takes the number keys for its buttons, which stay the way to use it with a
        // pointer or a screen reader.
        <section
          class="review-card"
          tabIndex={-1}
          ref={card}
          onKeyDown={onKey}
          aria-labelledby="review-prompt"
        >
          <p class="prompt" id="review-prompt">
            {t(kind === 'choose' ? 'reviewChoosePrompt' : 'reviewRecallPrompt')}
          </p>
          {kind === 'choose' ? (
            <>
              <blockquote class="definition">{term.definition}</blockquote>
              <ol class="choices">
                {choices.map((choice, i) => (
                  <li key={choice.id}>
                    <button
                      type="button"
                      aria-pressed={answer?.chosen === choice.id ? 'true' : 'false'}
                      disabled={Boolean(answer)}
                      onClick={() => void choose(choice)}
                    >
                      <span class="key" aria-hidden="true">
                        {i + 1}
                      </span>{' '}
                      {choice.term}
                    </button>
                  </li>
                ))}
              </ol>
              {answer ? (
                <>
                  <p class="outcome" role="status">
                    {answer.chosen === term.id
                      ? t('reviewRight', term.term)
                      : t('reviewWrong', term.term)}
                  </p>
                  <button type="button" class="next" onClick={next} disabled={!answer.saved}>
                    {t('reviewNext')}
                  </button>
                </>
              ) : null}
            </>
          ) : (
            <>
              <h2 class="review-term">
                {term.term}
                <Abbreviation term={term} />
              </h2>
              {answer?.shown ? (
                <>
                  <blockquote class="definition">{term.definition}</blockquote>
                  <fieldset class="ratings">
                    <legend>{t('reviewRateLegend')}</legend>
                    {RATINGS.map(({ grade, label }, i) => (
                      <button type="button" key={label} onClick={() => void rate(grade)}>
                        <span class="key" aria-hidden="true">
                          {i + 1}
                        </span>{' '}
                        {t(label)}
                      </button>
                    ))}
                  </fieldset>
                </>
              ) : (
                <button
                  type="button"
                  class="show"
                  onClick={() => setAnswer({ shown: true, saved: false })}
                >
                  {t('reviewShow')}
                </button>
              )}
            </>
          )}
          {places.length ? (
            <p class="met-in">
              {t('reviewMetIn', (places[places.length - 1] as { title: string }).title)}
            </p>
          ) : null}
          <p class="hint">{t('reviewKeys')}</p>
        </section>
      )}
      <Notice alert>{problem}</Notice>
    </main>
  );
}
