import type { ScanMention } from './scan-page';

/** `--format table`: per file, each entity once, most mentioned first, with the first spellings seen. */

const MAX_FORMS = 3;

interface Row {
  name: string;
  type: string;
  count: number;
  forms: string[];
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

export function formatTable(file: string, mentions: readonly ScanMention[]): string {
  const rows = new Map<string, Row>();
  for (const m of mentions) {
    let row = rows.get(m.entityId);
    if (!row) {
      row = { name: m.name, type: m.type, count: 0, forms: [] };
      rows.set(m.entityId, row);
    }
    row.count++;
    // Line breaks inside a mention (a <br> between two words) would break the table's lines.
    const form = m.text.replace(/\s+/g, ' ');
    if (row.forms.length < MAX_FORMS && !row.forms.includes(form)) row.forms.push(form);
  }
  // Map order is first appearance; the sort is stable, so ties keep it.
  const list = [...rows.values()].sort((a, b) => b.count - a.count);
  const lines = [`${file}: ${count(mentions.length, 'mention')} of ${count(list.length, 'entity', 'entities')}`];
  if (list.length === 0) return `${lines[0]}\n`;
  const nameWidth = Math.min(40, Math.max(6, ...list.map((r) => r.name.length)));
  const countWidth = Math.max(5, ...list.map((r) => String(r.count).length));
  lines.push(`  ${pad('Entity', nameWidth)}  ${pad('Type', 12)}  ${'Count'.padStart(countWidth)}  Spellings`);
  for (const r of list) {
    lines.push(`  ${pad(r.name, nameWidth)}  ${pad(r.type, 12)}  ${String(r.count).padStart(countWidth)}  ${r.forms.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
