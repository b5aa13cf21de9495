"""Qt loads offscreen. This test fails (never skips) when the Qt libraries are missing."""

from __future__ import annotations


def test_qt_widgets_load_and_a_window_can_be_made(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    label = QLabel("vastgoedcheck")
    qtbot.addWidget(label)
    label.show()
    assert label.isVisible()
    assert label.text() == "vastgoedcheck"
