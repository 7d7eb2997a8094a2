/**
 * Runs work in slices short enough that the page never waits on us for a long task (50 ms
 * or more): each slice runs steps of the oldest job until its time is up, then yields.
 */

/**
 * The longest a slice may run before it yields to the page. Well under the 50 ms that makes a
 * long task: one paragraph's wrapping can run past the clock check.
 */
export const SLICE_MS = 12;

/** One slice's share of a job: works while `more()` says there is time; true when done. */
export type Step = (more: () => boolean) => boolean;

export interface SliceQueue {
  /** Queues a job; resolves when its last step is done (or the queue is cleared). */
  add(step: Step): Promise<void>;
  clear(): void;
}

export function createSliceQueue(sliceMs: number): SliceQueue {
  let jobs: Array<{ step: Step; done(): void }> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function runSlice(): void {
    timer = undefined;
    const deadline = performance.now() + sliceMs;
    const more = () => performance.now() < deadline;
    while (jobs.length && more()) {
      const job = jobs[0] as (typeof jobs)[number];
      if (!job.step(more)) {
        break;
      }
      jobs.shift();
      job.done();
    }
    if (jobs.length) {
      timer = setTimeout(runSlice, 0);
    }
  }

  return {
    add(step) {
      return new Promise((done) => {
        jobs.push({ step, done });
        timer ??= setTimeout(runSlice, 0);
      });
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      for (const job of jobs) {
        job.done();
      }
      jobs = [];
    },
  };
}
