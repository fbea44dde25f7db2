/**
 * The one definition of "measured share" (issue #23): the share of IT energy (kWh) that comes from metered
 * records (`isMeasured`: energy on the row, docs/METHODOLOGY.md "IT energy"), energy-weighted. IT energy, not
 * facility energy or CO2e: the measurement is of the device draw, and PUE or grid factors would weight the share
 * by where a workload ran rather than by how it was known. Used by the overview, the report and its headline
 * figures. Null without IT energy (no share of nothing).
 */
export function measuredShare(measuredItEnergyKwh: number, itEnergyKwh: number): number | null {
  return itEnergyKwh > 0 ? measuredItEnergyKwh / itEnergyKwh : null;
}
