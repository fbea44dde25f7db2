/**
 * Whose devices run on-device inference (docs/METHODOLOGY.md "Edge and on-device inference"): `company` = devices
 * the organisation owns or controls (Scope 2 electricity, like other edge records); `shipped` = products it sold,
 * run by customers (GHG Protocol Scope 3 Category 11, use of sold products).
 */
export const EDGE_OWNERSHIPS = ['company', 'shipped'] as const;
export type TEdgeOwnership = (typeof EDGE_OWNERSHIPS)[number];

/**
 * The usage_record `ai_service` of on-device inference. Shipped products get their own service name so that the
 * report places them outside Scope 2 (`scopePlacement`) without a schema change.
 */
export const EDGE_AI_SERVICE: Readonly<Record<TEdgeOwnership, string>> = {
  company: 'edge',
  shipped: 'edge-sold-products',
};
