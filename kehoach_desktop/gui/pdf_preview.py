"""A report's preview inside the program (QtPdf), with "Lưu PDF…", "Lưu Word…"
and "In…". "Lưu Word…" writes the same report as .docx (reports.render_docx on
the report shown), for a clerk who edits a sentence before signing.

Printing paints each page of the PDF on the printer as an image of at most
300 dpi, at full page (the PDF already carries the decree's margins, so the
printer's own margins must not shrink it), in the page's own orientation: the
Phụ lục pages are landscape A4, the others portrait A4. The printer's layout is
changed before each new page. The pages are painted on a worker thread (QPainter
may paint on a QPrinter outside the GUI thread, and QtPdf serialises its pdfium
calls), so a long plan prints without freezing the window, and can be cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QMarginsF, QPointF, QRectF, QSize, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from kehoach_desktop.gui import background, screen_fit
from kehoach_desktop.gui.forms.ui_pdf_preview import Ui_PdfPreview
from kehoach_desktop.gui.settings import open_settings
from kehoach_desktop.gui.widgets import show_error

PRINT_DPI = 300  # enough for 13–14 pt text; an A4 page is then 35 MB of pixels, not 560 MB at 1200 dpi
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH, FIT_PAGE = "width", "page"
FOLDER_KEY = "reports/folder"


class PrintFailed(OSError):
    """The printer refused the job (message in Vietnamese)."""


class PrintCancelled(Exception):
    """Raised between two pages when the user pressed Hủy."""


# --- printing (no widgets: runs on a worker thread) ---------------------------------------------


def load_document(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """The PDF opened by QtPdf; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def is_landscape(size: QSizeF) -> bool:
    return size.width() > size.height()


def a4_layout(size: QSizeF) -> QPageLayout:
    """A4 without margins, turned the way the PDF page is."""
    orientation = QPageLayout.Orientation.Landscape if is_landscape(size) else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))


def pages_to_print(printer: QPrinter, page_count: int, current_page: int) -> list[int]:
    """0-based page numbers the print dialog asked for (all, a range, or the current page)."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        return [current_page]
    if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), printer.toPage() or page_count
        return list(range(first - 1, min(last, page_count)))
    return list(range(page_count))


def print_pages(pdf: bytes, printer: QPrinter, pages: list[int], progress: background.Progress | None = None) -> int:
    """Paint `pages` of the PDF on `printer`; returns the number of sheets sent.

    The caller has set up the printer (the print dialog); its page layout is set
    here, page by page. Cancelling (progress.cancelled) aborts the job."""
    document, buffer = load_document(pdf)
    if document.status() != QPdfDocument.Status.Ready or not pages:
        raise PrintFailed("Không đọc được bản PDF để in.")
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    sequence = pages * copies
    printer.setFullPage(True)
    printer.setPageLayout(a4_layout(document.pagePointSize(sequence[0])))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(f"Không mở được máy in «{printer.printerName() or printer.outputFileName()}».")
    try:
        for done, page in enumerate(sequence):
            if progress is not None and progress.cancelled:
                printer.abort()
                raise PrintCancelled
            if done:
                printer.setPageLayout(a4_layout(document.pagePointSize(page)))
                if not printer.newPage():
                    raise PrintFailed("Máy in không nhận thêm trang; việc in đã dừng.")
            paint_page(painter, printer, document, page)
            if progress is not None:
                progress.report((done + 1) * 100 // len(sequence), f"Đã in {done + 1}/{len(sequence)} trang…")
    finally:
        painter.end()
        document.close()
        buffer.close()
    return len(sequence)


def paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    """The page as an image over the whole sheet, its proportions kept."""
    target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    points = document.pagePointSize(page)
    dpi = min(printer.resolution(), PRINT_DPI)
    image = on_white(document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))))
    scale = min(target.width() / image.width(), target.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    painter.drawImage(QRectF(target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2,
                             width, height), image)  # fmt: skip


def on_white(image: QImage) -> QImage:
    """QtPdf renders on a transparent background; an opaque page prints faster
    (no soft mask, no alpha blending in the printer driver) and half the size."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


def save_failure(error: OSError) -> str:
    """Why a PDF could not be written, in words the user can act on."""
    if isinstance(error, IsADirectoryError):
        return "đã có một thư mục cùng tên"
    if isinstance(error, PermissionError):
        return "không có quyền ghi vào thư mục này, hoặc tệp đang mở trong chương trình khác (đóng tệp rồi lưu lại)"
    if isinstance(error, FileNotFoundError):
        return "không tìm thấy thư mục"
    return error.strerror or str(error)


# --- the preview window ----------------------------------------------------------------------------


