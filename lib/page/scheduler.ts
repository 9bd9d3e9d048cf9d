/**
 * Time-sliced work queue: runs queued tasks until a slice budget is spent, then yields to the page.
 * A burst of work starts in idle time (requestIdleCallback, bounded by its deadline; a timeout makes
 * sure work still progresses on a busy page), or at once when asked (firstBurstNow), and continues in
 * user-visible-priority tasks: idle callbacks come only every ~50 ms (Chromium 156: 20 slices a second,
 * 16% of the time for work), and background-priority tasks waited behind every task of a page busy after its load (bench:page on 20
 * corpus pages: all names found 98 ms after load at the median and 172 ms at p90 with user-visible
 * slices, against 113 and 286 with background ones, and no more long tasks). Slices still yield.
 * No slice runs past its budget by more than one task, so Gloss never causes a long task (> 50 ms)
 * as long as a single task stays small (one text block).
 */

export interface IdleDeadlineLike {
  timeRemaining(): number;
  didTimeout: boolean;
}

export interface SchedulerHost {
  now(): number;
  /** Schedules `cb` when the page is idle, at the latest after `timeout` ms; null when unavailable. */
  requestIdle: ((cb: (deadline: IdleDeadlineLike) => void, timeout: number) => void) | null;
  setTimeout(cb: () => void, ms: number): void;
  /** Runs `cb` as a background-priority task (scheduler.postTask, or a private MessageChannel); null when unavailable. */
  postBackground: ((cb: () => void) => void) | null;
}

export interface SchedulerOptions {
  /** Longest slice in ms. */
  budgetMs?: number;
  /** Longest wait for idle time before a slice runs anyway. */
  idleTimeoutMs?: number;
  /**
   * The first burst starts at once (in a user-visible task) instead of in idle time; later bursts wait for idle
   * time as usual. For a first scan started after the page's load, in a task of its own.
   */
  firstBurstNow?: boolean;
  host?: SchedulerHost;
}

export interface Scheduler {
  /** Queues a task; tasks run in order. */
  push(task: () => void): void;
  readonly pending: number;
  /** Drops every queued task (navigation, pause). */
  clear(): void;
  /** Resolves when the queue is empty (for tests and the summary). */
  idle(): Promise<void>;
  /** Stops for good. */
  dispose(): void;
}

type PostTask = (cb: () => void, options: { priority: 'background' | 'user-visible' }) => Promise<unknown>;

export function browserSchedulerHost(): SchedulerHost {
  const g = globalThis as typeof globalThis & {
    requestIdleCallback?: typeof requestIdleCallback;
    scheduler?: { postTask?: PostTask };
  };
  const postTask = g.scheduler?.postTask?.bind(g.scheduler);
  let postBackground: SchedulerHost['postBackground'] = null;
  if (postTask) {
    postBackground = (cb) => {
      postTask(cb, { priority: 'user-visible' }).catch(() => undefined);
    };
  } else if (typeof MessageChannel === 'function') {
    // A private channel, unlike window.postMessage, is invisible to the page's message listeners.
    const channel = new MessageChannel();
    const callbacks: (() => void)[] = [];
    channel.port1.onmessage = () => callbacks.shift()?.();
    postBackground = (cb) => {
      callbacks.push(cb);
      channel.port2.postMessage(null);
    };
  }
  return {
    postBackground,
    now: () => performance.now(),
    requestIdle:
      typeof g.requestIdleCallback === 'function'
        ? (cb, timeout) => {
            g.requestIdleCallback?.(cb, { timeout });
          }
        : null,
    setTimeout: (cb, ms) => {
      setTimeout(cb, ms);
    },
  };
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const budget = options.budgetMs ?? 8;
  const idleTimeout = options.idleTimeoutMs ?? 100;
  const host = options.host ?? browserSchedulerHost();
  const queue: (() => void)[] = [];
  let head = 0;
  let scheduled = false;
  let disposed = false;
  /** Within a burst: the next slice need not wait for idle time again. */
  let inBurst = options.firstBurstNow ?? false;
  let waiters: (() => void)[] = [];

  const size = () => queue.length - head;

  const settle = () => {
    if (size() > 0) return;
    queue.length = 0;
    head = 0;
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };

  const runSlice = (deadline?: IdleDeadlineLike) => {
    scheduled = false;
    if (disposed) return;
    const start = host.now();
    // Idle callbacks report how long the browser expects to stay idle; never exceed our own budget either.
    const allowed = deadline && !deadline.didTimeout ? Math.min(budget, Math.max(1, deadline.timeRemaining())) : budget;
    while (size() > 0) {
      const task = queue[head];
      queue[head] = noop;
      head++;
      try {
        task?.();
      } catch (error) {
        // One bad block must not stop the scan of the rest of the page.
        console.error('[gloss]', error);
      }
      if (host.now() - start >= allowed) break;
    }
    if (size() > 0) {
      inBurst = true;
      schedule();
    } else {
      inBurst = false;
      settle();
    }
  };

  const schedule = () => {
    if (scheduled || disposed) return;
    scheduled = true;
    if (inBurst && host.postBackground) host.postBackground(() => runSlice());
    else if (host.requestIdle) host.requestIdle(runSlice, idleTimeout);
    else host.setTimeout(() => runSlice(), 0);
  };

  return {
    push(task) {
      if (disposed) return;
      queue.push(task);
      schedule();
    },
    get pending() {
      return size();
    },
    clear() {
      queue.length = 0;
      head = 0;
      inBurst = false;
      settle();
    },
    idle() {
      if (size() === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    dispose() {
      disposed = true;
      queue.length = 0;
      head = 0;
      settle();
    },
  };
}

function noop() {}
