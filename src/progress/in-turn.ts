/**
 * A queue: each piece of work given to it starts once every piece before it has settled,
 * whichever way. For read-then-write changes to stored lists, which lose a change when two of
 * them read the same list before either writes it.
 */
export function turns(): <R>(work: () => Promise<R>) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const turn = last.then(work);
    last = turn.catch(() => undefined);
    return turn;
  };
}
