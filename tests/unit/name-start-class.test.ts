import { describe, expect, it } from 'vitest';
import { nonAsciiStartClass } from '@/lib/match/matcher';
import { CASE_LOWER, caseOfChar, isWordCode } from '@/lib/match/tokenize';

describe('nonAsciiStartClass', () => {
  const starts = new RegExp(`^[${nonAsciiStartClass()}]$`);

  it('holds every BMP character from U+0080 that may start a name, and no other', () => {
    const wrong: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const latin1OrPunctuation = c <= 0xff || (c >= 0x2000 && c <= 0x206f);
      const mayStart = !latin1OrPunctuation || (isWordCode(c) && caseOfChar(c) !== CASE_LOWER);
      if (starts.test(String.fromCharCode(c)) !== mayStart) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('sorts Latin-1 and punctuation, and lets any other script through', () => {
    for (const ch of ['É', 'Ö', 'Ş', 'Ł', 'قيس', 'Κ', 'Ж', '中']) expect(starts.test(ch[0] ?? ''), ch).toBe(true);
    for (const ch of ['é', 'ß', '—', '“', '…', '\u00a0', '«']) expect(starts.test(ch), ch).toBe(false);
    expect(starts.test('A')).toBe(false);
  });
});
