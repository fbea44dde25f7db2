-- Canonical definition of the org_data_version trigger functions and triggers: what the migrations leave in the
-- database today (prisma/migrations/20261206185218_org_data_version). tests/integration/rollup-definitions.test.ts
-- applies every migration to a fresh database and checks that the live functions, their settings and the triggers
-- equal this file. To change one: edit it here, then copy the changed statements into a new migration (`npm run
-- db:new -- <name>`). docs/SCALING.md "Changing a rollup".

CREATE OR REPLACE FUNCTION org_data_version_on_records() RETURNS trigger LANGUAGE plpgsql AS $f$
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

CREATE OR REPLACE TRIGGER usage_version_after_insert AFTER INSERT ON usage_record
  REFERENCING NEW TABLE AS version_new FOR EACH STATEMENT EXECUTE FUNCTION org_data_version_on_records();
CREATE OR REPLACE TRIGGER usage_version_after_update AFTER UPDATE ON usage_record
  REFERENCING OLD TABLE AS version_old NEW TABLE AS version_new FOR EACH STATEMENT EXECUTE FUNCTION org_data_version_on_records();
CREATE OR REPLACE TRIGGER usage_version_after_delete AFTER DELETE ON usage_record
  REFERENCING OLD TABLE AS version_old FOR EACH STATEMENT EXECUTE FUNCTION org_data_version_on_records();

-- Small tables written a row at a time (names, budgets, settings): a row-level bump is enough.
CREATE OR REPLACE FUNCTION org_data_version_on_row() RETURNS trigger LANGUAGE plpgsql AS $f$
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

CREATE OR REPLACE TRIGGER team_version_after_change AFTER INSERT OR UPDATE OR DELETE ON team
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
CREATE OR REPLACE TRIGGER project_version_after_change AFTER INSERT OR UPDATE OR DELETE ON project
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
CREATE OR REPLACE TRIGGER carbon_budget_version_after_change AFTER INSERT OR UPDATE OR DELETE ON carbon_budget
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
CREATE OR REPLACE TRIGGER organization_version_after_update AFTER UPDATE ON organization
  FOR EACH ROW EXECUTE FUNCTION org_data_version_on_row();
