import { describe, expect, it } from 'vitest';
import { createScheduler, type IdleDeadlineLike, type SchedulerHost } from '@/lib/page/scheduler';

/** A fake clock and event loop: every task "costs" `cost` ms; slices run when the test says so. */
function fakeHost(opts: { idle: boolean; background?: boolean }) {
  let t = 0;
  const slices: ((d?: IdleDeadlineLike) => void)[] = [];
  const idleTimeouts: number[] = [];
  const kinds: string[] = [];
  const host: SchedulerHost = {
    postBackground: opts.background
      ? (cb) => {
          kinds.push('background');
          slices.push(() => cb());
        }
      : null,
    now: () => t,
    requestIdle: opts.idle
      ? (cb, timeout) => {
          kinds.push('idle');
          idleTimeouts.push(timeout);
          slices.push(cb as (d?: IdleDeadlineLike) => void);
        }
      : null,
    setTimeout: (cb) => {
      kinds.push('timeout');
      slices.push(() => cb());
    },
  };
  return {
    host,
    advance: (ms: number) => {
      t += ms;
    },
    idleTimeouts,
    kinds,
    /** Runs the next queued slice; returns false if none. */
    runSlice(deadline?: IdleDeadlineLike) {
      const s = slices.shift();
      if (!s) return false;
      s(deadline);
      return true;
    },
    get queuedSlices() {
      return slices.length;
    },
  };
}

describe('scheduler', () => {
  it('stops a slice once the budget is spent and continues in the next slice', () => {
    const f = fakeHost({ idle: false });
    const s = createScheduler({ budgetMs: 8, host: f.host });
    const ran: number[] = [];
    for (let i = 0; i < 10; i++)
      s.push(() => {
        ran.push(i);
        f.advance(3);
      });
    expect(ran).toEqual([]); // nothing runs synchronously
    f.runSlice();
    expect(ran).toEqual([0, 1, 2]); // 3 + 3 + 3 >= 8
    f.runSlice();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    while (f.runSlice());
    expect(ran).toHaveLength(10);
    expect(s.pending).toBe(0);
  });

  it('uses idle callbacks with a timeout and respects a short idle deadline', () => {
    const f = fakeHost({ idle: true });
    const s = createScheduler({ budgetMs: 8, idleTimeoutMs: 100, host: f.host });
    const ran: number[] = [];
    for (let i = 0; i < 6; i++)
      s.push(() => {
        ran.push(i);
        f.advance(2);
      });
    expect(f.idleTimeouts).toEqual([100]);
    f.runSlice({ timeRemaining: () => 3, didTimeout: false });
    expect(ran).toEqual([0, 1]); // 4 ms >= 3 ms of idle time
    f.runSlice({ timeRemaining: () => 0, didTimeout: true }); // timed out: the full budget
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps going after a task throws', () => {
    const f = fakeHost({ idle: false });
    const s = createScheduler({ host: f.host });
    const ran: string[] = [];
    const error = console.error;
    console.error = () => {};
    s.push(() => {
      throw new Error('bad block');
    });
    s.push(() => ran.push('next'));
    f.runSlice();
    console.error = error;
    expect(ran).toEqual(['next']);
  });

  it('resolves idle() when the queue drains, and clear() drops pending work', async () => {
    const f = fakeHost({ idle: false });
    const s = createScheduler({ host: f.host });
    let done = false;
    s.push(() => {});
    const p = s.idle().then(() => {
      done = true;
    });
    f.runSlice();
    await p;
    expect(done).toBe(true);
    const ran: number[] = [];
    s.push(() => ran.push(1));
    s.clear();
    while (f.runSlice());
    expect(ran).toEqual([]);
    await expect(s.idle()).resolves.toBeUndefined();
  });

  it('tasks queued by a running task run after the ones already queued', () => {
    const f = fakeHost({ idle: false });
    const s = createScheduler({ host: f.host });
    const ran: string[] = [];
    s.push(() => {
      ran.push('a');
      s.push(() => ran.push('c'));
    });
    s.push(() => ran.push('b'));
    while (f.runSlice());
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('starts a burst in idle time and continues it in background tasks', () => {
    const f = fakeHost({ idle: true, background: true });
    const s = createScheduler({ budgetMs: 8, host: f.host });
    for (let i = 0; i < 6; i++) s.push(() => f.advance(5));
    while (f.runSlice({ timeRemaining: () => 50, didTimeout: false }));
    expect(f.kinds).toEqual(['idle', 'background', 'background']);
    s.push(() => {});
    expect(f.kinds).toEqual(['idle', 'background', 'background', 'idle']); // a new burst waits for idle time again
  });

  it('starts the first burst at once when asked, and later ones in idle time', () => {
    const f = fakeHost({ idle: true, background: true });
    const s = createScheduler({ budgetMs: 8, host: f.host, firstBurstNow: true });
    for (let i = 0; i < 3; i++) s.push(() => f.advance(5));
    while (f.runSlice({ timeRemaining: () => 50, didTimeout: false }));
    expect(f.kinds).toEqual(['background', 'background']);
    s.push(() => {});
    expect(f.kinds).toEqual(['background', 'background', 'idle']);
  });
});
