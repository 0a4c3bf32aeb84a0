"""The writer the crash test kills (tests/test_crash.py), and the zygote that forks it.

The zygote imports everything once, then forks one worker per `run` command on
its standard input (a fork costs milliseconds; a fresh Python with these imports
costs most of a second, and the test kills a few hundred workers). A worker
opens the database as the program does and loops over random operations: a new
task, a progress report with an evidence file (copied into tai-lieu/), a plan
imported from the sample .docx, a filled unit form imported, an automatic backup
or a copy the user makes (which carries the files), a restore of one of its own
backups. After
each one returns (after its COMMIT, or its rename), it appends an
acknowledgement carrying the operation's token to its ack file and flushes it:
from then on the change must survive any kill. At the steps of a restore it
notes the step and pauses a moment, so that kills land there too.

Acknowledgements (one per line):
  task T / progress T / import T   the token T is in the database from now on
  forms T                          the latest form import: its token replaces the previous one's
  backup PATH                      a verified copy of everything acknowledged so far
  restoring PATH / restored PATH   a restore started / done: the data is now PATH's
  step NAME                        a restore is at that step (store/backup.py STEP_HOOK)
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path[:0] = [str(TESTS), str(TESTS.parent)]

from kehoach_desktop.domain.models import Evidence, ProgressUpdate  # noqa: E402
from kehoach_desktop.domain.statuses import Status  # noqa: E402
from kehoach_desktop.services import Services  # noqa: E402
from kehoach_desktop.services.backups import restore  # noqa: E402
from kehoach_desktop.services.imports import read_plan  # noqa: E402
from kehoach_desktop.store import backup as files  # noqa: E402

import kehoach_desktop.services.forms  # noqa: E402,F401  (loaded before the fork)

WEIGHTS = {"task": 30, "progress": 25, "import": 6, "forms": 12, "backup": 8, "copy": 4, "restore": 15}
PROGRESS_PERIOD = "2025-11"  # not the forms' period: a form import settles its own period only


class Worker:
    def __init__(self, number: int, seed: int, config: dict, backups: list[str]):
        self.rng = random.Random(seed)
        self.number = number
        self.db = Path(config["db"])
        self.sources = Path(config["sources"])  # where the "user" keeps the files attached
        self.plan_file = Path(config["plan_file"])
        self.forms = [Path(path) for path in config["forms"]]  # filled copies, token in the file name
        self.backups = [Path(path) for path in backups]  # this test's own acknowledged backups
        self.ack = open(Path(config["acks"]) / f"{number:04d}.txt", "w", encoding="utf-8", buffering=1)
        self.services: Services | None = None
        self.count = 0

    def say(self, line: str) -> None:
        self.ack.write(line + "\n")
        self.ack.flush()

    def token(self, kind: str) -> str:
        self.count += 1
        return f"{kind}{self.number}x{self.count}"

    def run(self) -> None:
        files.STEP_HOOK = self.step
        self.services = Services.open(self.db)
        self.say("ready")
        kinds, weights = zip(*WEIGHTS.items())
        while True:
            getattr(self, "do_" + self.rng.choices(kinds, weights)[0])()

    def step(self, name: str) -> None:
        self.say(f"step {name}")
        time.sleep(0.002)

    def tree(self):
        plans = self.services.plans.list_plans()
        return self.services.plans.tree([plan.id for plan in plans])

    def do_task(self) -> None:
        token = self.token("T")
        section = self.rng.choice(self.tree().sections)
        self.services.tasks.add(section.id, None, None, content=f"Nhiệm vụ thêm {token} — rà soát thủ tục")
        self.say(f"task {token}")

    def do_progress(self) -> None:
        token = self.token("P")
        task = self.rng.choice(self.tree().tasks)
        source = self.sources / f"Báo cáo {token}.pdf"
        source.write_bytes(f"%PDF tài liệu {token}\n".encode() * self.rng.randint(1, 2000))
        evidence = Evidence(doc_number=f"{self.count}/BC-SXD", summary="Báo cáo tháng", file_path=str(source))
        update = ProgressUpdate(
            task_id=task.id, period=PROGRESS_PERIOD, status=Status.IN_PROGRESS, percent=self.rng.randint(0, 100),
            result=f"Báo cáo {token}", evidence=[evidence],
        )  # fmt: skip
        self.services.progress.record(update)
        self.say(f"progress {token}")

    def do_import(self) -> None:
        token = self.token("I")
        draft = read_plan(path=self.plan_file)
        draft.plan.title = f"{draft.plan.title} {token}"
        self.services.imports.import_draft(draft, allow_duplicate=True)
        self.say(f"import {token}")

    def do_forms(self) -> None:
        form = self.rng.choice(self.forms)
        preview = self.services.forms.preview_import([form])
        if preview.errors:
            raise AssertionError(f"the prepared form is refused: {preview.errors}")
        if preview.new or preview.changed:
            self.services.forms.apply(preview, accept_conflicts=True)
        self.say(f"forms {form.stem.rsplit('-', 1)[-1]}")

    def do_backup(self) -> None:
        made = self.services.backups.automatic(files.DAILY)
        self.backups.append(made)
        self.say(f"backup {made}")

    def do_copy(self) -> None:
        """Tệp › Sao lưu dữ liệu…: one file carrying the evidence files too."""
        made = self.services.backups.make_copy(files.backup_dir(self.db) / f"kehoach-ban-sao-{self.number}x{self.count}.db")
        self.count += 1
        self.backups.append(made)
        self.say(f"backup {made}")

    def do_restore(self) -> None:
        candidates = [path for path in self.backups if path.exists()]
        if not candidates:
            return
        chosen = self.rng.choice(candidates)
        self.say(f"restoring {chosen}")
        self.services.close()
        restore(self.db, chosen)
        self.say(f"restored {chosen}")
        self.services = Services.open(self.db)


def zygote(config: dict) -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        if command == "run":
            order = json.loads(rest)
            pid = os.fork()
            if pid == 0:
                try:
                    Worker(order["number"], order["seed"], config, order["backups"]).run()
                except BaseException:  # the loop never ends: an error got here
                    traceback.print_exc()
                    sys.stderr.flush()
                os._exit(3)
            print(f"pid {pid}", flush=True)
        elif command == "reap":
            _pid, status = os.waitpid(int(rest), 0)
            print(f"status {status}", flush=True)
        elif command == "quit":
            return


if __name__ == "__main__":
    zygote(json.loads(sys.argv[1]))
