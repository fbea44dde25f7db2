import type { TPermission } from '@/lib/auth/roles';
import { ZCodecarbonEmissionCreate, ZCodecarbonRunCreate } from '@/lib/schemas/codecarbon-api';
import { ZCodecarbonExperimentCreate, ZCodecarbonProjectCreate } from '@/lib/schemas/codecarbon-experiments';
import { errors, type TApiResponse } from '../openapi/openapi-endpoint-types';
import { routeContract, type TRouteDefinition } from './route-contract';
import { ZIdParams } from './route-params';

/**
 * The CodeCarbon-compatible subset (api_endpoint = <host>/api/codecarbon; api_key sent as x-api-token): what
 * CodeCarbon's ApiClient and CLI call (codecarbon/core/api_client.py). Bodies and answers keep CodeCarbon's
 * snake_case names; an invalid body is a 422 like the reference server.
 */

const CODECARBON = {
  tags: ['CodeCarbon'],
  rateLimit: 'caller',
} as const satisfies Partial<TRouteDefinition>;

const auth = (permission: TPermission) => ({ kind: 'codecarbon', permission }) as const;

const INVALID: Record<string, TApiResponse> = {
  '422': { description: 'Invalid payload (field paths in details)', schema: 'ErrorEnvelope' },
};

function read<const P extends string>(
  path: P,
  summary: string,
  description: string,
  schema: TApiResponse['schema'],
  id?: string,
) {
  return routeContract({
    ...CODECARBON,
    method: 'GET',
    path,
    summary: `CodeCarbon: ${summary}`,
    description,
    auth: auth('read'),
    ...(id ? { params: ZIdParams, parameterDocs: { id } } : {}),
    responses: { '200': { description: summary, schema }, ...(id ? errors('404') : {}) },
  });
}

export const CC_AUTH_CHECK_ROUTE = read(
  '/api/codecarbon/auth/check',
  'check the api key',
  'Used by the CodeCarbon CLI to test credentials: 200 with the user and organisation behind the key.',
  'CodecarbonAuthCheck',
);
export const CC_ORGANIZATIONS_ROUTE = read(
  '/api/codecarbon/organizations',
  'organisations',
  "The token's organisation (a token belongs to exactly one).",
  'CodecarbonOrganizationList',
);
export const CC_ORGANIZATION_ROUTE = read(
  '/api/codecarbon/organizations/{id}',
  'one organisation',
  "Only the token's own.",
  'CodecarbonOrganization',
  'Organisation id',
);
export const CC_ORGANIZATION_PROJECTS_ROUTE = read(
  '/api/codecarbon/organizations/{id}/projects',
  'projects of the organisation',
  'Our projects, as CodeCarbon projects (same ids: runs appear under them on the dashboard).',
  'CodecarbonProjectList',
  'Organisation id',
);
export const CC_PROJECT_ROUTE = read(
  '/api/codecarbon/projects/{id}',
  'one project',
  'A project of the organisation.',
  'CodecarbonProject',
  'Project id',
);
export const CC_PROJECT_EXPERIMENTS_ROUTE = read(
  '/api/codecarbon/projects/{id}/experiments',
  'experiments of a project',
  'Experiments created under the project, oldest first.',
  'CodecarbonExperimentList',
  'Project id',
);
export const CC_EXPERIMENT_ROUTE = read(
  '/api/codecarbon/experiments/{id}',
  'one experiment',
  'An experiment of the organisation.',
  'CodecarbonExperiment',
  'Experiment id',
);
export const CC_EXPERIMENT_RUNS_ROUTE = read(
  '/api/codecarbon/experiments/{id}/runs',
  'runs of an experiment',
  'Live runs created with this experiment id, oldest first.',
  'CodecarbonRunList',
  'Experiment id',
);
export const CC_RUN_ROUTE = read(
  '/api/codecarbon/runs/{id}',
  'one run',
  'A live run as created.',
  'CodecarbonRun',
  'Run id',
);

export const CC_PROJECT_CREATE_ROUTE = routeContract({
  ...CODECARBON,
  method: 'POST',
  path: '/api/codecarbon/projects',
  summary: 'CodeCarbon: create a project',
  description: 'The project of that name, created if missing (matched by slug, like record uploads).',
  auth: auth('writeUsage'),
  body: {
    kind: 'json',
    schema: ZCodecarbonProjectCreate,
    component: 'CodecarbonProjectCreate',
    description: 'CodeCarbon ProjectCreate',
  },
  responses: { '201': { description: 'The project', schema: 'CodecarbonProject' }, ...INVALID },
});

export const CC_EXPERIMENT_CREATE_ROUTE = routeContract({
  ...CODECARBON,
  method: 'POST',
  path: '/api/codecarbon/experiments',
  summary: 'CodeCarbon: create an experiment',
  description:
    "Where the experiment's runs execute (country/region, or cloud provider and region) and, as extensions, the PUE and WUE the tracker applies. Live runs created with its id take their location, project and PUE from it (energy ÷ PUE = IT energy, flagged PUE_REMOVED).",
  auth: auth('writeUsage'),
  body: {
    kind: 'json',
    schema: ZCodecarbonExperimentCreate,
    component: 'CodecarbonExperimentCreate',
    description: 'CodeCarbon ExperimentCreate (+ pue, wue)',
  },
  responses: {
    '201': { description: 'The experiment with its id', schema: 'CodecarbonExperiment' },
    ...INVALID,
    ...errors('404'),
  },
});

export const CC_RUN_CREATE_ROUTE = routeContract({
  ...CODECARBON,
  method: 'POST',
  path: '/api/codecarbon/runs',
  summary: 'CodeCarbon: create a run',
  description:
    'CodeCarbon-compatible (api_endpoint = <host>/api/codecarbon; api_key sent as x-api-token). The run becomes one usage record `codecarbon:<id>`.',
  auth: auth('writeUsage'),
  body: {
    kind: 'json',
    schema: ZCodecarbonRunCreate,
    component: 'CodecarbonRunCreate',
    description: 'CodeCarbon RunCreate',
  },
  responses: { '201': { description: 'The run with its id', schema: 'CodecarbonRun' }, ...INVALID },
});

export const CC_EMISSION_CREATE_ROUTE = routeContract({
  ...CODECARBON,
  method: 'POST',
  path: '/api/codecarbon/emissions',
  summary: 'CodeCarbon: add an emission delta',
  description:
    "Adds one delta to its run and recomputes the run's record from all deltas; an exact resend is absorbed.",
  auth: auth('writeUsage'),
  body: {
    kind: 'json',
    schema: ZCodecarbonEmissionCreate,
    component: 'CodecarbonEmissionCreate',
    description: 'CodeCarbon EmissionCreate',
  },
  responses: {
    '201': { description: 'The emission id', schema: 'CodecarbonEmissionId' },
    ...INVALID,
    ...errors('404'),
  },
});
