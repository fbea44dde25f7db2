// Money at the edge: every cost in the app is in the organisation's one currency (Organisation settings) and is
// shown with it ("€1,234", "US$0.13"); formatters are cached per currency and precision.
const MONEY_FORMATS = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${currency}:${maximumFractionDigits}`;
  let format = MONEY_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      maximumFractionDigits,
      minimumFractionDigits: Math.min(2, maximumFractionDigits),
    });
    MONEY_FORMATS.set(key, format);
  }
  return format;
}

/**
 * "€8,059" for amounts of 100 or more (whole units: cost estimates carry no cents of precision), "€12.35" below,
 * "€0.0042" for sub-cent amounts (per-record electricity), with the currency's symbol or ISO code.
 */
export function formatMoney(amount: number, currency: string): string {
  const abs = Math.abs(amount);
  const digits = abs >= 100 || abs === 0 ? 0 : abs >= 0.01 ? 2 : 4;
  try {
    return moneyFormat(currency, digits).format(amount);
  } catch {
    // Not an ISO 4217 code Intl knows (the settings only check the shape): the number, then the code.
    return `${amount.toLocaleString('en-GB', { maximumFractionDigits: digits })} ${currency}`;
  }
}
