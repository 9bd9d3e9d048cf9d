import assert from 'node:assert/strict';
import type { GlossPage } from './page';

/** Runs in the page: the centre of an element of the hover card, brought into the card's view, or null. */
export function centreInCard(selector: string): { x: number; y: number } | null {
  const el = document.querySelector('gloss-card')?.shadowRoot?.querySelector(selector);
  el?.scrollIntoView({ block: 'nearest' });
  const r = el?.getBoundingClientRect();
  return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
}

/** A real click (the card refuses the page's synthetic ones) on an element of the card. */
export async function clickInCard(page: GlossPage, selector: string): Promise<void> {
  const at = await page.evaluate(centreInCard, selector);
  assert.ok(at, `${selector} is in the card`);
  await page.click(at.x, at.y);
}
