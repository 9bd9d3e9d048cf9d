import type { EntityType } from '@/lib/dataset/schema';
import { TYPE_LABELS } from '@/lib/popup/entities';

export function TypeLabel({ type }: { type: EntityType }) {
  return <span class={`g-type g-type-${type}`}>{TYPE_LABELS[type].one}</span>;
}
