import { z } from 'zod';
import { ZFactorsQuery, ZLocationsQuery } from '@/lib/schemas/api-v1-factors';
import { errors, idParam, type TApiEndpoint } from './openapi-endpoint-types';

/** Factor endpoints of /api/v1: read the library, manage the organisation's overrides. */
export const FACTOR_ENDPOINTS: TApiEndpoint[] = [
  {
    method: 'get',
    path: '/api/v1/factors',
    summary: 'Grid intensities of a zone',
    description:
      "Yearly and monthly gCO2e/kWh factors of one grid zone or country (bundled datasets and the organisation's overrides), newest first, at most 60.",
    permission: 'read',
    parameters: [
      {
        name: 'zone',
        in: 'query',
        required: true,
        description: 'Grid zone or country code, e.g. FR',
        schema: ZFactorsQuery.shape.zone,
      },
    ],
    responses: { '200': { description: 'Factors', schema: 'ZoneFactorList' }, ...errors('400', '401') },
  },
  {
    method: 'get',
    path: '/api/v1/factors/locations',
    summary: 'Search locations',
    description: 'Provider regions and on-premise sites with their grid zone, PUE and WUE; `q` filters.',
    permission: 'read',
    parameters: [
      {
        name: 'q',
        in: 'query',
        required: false,
        description: 'Zone, country or region code',
        schema: ZLocationsQuery.shape.q,
      },
    ],
    responses: { '200': { description: 'Locations', schema: 'LocationList' }, ...errors('400', '401') },
  },
  {
    method: 'post',
    path: '/api/v1/factors/overrides',
    summary: 'Add a factor override',
    description:
      'A grid factor, location (PUE/WUE/zone) or accelerator override; every record is recomputed and changes are logged as restatements.',
    permission: 'manageOrganization',
    parameters: [],
    requestBody: {
      description: '{ kind, override }',
      contentTypes: { 'application/json': 'FactorOverrideCreate' },
    },
    responses: {
      '201': { description: 'Recompute counts', schema: 'RecomputeResponse' },
      '409': { description: 'An override with the same key exists', schema: 'ErrorEnvelope' },
      '422': { description: 'Invalid override (field paths in details)', schema: 'ErrorEnvelope' },
      ...errors('401', '403'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/factors/overrides/{kind}/{id}',
    summary: 'Remove a factor override',
    description:
      "Removes one of the organisation's overrides (never a bundled factor) and recomputes every record.",
    permission: 'manageOrganization',
    parameters: [
      {
        ...idParam('kind', 'grid | location | accelerator'),
        schema: z.enum(['grid', 'location', 'accelerator']),
      },
      idParam('id', 'Override id'),
    ],
    responses: {
      '200': { description: 'Recompute counts', schema: 'RecomputeResponse' },
      ...errors('400', '401', '403', '404'),
    },
  },
];
