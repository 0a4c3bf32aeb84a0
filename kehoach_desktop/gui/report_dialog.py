"""The report dialog: kind, plan(s), period or date, unit → the header and free
text of the document → "Xem trước" makes the PDF.

The header opens prefilled by `services.reports.default_header` (the plan, and
the last report of the same kind for the signer, Nơi nhận, ký hiệu …). When the
plan, period, date or unit changes, the fields the user has not touched follow
the new prefill; the ones they typed stay.

`prepare()` reads the database here, on the GUI thread (a few queries); the PDF
is laid out by reportlab on a worker (gui/background.py), cancellable between
pages. The dialog closes with `outcome` set once the PDF is ready.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, fields
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from kehoach_desktop.domain.judgement import DUE_SOON_DAYS
from kehoach_desktop.domain.periods import Period, PeriodError
from kehoach_desktop.gui import background, period_defaults, screen_fit
from kehoach_desktop.gui.forms.ui_report_dialog import Ui_ReportDialog
from kehoach_desktop.gui.period_picker import NO_PERIOD
from kehoach_desktop.gui.widgets import from_qdate, select_data, setup_date_edit, show_error, to_qdate
from kehoach_desktop.reports import ReportData, ReportHeader, ReportKind, ReportRequest
from kehoach_desktop.services import ServiceError, Services

ALL_UNITS_TEXT = "Tất cả đơn vị"
NO_PERIOD_TEXT = "Không theo kỳ (tính đến ngày)"
FREE_TEXT_FIELDS = ("opening", "remarks", "directions", "closing")


class RenderCancelled(Exception):
    """Raised between two pages when the user pressed Hủy."""


@dataclass
class RenderedReport:
    request: ReportRequest
    data: ReportData
    pdf: bytes


@dataclass
class Focus:
    """What the window has in focus when a report is asked for."""

    plan_ids: list[int]
    as_of: date
    plan_id: int | None = None  # the plan of the task in focus
    unit_id: int | None = None  # the unit filter, or the task's lead unit


def expected_pages(data: ReportData) -> int:
    """A rough page count for the progress bar (the appendix tables dominate)."""
    return data.kind.spec.expected_pages(len(data.tree.tasks))


def render_in_background(parent, data: ReportData, on_done, on_stopped):
    """Lay out `data` as PDF on a worker. `on_done(pdf_bytes)`, or
    `on_stopped(message, error, cancelled)` when it failed or was cancelled."""
    from kehoach_desktop.reports import render_pdf

    estimate = max(1, expected_pages(data))

    def work(progress: background.Progress) -> bytes:
        def on_page(done: int) -> None:
            if progress.cancelled:
                raise RenderCancelled
            progress.report(min(95, done * 100 // estimate), f"Đã dựng {done} trang…")

        return render_pdf(data, on_page=on_page)

    def done(pdf: bytes) -> None:
        if job.progress.cancelled:  # finished just as Hủy was pressed: the user's word wins
            on_stopped("", None, True)
        else:
            on_done(pdf)

    title = f"Đang tạo {data.kind.label[0].lower()}{data.kind.label[1:]}…"
    job = background.run(parent, title, work, done, lambda m, e: on_stopped(m, e, job.progress.cancelled))
    return job


class ReportDialog(QDialog):
    def __init__(self, parent, services: Services, kind: ReportKind, focus: Focus, request: ReportRequest | None = None):
        super().__init__(parent)
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self)  # fits a small screen (gui/screen_fit.py)
        self.services = services
        self.focus = focus
        self.outcome: RenderedReport | None = None
        self.job = None
        self._baseline = ReportHeader()  # the prefill the fields showed; equal fields are "untouched"
        self._quiet = True
        self._close_when_stopped = False
        self._states_key, self._states = None, None  # (plans, day) → (tree, task states), for the unit hint
        self._plans = services.plans.list_plans()
        self._edits: dict[str, str] = {}  # sentences rewritten by hand (key → text)
        self._generated: dict[str, str] | None = None  # the sentences as generated, once shown
        ui = self.ui
        self._add_parts()
        self.preview_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.preview_button.setText("&Xem trước")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        ui.buttonBox.accepted.connect(self.start_preview)
        ui.buttonBox.rejected.connect(self.reject)
        from kehoach_desktop.reports.registry import all_specs

        for spec in all_specs():
            ui.kindCombo.addItem(spec.label, spec.kind.value)
        setup_date_edit(ui.asOfEdit, request.as_of if request and request.as_of else focus.as_of)
        setup_date_edit(ui.dateEdit, date.today())  # a document is dated the day it is signed
        self._fill_units()
        ui.periodPicker.set_period(request.period if request and request.period else _default_period(services, focus))
        select_data(ui.kindCombo, ReportKind(kind).value)
        self._apply_kind(request.plan_ids if request else None)
        if request is not None:
            self._restore(request)
        self._quiet = False
        ui.kindCombo.currentIndexChanged.connect(lambda: self._apply_kind())
        ui.planCombo.currentIndexChanged.connect(self._choices_changed)
        ui.periodPicker.changed.connect(self._choices_changed)
        ui.asOfEdit.dateChanged.connect(self._choices_changed)
        ui.unitCombo.currentIndexChanged.connect(self._choices_changed)
        ui.unitCombo.lineEdit().editingFinished.connect(self._choices_changed)
        ui.dateBlankCheck.toggled.connect(self._date_blank_toggled)

    # --- parts added to the Designer form -------------------------------------------------------------

    def _add_parts(self) -> None:
        """The signer default button, the batch đôn đốc button, the sentences tab."""
        from PySide6.QtWidgets import (
            QAbstractItemView,
            QHBoxLayout,
            QHeaderView,
            QLabel,
            QPushButton,
            QTableWidget,
            QVBoxLayout,
            QWidget,
        )

        ui = self.ui
        self.signer_button = QPushButton("Dùng làm người ký &mặc định", self)
        self.signer_button.setToolTip("Ghi chức vụ và tên người ký này vào cài đặt: mọi báo cáo mở ra với người ký này.")
        self.signer_button.setAutoDefault(False)
        self.signer_button.clicked.connect(self.save_signer)
        ui.headerForm.addRow("", self.signer_button)
        self.batch_button = QPushButton("Mỗi đơn vị chậm một công văn…", self)
        self.batch_button.setToolTip("Viết công văn đôn đốc cho từng đơn vị có nhiệm vụ quá hạn, sắp đến hạn "
                                     "(PDF và Word) vào một thư mục")  # fmt: skip
        self.batch_button.setAutoDefault(False)
        self.batch_button.clicked.connect(lambda: self.remind_each())
        ui.buttonBox.addButton(self.batch_button, QDialogButtonBox.ButtonRole.ActionRole)

        self.sentences_tab = QWidget(self)
        layout = QVBoxLayout(self.sentences_tab)
        hint = QLabel("Các câu chương trình soạn sẵn. Sửa trực tiếp trong cột «Nội dung»; bản sửa được ghi nhớ "
                      "cho báo cáo này khi lưu hoặc in.", self.sentences_tab)  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.sentences = QTableWidget(0, 2, self.sentences_tab)
        self.sentences.setHorizontalHeaderLabels(["Phần", "Nội dung"])
        self.sentences.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.sentences.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sentences.setWordWrap(True)
        self.sentences.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        layout.addWidget(self.sentences)
        row = QHBoxLayout()
        self.reset_sentences_button = QPushButton("Soạn &lại các câu đã sửa", self.sentences_tab)
        self.reset_sentences_button.setAutoDefault(False)
        self.reset_sentences_button.clicked.connect(self.reset_sentences)
        row.addWidget(self.reset_sentences_button)
        row.addStretch(1)
        layout.addLayout(row)
        ui.tabs.addTab(self.sentences_tab, "Câu &chữ báo cáo")
        ui.tabs.currentChanged.connect(self._tab_changed)

    # --- the sentences -------------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if self.ui.tabs.widget(index) is self.sentences_tab:
            self.load_sentences()

    def load_sentences(self) -> None:
        """Fill the table with the report's generated sentences (the person's
        rewrites where there are some)."""
        from PySide6.QtCore import Qt as QtCore_Qt
        from PySide6.QtWidgets import QTableWidgetItem

        from kehoach_desktop.reports import document_of

        self._collect_edits()
        try:
            request = self.request()
            request.header.edits = {}
            data = self.services.reports.prepare(request)
        except (ServiceError, PeriodError) as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        paragraphs = document_of(data).editable()
        self._generated = {para.key: para.text for para in paragraphs}
        table = self.sentences
        table.blockSignals(True)
        table.setRowCount(len(paragraphs))
        for row, para in enumerate(paragraphs):
            label = QTableWidgetItem(para.label or para.key)
            label.setFlags(label.flags() & ~QtCore_Qt.ItemFlag.ItemIsEditable)
            label.setData(QtCore_Qt.ItemDataRole.UserRole, para.key)
            table.setItem(row, 0, label)
            table.setItem(row, 1, QTableWidgetItem(self._edits.get(para.key, para.text)))
        table.resizeRowsToContents()
        table.blockSignals(False)
        self.reset_sentences_button.setEnabled(bool(self._edits))

    def _collect_edits(self) -> None:
        """The table's texts that differ from the generated ones become the edits."""
        if self._generated is None:
            return
        from PySide6.QtCore import Qt as QtCore_Qt

        table = self.sentences
        for row in range(table.rowCount()):
            key = table.item(row, 0).data(QtCore_Qt.ItemDataRole.UserRole)
            text = (table.item(row, 1).text() or "").strip()
            if text and text != self._generated.get(key, "").strip():
                self._edits[key] = text
            else:
                self._edits.pop(key, None)

    def sentence_edits(self) -> dict[str, str]:
        self._collect_edits()
        return dict(self._edits)

    def reset_sentences(self) -> None:
        self._edits = {}
        self._generated = None
        self.load_sentences()

    # --- settings and đôn đốc for many units ------------------------------------------------------------

    def save_signer(self) -> None:
        header = self.header()
        try:
            self.services.reports.save_signer(header.signer_title, header.signer_name)
        except ServiceError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        self.ui.errorLabel.setText("Đã ghi người ký mặc định cho các báo cáo.")

    def remind_each(self, *, folder: str | None = None) -> None:
        """One công văn đôn đốc per late unit (or per unit named), PDF and .docx, into a folder."""
        from PySide6.QtWidgets import QFileDialog

        try:
            request = self.request()
        except (ServiceError, PeriodError) as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục ghi các công văn đôn đốc")
        if not folder:
            return
        try:
            batch = self.services.reports.remind_each(
                request.plan_ids, request.as_of or self.focus.as_of, folder, unit_ids=request.units() or None,
                header=request.header,
            )
        except ServiceError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        self.batch_result = batch
        text = f"Đã ghi {len(batch.units)} công văn đôn đốc ({len(batch.files)} tệp PDF và Word) vào {folder}."
        if batch.skipped:
            text += " Không cần đôn đốc: " + "; ".join(batch.skipped) + "."
        self.ui.errorLabel.setText(text)

    # --- the choices ------------------------------------------------------------------------------

    @property
    def kind(self) -> ReportKind:
        return ReportKind(self.ui.kindCombo.currentData())

    @property
    def spec(self):
        return self.kind.spec

    def _fill_units(self) -> None:
        combo = self.ui.unitCombo
        combo.clear()
        for unit in self.services.units.list_units():
            combo.addItem(unit.name, unit.id)
        combo.lineEdit().setPlaceholderText("Gõ hoặc chọn tên đơn vị trong danh mục")

    def _set_unit_choices(self) -> None:
        """One unit or all ("Tất cả đơn vị" first); a letter: the unit in focus
        (several may be typed, separated by ";")."""
        combo = self.ui.unitCombo
        has_all = combo.count() and combo.itemData(0) is None
        if self.spec.unit_optional:
            if not has_all:
                combo.insertItem(0, ALL_UNITS_TEXT, None)
            combo.setCurrentIndex(0)
        else:
            if has_all:
                combo.removeItem(0)
            index = combo.findData(self.focus.unit_id) if self.focus.unit_id is not None else -1
            combo.setCurrentIndex(index)
            if index < 0:
                combo.setEditText("")

    def _fill_plans(self, wanted: list[int] | None) -> None:
        combo = self.ui.planCombo
        combo.blockSignals(True)
        combo.clear()
        several = not self.kind.single_plan
        for year in sorted({p.year for p in self._plans}, reverse=True):
            of_year = [p for p in self._plans if p.year == year]
            if several and len(of_year) > 1:
                combo.addItem(f"Tất cả kế hoạch năm {year} ({len(of_year)} kế hoạch)", ("year", year))
            for summary in of_year:
                combo.addItem(summary.title or summary.doc_number or f"Kế hoạch số {summary.id}", ("plan", summary.id))
                combo.setItemData(combo.count() - 1, summary.title, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(self._selection_for(wanted or self.focus.plan_ids))))
        combo.blockSignals(False)

    def _selection_for(self, plan_ids: list[int]):
        if len(plan_ids) == 1:
            return ("plan", plan_ids[0])
        years = {p.year for p in self._plans if p.id in plan_ids}
        if len(years) == 1 and not self.kind.single_plan:
            year = years.pop()
            if sorted(plan_ids) == sorted(p.id for p in self._plans if p.year == year):
                return ("year", year)
        if self.focus.plan_id in plan_ids:
            return ("plan", self.focus.plan_id)
        return ("plan", plan_ids[0]) if plan_ids else None

    def _apply_kind(self, plan_ids: list[int] | None = None) -> None:
        """Show what this kind asks for, then prefill its header from scratch."""
        ui, spec = self.ui, self.spec
        quiet, self._quiet = self._quiet, True
        self.setWindowTitle(spec.label)
        self._fill_plans(plan_ids or self.plan_ids_or_none())
        self._set_period_optional(spec.period_optional)
        ui.requestForm.setRowVisible(ui.periodPicker, spec.uses_period)
        ui.requestForm.setRowVisible(ui.unitCombo, spec.uses_unit)
        ui.requestForm.setRowVisible(ui.unitHint, spec.letter)
        self._set_unit_choices()
        ui.unitLabel.setText("Đơn &vị nhận:" if spec.letter else "Đơn &vị:")
        if spec.several_units:
            ui.unitCombo.lineEdit().setPlaceholderText("Một hoặc nhiều đơn vị, cách nhau bằng dấu «;»")
        self.batch_button.setVisible(spec.several_units)
        ui.headerForm.setRowVisible(ui.basesEdit, spec.legal_bases)
        ui.headerForm.setRowVisible(ui.kinhGuiEdit, spec.has_kinh_gui)
        ui.titleLabel.setText("V/v (trích &yếu):" if spec.letter else "Trích &yếu:")
        parts = dict(spec.free_text)
        for name in FREE_TEXT_FIELDS:
            label, edit = getattr(ui, f"{name}Label"), getattr(ui, f"{name}Edit")
            label.setText(f"{parts[name]}:" if name in parts else "")
            ui.textForm.setRowVisible(edit, name in parts)
        ui.tabs.setTabVisible(ui.tabs.indexOf(ui.textTab), bool(parts))
        self._update_as_of_row()
        self._quiet = quiet
        self._prefill(keep_typed=False)
        self._update_unit_hint()

    def _set_period_optional(self, optional: bool) -> None:
        picker = self.ui.periodPicker
        present = picker.kind_combo.findData(NO_PERIOD)
        if optional and present < 0:
            picker.allow_none(NO_PERIOD_TEXT)
            picker.set_period(None)
        elif not optional and present >= 0:
            was_none = picker.kind_combo.currentIndex() == present
            picker.kind_combo.removeItem(present)
            if was_none:
                picker.set_period(_default_period(self.services, self.focus))

    def _update_as_of_row(self) -> None:
        ui, spec = self.ui, self.spec
        period_rules = spec.period_optional and self._period_or_none() is not None
        ui.requestForm.setRowVisible(ui.asOfLayout, spec.uses_as_of)
        ui.asOfEdit.setEnabled(not period_rules)
        if period_rules:
            ui.asOfHint.setText("Theo kỳ báo cáo: tính đến hết kỳ.")
        elif spec.uses_unit:
            ui.asOfHint.setText(f"Quá hạn tính đến ngày này; sắp đến hạn: trong {DUE_SOON_DAYS} ngày tiếp theo.")
        else:
            ui.asOfHint.setText("")

    def _period_or_none(self) -> Period | None:
        try:
            return self.ui.periodPicker.period()
        except PeriodError:
            return None

    def plan_ids_or_none(self) -> list[int]:
        try:
            return self.plan_ids()
        except ServiceError:
            return []

    def plan_ids(self) -> list[int]:
        data = self.ui.planCombo.currentData()
        if not data:
            raise ServiceError("Chưa có kế hoạch nào để báo cáo. Hãy nhập kế hoạch trước.")
        if data[0] == "plan":
            return [data[1]]
        return self.services.reports.plan_ids_of_year(data[1])

    def unit_id(self) -> int | None:
        """The first unit named in the box (see unit_ids)."""
        ids = self.unit_ids()
        return ids[0] if ids else None

    def unit_ids(self) -> list[int]:
        """The units named in the box: directory entries, or typed names separated
        by ";" (ServiceError naming the closest names when one is unknown)."""
        combo = self.ui.unitCombo
        text = combo.currentText().strip()
        if not text or text == ALL_UNITS_TEXT:
            return []
        index = combo.findText(text)
        if index >= 0:
            return [combo.itemData(index)]
        names = [name.strip() for name in text.split(";") if name.strip()] if self.spec.several_units else [text]
        ids = []
        for name in names:
            found = combo.findText(name)
            ids.append(combo.itemData(found) if found >= 0 else self.services.reports.find_unit(name).id)
        return list(dict.fromkeys(ids))

    def _choices_changed(self, *_args) -> None:
        if self._quiet:
            return
        self.ui.errorLabel.clear()
        self._update_as_of_row()
        self._prefill(keep_typed=True)
        self._update_unit_hint()

    def _update_unit_hint(self) -> None:
        """For a công văn đôn đốc: how many late tasks the chosen unit has, so
        the user need not ask for a letter that has nothing to say."""
        if not self.spec.letter:
            return
        hint = self.ui.unitHint
        try:
            ids = self.unit_ids()
        except ServiceError:
            ids = []
        unit_id = ids[0] if len(ids) == 1 else None
        if len(ids) > 1:
            hint.setText(f"Một công văn gửi {len(ids)} đơn vị.")
            return
        plan_ids = self.plan_ids_or_none()
        if unit_id is None or not plan_ids:
            hint.setText("Chọn đơn vị nhận công văn.")
            return
        overdue, soon, coordinated = self._late_counts(tuple(plan_ids), from_qdate(self.ui.asOfEdit.date()), unit_id)
        if not (overdue or soon or coordinated):
            hint.setText("Đơn vị này không có nhiệm vụ quá hạn hay sắp đến hạn tính đến ngày đã chọn.")
            return
        text = f"Đơn vị chủ trì: {overdue} nhiệm vụ quá hạn, {soon} nhiệm vụ sắp đến hạn"
        hint.setText(text + (f"; phối hợp: {coordinated} nhiệm vụ." if coordinated else "."))

    def _late_counts(self, plan_ids: tuple[int, ...], day: date, unit_id: int) -> tuple[int, int, int]:
        from kehoach_desktop.domain import summaries as statistics

        key = (plan_ids, day)
        if self._states_key != key:
            tree = self.services.plans.tree(list(plan_ids))
            self._states_key, self._states = key, (tree, self.services.statistics.states(tree, day))
        tree, states = self._states
        led = statistics.attention_by_unit(tree, states, day, unit_id)
        coordinated = statistics.coordinated_attention(tree, states, day, unit_id)
        overdue = sum(len(lines.overdue) for lines in led)
        soon = sum(len(lines.due_soon) for lines in led)
        return overdue, soon, len(coordinated)

    # --- the header ---------------------------------------------------------------------------------

    def _parameters(self, *, strict: bool) -> dict:
        """kind, plans, period, date, units as chosen; strict raises on a bad choice,
        else a bad one is left out (while prefilling)."""
        spec = self.spec
        try:
            period = self.ui.periodPicker.period() if spec.uses_period else None
        except PeriodError:
            if strict:
                raise
            period = None
        try:
            unit_ids = self.unit_ids() if spec.uses_unit else []
        except ServiceError:
            if strict:
                raise
            unit_ids = []
        plan_ids = self.plan_ids() if strict else self.plan_ids_or_none()
        as_of = from_qdate(self.ui.asOfEdit.date())
        return {"plan_ids": plan_ids, "period": period, "as_of": as_of,
                "unit_id": unit_ids[0] if unit_ids else None, "unit_ids": unit_ids[1:]}  # fmt: skip

    def _prefill(self, *, keep_typed: bool) -> None:
        """Fill the header from services.reports.default_header; with keep_typed,
        only the fields still showing the previous prefill change."""
        choice = self._parameters(strict=False)
        if not choice["plan_ids"]:
            return
        try:
            fresh = self.services.reports.default_header(self.kind, **choice)
        except ServiceError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        baseline = deepcopy(fresh)
        if keep_typed:
            shown = self.header()
            for item in fields(ReportHeader):
                if getattr(shown, item.name) != getattr(self._baseline, item.name):
                    setattr(fresh, item.name, getattr(shown, item.name))
        self._baseline = baseline
        self.set_header(fresh)

    def set_header(self, header: ReportHeader) -> None:
        ui = self.ui
        ui.governingEdit.setText(header.governing_body)
        ui.issuerEdit.setText(header.issuer)
        ui.numberEdit.setText(header.number)
        ui.symbolEdit.setText(header.symbol)
        ui.placeEdit.setText(header.place)
        ui.dateBlankCheck.setChecked(header.issued_on is None)
        if header.issued_on is not None:
            ui.dateEdit.setDate(to_qdate(header.issued_on))
        ui.yearSpin.setValue(header.year or (header.issued_on.year if header.issued_on else date.today().year))
        self._date_blank_toggled()
        ui.titleEdit.setPlainText(header.title)
        ui.basesEdit.setPlainText("\n".join(header.legal_bases))
        ui.kinhGuiEdit.setPlainText("\n".join(header.kinh_gui))
        ui.recipientsEdit.setPlainText("\n".join(header.recipients))
        ui.archiveEdit.setText(header.archive)
        ui.signerTitleEdit.setPlainText(header.signer_title)
        ui.signerNameEdit.setText(header.signer_name)
        for name in FREE_TEXT_FIELDS:
            getattr(ui, f"{name}Edit").setPlainText(getattr(header, name))
        self._edits = dict(header.edits)
        self._generated = None
        if ui.tabs.currentWidget() is self.sentences_tab:
            self.load_sentences()

    def header(self) -> ReportHeader:
        """The header as the fields show it (NFC, trimmed, one list entry per line)."""
        ui = self.ui
        blank = ui.dateBlankCheck.isChecked()
        issued_on = None if blank else from_qdate(ui.dateEdit.date())
        header = ReportHeader(
            governing_body=ui.governingEdit.text(),
            issuer=ui.issuerEdit.text(),
            number=ui.numberEdit.text(),
            symbol=ui.symbolEdit.text(),
            place=ui.placeEdit.text(),
            issued_on=issued_on,
            year=ui.yearSpin.value() if blank else issued_on.year,
            title=ui.titleEdit.toPlainText(),
            legal_bases=ui.basesEdit.toPlainText().splitlines(),
            kinh_gui=ui.kinhGuiEdit.toPlainText().splitlines(),
            recipients=ui.recipientsEdit.toPlainText().splitlines(),
            archive=ui.archiveEdit.text(),
            signer_title="\n".join(line.strip() for line in ui.signerTitleEdit.toPlainText().splitlines() if line.strip()),
            signer_name=ui.signerNameEdit.text(),
            **{name: getattr(ui, f"{name}Edit").toPlainText() for name in FREE_TEXT_FIELDS},
            edits=self.sentence_edits(),
        )
        return header.normalised()

    def _date_blank_toggled(self, *_args) -> None:
        blank = self.ui.dateBlankCheck.isChecked()
        self.ui.dateEdit.setEnabled(not blank)
        self.ui.yearLabel.setVisible(blank)
        self.ui.yearSpin.setVisible(blank)

    def _restore(self, request: ReportRequest) -> None:
        """Open again on a request made before (the preview's "Sửa thông tin")."""
        if request.unit_id is not None:
            select_data(self.ui.unitCombo, request.unit_id)
        if request.period is not None:
            self.ui.periodPicker.set_period(request.period)
        self._update_as_of_row()
        self._prefill(keep_typed=False)
        if request.header is not None:
            self.set_header(request.header)

    # --- the request and the PDF ---------------------------------------------------------------------

    def request(self) -> ReportRequest:
        """What the fields ask for; ServiceError / PeriodError (Vietnamese) when a choice is wrong."""
        spec = self.spec
        choice = self._parameters(strict=True)
        header = self.header()
        if not spec.has_kinh_gui:
            header.kinh_gui = []  # not printed, yet it would add "Như trên" to Nơi nhận
        parts = dict(spec.free_text)
        for name in FREE_TEXT_FIELDS:
            if name not in parts:
                setattr(header, name, "")
        as_of = choice["as_of"] if spec.uses_as_of else None
        return ReportRequest(spec.kind, choice["plan_ids"], period=choice["period"], as_of=as_of,
                             unit_id=choice["unit_id"], unit_ids=choice["unit_ids"], header=header)  # fmt: skip

    def start_preview(self) -> None:
        if self.job is not None:
            return
        self.ui.errorLabel.clear()
        try:
            request = self.request()
            data = self.services.reports.prepare(request)
        except (ServiceError, PeriodError) as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        self._set_busy(True)
        self.job = render_in_background(
            self, data, lambda pdf: self._rendered(request, data, pdf), self._stopped
        )

    def _rendered(self, request: ReportRequest, data: ReportData, pdf: bytes) -> None:
        self.job = None
        self.outcome = RenderedReport(request, data, pdf)
        self.accept()

    def _stopped(self, message: str, error: Exception | None, cancelled: bool) -> None:
        self.job = None
        self._set_busy(False)
        if self._close_when_stopped:
            super().reject()
            return
        if cancelled:
            self.ui.errorLabel.setText("Đã hủy tạo báo cáo.")
        elif error is not None:
            self.ui.errorLabel.setText(message)
        else:
            self.ui.errorLabel.setText("Không tạo được báo cáo.")
            show_error(self, message, "Lỗi không mong đợi")

    def _set_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        for widget in (self.ui.kindCombo, self.ui.planCombo, self.ui.periodPicker, self.ui.asOfEdit,
                       self.ui.unitCombo, self.ui.tabs):  # fmt: skip
            widget.setEnabled(not busy)
        if not busy:
            self._update_as_of_row()

    def reject(self) -> None:
        """Hủy while the PDF is being made stops it first (the worker checks between pages)."""
        if self.job is not None:
            self.job.progress.cancelled = True
            self._close_when_stopped = True
            return
        super().reject()


def _default_period(services: Services, focus: Focus) -> Period:
    """The quarter just ended (or the current one), within the plan's year: gui/period_defaults.py."""
    plans = [plan_id for plan_id in (focus.plan_id, *focus.plan_ids) if plan_id is not None]
    return period_defaults.quarter_for(services, plans, focus.as_of)
