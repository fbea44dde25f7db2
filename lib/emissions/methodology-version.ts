/**
 * Version of the calculation method (formulas, defaults, precedence rules) in `lib/emissions`.
 * Bump it whenever a result for the same inputs and factors could change; stored on every result so a
 * restatement can tell which method produced a figure (see docs/METHODOLOGY.md, "Versioning").
 */
export const METHODOLOGY_VERSION = '2026.12.0';
