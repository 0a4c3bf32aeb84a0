-- Schema: the register of issued documents (Sổ văn bản đã phát hành).
-- Every report saved or printed with a number and a date keeps its issued copy:
-- the PDF exactly as printed (reprinted byte for byte), the .docx when one was
-- written, and the figures it printed. Entries are never overwritten: issuing
-- the same report again makes a new entry. Only adds a table.

CREATE TABLE issued_document (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                           -- report kind code: bao-cao, qua-han ...
    kind_label TEXT NOT NULL DEFAULT '',          -- "Báo cáo kết quả thực hiện Kế hoạch"
    number TEXT NOT NULL DEFAULT '',              -- số: "15"
    symbol TEXT NOT NULL DEFAULT '',              -- ký hiệu: "BC-SNNMT"
    issued_on TEXT NOT NULL,                      -- ISO date printed on the document
    title TEXT NOT NULL DEFAULT '',               -- trích yếu
    period TEXT NOT NULL DEFAULT '',              -- period code the figures are for, '' when none
    plan_ids TEXT NOT NULL DEFAULT '[]',          -- JSON list of the plans reported on
    figures TEXT NOT NULL DEFAULT '{}',           -- JSON: the counts the document printed
    pdf BLOB NOT NULL,
    docx BLOB,
    created_at TEXT NOT NULL
);
CREATE INDEX issued_document_date ON issued_document(issued_on, id);
