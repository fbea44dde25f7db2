import type { TDemoWindow } from './dates';
import type { TDemoEnergyContract } from './types';

const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1));

/**
 * Market-based instruments covering part of the consumption: GOs for the French and Swedish regions,
 * a US wind PPA, a REC block for Iowa, and the on-premise supplier rate then green tariff in Germany.
 * Years are those of the window (Y = the year the window starts in).
 */
export function generateEnergyContracts(window: TDemoWindow): TDemoEnergyContract[] {
  const year = window.start.getUTCFullYear();
  const next = year + 1;
  return [
    {
      id: `go-fr-${year}`,
      instrumentType: 'GO',
      marketZone: 'FR',
      periodStart: yearStart(year),
      periodEnd: yearStart(next),
      mwh: 6,
      gCo2ePerKwh: 0,
      supplier: 'Hexagone Énergie SAS',
    },
    {
      id: `go-se3-${year}`,
      instrumentType: 'GO',
      marketZone: 'SE-SE3',
      periodStart: yearStart(year),
      periodEnd: yearStart(next),
      mwh: 10,
      gCo2ePerKwh: 0,
      supplier: 'Nordkraft Trading AB',
    },
    {
      id: `go-se3-${next}`,
      instrumentType: 'GO',
      marketZone: 'SE-SE3',
      periodStart: yearStart(next),
      periodEnd: yearStart(next + 1),
      mwh: 200,
      gCo2ePerKwh: 0,
      supplier: 'Nordkraft Trading AB',
    },
    {
      id: `ppa-us-pjm-${year}`,
      instrumentType: 'PPA',
      marketZone: 'US-MIDA-PJM',
      periodStart: window.start,
      periodEnd: window.end,
      mwh: 250,
      gCo2ePerKwh: 0,
      supplier: 'Appalachian Wind Partners LLC',
    },
    {
      id: `rec-us-miso-${year}`,
      instrumentType: 'REC',
      marketZone: 'US-MIDW-MISO',
      periodStart: yearStart(year),
      periodEnd: yearStart(next),
      mwh: 6,
      gCo2ePerKwh: 0,
      supplier: 'Prairie Renewables Inc.',
    },
    {
      id: `supplier-de-${year}`,
      instrumentType: 'SUPPLIER_RATE',
      marketZone: 'DE',
      periodStart: yearStart(year),
      periodEnd: yearStart(next),
      mwh: 50,
      gCo2ePerKwh: 372,
      supplier: 'Stadtwerke Rheinau GmbH',
    },
    {
      id: `green-tariff-de-${next}`,
      instrumentType: 'GREEN_TARIFF',
      marketZone: 'DE',
      periodStart: yearStart(next),
      periodEnd: yearStart(next + 1),
      mwh: 45,
      gCo2ePerKwh: 18,
      supplier: 'Stadtwerke Rheinau GmbH',
    },
  ];
}
