"""Seeded mutations of real inputs (plans .docx/.xlsx/text, a unit form), and the
child-process runner of tests/test_fuzz.py.

Mutations are those a damaged download, a careless edit or a hostile sender make:
bytes flipped in the file itself (a broken ZIP), or inside one XML part (re-zipped
with a valid checksum, so the XML parser meets it): bytes flipped, a slice cut or
repeated, the part cut short, a number made huge (a row, a span, a merged range),
a DOCTYPE put in, a tag renamed; text: lines repeated, bytes flipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import random
import re
import time
import zipfile
from pathlib import Path

HUGE_VALUES = ("1048576", "16384", "99999999", "1000", "-1", "0", "XFD1048576", "A1:XFD1048576")
DOCTYPE = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out))
        out[at] = rng.randrange(256)
    return bytes(out)


def mutate_text(text: str, rng: random.Random) -> str:
    how = rng.choice(("flip", "cut", "repeat", "truncate", "number", "doctype", "rename"))
    if how == "flip":
        return mutate_bytes(text.encode("utf-8"), rng).decode("utf-8", errors="replace")
    if how == "cut" and len(text) > 10:
        start = rng.randrange(len(text))
        return text[:start] + text[start + rng.randint(1, max(1, len(text) // 10)) :]
    if how == "repeat" and len(text) > 10:
        start = rng.randrange(len(text))
        piece = text[start : start + rng.randint(1, 2000)]
        return text[:start] + piece * rng.randint(2, 50) + text[start:]
    if how == "truncate":
        return text[: rng.randrange(max(1, len(text)))]
    if how == "number":
        values = list(re.finditer(r'="([A-Z]{0,3}\d+(?::[A-Z]{1,3}\d+)?)"', text))
        if values:
            match = rng.choice(values)
            return text[: match.start(1)] + rng.choice(HUGE_VALUES) + text[match.end(1) :]
    if how == "doctype":
        at = text.find("?>") + 2 if text.startswith("<?xml") else 0
        return text[:at] + DOCTYPE + text[at:]
    if how == "rename":
        tags = list(re.finditer(r"<(\w+:)?(\w+)", text))
        if tags:
            match = rng.choice(tags)
            return text[: match.start(2)] + rng.choice(("tbl", "tr", "tc", "row", "c", "v", "x")) + text[match.end(2) :]
    return text[: len(text) // 2]


def mutate_package(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.25:
        return mutate_bytes(data, rng)  # the ZIP itself damaged
    with zipfile.ZipFile(io.BytesIO(data)) as old:
        names = old.namelist()
        xml = [name for name in names if name.endswith((".xml", ".rels"))]
        # Mostly the part the reader walks; sometimes any other.
        main = [name for name in xml if name in ("word/document.xml", "xl/worksheets/sheet1.xml")]
        target = rng.choice(main if main and rng.random() < 0.6 else xml)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
            for name in names:
                content = old.read(name)
                if name == target:
                    content = mutate_text(content.decode("utf-8", errors="replace"), rng).encode("utf-8")
                new.writestr(name, content)
    return out.getvalue()


def mutate_plain_text(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8")
    how = rng.choice(("flip", "repeat", "cut", "tabs"))
    if how == "flip":
        return mutate_bytes(data, rng)
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    if how == "repeat":
        lines[at:at] = [lines[at]] * rng.randint(2, 3000)
    elif how == "cut":
        del lines[at : at + rng.randint(1, 50)]
    else:
        lines[at] = "\t".join([lines[at]] * rng.randint(2, 300))
    return "\n".join(lines).encode("utf-8")


def cases(seed: int, sources: dict[str, Path], counts: dict[str, int], folder: Path):
    """(kind, path) of each mutated input, written into `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for kind, count in counts.items():
        source = sources[kind].read_bytes()
        suffix = sources[kind].suffix
        for number in range(count):
            data = mutate_plain_text(source, rng) if kind == "text" else mutate_package(source, rng)
            path = folder / f"{kind}-{number:03d}{suffix}"
            path.write_bytes(data)
            yield kind, path


def snapshot(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.endswith(".log"):
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run(seed: int, sources: dict[str, Path], counts: dict[str, int], folder: Path, db: Path) -> None:
    """Every case through the command line, in this process; one JSON line each."""
    from kehoach_desktop.cli.main import main

    for kind, path in cases(seed, sources, counts, folder / "inputs"):
        if kind == "form":
            argv = ["forms", "import", str(path), "--db", str(db)]
        else:
            argv = ["import", str(path), "--db", str(db), "--allow-duplicate"]
        before = snapshot(db.parent)
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(argv)
        except BaseException as exc:  # noqa: BLE001  (reported, and the test fails on it)
            code = f"raised {type(exc).__name__}: {exc}"
        took = time.perf_counter() - started
        unchanged = snapshot(db.parent) == before
        print(json.dumps({"case": path.name, "code": code, "out": out.getvalue()[-2000:], "err": err.getvalue()[-2000:],
                          "seconds": round(took, 3), "unchanged": unchanged}, ensure_ascii=False), flush=True)

