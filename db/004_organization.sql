-- Schema: the organization of the Sở. The unit directory already holds the
-- units (kind 'unit') and the collectives plans name (kind 'group'); this adds
-- what the organization knows of them, and the outside bodies kept apart.
-- Only adds columns and tables: every existing row keeps its values.

ALTER TABLE unit ADD COLUMN unit_type TEXT NOT NULL DEFAULT 'khac'
    CHECK (unit_type IN ('phong', 'chi_cuc', 'su_nghiep', 'khac'));
ALTER TABLE unit ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unit ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE unit ADD COLUMN head_title TEXT NOT NULL DEFAULT '';   -- "Chánh Văn phòng", "Trưởng phòng"
ALTER TABLE unit ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN member_types TEXT NOT NULL DEFAULT '[]'; -- a collective's rule: JSON unit types
ALTER TABLE unit ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;    -- set up or confirmed by the user

-- A collective's members chosen by hand: included (1) beyond its rule, or excluded (0) from it.
CREATE TABLE collective_member (
    collective_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    included INTEGER NOT NULL CHECK (included IN (0, 1)),
    PRIMARY KEY (collective_id, unit_id)
);
CREATE INDEX collective_member_unit ON collective_member(unit_id);

-- Bodies outside the Sở (UBND tỉnh, Sở Nội vụ, a Bộ ...): never units, never
-- counted; the Kính gửi and Nơi nhận of reports.
CREATE TABLE outside_body (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    match_key TEXT NOT NULL UNIQUE,
    aliases TEXT NOT NULL DEFAULT '[]',           -- JSON list of other spellings
    position INTEGER NOT NULL DEFAULT 0,
    reports_to INTEGER NOT NULL DEFAULT 0         -- 1: the office reports to it (Kính gửi)
);
