import { describe, expect, it } from 'vitest';
import { isSameOriginFrame } from '@/lib/page/frame';

/** A frame as the check sees it: its origin, its location's origin, and its top window. */
function frame(origin: string, locationOrigin: string, top: object) {
  return { origin, location: { origin: locationOrigin }, top } as unknown as Window;
}
const crossOriginTop = {
  get origin(): string {
    throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
  },
};

describe('which frames Gloss runs in', () => {
  it('runs in the top frame and in same-origin frames, about:blank and about:srcdoc ones included', () => {
    const top = { origin: 'https://news.example' };
    const topWindow = Object.assign(top, { top: null as unknown });
    topWindow.top = topWindow;
    expect(isSameOriginFrame(topWindow as unknown as Window)).toBe(true);
    expect(isSameOriginFrame(frame('https://news.example', 'https://news.example', top))).toBe(true);
    // about:blank and about:srcdoc: location.origin is "null", the frame's origin is its parent's.
    expect(isSameOriginFrame(frame('https://news.example', 'null', top))).toBe(true);
  });

  it('stays out of cross-origin and sandboxed frames', () => {
    expect(isSameOriginFrame(frame('https://ads.example', 'https://ads.example', crossOriginTop))).toBe(false);
    expect(isSameOriginFrame(frame('null', 'null', { origin: 'null' }))).toBe(false);
  });
});
