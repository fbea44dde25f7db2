// The attributions of the bundled factor data, written for the people who use the app (Factors → Data sources):
// who published each dataset, what the app uses it for, under which licence, and the credit line the licence asks
// for. Kept in step with the shipped provenance notes by tests/repo/data-attributions.test.ts (every bundled folder
// is covered, and every licence named here is the one its notes state).

export interface TDataAttribution {
  /** Publisher of the data, as the licence asks to credit it. */
  provider: string;
  usedFor: string;
  licence: string;
  /** Licence text, when the licence is a public one. */
  licenceUrl: string | null;
  /** The credit line (or the obligation) the licence asks for. */
  attribution: string;
  /** Bundled folders whose data comes (partly) from this provider (the test's link to the provenance notes). */
  folders: readonly string[];
}

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const APACHE = 'https://www.apache.org/licenses/LICENSE-2.0';
const MIT = 'https://opensource.org/license/mit';

export const DATA_ATTRIBUTIONS: readonly TDataAttribution[] = [
  {
    provider: 'Ember',
    usedFor:
      'Grid carbon intensity of countries and US states, yearly and monthly (life-cycle, production-based).',
    licence: 'CC BY 4.0',
    licenceUrl: CC_BY,
    attribution:
      'Contains data from Ember (ember-energy.org), CC BY 4.0; columns selected, values unchanged.',
    folders: ['grid'],
  },
  {
    provider: 'Electricity Maps',
    usedFor:
      'Grid carbon intensity of grid zones, yearly 2021–2025 and hourly 2023 (Germany, France, Great Britain, California, PJM).',
    licence: 'ODbL 1.0',
    licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
    attribution:
      'Contains data from Electricity Maps, licensed ODbL. Footprints and reports are produced works and carry this notice.',
    folders: ['grid'],
  },
  {
    provider: 'Green Algorithms (Lannelongue, Grealey, Inouye; Advanced Science 2021)',
    usedFor: 'Where cloud regions are (grid zone and country) and the power of several accelerators.',
    licence: 'CC BY 4.0',
    licenceUrl: CC_BY,
    attribution: 'Green Algorithms, Lannelongue et al. 2021, CC BY 4.0; display names normalised.',
    folders: ['cloud-regions', 'accelerators'],
  },
  {
    provider: 'Green Software Foundation, Carbon Aware SDK',
    usedFor: 'Lists of AWS and Azure region codes.',
    licence: 'MIT',
    licenceUrl: MIT,
    attribution: 'Copyright Green Software Foundation; MIT licence notice kept with the data.',
    folders: ['grid', 'cloud-regions'],
  },
  {
    provider: 'Google Cloud, region carbon information',
    usedFor: 'Locations of newer Google Cloud regions.',
    licence: 'Apache-2.0',
    licenceUrl: APACHE,
    attribution: 'Google Cloud region-carbon-info, Apache-2.0.',
    folders: ['cloud-regions'],
  },
  {
    provider: 'Cloud Carbon Footprint (Thoughtworks)',
    usedFor:
      'Idle power of some accelerators, the default embodied emissions per card, and cloud instance types.',
    licence: 'Apache-2.0',
    licenceUrl: APACHE,
    attribution: 'Cloud Carbon Footprint © 2021 Thoughtworks, Inc., Apache-2.0.',
    folders: ['accelerators', 'instance-types'],
  },
  {
    provider: 'ML CO2 Impact (mlco2/impact)',
    usedFor: 'Rated power (TDP) of common GPUs and TPUs.',
    licence: 'MIT',
    licenceUrl: MIT,
    attribution: 'ML CO2 Impact, Lacoste et al., MIT.',
    folders: ['accelerators'],
  },
  {
    provider:
      'Hardware vendors and published studies (NVIDIA, AMD, Intel product footprints and datasheets; Falk et al. 2025)',
    usedFor: 'Power, memory and embodied (manufacturing) emissions of accelerators.',
    licence: 'Facts, cited',
    licenceUrl: null,
    attribution: 'Each figure names its source on the Factors page.',
    folders: ['accelerators'],
  },
  {
    provider: 'Cloud providers and the Uptime Institute (AWS, Microsoft, Google, Meta, OVHcloud)',
    usedFor: 'Facility overhead (PUE) and on-site water use (WUE) of regions and provider fleets.',
    licence: 'Facts, cited',
    licenceUrl: null,
    attribution: 'Each figure cites the provider’s own publication.',
    folders: ['grid'],
  },
  {
    provider: 'Cloud instance documentation (AWS, Google Cloud, Microsoft; PyTorch TorchX, Google XPK)',
    usedFor: 'Which accelerators, and how many, each cloud instance type carries.',
    licence: 'CC BY 4.0 (Microsoft documentation), Apache-2.0 and BSD-3-Clause code (facts only)',
    licenceUrl: null,
    attribution:
      'Every instance type names its sources; Microsoft documentation is credited under CC BY 4.0.',
    folders: ['instance-types'],
  },
  {
    provider: 'World Resources Institute (Reig et al. 2020)',
    usedFor:
      'Water consumed to generate a kWh of electricity (US average, also the flagged default elsewhere).',
    licence: 'Single figure, cited',
    licenceUrl: null,
    attribution:
      'Reig, P. et al. (2020), Guidance for Calculating Water Use Embedded in Purchased Electricity, WRI.',
    folders: ['water'],
  },
  {
    provider: 'EcoLogits (GenAI Impact; Rincé & Banse, JOSS 2025)',
    usedFor:
      'Hosted language models: their parameter counts, provider data-centre profiles and the electricity mixes of the per-token estimate.',
    licence: 'MPL-2.0',
    licenceUrl: 'https://www.mozilla.org/en-US/MPL/2.0/',
    attribution:
      'EcoLogits © GenAI Impact, Mozilla Public License 2.0; files shipped unchanged with the licence, our additions kept apart.',
    folders: ['ecologits', 'ai-services'],
  },
  {
    provider: 'AI providers and published studies (Google, Mistral AI, OpenAI and others)',
    usedFor: 'Energy, emissions and water per prompt as the providers published them, with their boundaries.',
    licence: 'Facts, cited',
    licenceUrl: null,
    attribution: 'Each figure is kept with its publisher, publication date and boundary.',
    folders: ['llm-disclosures'],
  },
];
