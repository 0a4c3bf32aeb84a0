"""Files the program writes for the user, made through a temporary name beside them.

`tempfile.mkstemp` creates its file readable by its owner only (0600), and a
rename keeps that mode: exports and reports ended up unreadable by anyone else
on a shared folder. `temporary_beside` creates the temporary file the way any
new file is created (0666 less the user's umask), so the result has the usual
permissions.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ATTEMPTS = 100


def temporary_beside(folder: Path | str, prefix: str, suffix: str) -> tuple[int, str]:
    """(open descriptor, path) of a new, empty file in `folder`, like tempfile.mkstemp."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(ATTEMPTS):
        path = os.path.join(folder, f"{prefix}{secrets.token_hex(4)}{suffix}")
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")
