import { describe, expect, test } from 'vitest';
import { indexFactorLibrary } from './index-factor-library';
import { computeItEnergy, durationHours, modelledPowerW, rowDeviceHours } from './it-energy';
import { resolveAccelerator } from './resolve-accelerator';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

const lib = indexFactorLibrary(fixtureLibrary());

describe('IT energy precedence', () => {
  test('energyKwh wins over requests and device-hours, and is measured', () => {
    const it = computeItEnergy(
      record({
        energyKwh: 7,
        requests: 1000,
        energyPerRequestWh: 2,
        acceleratorCount: 2,
        acceleratorPowerW: 300,
      }),
      lib,
      SETTINGS,
    );
    expect(it).toMatchObject({
      itEnergyKwh: 7,
      method: 'measured',
      isMeasured: true,
      flags: [],
      deviceHours: 2,
    });
  });

  test('requests × Wh/request wins over device-hours', () => {
    const it = computeItEnergy(
      record({ requests: 1000, energyPerRequestWh: 2, acceleratorCount: 2 }),
      lib,
      SETTINGS,
    );
    expect(it.itEnergyKwh).toBeCloseTo((1000 * 2) / 1000, 12);
    expect(it.method).toBe('requests');
    expect(it.flags).toEqual(['ENERGY_FROM_REQUESTS']);
  });

  test('requests without Wh/request fall through to device-hours', () => {
    const it = computeItEnergy(
      record({ requests: 1000, acceleratorHours: 3, acceleratorPowerW: 100 }),
      lib,
      SETTINGS,
    );
    expect(it.itEnergyKwh).toBeCloseTo((3 * 100) / 1000, 12);
  });

  test('stated power × acceleratorHours', () => {
    const it = computeItEnergy(
      record({ acceleratorHours: 10, acceleratorPowerW: 250, acceleratorCount: 99 }),
      lib,
      SETTINGS,
    );
    expect(it).toMatchObject({
      itEnergyKwh: 2.5,
      method: 'stated-power',
      deviceHours: 10,
      powerPerDeviceW: 250,
    });
    expect(it.flags).toEqual(['ENERGY_FROM_STATED_POWER']);
  });

  test('device-hours = count × duration when acceleratorHours is absent', () => {
    const rec = record({
      acceleratorCount: 4,
      acceleratorPowerW: 100,
      endedAt: new Date('2023-01-01T02:30:00Z'),
    });
    expect(rowDeviceHours(rec)).toBeCloseTo(4 * 2.5, 12);
    expect(computeItEnergy(rec, lib, SETTINGS).itEnergyKwh).toBeCloseTo((4 * 2.5 * 100) / 1000, 12);
  });

  test('no count and no hours: one device over the run, flagged', () => {
    const it = computeItEnergy(record({ acceleratorPowerW: 1000 }), lib, SETTINGS);
    expect(it.itEnergyKwh).toBeCloseTo(1, 12);
    expect(it.flags).toContain('DEVICE_COUNT_DEFAULT');
  });

  test('TDP model with row utilisation and catalog idle power', () => {
    const it = computeItEnergy(
      record({ accelerator: 'x-100 sxm', acceleratorCount: 2, utilization: 0.75 }),
      lib,
      SETTINGS,
    );
    const powerW = 40 + 0.75 * (400 - 40);
    expect(it.powerPerDeviceW).toBeCloseTo(powerW, 12);
    expect(it.itEnergyKwh).toBeCloseTo((2 * 1 * powerW) / 1000, 12);
    expect(it.flags).toEqual(['ENERGY_FROM_TDP_MODEL']);
    expect(it.factorRefs.map((r) => r.id)).toEqual(['acc-x']);
  });

  test('TDP model with default utilisation and default idle fraction', () => {
    const it = computeItEnergy(record({ accelerator: 'Accel No Idle', acceleratorCount: 1 }), lib, SETTINGS);
    const idleW = SETTINGS.idlePowerFraction * 300;
    expect(it.powerPerDeviceW).toBeCloseTo(idleW + SETTINGS.defaultUtilization * (300 - idleW), 12);
    expect(it.flags).toEqual(['ENERGY_FROM_TDP_MODEL', 'IDLE_POWER_DEFAULT', 'UTILIZATION_DEFAULT']);
  });

  test('unknown accelerator uses the default power, flagged', () => {
    const it = computeItEnergy(
      record({ accelerator: 'Mystery 9000', acceleratorCount: 1, utilization: 1 }),
      lib,
      SETTINGS,
    );
    expect(it.powerPerDeviceW).toBeCloseTo(SETTINGS.unknownAcceleratorPowerW, 12);
    expect(it.flags).toContain('ACCELERATOR_UNKNOWN');
    expect(it.accelerator).toBeNull();
  });

  test('host overhead multiplies modelled energy only', () => {
    const settings = { ...SETTINGS, hostOverheadFraction: 0.2 };
    const modelled = computeItEnergy(
      record({ accelerator: 'X100', acceleratorCount: 1, utilization: 1 }),
      lib,
      settings,
    );
    expect(modelled.itEnergyKwh).toBeCloseTo(0.4 * 1.2, 12);
    expect(modelled.flags).toContain('HOST_OVERHEAD_APPLIED');
    const stated = computeItEnergy(record({ acceleratorPowerW: 400, acceleratorCount: 1 }), lib, settings);
    expect(stated.itEnergyKwh).toBeCloseTo(0.4, 12);
  });

  test('no energy input at all gives 0, flagged', () => {
    const it = computeItEnergy(record(), lib, SETTINGS);
    expect(it).toMatchObject({ itEnergyKwh: 0, method: 'none', flags: ['ENERGY_NO_INPUT'] });
  });

  test('helpers', () => {
    expect(modelledPowerW(400, 40, 0)).toBe(40);
    expect(modelledPowerW(400, 40, 1)).toBe(400);
    expect(durationHours(record({ endedAt: new Date('2023-01-01T00:30:00Z') }))).toBe(0.5);
    expect(resolveAccelerator(lib, undefined)).toBeNull();
    expect(resolveAccelerator(lib, 'ACC_X')?.id).toBe('acc-x');
  });
});
