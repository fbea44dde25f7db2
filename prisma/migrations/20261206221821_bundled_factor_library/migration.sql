-- bundled_factor_library (issue #19): the fingerprint of the shipped reference data last loaded into the bundled
-- rows of accelerator, location, emission_factor, water_factor and provider_default. scripts/db/prepare-database.ts
-- reloads the bundled library at start when the shipped files differ (a release with new accelerators or regions),
-- so a database never keeps an old catalog silently. One row per database, keyed by a constant.
CREATE TABLE "bundled_factor_library" (
    "key" TEXT NOT NULL DEFAULT 'bundled',
    "fingerprint" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bundled_factor_library_pkey" PRIMARY KEY ("key")
);
