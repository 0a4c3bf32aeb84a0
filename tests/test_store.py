import hashlib
import sqlite3
from pathlib import Path

import pytest

from kehoach_desktop.store import DamagedDatabaseError, SchemaTooNewError, Store
from kehoach_desktop.store import migrations
from kehoach_desktop.store.database import NotOurDatabaseError, integrity_report, now_text
from kehoach_desktop.store.migrations import Migration, latest_version, split_statements
from kehoach_desktop.store.rows import insert_row


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def insert_plan(db, title="Kế hoạch") -> int:
    stamp = now_text()
    return insert_row(db, "plan", {"year": 2025, "title": title, "created_at": stamp, "updated_at": stamp})


def test_new_file_gets_the_latest_schema_and_safe_settings(db_path):
    with Store.open(db_path) as store:
        assert store.schema_version == latest_version()
        tables = set(store.db.table_names())
        assert {"plan", "section", "task", "unit", "unit_alias", "task_unit", "progress_update", "evidence"} <= tables
        assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert not store.conn.in_transaction


def test_parent_folder_is_created(tmp_path):
    path = tmp_path / "a" / "b" / "kehoach.db"
    with Store.open(path) as store:
        assert store.schema_version == latest_version()
    assert path.exists()


def test_exception_inside_write_leaves_every_table_unchanged(db_path):
    with Store.open(db_path) as store:
        with pytest.raises(RuntimeError):
            with store.write() as db:
                plan_id = insert_plan(db)
                insert_row(db, "section", {"plan_id": plan_id, "ordinal": "I", "title": "X", "position": 0})
                raise RuntimeError("boom")
        assert store.db["plan"].count == 0 and store.db["section"].count == 0
        assert not store.conn.in_transaction
    # and after reopening
    with Store.open(db_path) as store:
        assert store.db["plan"].count == 0


def test_nested_write_rolls_back_only_the_inner_part(db_path):
    with Store.open(db_path) as store:
        with store.write() as db:
            insert_plan(db, "ngoài")
            with pytest.raises(ValueError):
                with store.write() as inner:
                    insert_plan(inner, "trong")
                    raise ValueError
        assert [row["title"] for row in store.db["plan"].rows] == ["ngoài"]


def test_committed_write_survives_reopen(db_path):
    with Store.open(db_path) as store:
        with store.write() as db:
            insert_plan(db, "Kế hoạch cải cách hành chính năm 2025")
    with Store.open(db_path) as store:
        assert store.db["plan"].count == 1
        assert next(store.db["plan"].rows)["title"] == "Kế hoạch cải cách hành chính năm 2025"


def test_foreign_keys_are_enforced_and_cascade(db_path):
    with Store.open(db_path) as store:
        with pytest.raises(sqlite3.IntegrityError):
            with store.write() as db:
                insert_row(db, "section", {"plan_id": 999, "ordinal": "I", "title": "X", "position": 0})
        with store.write() as db:
            plan_id = insert_plan(db)
            section_id = insert_row(db, "section", {"plan_id": plan_id, "ordinal": "I", "title": "X", "position": 0})
            task_id = insert_row(db, "task", {"plan_id": plan_id, "section_id": section_id, "position": 0})
            unit_id = insert_row(db, "unit", {"name": "Văn phòng Sở", "match_key": "van phong so"})
            insert_row(db, "task_unit", {"task_id": task_id, "unit_id": unit_id, "role": "lead"})
        # a unit in use cannot be deleted
        with pytest.raises(sqlite3.IntegrityError):
            with store.write() as db:
                db.execute("DELETE FROM unit WHERE id = ?", [unit_id])
        with store.write() as db:
            db.execute("DELETE FROM plan WHERE id = ?", [plan_id])
        assert store.db["section"].count == store.db["task"].count == store.db["task_unit"].count == 0
        assert store.db["unit"].count == 1


