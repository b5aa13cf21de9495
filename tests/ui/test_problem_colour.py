"""The red text that says what is wrong with an answer stays readable in dark mode (Windows 11,
macOS), where the fixed dark red used to be hard to read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vastgoedcheck.ui.problem_label import MINIMUM_CONTRAST, ProblemLabel, contrast_ratio


def palette(window: str, text: str) -> QPalette:
    made = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        made.setColor(group, QPalette.ColorRole.Window, QColor(window))
        made.setColor(group, QPalette.ColorRole.WindowText, QColor(text))
        made.setColor(group, QPalette.ColorRole.Base, QColor(window))
    return made


DARK = palette("#202020", "#ffffff")  # Windows 11's dark mode
LIGHT = palette("#f3f3f3", "#000000")


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[QApplication]:
    before = qapp.palette()
    yield qapp
    qapp.setPalette(before)


def shown_contrast(label: ProblemLabel) -> float:
    colours = label.palette()
    return contrast_ratio(
        colours.color(QPalette.ColorRole.WindowText), colours.color(QPalette.ColorRole.Window)
    )


def test_the_old_fixed_red_was_unreadable_in_dark_mode() -> None:
    assert contrast_ratio(QColor("#b3261e"), QColor("#202020")) < MINIMUM_CONTRAST


@pytest.mark.parametrize("colours", [DARK, LIGHT], ids=["dark", "light"])
def test_the_problem_text_has_enough_contrast(
    qtbot: QtBot, app_palette: QApplication, colours: QPalette
) -> None:
    app_palette.setPalette(colours)
    label = ProblemLabel("answerProblem")
    qtbot.addWidget(label)
    app_palette.processEvents()
    assert shown_contrast(label) >= MINIMUM_CONTRAST
    red = label.palette().color(QPalette.ColorRole.WindowText)
    assert red.red() > red.green() and red.red() > red.blue()  # still red


def test_switching_to_dark_mode_while_the_app_runs_keeps_it_readable(
    qtbot: QtBot, app_palette: QApplication
) -> None:
    app_palette.setPalette(LIGHT)
    label = ProblemLabel("answerProblem")
    qtbot.addWidget(label)
    app_palette.setPalette(DARK)
    app_palette.processEvents()
    assert label.palette().color(QPalette.ColorRole.Window) == QColor("#202020")
    assert shown_contrast(label) >= MINIMUM_CONTRAST
