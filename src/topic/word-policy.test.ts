import { describe, expect, it } from 'vitest';
import { createWordPolicy, type TopicVerdict } from './word-policy';

const everyday = new Set(['bias', 'privacy']);
const countOnly = new Set(['topic']);
/** A verdict the test decides: what the first pass would conclude from the page. */
const verdict = (
  inDomain: boolean,
  otherSense: string[] = [],
): TopicVerdict & { inDomain: boolean } => ({
  inDomain,
  usesOtherSense: (id) => otherSense.includes(id),
});

describe('which terms a page gets', () => {
  it('never highlights what only counts toward the topic', () => {
    const policy = createWordPolicy({ density: 'every', everyday, countOnly });
    expect(policy.wants('topic')).toBe(false);
    expect(policy.wants('dpia')).toBe(true);
  });

  it('holds everyday words until the page is read, then shows them only on pages in the course’s domain', () => {
    const onAI = createWordPolicy({
      density: 'every',
      everyday,
      countOnly,
      verdict: verdict(true),
    });
    expect(onAI.inDomain).toBeNull();
    expect(onAI.waitsForTopic(['dpia', 'bias'])).toBe(true);
    expect(onAI.waitsForTopic(['dpia'])).toBe(false);
    expect(onAI.settle()).toBe('decided');
    expect(onAI.wants('bias')).toBe(true);
    expect(onAI.counting).toBe(false);

    const recipe = createWordPolicy({
      density: 'every',
      everyday,
      countOnly,
      verdict: verdict(false),
    });
    expect(recipe.settle()).toBe('decided');
    expect(recipe.wants('bias')).toBe(false);
    expect(recipe.wants('dpia')).toBe(true);
    expect(recipe.counting).toBe(true);
  });

  it("lets a page grow into the course's domain, once", () => {
    const page = verdict(false);
    const policy = createWordPolicy({ density: 'every', everyday, countOnly, verdict: page });
    policy.settle();
    expect(policy.settle()).toBeNull();
    page.inDomain = true;
    expect(policy.settle()).toBe('grew');
    expect(policy.wants('privacy')).toBe(true);
    expect(policy.settle()).toBeNull();
  });

  it('leaves an everyday word alone on a page that uses it in another sense', () => {
    const policy = createWordPolicy({
      density: 'every',
      everyday,
      countOnly,
      verdict: verdict(true, ['bias']),
    });
    policy.settle();
    expect(policy.wants('bias')).toBe(false);
    expect(policy.wants('privacy')).toBe(true);
  });

  it('shows each term once with the first-occurrence density, again once its highlight is gone', () => {
    const policy = createWordPolicy({ density: 'first', everyday, countOnly });
    expect(policy.wants('dpia')).toBe(true);
    policy.shown('dpia');
    expect(policy.wants('dpia')).toBe(false);
    policy.recount(() => []);
    expect(policy.wants('dpia')).toBe(true);
    policy.shown('dpia');
    policy.reset();
    expect(policy.wants('dpia')).toBe(true);
  });

  it('still allows a term shown once, where a page not drawn yet has it; never a known one or a held-back word', () => {
    const policy = createWordPolicy({
      density: 'first',
      everyday,
      countOnly,
      verdict: verdict(false),
      hidden: new Set(['known-term']),
    });
    policy.settle();
    policy.shown('dpia');
    expect(policy.wants('dpia')).toBe(false);
    expect(policy.allows('dpia')).toBe(true);
    expect(policy.allows('known-term')).toBe(false);
    expect(policy.allows('topic')).toBe(false);
    expect(policy.allows('bias')).toBe(false);
  });

  it('highlights everyday words everywhere when nothing reads the page for its topic', () => {
    const policy = createWordPolicy({ density: 'every', everyday, countOnly });
    expect(policy.inDomain).toBe(true);
    expect(policy.waitsForTopic(['bias'])).toBe(false);
    expect(policy.wants('bias')).toBe(true);
  });
});
