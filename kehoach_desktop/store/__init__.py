"""The store: the SQLite database, through sqlite-utils.

Every change runs inside `Store.write()`: one transaction that takes the write
lock up front. The schema version is PRAGMA user_version; migrations are the
numbered SQL files in db/.
"""

from kehoach_desktop.store.database import (  # noqa: F401
    DamagedDatabaseError,
    SchemaTooNewError,
    Store,
    StoreError,
)
