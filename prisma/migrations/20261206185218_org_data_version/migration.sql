-- org_data_version (issue #17 item 13): one counter per organisation, bumped in the WRITER's transaction by
-- triggers on everything the overview page reads (usage records, teams, projects, carbon budgets, organisation
-- settings). The overview caches its reads in process keyed by (org, version, filters), so a view costs one
-- primary-key lookup of this row until the next write; a write's bump commits with the write, so the next view
-- after a commit reads the new version and recomputes. docs/SCALING.md "Overview cache".
--
-- usage_record: statement-level (one bump per statement and organisation, like the rollup triggers; an upload's
-- single upsert bumps once). Trigger names sort after usage_quality_/usage_rollup_/usage_run_bound_, so the bump
-- fires last and concurrent writers of one organisation take the rollup row locks first, then this row.
-- No foreign key: rows of deleted organisations are harmless (cascaded team/project deletions would otherwise
-- re-insert into a table whose parent is going away).

CREATE TABLE "org_data_version" (
    "org_id" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "org_data_version_pkey" PRIMARY KEY ("org_id")
);

CREATE FUNCTION org_data_version_on_records() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO org_data_version AS v (org_id, version)
      SELECT DISTINCT org_id, 1 FROM version_new ORDER BY org_id
      ON CONFLICT (org_id) DO UPDATE SET version = v.version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO org_data_version AS v (org_id, version)
      SELECT org_id, 1 FROM (SELECT org_id FROM version_new UNION SELECT org_id FROM version_old) o ORDER BY org_id
      ON CONFLICT (org_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO org_data_version AS v (org_id, version)
      SELECT DISTINCT org_id, 1 FROM version_old ORDER BY org_id
      ON CONFLICT (org_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END $f$;

CREATE TRIGGER usage_version_after_insert AFTER INSERT ON usage_record
  REFERENCING NEW TABLE AS version_new FOR EACH STATEMENT EXECUTE FUNCTION org_data_version_on_records();
CREATE TRIGGER usage_version_after_update AFTER UPDATE ON usage_record
  REFERENCING OLD TABLE AS version_old NEW TABLE AS version_new FOR EACH STATEMENT EXECUTE FUNCTION org_data_version_on_records();
CREATE TRIGGER usage_version_after_delete AFTER DELETE ON usage_record
  REFERENCING OLD TABLE AS version_old FOR EACH STATEMENT EXECUTE FUNCTION org_data_version_on_records();

-- Small tables written a row at a time (names, budgets, settings): a row-level bump is enough.
CREATE FUNCTION org_data_version_on_row() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  org UUID;
BEGIN
  IF TG_TABLE_NAME = 'organization' THEN
    org := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    org := OLD.org_id;
  ELSE
    org := NEW.org_id;
  END IF;
  INSERT INTO org_data_version AS v (org_id, version) VALUES (org, 1)
    ON CONFLICT (org_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $f$;

CREATE TRIGGER team_version_after_change AFTER INSERT OR UPDATE OR DELETE ON team
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
CREATE TRIGGER project_version_after_change AFTER INSERT OR UPDATE OR DELETE ON project
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
CREATE TRIGGER carbon_budget_version_after_change AFTER INSERT OR UPDATE OR DELETE ON carbon_budget
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
CREATE TRIGGER organization_version_after_update AFTER UPDATE ON organization
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
