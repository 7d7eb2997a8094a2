/** A file that cannot be imported at all, with the sentence the user sees. */
export class ImportError extends Error {
  override name = 'ImportError';
}
