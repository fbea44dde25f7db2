import { z } from 'zod';
import { ZEnergyContractCreate } from '@/lib/schemas/api-v1-contracts';
import { ZFactorOverrideEnvelope, ZFactorsQuery, ZLocationsQuery } from '@/lib/schemas/api-v1-factors';
import { FACTOR_OVERRIDE_KINDS } from '@/lib/schemas/factor-override';
import { ZNameAliasInput } from '@/lib/schemas/name-alias';
import { errors } from '../openapi/openapi-endpoint-types';
import { routeContract } from './route-contract';
import { ZIdParams } from './route-params';

/**
 * /api/v1 factors (the library and the organisation's overrides), energy contracts (market-based CO2e) and name
 * aliases (names the catalog does not know, mapped by the organisation).
 */

export const FACTORS_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/factors',
  summary: 'Grid intensities of a zone',
  description:
    "Yearly and monthly gCO2e/kWh factors of one grid zone or country (bundled datasets and the organisation's overrides), newest first, at most 60.",
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  query: ZFactorsQuery,
  parameterDocs: { zone: 'Grid zone or country code, e.g. FR' },
  responses: { '200': { description: 'Factors', schema: 'ZoneFactorList' }, ...errors('400') },
});

export const LOCATIONS_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/factors/locations',
  summary: 'Search locations',
  description: 'Provider regions and on-premise sites with their grid zone, PUE and WUE; `q` filters.',
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  query: ZLocationsQuery,
  parameterDocs: { q: 'Zone, country or region code' },
  responses: { '200': { description: 'Locations', schema: 'LocationList' }, ...errors('400') },
});

export const FACTOR_OVERRIDE_CREATE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/factors/overrides',
  summary: 'Add a factor override',
  description:
    'A grid factor, location (PUE/WUE/zone) or accelerator override; every record is recomputed and changes are logged as restatements.',
  auth: { kind: 'user', permission: 'manageOrganization' },
  rateLimit: 'caller',
  body: {
    kind: 'json',
    schema: ZFactorOverrideEnvelope,
    component: 'FactorOverrideCreate',
    description: '{ kind, override }',
  },
  responses: {
    '201': { description: 'Recompute counts', schema: 'RecomputeResponse' },
    '409': { description: 'An override with the same key exists', schema: 'ErrorEnvelope' },
    '422': { description: 'Invalid override (field paths in details)', schema: 'ErrorEnvelope' },
  },
});

export const FACTOR_OVERRIDE_DELETE_ROUTE = routeContract({
  method: 'DELETE',
  path: '/api/v1/factors/overrides/{kind}/{id}',
  summary: 'Remove a factor override',
  description:
    "Removes one of the organisation's overrides (never a bundled factor) and recomputes every record.",
  auth: { kind: 'user', permission: 'manageOrganization' },
  rateLimit: 'caller',
  params: z.object({
    kind: z.enum(FACTOR_OVERRIDE_KINDS, 'kind must be grid, location or accelerator.'),
    id: z.string().min(1).max(200),
  }),
  invalidParams: 'invalid-input',
  parameterDocs: { kind: 'grid | location | accelerator', id: 'Override id' },
  responses: {
    '200': { description: 'Recompute counts', schema: 'RecomputeResponse' },
    ...errors('400', '404'),
  },
});

export const CONTRACT_LIST_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/energy-contracts',
  summary: 'List energy contracts',
  description: "The organisation's instruments used for market-based CO2e, by period.",
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  responses: { '200': { description: 'Contracts', schema: 'EnergyContractList' } },
});

export const CONTRACT_CREATE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/energy-contracts',
  summary: 'Add an energy contract',
  description:
    'One instrument (GO, REC, PPA, green tariff, supplier rate) for a market zone and period; every record is recomputed, restatements and an audit event are written.',
  auth: { kind: 'user', permission: 'manageOrganization' },
  rateLimit: 'caller',
  body: {
    kind: 'json',
    schema: ZEnergyContractCreate,
    component: 'EnergyContractCreate',
    description: 'The contract',
  },
  responses: {
    '201': { description: 'The contract and the recompute counts', schema: 'EnergyContractChange' },
    '409': { description: 'The reference exists', schema: 'ErrorEnvelope' },
    '422': { description: 'Invalid contract (field paths in details)', schema: 'ErrorEnvelope' },
  },
});

export const CONTRACT_DELETE_ROUTE = routeContract({
  method: 'DELETE',
  path: '/api/v1/energy-contracts/{id}',
  summary: 'Remove an energy contract',
  description: 'Deletes the contract and recomputes every record.',
  auth: { kind: 'user', permission: 'manageOrganization' },
  rateLimit: 'caller',
  params: ZIdParams,
  parameterDocs: { id: 'Contract id' },
  responses: {
    '200': { description: 'The removed contract and the recompute counts', schema: 'EnergyContractChange' },
    ...errors('404'),
  },
});

export const NAME_ALIAS_LIST_ROUTE = routeContract({
  method: 'GET',
  path: '/api/v1/name-aliases',
  summary: 'List name mappings',
  description:
    "The organisation's aliases: accelerator and region names its files use, mapped to a catalog accelerator id or a known region (consulted after the catalog).",
  auth: { kind: 'user', permission: 'read' },
  rateLimit: 'caller',
  responses: { '200': { description: 'Aliases', schema: 'NameAliasList' } },
});

export const NAME_ALIAS_CREATE_ROUTE = routeContract({
  method: 'POST',
  path: '/api/v1/name-aliases',
  summary: 'Map a name',
  description:
    "Saves an alias (or re-points the organisation's alias of the same kind and name); the target must be a catalog accelerator or a known region, grid zone or country, the alias a name the catalog does not know. Audited; applies to later uploads and API records.",
  auth: { kind: 'user', permission: 'writeUsage' },
  rateLimit: 'caller',
  body: { kind: 'json', schema: ZNameAliasInput, component: 'NameAliasCreate', description: 'The mapping' },
  responses: {
    '201': { description: 'The saved alias', schema: 'NameAlias' },
    '409': { description: 'The name is already in the catalog', schema: 'ErrorEnvelope' },
    '422': { description: 'Invalid mapping (field paths in details)', schema: 'ErrorEnvelope' },
  },
});

export const NAME_ALIAS_DELETE_ROUTE = routeContract({
  method: 'DELETE',
  path: '/api/v1/name-aliases/{id}',
  summary: 'Remove a name mapping',
  description: 'Deletes the alias (audited); stored records are not recomputed by it.',
  auth: { kind: 'user', permission: 'writeUsage' },
  rateLimit: 'caller',
  params: ZIdParams,
  parameterDocs: { id: 'Alias id' },
  responses: { '200': { description: 'The removed alias id', schema: 'NameAliasDeleted' }, ...errors('404') },
});