class PdfPreview(QDialog):
    """A modeless window over the main window; it deletes itself when closed.

    `on_used()` is called after the report was saved or printed (the caller
    remembers its header then); `on_edit(preview)` reopens the report dialog."""

    def __init__(self, parent, pdf: bytes, *, title: str, file_name: str,
                 on_used: Callable[[], None] | None = None,
                 on_edit: Callable[[PdfPreview], None] | None = None):  # fmt: skip
        super().__init__(parent)
        self.ui = Ui_PdfPreview()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self, scroll=False)  # fits a small screen (gui/screen_fit.py)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.setWindowFlag(Qt.WindowType.WindowMinimizeButtonHint)
        self.setModal(False)
        self.on_used, self.on_edit = on_used, on_edit
        self._report = None  # the report shown (report_dialog.RenderedReport): what "Lưu Word…" writes
        self.print_job = None
        self._close_when_stopped = False
        self.pdf = b""
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self._setup_view()
        self._setup_actions()
        self.show_pdf(pdf, title=title, file_name=file_name)

    def _setup_view(self) -> None:
        ui = self.ui
        view = ui.pdfView
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setPageSpacing(12)
        view.setDocumentMargins(QMargins(12, 12, 12, 12))
        view.pageNavigator().currentPageChanged.connect(self._page_changed)
        ui.pageSpin.valueChanged.connect(self.go_to_page)
        for label, data in (("Vừa chiều rộng", FIT_WIDTH), ("Cả trang", FIT_PAGE)):
            ui.zoomCombo.addItem(label, data)
        for factor in ZOOM_STEPS:
            ui.zoomCombo.addItem(f"{round(factor * 100)} %", factor)
        ui.zoomCombo.currentIndexChanged.connect(lambda: self.set_zoom(ui.zoomCombo.currentData()))
        ui.zoomInButton.clicked.connect(lambda: self.step_zoom(+1))
        ui.zoomOutButton.clicked.connect(lambda: self.step_zoom(-1))
        self.set_zoom(FIT_WIDTH)

    def _setup_actions(self) -> None:
        ui = self.ui
        ui.saveButton.clicked.connect(self.save)
        ui.wordButton.clicked.connect(self.save_word)
        ui.wordButton.setVisible(False)  # until a report is attached (a bare PDF has no Word twin)
        ui.printButton.clicked.connect(self.print_document)
        ui.closeButton.clicked.connect(self.close)
        ui.editButton.setVisible(self.on_edit is not None)
        ui.editButton.clicked.connect(lambda: self.on_edit(self) if self.on_edit else None)
        key = QKeySequence.StandardKey
        for keys, slot in ((key.Save, self.save), (key.Print, self.print_document),
                           (key.ZoomIn, lambda: self.step_zoom(+1)), (key.ZoomOut, lambda: self.step_zoom(-1))):  # fmt: skip
            QShortcut(QKeySequence(keys), self, activated=slot)

    # --- the document -------------------------------------------------------------------------------

    def show_pdf(self, pdf: bytes, *, title: str, file_name: str) -> None:
        """Show (or replace) the PDF; the page and zoom are kept where possible."""
        page = self.current_page()
        self.pdf, self.title, self.file_name = pdf, title, file_name
        old_document, old_buffer = self.document, self._buffer
        self.document, self._buffer = load_document(pdf, self)
        self.ui.pdfView.setDocument(self.document)
        if old_document is not None:
            old_document.deleteLater()
            old_buffer.deleteLater()
        count = self.document.pageCount()
        self.setWindowTitle(f"Xem trước — {title}")
        self.ui.pageSpin.blockSignals(True)
        self.ui.pageSpin.setRange(1, max(1, count))
        self.ui.pageSpin.blockSignals(False)
        self.ui.pageCountLabel.setText(f"/ {count}")
        landscape = sum(is_landscape(self.document.pagePointSize(i)) for i in range(count))
        text = f"{count} trang khổ A4"
        if landscape:
            text += f", trong đó {landscape} trang xoay ngang (bảng Phụ lục)"
        self.ui.statusLabel.setText(text + ".")
        self.go_to_page(min(page + 1, count))

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def current_page(self) -> int:
        """0-based."""
        return self.ui.pdfView.pageNavigator().currentPage() if self.document is not None else 0

    def go_to_page(self, number: int) -> None:
        """1-based, as the spin box shows it."""
        navigator = self.ui.pdfView.pageNavigator()
        if self.document is None or not 1 <= number <= self.page_count():
            return
        navigator.jump(number - 1, QPointF(), navigator.currentZoom())
        self._page_changed(number - 1)

    def _page_changed(self, page: int) -> None:
        spin = self.ui.pageSpin
        spin.blockSignals(True)
        spin.setValue(page + 1)
        spin.blockSignals(False)

    def set_zoom(self, choice) -> None:
        view = self.ui.pdfView
        if choice == FIT_WIDTH:
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            view.setZoomMode(QPdfView.ZoomMode.Custom)
            view.setZoomFactor(float(choice))
        combo = self.ui.zoomCombo
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(choice)))
        combo.blockSignals(False)

    def step_zoom(self, direction: int) -> None:
        view = self.ui.pdfView
        current = view.zoomFactor() if view.zoomMode() == QPdfView.ZoomMode.Custom else 1.0
        steps = [f for f in ZOOM_STEPS if (f > current + 1e-6 if direction > 0 else f < current - 1e-6)]
        if steps:
            self.set_zoom(steps[0] if direction > 0 else steps[-1])

    @property
    def report(self):
        return self._report

    @report.setter
    def report(self, report) -> None:
        self._report = report
        self.ui.wordButton.setVisible(report is not None)

    # --- save and print -----------------------------------------------------------------------------

    def default_path(self) -> Path:
        settings = open_settings()
        folder = settings.value(FOLDER_KEY) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(folder or Path.home()) / self.file_name

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Lưu báo cáo thành tệp PDF", str(self.default_path()),
                                              "Tệp PDF (*.pdf)")  # fmt: skip
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        from kehoach_desktop.reports import save_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            save_pdf(self.pdf, path)
        except OSError as exc:
            show_error(self, f"Không ghi được tệp {path}: {save_failure(exc)}.")
            return False
        open_settings().setValue(FOLDER_KEY, str(path.parent))
        self.ui.statusLabel.setText(f"Đã lưu {path}.")
        self._used()
        return True

    def save_word(self) -> None:
        if self._report is None:
            return
        suggested = self.default_path().with_suffix(".docx")
        path, _ = QFileDialog.getSaveFileName(self, "Lưu báo cáo thành tệp Word", str(suggested),
                                              "Tệp Word (*.docx)")  # fmt: skip
        if path:
            self.save_word_to(Path(path))

    def save_word_to(self, path: Path) -> bool:
        """The report shown, as .docx (the same text as the PDF), written whole."""
        from kehoach_desktop.reports import render_docx, save_file

        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        try:
            save_file(render_docx(self._report.data), path)
        except OSError as exc:
            show_error(self, f"Không ghi được tệp {path}: {save_failure(exc)}.")
            return False
        open_settings().setValue(FOLDER_KEY, str(path.parent))
        self.ui.statusLabel.setText(f"Đã lưu {path} (Word).")
        self._used()
        return True

    def print_document(self) -> None:
        if self.print_job is not None or self.document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setPageLayout(a4_layout(self.document.pagePointSize(0)))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In báo cáo")
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(option.PrintPageRange | option.PrintCurrentPage | option.PrintToFile | option.PrintShowPageSize)
        dialog.setMinMax(1, self.page_count())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.start_print(printer)

    def start_print(self, printer: QPrinter) -> None:
        """Print on a worker; the window stays usable and Hủy stops between pages."""
        pages = pages_to_print(printer, self.page_count(), self.current_page())
        pdf, output = self.pdf, printer.outputFileName()

        def stopped(message: str, error: Exception | None) -> None:
            cancelled = job.progress.cancelled
            self.print_job = None
            self.ui.printButton.setEnabled(True)
            if cancelled and output:
                Path(output).unlink(missing_ok=True)  # half a printed file is no use to anyone
            if self._close_when_stopped:
                self.close()
            elif cancelled:
                self.ui.statusLabel.setText("Đã hủy lệnh in.")
            elif error is not None:
                show_error(self, f"Không in được: {message}")
            else:
                show_error(self, message, "Lỗi không mong đợi")

        self.ui.printButton.setEnabled(False)
        self.ui.statusLabel.setText("Đang in…")
        job = background.run(self, "Đang in…", lambda progress: print_pages(pdf, printer, pages, progress),
                             lambda sheets: self._printed(sheets, printer), stopped)  # fmt: skip
        self.print_job = job

    def _printed(self, sheets: int, printer: QPrinter) -> None:
        self.print_job = None
        self.ui.printButton.setEnabled(True)
        where = printer.outputFileName() or printer.printerName()
        self.ui.statusLabel.setText(f"Đã gửi {sheets} trang tới {where}.")
        self._used()
        if self._close_when_stopped:
            self.close()

    def _used(self) -> None:
        if self.on_used is not None:
            self.on_used()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.print_job is not None:  # stop printing first; the window closes once it has stopped
            self.print_job.progress.cancelled = True
            self._close_when_stopped = True
            self.ui.statusLabel.setText("Đang dừng lệnh in…")
            event.ignore()
            return
        super().closeEvent(event)
