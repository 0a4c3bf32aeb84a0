"""The window's evidence-file part (issue 16): files opened with the system viewer
from the detail panel (and the progress dialog), a list of the task's files under its
details with those that are missing flagged, and Tệp › «Chép tài liệu kiểm chứng vào
thư mục dữ liệu…» for evidence recorded as a bare path (done by itself, as one undo
step, when the window opens a database where such files are still there).
"""

from __future__ import annotations

import sqlite3
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from kehoach_desktop.domain.models import Evidence, Task
from kehoach_desktop.services.attachments import AttachmentService, FileState

SCHEME = "tai-lieu"  # detail links: tai-lieu:<evidence id>


def link(evidence: Evidence, text: str = "") -> str:
    """An <a> opening the evidence's file from the detail panel."""
    return f'<a href="{SCHEME}:{evidence.id}">{escape(text or evidence.file_name)}</a>'


def open_file(parent: QWidget, attachments: AttachmentService, evidence: Evidence) -> bool:
    """Open the evidence's file with the system's viewer; a file that is not there is said, not an error."""
    found = attachments.where(evidence)
    if found.path is None or not found.state.present:
        where = f"\n{found.path}" if found.path is not None else ""
        QMessageBox.warning(
            parent, "Không tìm thấy tệp",
            f"Không mở được tệp «{evidence.file_name}»: {found.state.label}.{where}\n\nTài liệu kiểm chứng vẫn "
            "được giữ (số, ngày, trích yếu); có thể chọn lại tệp khi cập nhật tiến độ, hoặc khôi phục một bản "
            "sao lưu có tệp này.",
        )  # fmt: skip
        return False
    return open_path(found.path)


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class EvidenceActions(QObject):
    """The menu item (in `menu`, before `before`), the detail links and the detail section."""

    def __init__(self, window, menu: QMenu, before: QAction):
        super().__init__(window)
        self.window = window
        self.adopt_action = QAction("Chép tài liệu kiểm &chứng vào thư mục dữ liệu…", window)
        tip = ("Chép vào thư mục tai-lieu cạnh tệp dữ liệu các tệp tài liệu kiểm chứng trước đây chỉ được ghi "
               "đường dẫn, để chúng đi cùng dữ liệu và bản sao lưu")  # fmt: skip
        self.adopt_action.setStatusTip(tip)
        self.adopt_action.setToolTip(tip)
        self.adopt_action.triggered.connect(lambda _checked=False: self.adopt())
        menu.insertAction(before, self.adopt_action)
        menu.insertSeparator(before)
        window.ui.detailView.anchorClicked.connect(self._anchor)
        window.session.reopened.connect(self.adopt_quietly)
        QTimer.singleShot(0, self.adopt_quietly)

    @property
    def attachments(self) -> AttachmentService:
        return self.window.services.attachments

    # --- the detail panel ---------------------------------------------------------------------

    def detail_section(self, task: Task) -> str:
        """The task's evidence files, each a link, those not there flagged."""
        items = [item for item in self.attachments_of(task) if item.has_file]
        if not items:
            return ""
        lines = []
        for item in items:
            state = self.attachments.where(item).state
            flag = "" if state is FileState.KEPT else f' <span style="color:#b71c1c">({escape(state.label)})</span>'
            what = " ".join(part for part in (item.doc_number, item.summary) if part)
            lines.append(f"{link(item)}{flag}" + (f' <span style="color:#555">— {escape(what)}</span>' if what else ""))
        return "<h4>Tệp tài liệu kiểm chứng</h4><p>" + "<br>".join(lines) + "</p>"

    def attachments_of(self, task: Task) -> list[Evidence]:
        return self.window.services.progress.evidence(task.id)

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() != SCHEME:
            return
        task = self.window.current_task()
        wanted = url.path()
        found = next((e for e in self.attachments_of(task) if str(e.id) == wanted), None) if task else None
        if found is not None:
            open_file(self.window, self.attachments, found)

    # --- evidence recorded as a path only ---------------------------------------------------------

    def adopt_quietly(self) -> None:
        """At open: copy in the path-only files still there, as one undo step, said in the status bar."""
        try:
            if not self.window.isVisible() or self.window.session.readonly or self.attachments.waiting()[0] == 0:
                return
        except sqlite3.ProgrammingError:  # the window was closed, and its file, before this came
            return
        outcome = self.window.perform("Chép tài liệu kiểm chứng vào thư mục dữ liệu", lambda s: s.attachments.adopt(),
                                      report=lambda message: None)  # fmt: skip
        if outcome is not None and outcome.value.copied:
            self.window.statusBar().showMessage(
                f"Đã chép {outcome.value.copied} tệp tài liệu kiểm chứng vào thư mục tai-lieu cạnh tệp dữ liệu.", 10000
            )

    def adopt(self) -> None:
        """Tệp › Chép tài liệu kiểm chứng…: copy in what is there, say what is gone."""
        if self.window.session.readonly:
            QMessageBox.information(self.window, "Chỉ đọc", "Tệp dữ liệu đang mở ở chế độ chỉ đọc: không chép được tệp.")
            return
        there, gone = self.attachments.waiting()
        copied, missing = 0, []
        if there:
            outcome = self.window.perform("Chép tài liệu kiểm chứng vào thư mục dữ liệu", lambda s: s.attachments.adopt())
            if outcome is None:
                return
            copied, missing = outcome.value.copied, outcome.value.missing
        elif gone:
            missing = self.attachments.path_only()
        text = (f"Đã chép {copied} tệp vào thư mục {self.attachments.folder / 'tai-lieu'}." if copied
                else "Không có tệp nào cần chép: mọi tệp tài liệu kiểm chứng đã nằm trong thư mục dữ liệu.")  # fmt: skip
        if missing:
            shown = "\n".join(f"- {path}" for path in missing[:10]) + ("\n- …" if len(missing) > 10 else "")
            text += (f"\n\n{len(missing)} tệp không còn ở chỗ cũ nên không chép được (tài liệu vẫn được giữ, "
                     f"đánh dấu «không còn tệp»):\n{shown}")  # fmt: skip
        QMessageBox.information(self.window, "Tài liệu kiểm chứng", text)
