import type { TProvider } from '@/lib/schemas/usage-record';

/** How a provider is named on screen (the stored values are codes such as `on_prem`). */
export const PROVIDER_LABELS: Record<TProvider, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
  oci: 'Oracle Cloud',
  on_prem: 'On-premise',
  edge: 'Edge',
  other: 'Other',
};
