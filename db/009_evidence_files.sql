-- Evidence files kept with the data (issue 16): a file attached to a tài liệu kiểm
-- chứng is copied into tai-lieu/<plan>/<task>/ beside the database. The row keeps
-- where (relative to the database's folder, '/'-separated), its size and SHA-256.
-- file_path stays what the user chose (or, for evidence recorded before this, the
-- only thing known: an absolute path, offered for copying in).
ALTER TABLE evidence ADD COLUMN stored_path TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN file_size INTEGER;
ALTER TABLE evidence ADD COLUMN file_sha256 TEXT NOT NULL DEFAULT '';

-- The content of every file listed above, by SHA-256: filled only in the copies the
-- user makes (Sao lưu dữ liệu…, `backup -o`), so that such a copy is one file that
-- carries everything. Always empty in the database in use (a restore unpacks it).
CREATE TABLE evidence_content (
    sha256 TEXT PRIMARY KEY,
    content BLOB NOT NULL
);
