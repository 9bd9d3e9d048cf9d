import { describe, expect, it } from 'vitest';
import { FrameSummaries } from '@/lib/frames';
import { isFromExtension, parseMessage, validateSummary } from '@/lib/messages-validate';

const summary = { url: 'https://a.example/', title: 'A', counts: { 'qais-al-khazali': 2 }, paused: null };

describe('message validation at the receiver', () => {
  it('passes well-formed messages of every type, as clean copies', () => {
    expect(parseMessage({ type: 'summary:update', data: { ...summary, extra: 1 } })).toEqual({ type: 'summary:update', data: summary });
    expect(parseMessage({ type: 'summary:get', data: {} })).toEqual({ type: 'summary:get', data: {} });
    expect(parseMessage({ type: 'mention:next' })).toEqual({ type: 'mention:next', data: {} });
    expect(parseMessage({ type: 'mention:show', data: { entityId: 'x' } })).toEqual({ type: 'mention:show', data: { entityId: 'x' } });
    expect(parseMessage({ type: 'entity:open', data: { entityId: 'x', url: 'https://evil/' } })).toEqual({
      type: 'entity:open',
      data: { entityId: 'x' },
    });
    expect(parseMessage({ type: 'article:open', data: { articleId: 'a', start: 1, end: 4 } })?.data).toEqual({
      articleId: 'a',
      start: 1,
      end: 4,
    });
    expect(parseMessage({ type: 'article:open', data: { articleId: 'a' } })?.data).toEqual({ articleId: 'a' });
  });

  it('refuses unknown types, inherited names and malformed data', () => {
    for (const raw of [
      null,
      'summary:get',
      [],
      { type: 'toString', data: {} },
      { type: '__proto__', data: {} },
      { type: 'tabs:close', data: {} },
      { type: 'summary:update', data: null },
      { type: 'summary:update', data: { ...summary, counts: null } },
      { type: 'summary:update', data: { ...summary, counts: [] } },
      { type: 'summary:update', data: { ...summary, counts: { a: -1 } } },
      { type: 'summary:update', data: { ...summary, counts: { a: 1.5 } } },
      { type: 'summary:update', data: { ...summary, counts: { a: '2' } } },
      { type: 'summary:update', data: { ...summary, paused: 'maybe' } },
      { type: 'summary:update', data: { ...summary, url: 7 } },
      { type: 'summary:update', data: { ...summary, title: 'x'.repeat(200_000) } },
      { type: 'summary:get', data: 'x' },
      { type: 'mention:show', data: { entityId: '' } },
      { type: 'mention:show', data: { entityId: {} } },
      { type: 'entity:open', data: { entityId: 'x'.repeat(1000) } },
      { type: 'article:open', data: { articleId: 'a', start: 5 } },
      { type: 'article:open', data: { articleId: 'a', start: 5, end: 2 } },
      { type: 'article:open', data: { articleId: 'a', start: -1, end: 2 } },
    ]) {
      expect(parseMessage(raw), JSON.stringify(raw)?.slice(0, 120)).toBeNull();
    }
  });

  it('keeps "__proto__" an ordinary entity id, so frames add their counts up safely', () => {
    const counts = JSON.parse('{"__proto__": 3, "constructor": 1}');
    const top = validateSummary({ ...summary, counts });
    const frame = validateSummary({ ...summary, counts: JSON.parse('{"__proto__": 2}') });
    expect(top && frame).toBeTruthy();
    const frames = new FrameSummaries();
    frames.set(0, top!);
    frames.set(3, frame!);
    const merged = frames.merged()!;
    expect(Object.getOwnPropertyDescriptor(merged.counts, '__proto__')?.value).toBe(5);
    expect(merged.counts.constructor).toBe(1);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('trusts only this extension as the sender', () => {
    expect(isFromExtension({ id: 'abc' }, 'abc')).toBe(true);
    expect(isFromExtension({ id: 'other' }, 'abc')).toBe(false);
    expect(isFromExtension({}, 'abc')).toBe(false);
    expect(isFromExtension(undefined, 'abc')).toBe(false);
    expect(isFromExtension({ id: undefined }, undefined)).toBe(false);
  });
});
