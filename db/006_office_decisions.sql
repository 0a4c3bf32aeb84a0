-- Schema: the office's own word on a task's status for a period (set by hand,
-- with a note), which consolidation uses over the units' answers for that period
-- (domain/consolidation.py). Only adds a table.
--
-- A status set directly on a task before this version, with no unit's answer
-- behind it, becomes such a decision, for the year of its plan: reports of that
-- year go on printing it, marked as set by the office.

CREATE TABLE office_decision (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    period TEXT NOT NULL,                         -- period code: 2025-Q3
    period_end TEXT NOT NULL,                     -- ISO date
    decided_on TEXT NOT NULL,                     -- ISO date
    status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'not_done')),
    note TEXT NOT NULL DEFAULT '',
    completed_on TEXT,                            -- ISO date, for Hoàn thành
    created_at TEXT NOT NULL
);
CREATE INDEX office_decision_task ON office_decision(task_id, period_end);

INSERT INTO office_decision (task_id, period, period_end, decided_on, status, note, completed_on, created_at)
SELECT t.id, CAST(p.year AS TEXT), p.year || '-12-31',
       coalesce(t.completed_on, date('now')), t.status,
       CASE WHEN t.status = 'not_done' THEN t.status_reason ELSE '' END,
       t.completed_on, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
FROM task t JOIN plan p ON p.id = t.plan_id
WHERE t.status <> 'not_started'
  AND NOT EXISTS (SELECT 1 FROM progress_update u WHERE u.task_id = t.id);
