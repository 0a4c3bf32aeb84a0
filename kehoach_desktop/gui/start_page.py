"""«Bắt đầu»: what an empty database shows instead of a blank tree.

Three first steps, each with its button: nhập kế hoạch, khai báo cơ cấu tổ chức,
gửi phiếu cho đơn vị. The page replaces the tree and detail panel while there is
no plan, and goes away by itself once one is imported.

«Khai báo cơ cấu tổ chức» is one action, `window.organization_action`. The
organization step opens the set-up of the Sở's units while there is none, and
Danh mục đơn vị afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

TITLE = "Bắt đầu"
INTRO = ("Chưa có kế hoạch nào trong tệp dữ liệu này. Ba bước dưới đây đưa kế hoạch vào chương trình và "
         "chuẩn bị việc theo dõi; có thể làm lại bất cứ lúc nào từ các menu.")  # fmt: skip
STEPS = (
    ("import", "Nhập kế hoạch",
     "Chọn tệp Word (.docx), Excel (.xlsx) của kế hoạch hoặc dán bảng Phụ lục. Chương trình đọc các mục, "
     "nhiệm vụ, thời hạn và đơn vị chủ trì, phối hợp; xem trước rồi mới ghi.", "&Nhập kế hoạch…"),
    ("organization", "Khai báo cơ cấu tổ chức",
     "Kiểm tra danh sách các phòng, đơn vị của Sở: gộp các tên viết khác nhau của cùng một đơn vị, thêm "
     "đơn vị còn thiếu, để phiếu báo cáo và thống kê đúng từng đơn vị.", "&Khai báo cơ cấu tổ chức…"),
    ("forms", "Gửi phiếu cho đơn vị",
     "Khi đã có kế hoạch: tạo cho mỗi đơn vị một phiếu Excel gồm các nhiệm vụ của đơn vị trong kỳ báo cáo, "
     "gửi đi, rồi nhập lại các phiếu đơn vị gửi về.", "&Gửi phiếu cho đơn vị…"),
)  # fmt: skip
HELP_LINK = "<a href='help'>Xem hướng dẫn sử dụng (F1)</a>"


def open_organization(window) -> None:
    """«Khai báo cơ cấu tổ chức»: the set-up from a list while the Sở has none, else Danh mục đơn vị."""
    window.set_up_organization()


def organization_action(window) -> QAction:
    action = QAction("Khai báo &cơ cấu tổ chức…", window)
    action.setStatusTip("Các phòng, đơn vị của Sở: tên, tên gọi khác, gộp tên trùng")
    action.triggered.connect(lambda _checked=False: open_organization(window))
    return action


class StartPage(QScrollArea):
    """The page (scrolls on a small screen). `buttons` maps a step to its button."""

    def __init__(self, actions: dict[str, QAction], open_help, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.actions_by_step = actions
        content = QWidget()
        content.setObjectName("startPageContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QLabel(f"<h2>{TITLE}</h2>")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        steps = QGridLayout()
        steps.setColumnStretch(1, 1)
        steps.setVerticalSpacing(14)
        self.buttons: dict[str, QPushButton] = {}
        for row, (step, heading, text, button_text) in enumerate(STEPS):
            number = QLabel(f"<b style='font-size:16pt; color:#1f5fa8'>{row + 1}</b>")
            number.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            body = QLabel(f"<b>{heading}</b><br>{text}")
            body.setWordWrap(True)
            button = QPushButton(button_text)
            button.setObjectName(f"start_{step}")
            button.clicked.connect(lambda _checked=False, s=step: self.actions_by_step[s].trigger())
            self.buttons[step] = button
            steps.addWidget(number, row, 0)
            steps.addWidget(body, row, 1)
            steps.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(steps)
        help_label = QLabel(HELP_LINK)
        help_label.linkActivated.connect(lambda _link: open_help("bat-dau"))
        layout.addWidget(help_label)
        layout.addStretch(1)
        self.setWidget(content)

    def refresh(self, has_plans: bool) -> None:
        for step, button in self.buttons.items():
            needs_plan = step == "forms"  # forms are made from a plan's tasks
            button.setEnabled(self.actions_by_step[step].isEnabled() and (has_plans or not needs_plan))


class StartPageSwitch:
    """Shows the page instead of the tree while the database has no plan. The page is
    built the first time it is needed (most starts have plans: no cost for them)."""

    def __init__(self, window, make_page):
        self.window = window
        self.make_page = make_page
        self.page: StartPage | None = None
        window.model.modelReset.connect(self.update)  # the window's first load decides (plans or none)

    def update(self) -> None:
        ui = self.window.ui
        empty = ui.planCombo.count() == 0
        if empty and self.page is None:
            self.page = self.make_page()
            ui.centralLayout.addWidget(self.page, 1)
        ui.mainSplitter.setVisible(not empty)
        if self.page is not None:
            self.page.setVisible(empty)
            self.page.refresh(has_plans=not empty)

    def is_shown(self) -> bool:
        return self.page is not None and self.page.isVisible()
