"""Charts as SVG strings, drawn on the server from plain data: no JavaScript, readable by screen readers
(each has a <title> and a <desc> with the numbers), labelled in text, and legible printed in grey."""

from upward.documents.charts.bars import Row, horizontal_bars
from upward.documents.charts.figures import Figure, trend_figure, visibility_figure, work_mix_figure
from upward.documents.charts.line import line_chart
from upward.documents.charts.stacked import Series, stacked_bars

__all__ = [
    "Figure",
    "Row",
    "Series",
    "horizontal_bars",
    "line_chart",
    "stacked_bars",
    "trend_figure",
    "visibility_figure",
    "work_mix_figure",
]
