/** Told about all the text a scan reads and every term in it: how the topic is counted. */
export interface ScanObserver {
  addText(length: number): void;
  addMatch(termId: string): void;
}

/**
 * How much of the text a scan holds it has read, each character once however often the scan
 * reads it again, told to the observer once per call of the scan rather than once per node.
 */
export function readCount(observer: ScanObserver | undefined) {
  /** Read since the last report. */
  let unreported = 0;
  /** How much of the current text has been counted. */
  let counted = 0;
  return {
    /** The current text is read up to `end`. */
    upTo(end: number): void {
      unreported += Math.max(0, end - counted);
      counted = Math.max(counted, end);
    },
    /** The scan holds a new text (read again, or none): it is counted from its start. */
    newText(): void {
      counted = 0;
    },
    /** Tells the observer what was read since the last report. */
    report(): void {
      observer?.addText(unreported);
      unreported = 0;
    },
  };
}
