-- Schema: the journal of changes to tasks (Lịch sử thay đổi).
-- Triggers write it, so no change can miss it: every changed field of a task
-- (old → new), tasks added and deleted, units given or taken off, progress
-- answers recorded or removed. `change_context` holds what the program is doing
-- (edit, import, form of a unit, undo ...), set at the start of each write
-- transaction; the triggers copy it into each entry. A plan's import is one entry
-- for the plan, not one per task. Only adds tables and triggers.

CREATE TABLE change_context (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    source TEXT NOT NULL DEFAULT 'edit',          -- edit, import, form, undo, redo, restore ...
    detail TEXT NOT NULL DEFAULT ''               -- the unit of a form, the file imported, the undone action
);
INSERT INTO change_context (id, source, detail) VALUES (1, 'edit', '');

CREATE TABLE task_journal (
    id INTEGER PRIMARY KEY,
    task_id INTEGER,                              -- no foreign key: a deleted task keeps its history
    plan_id INTEGER NOT NULL,
    field TEXT NOT NULL,                          -- a task column, or +task, -task, +lead, -coordinate, +progress ...
    old TEXT,
    new TEXT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    source TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_journal_task ON task_journal(plan_id, task_id, id);

CREATE TRIGGER journal_task_update AFTER UPDATE ON task BEGIN
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'number', OLD.number, NEW.number, source, detail FROM change_context WHERE OLD.number IS NOT NEW.number;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'content', OLD.content, NEW.content, source, detail FROM change_context WHERE OLD.content IS NOT NEW.content;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'schedule_text', OLD.schedule_text, NEW.schedule_text, source, detail FROM change_context WHERE OLD.schedule_text IS NOT NEW.schedule_text;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'output', OLD.output, NEW.output, source, detail FROM change_context WHERE OLD.output IS NOT NEW.output;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'note', OLD.note, NEW.note, source, detail FROM change_context WHERE OLD.note IS NOT NEW.note;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'target', OLD.target, NEW.target, source, detail FROM change_context WHERE OLD.target IS NOT NEW.target;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'lead_text', OLD.lead_text, NEW.lead_text, source, detail FROM change_context WHERE OLD.lead_text IS NOT NEW.lead_text;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'coordinate_text', OLD.coordinate_text, NEW.coordinate_text, source, detail FROM change_context WHERE OLD.coordinate_text IS NOT NEW.coordinate_text;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'assignment_raw', OLD.assignment_raw, NEW.assignment_raw, source, detail FROM change_context WHERE OLD.assignment_raw IS NOT NEW.assignment_raw;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'status', OLD.status, NEW.status, source, detail FROM change_context WHERE OLD.status IS NOT NEW.status;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'status_reason', OLD.status_reason, NEW.status_reason, source, detail FROM change_context WHERE OLD.status_reason IS NOT NEW.status_reason;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'completed_on', OLD.completed_on, NEW.completed_on, source, detail FROM change_context WHERE OLD.completed_on IS NOT NEW.completed_on;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'result', OLD.result, NEW.result, source, detail FROM change_context WHERE OLD.result IS NOT NEW.result;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'section_id', OLD.section_id, NEW.section_id, source, detail FROM change_context WHERE OLD.section_id IS NOT NEW.section_id;
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) SELECT NEW.id, NEW.plan_id, 'parent_id', OLD.parent_id, NEW.parent_id, source, detail FROM change_context WHERE OLD.parent_id IS NOT NEW.parent_id;
END;

CREATE TRIGGER journal_task_insert AFTER INSERT ON task
WHEN (SELECT source FROM change_context) <> 'import' BEGIN
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail)
        SELECT NEW.id, NEW.plan_id, '+task', NULL, NEW.number || ' ' || NEW.content, source, detail FROM change_context;
END;

CREATE TRIGGER journal_task_delete AFTER DELETE ON task
WHEN (SELECT count(*) FROM plan WHERE id = OLD.plan_id) > 0 BEGIN
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail)
        SELECT OLD.id, OLD.plan_id, '-task', OLD.number || ' ' || OLD.content, NULL, source, detail FROM change_context;
END;

CREATE TRIGGER journal_link_insert AFTER INSERT ON task_unit
WHEN (SELECT source FROM change_context) <> 'import' BEGIN
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail)
        SELECT NEW.task_id, t.plan_id, '+' || NEW.role, NULL, (SELECT name FROM unit WHERE id = NEW.unit_id), c.source, c.detail
        FROM task t, change_context c WHERE t.id = NEW.task_id;
END;

CREATE TRIGGER journal_link_delete AFTER DELETE ON task_unit
WHEN (SELECT count(*) FROM task WHERE id = OLD.task_id) > 0 BEGIN
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail)
        SELECT OLD.task_id, t.plan_id, '-' || OLD.role, (SELECT name FROM unit WHERE id = OLD.unit_id), NULL, c.source, c.detail
        FROM task t, change_context c WHERE t.id = OLD.task_id;
END;

CREATE TRIGGER journal_progress_insert AFTER INSERT ON progress_update BEGIN
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail)
        SELECT NEW.task_id, t.plan_id, '+progress', NULL,
               NEW.period || ' | ' || NEW.status || ' | ' || coalesce((SELECT name FROM unit WHERE id = NEW.unit_id), '')
                   || ' | ' || NEW.result,
               c.source, c.detail
        FROM task t, change_context c WHERE t.id = NEW.task_id;
END;

CREATE TRIGGER journal_progress_delete AFTER DELETE ON progress_update
WHEN (SELECT count(*) FROM task WHERE id = OLD.task_id) > 0 BEGIN
    INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail)
        SELECT OLD.task_id, t.plan_id, '-progress',
               OLD.period || ' | ' || OLD.status || ' | ' || coalesce((SELECT name FROM unit WHERE id = OLD.unit_id), '')
                   || ' | ' || OLD.result,
               NULL, c.source, c.detail
        FROM task t, change_context c WHERE t.id = OLD.task_id;
END;
