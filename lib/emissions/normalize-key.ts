/**
 * Canonical lookup key: lower case, with spaces, dashes, underscores, dots and slashes removed, so that
 * `A100-SXM4-80GB`, `a100 sxm4 80gb` and `A100_SXM4_80GB` (and `West Europe` / `westeurope`) match.
 */
export function normalizeKey(value: string): string {
  return value.toLowerCase().replace(/[\s\-_./]+/g, '');
}

/** Grid zones are compared upper-case (`fr` → `FR`, `us-mida-pjm` → `US-MIDA-PJM`). */
export function normalizeZone(zone: string): string {
  return zone.trim().toUpperCase();
}

/**
 * Country-name key: `normalizeKey` after folding diacritics and dropping apostrophes, commas and brackets, so
 * `Côte d’Ivoire`, `Cote d'Ivoire` and `COTE DIVOIRE` match, as do `Korea, Republic of` and `Korea Republic of`.
 */
export function normalizeCountryKey(value: string): string {
  return normalizeKey(
    value
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/['’,()[\]]/g, ''),
  );
}
