"""Thống kê theo đơn vị (a Báo cáo, Mẫu 1.4): per unit, the tasks it leads and
coordinates, and how its led tasks stand (done on time, late, overdue, the rest),
as a table and as a stacked bar chart (reportlab.graphics)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from kehoach_desktop.reports import layout, parts
from kehoach_desktop.reports.document import (
    MM,
    Chart,
    Column,
    Document,
    Para,
    Style,
    Table,
    editable,
    opening_blocks,
    signature_of,
)
from kehoach_desktop.reports.headers import HeaderContext, base_header, noi_nhan, symbol
from kehoach_desktop.reports.model import ReportData, ReportHeader
from kehoach_desktop.reports.texts import short_date, with_end_mark

TYPE_NAME = "Báo cáo"
UNITS_PER_CHART = 18  # a chart never splits: long unit lists get one chart per page part
BAR_HEIGHT = 7 * layout.mm
LABEL_WIDTH = 58 * layout.mm
LABEL_SIZE = 10

# Colours that stay distinct when printed in grey: dark, light, black, white-ish.
SERIES = (
    ("Hoàn thành đúng hạn", colors.HexColor("#2e7d32")),
    ("Hoàn thành trễ hạn", colors.HexColor("#f9a825")),
    ("Quá hạn", colors.HexColor("#c62828")),
    ("Đang thực hiện, chưa triển khai", colors.HexColor("#90caf9")),
    ("Không thực hiện", colors.HexColor("#9e9e9e")),
)


def numbers(stats) -> list[int]:
    """(done on time, done late, overdue, the rest, cancelled) of the unit's led
    tasks: they add up to the number it leads."""
    from kehoach_desktop.domain.statuses import Category

    led = stats.led
    rest = led[Category.IN_PROGRESS] + led[Category.NOT_STARTED]
    return [led[Category.DONE_ON_TIME], led[Category.DONE_LATE], led[Category.OVERDUE], rest, led[Category.CANCELLED]]


def has_cancelled(content) -> bool:
    return any(numbers(stats)[4] for stats in content.units)


def table_columns(with_cancelled: bool) -> list[Column]:
    narrow = dict(min_width=15 * MM)
    return [
        Column("TT", 8, True, 9 * MM),
        Column("Đơn vị", 50, min_width=48 * MM),
        Column("Chủ trì", 13, True, **narrow),
        Column("Phối hợp", 13, True, **narrow),
        Column("Hoàn thành đúng hạn", 16, True, **narrow),
        Column("Hoàn thành trễ hạn", 16, True, **narrow),
        Column("Quá hạn", 14, True, **narrow),
        Column("Đang thực hiện, chưa triển khai", 18, True, **narrow),
    ] + ([Column("Không thực hiện", 15, True, **narrow)] if with_cancelled else [])


def table_rows(content) -> list:
    shown = 5 if has_cancelled(content) else 4
    return [
        [str(index), stats.name, str(stats.led_total), str(stats.coordinated), *map(str, numbers(stats)[:shown])]
        for index, stats in enumerate(content.units, 1)
    ]


def charts(family, content, width: float) -> list[Drawing]:
    units = [stats for stats in content.units if stats.led_total]
    return [
        bar_chart(family, units[start : start + UNITS_PER_CHART], width)
        for start in range(0, len(units), UNITS_PER_CHART)
    ]


def bar_chart(family, units: list, width: float) -> Drawing:
    """Stacked horizontal bars, one per unit (first unit on top), with a legend below."""
    series_count = len(SERIES) if any(numbers(stats)[4] for stats in units) else len(SERIES) - 1
    legend_rows = (series_count + 1) // 2
    legend_top = (5 * legend_rows) * layout.mm  # the legend, under the axis caption
    caption_y = legend_top + 3 * layout.mm
    chart_y = caption_y + 11 * layout.mm
    plot_height = BAR_HEIGHT * len(units)
    drawing = Drawing(width, chart_y + plot_height + 2 * layout.mm, initialFontName=family.regular)
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH
    chart.y = chart_y
    chart.width = width - LABEL_WIDTH - 4 * layout.mm
    chart.height = plot_height
    chart.data = [[numbers(stats)[series] for stats in reversed(units)] for series in range(series_count)]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_short(family, stats.name) for stats in reversed(units)]
    chart.categoryAxis.labels.fontName = family.regular
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    top = max((sum(numbers(stats)) for stats in units), default=1)
    step = _step(top)
    chart.valueAxis.valueMax = max(-(-top // step) * step, step)  # the longest bar inside the axis
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = family.regular
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#bdbdbd")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barWidth = BAR_HEIGHT * 0.6
    chart.groupSpacing = BAR_HEIGHT * 0.4
    for index, (_, colour) in enumerate(SERIES[:series_count]):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = colors.black
        chart.bars[index].strokeWidth = 0.3
    drawing.add(chart)
    legend = Legend()
    legend.x = 8 * layout.mm
    legend.y = legend_top
    legend.fontName = family.regular
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.dx = legend.dy = 8
    legend.deltax = 80 * layout.mm
    legend.colorNamePairs = [(colour, name) for name, colour in SERIES[:series_count]]
    legend.columnMaximum = legend_rows
    drawing.add(legend)
    caption = String(chart.x + chart.width / 2, caption_y, "Số nhiệm vụ đơn vị chủ trì", fontName=family.italic,
                     fontSize=LABEL_SIZE, textAnchor="middle")  # fmt: skip
    drawing.add(caption)
    return drawing


def _short(family, name: str) -> str:
    """A unit name cut to the label column (the table gives it whole)."""
    room = LABEL_WIDTH - 6 * layout.mm
    if layout.text_width(name, family.regular, LABEL_SIZE) <= room:
        return name
    while name and layout.text_width(name + "…", family.regular, LABEL_SIZE) > room:
        name = name[:-1]
    return name.rstrip(" ,") + "…"


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if top / step <= 10:
            return step
    return 1000


def summary(data: ReportData) -> str:
    content = data.content
    plans = parts.plans_citation(data.tree.plans)
    return (
        f"Tính đến ngày {short_date(data.cutoff)}, {plans} có tổng số {content.totals.total} nhiệm vụ, "
        f"giao cho {len(content.units)} đơn vị chủ trì hoặc phối hợp thực hiện. Tình hình thực hiện của "
        "từng đơn vị như sau (các cột kết quả tính trên những nhiệm vụ đơn vị chủ trì; một nhiệm vụ có "
        "nhiều đơn vị chủ trì được tính cho từng đơn vị):"
    )


def build(data: ReportData) -> Document:
    header, content, edits = data.header, data.content, data.header.edits
    document = Document("", header.issuer)
    document.add(*opening_blocks(header, type_name=TYPE_NAME))
    document.add(*parts.free_text(header.opening))
    document.add(editable("summary", "Câu tổng hợp", summary(data), edits))
    document.add(Para("1. Số liệu theo đơn vị", Style.SUBHEADING))
    if content.units:
        columns = table_columns(has_cancelled(content))
        document.add(Table(columns, table_rows(content), fit_to_text=False))
    else:
        document.add(Para("Chưa có nhiệm vụ nào được giao cho đơn vị trong danh mục."))
    charted = [stats for stats in content.units if stats.led_total]
    if charted:
        document.add(Para("2. Biểu đồ tình hình thực hiện nhiệm vụ chủ trì", Style.SUBHEADING))
        document.add(Chart(lambda family, width: charts(family, content, width)))
    remarks = parts.end_last_paragraph([line for line in header.remarks.split("\n") if line.strip()])
    if remarks:
        document.add(Para(f"{3 if charted else 2}. Nhận xét", Style.SUBHEADING))
        document.add(*[Para(text) for text in remarks])
    else:
        closing = with_end_mark("Trên đây là số liệu thống kê tình hình thực hiện nhiệm vụ theo đơn vị")
        document.add(editable("closing", "Câu kết", closing, edits))
    document.add(signature_of(header))
    return document


def header_defaults(context: HeaderContext) -> ReportHeader:
    header = base_header(context)
    header.symbol = symbol("BC", context.issuer_code)
    when = context.period.label if context.period else f"tính đến ngày {short_date(context.as_of)}"
    header.title = f"Thống kê tình hình thực hiện nhiệm vụ theo đơn vị {when}"
    header.recipients = noi_nhan(kinh_gui=[], signer_title=header.signer_title, internal=True)
    return header


def prepare(inputs):
    from kehoach_desktop.domain import summaries as statistics

    units = statistics.unit_statistics(inputs.tree, inputs.states, inputs.group_ids)
    return statistics.UnitStatsContent(inputs.states, units, statistics.count(inputs.states.values()))
