import type { TProvider } from '@/lib/schemas/usage-record';
import type { TDemoModel, TDemoProject, TDemoTeam, TDemoUser } from './types';

/** Static catalogue of the demo organisation (names, places, hardware). No dates here. */

export const DEMO_ORGANIZATION = { name: 'Northwind AI', slug: 'demo' } as const;

export const DEMO_USERS: readonly TDemoUser[] = [
  { email: 'demo@aifootprint.local', name: 'Avery Demo', role: 'owner' },
  { email: 'admin@aifootprint.local', name: 'Morgan Admin', role: 'admin' },
  { email: 'editor@aifootprint.local', name: 'Riley Editor', role: 'editor' },
  { email: 'viewer@aifootprint.local', name: 'Jordan Viewer', role: 'viewer' },
  { email: 'auditor@aifootprint.local', name: 'Casey Auditor', role: 'auditor' },
];

export const TEAM = {
  research: 'research',
  appliedMl: 'applied-ml',
  platform: 'platform',
  search: 'search',
} as const;

export const DEMO_TEAMS: readonly TDemoTeam[] = [
  { slug: TEAM.research, name: 'Research' },
  { slug: TEAM.appliedMl, name: 'Applied ML' },
  { slug: TEAM.platform, name: 'Platform' },
  { slug: TEAM.search, name: 'Search' },
];

export const DEMO_PROJECTS: readonly TDemoProject[] = [
  { slug: 'foundation-llm', name: 'Foundation LLM', teamSlug: TEAM.research },
  { slug: 'multimodal', name: 'Multimodal Vision', teamSlug: TEAM.research },
  { slug: 'alignment', name: 'Alignment & RLHF', teamSlug: TEAM.research },
  { slug: 'support-assistant', name: 'Customer Support Assistant', teamSlug: TEAM.appliedMl },
  { slug: 'doc-extraction', name: 'Document Extraction', teamSlug: TEAM.appliedMl },
  { slug: 'llm-api', name: 'LLM API', teamSlug: TEAM.platform },
  { slug: 'eval-harness', name: 'Evaluation Harness', teamSlug: TEAM.platform },
  { slug: 'data-pipeline', name: 'Data Pipeline', teamSlug: TEAM.platform },
  { slug: 'semantic-search', name: 'Semantic Search', teamSlug: TEAM.search },
  { slug: 'query-rewrite', name: 'Query Rewrite', teamSlug: TEAM.search },
];

export const MODEL = {
  llm7b: 'nw-llm-7b',
  llm13b: 'nw-llm-13b',
  vision2b: 'nw-vision-2b',
  supportAssistant: 'support-assistant-7b',
  docExtract: 'doc-extract-1b',
  searchEmbed: 'search-embed',
  queryRewriter: 'query-rewriter-small',
} as const;

export const DEMO_MODELS: readonly TDemoModel[] = [
  { name: MODEL.llm7b, family: 'nw-llm', teamSlug: TEAM.research },
  { name: MODEL.llm13b, family: 'nw-llm', teamSlug: TEAM.research },
  { name: MODEL.vision2b, family: 'nw-vision', teamSlug: TEAM.research },
  { name: MODEL.supportAssistant, family: 'nw-llm', teamSlug: TEAM.appliedMl, baseModel: MODEL.llm7b },
  { name: MODEL.docExtract, family: 'doc-extract', teamSlug: TEAM.appliedMl },
  { name: MODEL.searchEmbed, family: 'search-embed', teamSlug: TEAM.search },
  { name: MODEL.queryRewriter, family: 'query-rewriter', teamSlug: TEAM.search },
];

/** Accelerator names exactly as in the hardware catalogue. */
export const ACCELERATOR = {
  h100: 'H100 SXM',
  a100: 'A100-SXM4-80GB',
  l4: 'L4',
  t4: 'T4',
  tpuV4: 'TPU v4',
} as const;
export type TDemoAccelerator = (typeof ACCELERATOR)[keyof typeof ACCELERATOR];

/** On-demand list price per accelerator-hour (USD), used for the `cost` column of cloud rows. */
export const PRICE_PER_ACCELERATOR_HOUR: Record<TDemoAccelerator, number> = {
  'H100 SXM': 4.1,
  'A100-SXM4-80GB': 2.9,
  L4: 0.85,
  T4: 0.53,
  'TPU v4': 3.22,
};
/** Price used when a row does not report its accelerator. */
export const FALLBACK_PRICE_PER_ACCELERATOR_HOUR = 2;

export type TPlace = { provider: TProvider; region: string };

/** Where workloads run: grids from coal-heavy to nearly carbon-free, plus the on-premise cluster. */
export const PLACE = {
  /** Virginia (PJM): gas/coal/nuclear mix. */
  usEast: { provider: 'aws', region: 'us-east-1' },
  /** Sydney (NSW): coal-heavy. */
  sydney: { provider: 'aws', region: 'ap-southeast-2' },
  /** Paris: nuclear, low carbon. */
  paris: { provider: 'gcp', region: 'europe-west9' },
  /** Iowa (MISO): wind + coal; hosts the TPU pods. */
  iowa: { provider: 'gcp', region: 'us-central1' },
  /** Gävle, Sweden (SE3): hydro/nuclear, very low carbon. */
  sweden: { provider: 'azure', region: 'swedencentral' },
  /** Own GPU cluster in a Frankfurt colocation, metered. */
  onPrem: { provider: 'on_prem', region: 'DE' },
} as const satisfies Record<string, TPlace>;