def test_check_constraints_refuse_unknown_status_and_role(db_path):
    with Store.open(db_path) as store:
        with store.write() as db:
            plan_id = insert_plan(db)
            section_id = insert_row(db, "section", {"plan_id": plan_id, "ordinal": "I", "title": "", "position": 0})
        with pytest.raises(sqlite3.IntegrityError):
            with store.write() as db:
                insert_row(db, "task", {"plan_id": plan_id, "section_id": section_id, "position": 0, "status": "xong"})


def test_file_newer_than_the_program_is_refused_and_untouched(db_path):
    with Store.open(db_path) as store:
        store.execute(f"PRAGMA user_version = {latest_version() + 5}")
    before = digest(db_path)
    with pytest.raises(SchemaTooNewError) as error:
        Store.open(db_path)
    assert "phiên bản mới hơn" in str(error.value)
    assert digest(db_path) == before


def test_garbage_file_is_damage_and_is_not_written(tmp_path):
    path = tmp_path / "hong.db"
    path.write_bytes(b"this is not a database" * 100)
    before = digest(path)
    with pytest.raises(DamagedDatabaseError) as error:
        Store.open(path)
    assert "bị hỏng" in str(error.value)
    assert digest(path) == before
    assert integrity_report(path)


def test_someone_elses_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurDatabaseError):
        Store.open(path)


def test_integrity_report_is_empty_for_a_sound_file(db_path):
    Store.open(db_path).close()
    assert integrity_report(db_path) == []


def test_split_statements_keeps_trigger_bodies_whole():
    script = """
    -- comment
    CREATE TABLE a (x TEXT DEFAULT ';');
    CREATE TRIGGER t AFTER INSERT ON a BEGIN
        UPDATE a SET x = 'y;z';
    END;
    """
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


@pytest.fixture
def extra_migration(tmp_path, monkeypatch):
    """Pretend the program knows one more migration than db/ holds."""

    def install(sql: str) -> None:
        path = tmp_path / f"{latest_version() + 1:03d}_test.sql"
        path.write_text(sql, encoding="utf-8")
        current = migrations.available()
        monkeypatch.setattr(migrations, "available", lambda: current + (Migration(len(current) + 1, path),))

    return install


def test_older_file_is_copied_aside_then_upgraded_with_its_data(db_path, extra_migration):
    with Store.open(db_path) as store:
        with store.write() as db:
            insert_plan(db, "Kế hoạch năm 2025")
        old_version = store.schema_version
    extra_migration("ALTER TABLE plan ADD COLUMN extra TEXT NOT NULL DEFAULT 'mới';")
    with Store.open(db_path) as store:
        assert store.schema_version == old_version + 1
        row = next(store.db["plan"].rows)
        assert (row["title"], row["extra"]) == ("Kế hoạch năm 2025", "mới")
    copies = list((db_path.parent / "sao-luu").glob("*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
        assert copy.execute("SELECT title FROM plan").fetchone()[0] == "Kế hoạch năm 2025"


def test_failing_migration_changes_nothing(db_path, extra_migration):
    with Store.open(db_path) as store:
        with store.write() as db:
            insert_plan(db)
        old_version = store.schema_version
    extra_migration("ALTER TABLE plan ADD COLUMN extra TEXT;\nTHIS IS NOT SQL;")
    with pytest.raises(Exception):
        Store.open(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
        columns = [row[1] for row in conn.execute("PRAGMA table_info(plan)")]
        assert "extra" not in columns
        assert conn.execute("SELECT count(*) FROM plan").fetchone()[0] == 1


def test_migrations_in_db_folder_are_numbered_without_gaps():
    versions = [m.version for m in migrations.available()]
    assert versions == list(range(1, len(versions) + 1))


def test_foreign_key_actions_survive_every_migration(db_path):
    """Every ON DELETE of the first schema is still there after all migrations."""
    with Store.open(db_path) as store:
        actions = {
            (table, row[2], row[6])
            for table in ("section", "task", "task_unit", "unit_alias", "progress_update", "evidence")
            for row in store.execute(f"PRAGMA foreign_key_list({table})")
        }
    assert ("task", "plan", "CASCADE") in actions
    assert ("task_unit", "unit", "RESTRICT") in actions
    assert ("progress_update", "unit", "SET NULL") in actions
