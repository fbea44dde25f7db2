-- budget_alert_evaluation (issue #18): the org_data_version at which each organisation's budget alerts were last
-- evaluated. Writers bump org_data_version in their own transaction (triggers); evaluatePendingBudgetAlerts
-- (lib/data/budget-alert-evaluation.ts) evaluates only organisations whose version moved past this one, so no
-- writer calls the evaluation itself. No foreign key, like org_data_version: rows of deleted organisations are
-- harmless. docs/decisions/targets.md "Alerts after commit".
CREATE TABLE "budget_alert_evaluation" (
    "org_id" UUID NOT NULL,
    "evaluated_version" BIGINT NOT NULL,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "budget_alert_evaluation_pkey" PRIMARY KEY ("org_id")
);
