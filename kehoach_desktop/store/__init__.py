"""The store: the SQLite database and every SQL statement of the program.

Every change runs inside `Store.write()`: one transaction that takes the write
lock up front. The schema version is PRAGMA user_version; migrations are the
numbered SQL files in db/. One module per aggregate (plans, tasks, units,
progress, forms, report_store) turns rows into domain objects and back;
snapshots.py captures and puts back rows for undo.
"""

from kehoach_desktop.store.database import (  # noqa: F401
    DamagedDatabaseError,
    SchemaTooNewError,
    Store,
    StoreError,
)
