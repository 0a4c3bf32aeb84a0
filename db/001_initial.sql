-- Schema version 1: plans, sections, tasks, units, progress and evidence.
-- Applied inside one transaction by kehoach_desktop.store.migrations; the
-- runner sets PRAGMA user_version, never this file.

CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    governing_body TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    issuer_abbr TEXT NOT NULL DEFAULT '',
    doc_number TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    issued_on TEXT,                               -- ISO date
    date_text TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '[]',        -- JSON list of lines
    legal_bases TEXT NOT NULL DEFAULT '[]',       -- JSON list of lines
    body TEXT NOT NULL DEFAULT '[]',              -- JSON list of paragraphs
    columns TEXT NOT NULL DEFAULT '[]',           -- JSON list of appendix headers
    appendix_heading TEXT NOT NULL DEFAULT '[]',  -- JSON list of lines
    source_name TEXT NOT NULL DEFAULT '',
    source_digest TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX plan_year ON plan(year);
CREATE INDEX plan_digest ON plan(source_digest);

CREATE TABLE section (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES section(id) ON DELETE CASCADE,
    ordinal TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    area_code TEXT NOT NULL DEFAULT 'khac',
    position INTEGER NOT NULL
);
CREATE INDEX section_plan ON section(plan_id, position);

CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES task(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    schedule_text TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '{"kind": "unspecified", "due": [], "recurrence": null}',
    due_last TEXT,                                -- ISO date: last fixed due date, for queries
    output TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    lead_text TEXT NOT NULL DEFAULT '',
    coordinate_text TEXT NOT NULL DEFAULT '',
    assignment_raw TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done', 'not_done')),
    status_reason TEXT NOT NULL DEFAULT '',
    completed_on TEXT,                            -- ISO date
    result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_plan ON task(plan_id, section_id, position);
CREATE INDEX task_parent ON task(parent_id);

CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'unit' CHECK (kind IN ('unit', 'group')),
    match_key TEXT NOT NULL UNIQUE                -- folded name: no marks, lower case
);

CREATE TABLE unit_alias (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    match_key TEXT NOT NULL UNIQUE
);
CREATE INDEX unit_alias_unit ON unit_alias(unit_id);

CREATE TABLE task_unit (
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
    role TEXT NOT NULL CHECK (role IN ('lead', 'coordinate')),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, unit_id, role)
);
CREATE INDEX task_unit_unit ON task_unit(unit_id);

CREATE TABLE progress_update (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,
    period TEXT NOT NULL,                         -- Period code: 2025-Q3
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('not_started', 'in_progress', 'done', 'not_done')),
    percent INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
    result TEXT NOT NULL DEFAULT '',
    difficulties TEXT NOT NULL DEFAULT '',
    reported_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX progress_task ON progress_update(task_id, period);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    progress_id INTEGER REFERENCES progress_update(id) ON DELETE CASCADE,
    doc_number TEXT NOT NULL DEFAULT '',
    issued_on TEXT,
    summary TEXT NOT NULL DEFAULT '',
    file_path TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_task ON evidence(task_id);

CREATE TABLE app_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
