"""`--screenshot OUT.png [--size WxH] [--part PHẦN]`: a picture of the filled window, then exit.

`--size` is the picture's size in pixels, as on a screen of that size: under
QT_SCALE_FACTOR=1.5 a 1366x768 picture shows the window laid out in 911×512
logical pixels, the way a 1366×768 laptop at 150% shows it. When the window
cannot shrink that far, nothing is saved and the command says so (exit 1).

`--part` takes a part of the program instead of the whole window (the guide's
pictures, tools/make_help_pictures.py): one of PARTS.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from kehoach_desktop.gui import screen_fit

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
PARTS = {
    "cua-so": "cửa sổ chính",
    "tinh-hinh-bao-cao": "cửa sổ chính với bảng Tình hình báo cáo (F8)",
    "nhiem-vu": "hộp Sửa nhiệm vụ",
    "tien-do": "hộp Cập nhật tiến độ",
    "bao-cao": "hộp Báo cáo kết quả thực hiện",
    "phieu": "hộp Gửi phiếu báo cáo cho các đơn vị",
    "nhap": "hộp Nhập kế hoạch",
}


def take(app: QApplication, window, target: Path, size: tuple[int, int], part: str = "cua-so") -> int:
    """Lay the window out at `size` (pixels), picture `part` of it, save, exit."""
    if part not in PARTS:
        print(f"Lỗi: không có phần «{part}» để chụp; chọn một trong: {', '.join(PARTS)}.", file=sys.stderr)
        return EXIT_USAGE
    window.show()
    window.show_summary()
    ratio = window.devicePixelRatioF() or 1.0
    logical = QSize(round(size[0] / ratio), round(size[1] / ratio))
    window.resize(logical)
    screen_fit.simulate(QRect(0, 0, logical.width(), logical.height()))
    result = {"code": EXIT_OK}

    def grab() -> None:
        try:
            result["code"] = _grab(window, target, size, logical, part)
        except Exception as exc:  # no one is there to answer a message box: say it and fail
            print(f"Lỗi: không chụp được ảnh ({type(exc).__name__}: {exc}).", file=sys.stderr)
            result["code"] = EXIT_ERROR
        finally:
            screen_fit.simulate(None)
            window.close()
            app.quit()

    QTimer.singleShot(300, grab)
    app.exec()
    return result["code"]


def _grab(window, target: Path, size: tuple[int, int], logical: QSize, part: str) -> int:
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > logical.width() or minimum.height() > logical.height():
        print(f"Lỗi: cửa sổ cần ít nhất {minimum.width()}×{minimum.height()} điểm, không thu được vào "
              f"{logical.width()}×{logical.height()}; ảnh không được ghi.", file=sys.stderr)  # fmt: skip
        return EXIT_ERROR
    window.ui.taskTree.scrollToTop()
    shown = window
    if part == "tinh-hinh-bao-cao":
        window.forms_actions.panel.show()
    elif part != "cua-so":
        shown = _open_part(window, part)
        shown.show()
    settle()
    whole = size if shown is window else None
    image = picture(shown, whole)
    if shown is not window:
        shown.close()
    if not image.save(str(target)):
        print(f"Lỗi: không ghi được ảnh {target}.", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def settle(rounds: int = 5) -> None:
    """Let the layouts finish: a wrapped label or row asks for a second pass."""
    for _ in range(rounds):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QCoreApplication.processEvents()


def picture(widget: QWidget, size: tuple[int, int] | None = None) -> QImage:
    """The widget drawn at the screen's pixel ratio, `size` pixels (default: its own size)."""
    ratio = widget.devicePixelRatioF() or 1.0
    width, height = size or (round(widget.width() * ratio), round(widget.height() * ratio))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    widget.render(image)
    return image


def _first_task(window):
    if window.current_task() is None and window.model.task_nodes():
        window.select_task(window.model.task_nodes()[0].task.id)
    task = window.current_task()
    if task is None:
        raise ValueError("chưa có nhiệm vụ nào để chụp hộp thoại")
    return task


def _open_part(window, part: str) -> QWidget:
    if part == "nhap":
        from kehoach_desktop.gui.import_dialog import ImportDialog

        return ImportDialog(window, window.db_path, None)
    task = _first_task(window)
    services, tree = window.services, window.model.tree
    if part == "nhiem-vu":
        from kehoach_desktop.gui.task_dialog import TaskDialog

        return TaskDialog(window, services, tree, tree.plan_by_id[task.plan_id], task=services.tasks.get(task.id))
    if part == "tien-do":
        from kehoach_desktop.gui.progress_dialog import ProgressDialog

        return ProgressDialog(window, services, services.tasks.get(task.id), today=window.as_of)
    if part == "bao-cao":
        from kehoach_desktop.gui.report_dialog import Focus, ReportDialog
        from kehoach_desktop.reports.model import ReportKind

        focus = Focus([task.plan_id], window.as_of, task.plan_id)
        return ReportDialog(window, services, ReportKind.RESULTS, focus)
    from kehoach_desktop.gui.forms_dialogs import FormsExportDialog

    actions = window.forms_actions
    return FormsExportDialog(window, services, window.db_path, task.plan_id, actions.remembered_period(),
                             Path.home())  # fmt: skip
