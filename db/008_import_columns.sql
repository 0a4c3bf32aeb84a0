-- Schema version 3: columns of an imported plan that the program has no field
-- for, kept per task as they were printed, and the meaning the user gave a
-- column header when importing (offered again for a table with that header).
-- Only adds a column and a table, so an older file upgrades with every row unchanged.

ALTER TABLE task ADD COLUMN extra TEXT NOT NULL DEFAULT '[]';  -- JSON [[column header, text], ...]

CREATE TABLE column_choice (
    header_key TEXT PRIMARY KEY,                  -- the header's words, folded (importers.columns.header_key)
    meaning TEXT NOT NULL,                        -- number, content, schedule, ..., extra, ignore
    updated_at TEXT NOT NULL
);
