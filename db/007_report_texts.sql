-- The office's report settings (the signer block, …) and the sentences a person
-- rewrote in a report, remembered for that report (kind, plans, period, units).
-- Only adds tables, so an older file upgrades with every row unchanged.

CREATE TABLE report_setting (
    key TEXT PRIMARY KEY,                         -- signer_title, signer_name
    value TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE report_text (
    report TEXT PRIMARY KEY,                      -- ReportRequest.identity(): "bao-cao|1|2025-Q3"
    data TEXT NOT NULL DEFAULT '{}',              -- JSON: sentence key -> text as rewritten
    updated_at TEXT NOT NULL
);
