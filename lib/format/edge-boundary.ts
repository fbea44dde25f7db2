import { formatNumber } from './quantities';

/** Device classes of on-device inference in words (plural: the sentence counts devices). */
const DEVICE_CLASS_WORDS: Readonly<Record<string, string>> = {
  phone: 'phones',
  laptop: 'laptops',
  desktop: 'desktop computers',
  embedded: 'embedded devices',
};

/**
 * The boundary sentence of an on-device inference record (issue #21 item 6) from its source data
 * (`source_data.edge`: device class, count, ownership): how many devices, and its GHG scope (company devices:
 * Scope 2; products sold: Scope 3 Category 11). Null for any other record. Pure.
 */
export function edgeBoundaryText(sourceData: unknown): string | null {
  const edge = (
    sourceData as { edge?: { deviceClass?: unknown; deviceCount?: unknown; ownership?: unknown } } | null
  )?.edge;
  if (!edge || typeof edge.deviceCount !== 'number') {
    return null;
  }
  const devices = `${formatNumber(edge.deviceCount)} ${DEVICE_CLASS_WORDS[String(edge.deviceClass)] ?? 'devices'}`;
  return edge.ownership === 'shipped'
    ? `On-device inference in products sold to customers (${devices}): Scope 3 Cat 11 (use of sold products), not Scope 2.`
    : `On-device inference on the organisation's own devices (${devices}): Scope 2 electricity.`;
}
