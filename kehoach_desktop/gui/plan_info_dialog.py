"""The plan's header fields, as every report prints them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from kehoach_desktop.domain.models import Plan
from kehoach_desktop.gui import screen_fit, unsaved
from kehoach_desktop.gui.forms.ui_plan_info_dialog import Ui_PlanInfoDialog
from kehoach_desktop.gui.widgets import from_qdate, setup_date_edit


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class PlanInfoDialog(QDialog):
    def __init__(self, parent, plan: Plan):
        super().__init__(parent)
        self.ui = Ui_PlanInfoDialog()
        self.ui.setupUi(self)
        self.plan = plan
        ui = self.ui
        ui.governingEdit.setText(plan.governing_body)
        ui.issuerEdit.setText(plan.issuer)
        ui.abbrEdit.setText(plan.issuer_abbr)
        ui.numberEdit.setText(plan.doc_number)
        ui.placeEdit.setText(plan.place)
        ui.dateCheck.setChecked(plan.issued_on is not None)
        setup_date_edit(ui.dateEdit, plan.issued_on)
        ui.dateEdit.setEnabled(plan.issued_on is not None)
        ui.dateCheck.toggled.connect(ui.dateEdit.setEnabled)
        ui.yearSpin.setValue(plan.year)
        ui.titleEdit.setPlainText(plan.title)
        ui.signerTitleEdit.setPlainText(plan.signer_title)
        ui.signerNameEdit.setText(plan.signer_name)
        ui.recipientsEdit.setPlainText("\n".join(plan.recipients))
        ui.basesEdit.setPlainText("\n".join(plan.legal_bases))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("&Lưu")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        unsaved.guard(self, self.changes, self.accept)
        screen_fit.fit_dialog(self)

    def changes(self) -> dict:
        """Only the fields the user changed."""
        ui = self.ui
        values = {
            "governing_body": ui.governingEdit.text().strip(),
            "issuer": ui.issuerEdit.text().strip(),
            "issuer_abbr": ui.abbrEdit.text().strip(),
            "doc_number": ui.numberEdit.text().strip(),
            "place": ui.placeEdit.text().strip(),
            "issued_on": from_qdate(ui.dateEdit.date()) if ui.dateCheck.isChecked() else None,
            "year": ui.yearSpin.value(),
            "title": ui.titleEdit.toPlainText().strip(),
            "signer_title": ui.signerTitleEdit.toPlainText().strip(),
            "signer_name": ui.signerNameEdit.text().strip(),
            "recipients": _lines(ui.recipientsEdit.toPlainText()),
            "legal_bases": _lines(ui.basesEdit.toPlainText()),
        }
        return {name: value for name, value in values.items() if value != getattr(self.plan, name)}
