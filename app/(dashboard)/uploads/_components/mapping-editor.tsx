'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import {
  MAPPABLE_FIELDS,
  type TColumnMapping,
  type TMappingUnit,
  type TUsageRecordField,
  UNIT_FACTORS,
} from '@/lib/schemas/column-mapping';
import type { TColumnMappingPresetDto } from '@/lib/server/usage/uploads/column-mapping-presets';
import { saveMappingPresetAction } from '../actions';

const SELECT = 'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm';

/** Maps each source column of an unknown file to a template field (with unit), or leaves it ignored. */
export function MappingEditor({
  headers,
  mapping,
  presets,
  onChange,
}: {
  headers: string[];
  mapping: TColumnMapping;
  presets: TColumnMappingPresetDto[];
  onChange: (mapping: TColumnMapping) => void;
}) {
  const [presetName, setPresetName] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const setField = (header: string, field: string, unit?: string) => {
    const next = { ...mapping };
    if (field === '') {
      delete next[header];
    } else {
      const units = UNIT_FACTORS[field as TUsageRecordField];
      const keepUnit = unit && units && unit in units ? (unit as TMappingUnit) : undefined;
      next[header] = { field: field as TUsageRecordField, ...(keepUnit ? { unit: keepUnit } : {}) };
    }
    onChange(next);
  };
  const save = async () => {
    const result = await saveMappingPresetAction({ name: presetName, mapping });
    setMessage(
      result.ok
        ? { ok: true, text: `Preset “${presetName}” saved.` }
        : {
            ok: false,
            text: result.fieldErrors
              ? 'Give the preset a name and map at least the required columns.'
              : (result.message ?? 'Not saved.'),
          },
    );
  };
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-amber-200 bg-amber-50/40 p-4">
      <legend className="px-1 text-sm font-semibold">Map your columns</legend>
      <p className="text-sm text-slate-600">
        The header is not a known format. Map each column to a template field (phase, started_at and ended_at
        are required); unmapped columns are ignored.
      </p>
      {presets.length > 0 ? (
        <div className="flex items-center gap-2">
          <Label htmlFor="mapping-preset">Apply a saved preset</Label>
          <select
            id="mapping-preset"
            className={SELECT}
            defaultValue=""
            onChange={(e) => {
              const preset = presets.find((p) => p.id === e.target.value);
              if (preset) {
                onChange(
                  Object.fromEntries(Object.entries(preset.mapping).filter(([h]) => headers.includes(h))),
                );
              }
            }}
          >
            <option value="">—</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <table className="text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 pr-3 font-medium">Column in your file</th>
            <th className="py-1 pr-3 font-medium">Template field</th>
            <th className="py-1 font-medium">Unit</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header) => {
            const target = mapping[header];
            const units = target ? Object.keys(UNIT_FACTORS[target.field] ?? {}) : [];
            return (
              <tr key={header}>
                <td className="py-1 pr-3 font-mono">{header}</td>
                <td className="py-1 pr-3">
                  <select
                    aria-label={`Field for column ${header}`}
                    className={SELECT}
                    value={target?.field ?? ''}
                    onChange={(e) => setField(header, e.target.value, target?.unit)}
                  >
                    <option value="">(ignore)</option>
                    {MAPPABLE_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {f}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-1">
                  {target && units.length > 0 ? (
                    <select
                      aria-label={`Unit for column ${header}`}
                      className={SELECT}
                      value={
                        target.unit ??
                        units.find((u) => UNIT_FACTORS[target.field]?.[u as TMappingUnit] === 1) ??
                        ''
                      }
                      onChange={(e) => setField(header, target.field, e.target.value)}
                    >
                      {units.map((u) => (
                        <option key={u} value={u}>
                          {u}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="preset-name">Save this mapping as a preset</Label>
          <Input
            id="preset-name"
            value={presetName}
            onChange={(e) => setPresetName(e.target.value)}
            placeholder="e.g. Slurm export"
          />
        </div>
        <Button type="button" variant="secondary" onClick={save} disabled={presetName.trim() === ''}>
          Save preset
        </Button>
      </div>
      {message ? <Alert tone={message.ok ? 'success' : 'error'}>{message.text}</Alert> : null}
    </fieldset>
  );
}
