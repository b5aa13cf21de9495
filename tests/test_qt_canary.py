"""Qt loads offscreen. This test fails (never skips) when the Qt libraries are missing."""

from __future__ import annotations

import subprocess
import sys


def test_qt_widgets_load_and_a_window_can_be_made(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    label = QLabel("vastgoedcheck")
    qtbot.addWidget(label)
    label.show()
    assert label.isVisible()
    assert label.text() == "vastgoedcheck"


def test_the_qt_binding_keeps_python_alive_through_a_long_session() -> None:
    """A long session calls Qt and emits signals hundreds of thousands of times. PySide6 6.12.0
    on Python 3.11 dropped a reference to None or True on each such call and aborted the app
    ("Fatal Python error: bool_dealloc") after about a thousand; pyproject.toml keeps it out.
    Run in a child process so that a crash fails this test instead of the whole run."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "class Source(QObject):\n"
        "    changed = Signal()\n"
        "source = Source()\n"
        "before = sys.getrefcount(None), sys.getrefcount(True)\n"
        "for _ in range(20_000):\n"
        "    label.setText('x')\n"
        "    source.changed.emit()\n"
        "after = sys.getrefcount(None), sys.getrefcount(True)\n"
        "print(after[0] - before[0], after[1] - before[1])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    drift_none, drift_true = (int(part) for part in result.stdout.split())
    assert abs(drift_none) < 100 and abs(drift_true) < 100
