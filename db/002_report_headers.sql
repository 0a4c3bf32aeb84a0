-- Schema version 2: the header last used for each kind of report, to prefill
-- the next one (số ký hiệu, người ký, nơi nhận, kính gửi ...).
-- Only adds a table, so a version-1 file upgrades with every row unchanged.

CREATE TABLE report_header (
    kind TEXT PRIMARY KEY,                        -- ke-hoach, bao-cao, qua-han, don-doc, thong-ke
    data TEXT NOT NULL DEFAULT '{}',              -- JSON of reports.model.ReportHeader
    updated_at TEXT NOT NULL
);
