"""The register of issued documents (Sổ văn bản đã phát hành): an issued report is
kept as printed, found again, reprinted byte for byte, never overwritten, and it
survives a backup and a restore."""

from __future__ import annotations

import json
from datetime import date

import pdfplumber
import pytest
from reports_support import REPORT_DAY, fill_sample

from kehoach_desktop.cli.main import main
from kehoach_desktop.domain.register import IssuedDocument
from kehoach_desktop.reports import ReportKind, ReportRequest
from kehoach_desktop.services import ServiceError, Services


def issued_report(services: Services, plan_id: int, number: str, title: str = "") -> IssuedDocument:
    header = services.reports.default_header(ReportKind.ATTENTION, [plan_id], as_of=REPORT_DAY)
    header.number, header.issued_on, header.symbol = number, REPORT_DAY, "BC-SNNMT"
    if title:
        header.title = title
    request = ReportRequest(ReportKind.ATTENTION, [plan_id], as_of=REPORT_DAY, header=header)
    pdf = services.reports.make_pdf(request, prefer_system_font=False)
    return IssuedDocument(
        id=None, kind=ReportKind.ATTENTION.value, kind_label=ReportKind.ATTENTION.label, number=number,
        symbol=header.symbol, issued_on=REPORT_DAY, title=header.title, period="",
        plan_ids=(plan_id,), figures={"overdue": 3}, pdf=pdf,
    )  # fmt: skip


@pytest.fixture
def filled(services):
    return services, fill_sample(services)


def test_an_issued_report_is_kept_and_reprinted_byte_for_byte(filled, tmp_path):
    services, plan_id = filled
    document = issued_report(services, plan_id, "15")
    entry_id = services.register.keep(document)
    again = services.register.get(entry_id)
    assert again.pdf == document.pdf
    assert again.reference == f"15/{document.symbol}"
    assert again.figures == {"overdue": 3}
    out = tmp_path / "lai.pdf"
    assert main(["issued", "save", str(entry_id), "-o", str(out), "--db", str(services.store.path)]) == 0
    assert out.read_bytes() == document.pdf
    with pdfplumber.open(out) as pdf:
        assert "Số: 15/" in pdf.pages[0].extract_text()


def test_issuing_again_makes_a_new_entry_and_keeps_the_old(filled):
    services, plan_id = filled
    first = services.register.keep(issued_report(services, plan_id, "15"))
    second = services.register.keep(issued_report(services, plan_id, "16"))
    assert first != second
    assert [entry.number for entry in services.register.entries()] == ["16", "15"]
    assert services.register.get(first).number == "15"


def test_the_register_is_searched_without_diacritics(filled):
    services, plan_id = filled
    services.register.keep(issued_report(services, plan_id, "7", "Danh sách nhiệm vụ quá hạn quý III"))
    services.register.keep(issued_report(services, plan_id, "8", "Tình hình thực hiện tháng 10"))
    assert [e.number for e in services.register.entries("qua han quy iii")] == ["7"]
    assert [e.reference.split("/")[0] for e in services.register.entries("07/")] == ["07"]
    assert services.register.entries("khong co") == []


def test_only_a_numbered_dated_pdf_enters_the_register(filled):
    services, plan_id = filled
    document = issued_report(services, plan_id, "15")
    with pytest.raises(ServiceError, match="số và ngày"):
        services.register.keep(IssuedDocument(**{**document.__dict__, "number": ""}))
    with pytest.raises(ServiceError, match="PDF"):
        services.register.keep(IssuedDocument(**{**document.__dict__, "pdf": b"not a pdf"}))
    assert services.register.entries() == []


def test_the_register_survives_backup_and_restore(filled, tmp_path, capsys):
    services, plan_id = filled
    document = issued_report(services, plan_id, "15")
    entry_id = services.register.keep(document)
    db = services.store.path
    copy = tmp_path / "ban-sao.db"
    services.backups.make_copy(copy)
    services.register.keep(issued_report(services, plan_id, "16"))
    services.close()
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["issued", "list", "--json", "--db", str(db)]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(row["id"], row["reference"]) for row in listed] == [(entry_id, f"15/{document.symbol}")]
    with Services.open(db) as reopened:
        assert reopened.register.get(entry_id).pdf == document.pdf


def test_the_command_line_refuses_a_missing_entry_with_a_message(filled, capsys):
    services, _plan_id = filled
    assert main(["issued", "save", "99", "-o", "x.pdf", "--db", str(services.store.path)]) == 2
    assert "Không tìm thấy văn bản số 99" in capsys.readouterr().err
    assert date.today()  # the register never needs the network or the clock beyond today


def test_the_register_window_searches_and_reopens_the_issued_copy(filled, qtbot):
    from kehoach_desktop.gui.pdf_preview import PdfPreview
    from kehoach_desktop.gui.register_window import RegisterWindow

    services, plan_id = filled
    first = issued_report(services, plan_id, "7", "Danh sách nhiệm vụ quá hạn quý III")
    services.register.keep(first)
    services.register.keep(issued_report(services, plan_id, "8", "Tình hình tháng 10"))
    window = RegisterWindow(None, services)
    qtbot.addWidget(window)
    assert window.table.rowCount() == 2
    qtbot.keyClicks(window.search, "quy iii")
    assert window.table.rowCount() == 1 and window.table.item(0, 0).text() == "07/BC-SNNMT"
    window.open_current()
    previews = window.findChildren(PdfPreview)
    assert len(previews) == 1 and previews[0].pdf == first.pdf
    previews[0].close()
    window.search.setText("không có gì")
    assert window.table.rowCount() == 0 and "Không có văn bản nào khớp" in window.empty_label.text()
