/** Where the hover card goes: below the mention if it fits, else above, else wherever more room is; never off-screen. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): Placement {
  const roomBelow = viewport.height - (anchor.top + anchor.height) - gap - margin;
  const roomAbove = anchor.top - gap - margin;
  const side: Placement['side'] =
    card.height <= roomBelow || (card.height > roomAbove && roomBelow >= roomAbove) ? 'below' : 'above';
  let top = side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - card.height;
  top = clamp(top, margin, viewport.height - margin - card.height);
  const left = clamp(anchor.left, margin, viewport.width - margin - card.width);
  return { left: Math.round(left), top: Math.round(top), side };
}

/** Clamps to [min, max]; when the card is larger than the viewport, its start stays visible. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
