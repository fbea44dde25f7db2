import { errors, idParam, type TApiEndpoint, type TApiResponse } from './openapi-endpoint-types';

/**
 * The CodeCarbon-compatible subset (api_endpoint = <host>/api/codecarbon; api_key sent as x-api-token): what
 * CodeCarbon's ApiClient and CLI call (codecarbon/core/api_client.py). Bodies and answers keep CodeCarbon's
 * snake_case names.
 */

const invalid: Record<string, TApiResponse> = {
  '422': { description: 'Invalid payload (field paths in details)', schema: 'ErrorEnvelope' },
};

const read = (
  path: string,
  summary: string,
  description: string,
  schema: TApiResponse['schema'],
  params: [string, string][] = [],
): TApiEndpoint => ({
  method: 'get',
  path,
  tag: 'codecarbon',
  summary: `CodeCarbon: ${summary}`,
  description,
  permission: 'read',
  parameters: params.map(([name, text]) => idParam(name, text)),
  responses: {
    '200': { description: summary, schema },
    ...errors('401', ...(params.length ? ['404'] : [])),
  },
});

export const CODECARBON_ENDPOINTS: TApiEndpoint[] = [
  read(
    '/api/codecarbon/auth/check',
    'check the api key',
    'Used by the CodeCarbon CLI to test credentials: 200 with the user and organisation behind the key.',
    'CodecarbonAuthCheck',
  ),
  read(
    '/api/codecarbon/organizations',
    'organisations',
    "The token's organisation (a token belongs to exactly one).",
    'CodecarbonOrganizationList',
  ),
  read(
    '/api/codecarbon/organizations/{id}',
    'one organisation',
    "Only the token's own.",
    'CodecarbonOrganization',
    [['id', 'Organisation id']],
  ),
  read(
    '/api/codecarbon/organizations/{id}/projects',
    'projects of the organisation',
    'Our projects, as CodeCarbon projects (same ids: runs appear under them on the dashboard).',
    'CodecarbonProjectList',
    [['id', 'Organisation id']],
  ),
  {
    method: 'post',
    path: '/api/codecarbon/projects',
    tag: 'codecarbon',
    summary: 'CodeCarbon: create a project',
    description: 'The project of that name, created if missing (matched by slug, like record uploads).',
    permission: 'writeUsage',
    parameters: [],
    requestBody: {
      description: 'CodeCarbon ProjectCreate',
      contentTypes: { 'application/json': 'CodecarbonProjectCreate' },
    },
    responses: {
      '201': { description: 'The project', schema: 'CodecarbonProject' },
      ...invalid,
      ...errors('401', '403'),
    },
  },
  read(
    '/api/codecarbon/projects/{id}',
    'one project',
    'A project of the organisation.',
    'CodecarbonProject',
    [['id', 'Project id']],
  ),
  read(
    '/api/codecarbon/projects/{id}/experiments',
    'experiments of a project',
    'Experiments created under the project, oldest first.',
    'CodecarbonExperimentList',
    [['id', 'Project id']],
  ),
  {
    method: 'post',
    path: '/api/codecarbon/experiments',
    tag: 'codecarbon',
    summary: 'CodeCarbon: create an experiment',
    description:
      "Where the experiment's runs execute (country/region, or cloud provider and region) and, as extensions, the PUE and WUE the tracker applies. Live runs created with its id take their location, project and PUE from it (energy ÷ PUE = IT energy, flagged PUE_REMOVED).",
    permission: 'writeUsage',
    parameters: [],
    requestBody: {
      description: 'CodeCarbon ExperimentCreate (+ pue, wue)',
      contentTypes: { 'application/json': 'CodecarbonExperimentCreate' },
    },
    responses: {
      '201': { description: 'The experiment with its id', schema: 'CodecarbonExperiment' },
      ...invalid,
      ...errors('401', '403', '404'),
    },
  },
  read(
    '/api/codecarbon/experiments/{id}',
    'one experiment',
    'An experiment of the organisation.',
    'CodecarbonExperiment',
    [['id', 'Experiment id']],
  ),
  read(
    '/api/codecarbon/experiments/{id}/runs',
    'runs of an experiment',
    'Live runs created with this experiment id, oldest first.',
    'CodecarbonRunList',
    [['id', 'Experiment id']],
  ),
  read('/api/codecarbon/runs/{id}', 'one run', 'A live run as created.', 'CodecarbonRun', [['id', 'Run id']]),
  {
    method: 'post',
    path: '/api/codecarbon/runs',
    tag: 'codecarbon',
    summary: 'CodeCarbon: create a run',
    description:
      'CodeCarbon-compatible (api_endpoint = <host>/api/codecarbon; api_key sent as x-api-token). The run becomes one usage record `codecarbon:<id>`.',
    permission: 'writeUsage',
    parameters: [],
    requestBody: {
      description: 'CodeCarbon RunCreate',
      contentTypes: { 'application/json': 'CodecarbonRunCreate' },
    },
    responses: {
      '201': { description: 'The run with its id', schema: 'CodecarbonRun' },
      '422': { description: 'Invalid payload', schema: 'ErrorEnvelope' },
      ...errors('401', '403'),
    },
  },
  {
    method: 'post',
    path: '/api/codecarbon/emissions',
    tag: 'codecarbon',
    summary: 'CodeCarbon: add an emission delta',
    description:
      "Adds one delta to its run and recomputes the run's record from all deltas; an exact resend is absorbed.",
    permission: 'writeUsage',
    parameters: [],
    requestBody: {
      description: 'CodeCarbon EmissionCreate',
      contentTypes: { 'application/json': 'CodecarbonEmissionCreate' },
    },
    responses: {
      '201': { description: 'The emission id', schema: 'CodecarbonEmissionId' },
      '422': { description: 'Invalid payload', schema: 'ErrorEnvelope' },
      ...errors('401', '403', '404'),
    },
  },
];
