import { errors, idParam, type TApiEndpoint } from './openapi-endpoint-types';

/** Energy contracts (market-based instruments) of /api/v1. */
export const CONTRACT_ENDPOINTS: TApiEndpoint[] = [
  {
    method: 'get',
    path: '/api/v1/energy-contracts',
    summary: 'List energy contracts',
    description: "The organisation's instruments used for market-based CO2e, by period.",
    permission: 'read',
    parameters: [],
    responses: { '200': { description: 'Contracts', schema: 'EnergyContractList' }, ...errors('401') },
  },
  {
    method: 'post',
    path: '/api/v1/energy-contracts',
    summary: 'Add an energy contract',
    description:
      'One instrument (GO, REC, PPA, green tariff, supplier rate) for a market zone and period; every record is recomputed, restatements and an audit event are written.',
    permission: 'manageOrganization',
    parameters: [],
    requestBody: {
      description: 'The contract',
      contentTypes: { 'application/json': 'EnergyContractCreate' },
    },
    responses: {
      '201': { description: 'The contract and the recompute counts', schema: 'EnergyContractChange' },
      '409': { description: 'The reference exists', schema: 'ErrorEnvelope' },
      '422': { description: 'Invalid contract (field paths in details)', schema: 'ErrorEnvelope' },
      ...errors('401', '403'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/energy-contracts/{id}',
    summary: 'Remove an energy contract',
    description: 'Deletes the contract and recomputes every record.',
    permission: 'manageOrganization',
    parameters: [idParam('id', 'Contract id')],
    responses: {
      '200': { description: 'The removed contract and the recompute counts', schema: 'EnergyContractChange' },
      ...errors('401', '403', '404'),
    },
  },
];
