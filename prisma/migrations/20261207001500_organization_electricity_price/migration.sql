-- Issue #23: one currency per organisation. The what-if panel and the recommendations priced electricity with a
-- US default in USD while the carbon cost used the organisation's currency (EUR in the demo). The organisation's
-- own electricity price, per facility kWh in organization.currency; NULL = none entered (cost deltas are then
-- estimated only when the currency is the default price's USD, else left out rather than shown in another currency).
ALTER TABLE "organization" ADD COLUMN "electricity_price_per_kwh" DOUBLE PRECISION;
ALTER TABLE "organization" ADD CONSTRAINT "organization_electricity_price_per_kwh_check"
  CHECK ("electricity_price_per_kwh" IS NULL OR ("electricity_price_per_kwh" >= 0 AND "electricity_price_per_kwh" <= 100));
