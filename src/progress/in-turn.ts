/**
 * `work`, called one call after the other: a call starts once every call before it has
 * settled, whichever way. For read-then-write changes to stored lists, which lose a change
 * when two of them read the same list before either writes it.
 */
export function inTurn<A extends unknown[], R>(
  work: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const turn = last.then(() => work(...args));
    last = turn.catch(() => undefined);
    return turn;
  };
}
