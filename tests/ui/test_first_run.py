"""The first start: the examiner is asked once for a name and organisation, which then go into
the settings and the audit trail; the window is on screen before the checks are listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton

from tests.stores import open_store
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences


def window_of(qtbot, tmp_path: Path, registry: PackRegistry, fill: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "data", registry, actor="login")
    window = MainWindow(store, Preferences.load(), fill_overview=fill)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_start_asks_the_examiner_once(
    qtbot, tmp_path: Path, registry: PackRegistry
) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, tmp_path, registry)
    window.welcome_first_run()
    dialog = window.examiner_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(QLineEdit, "examinerName").setText("  Fatma Yıldız ")
    dialog.findChild(QLineEdit, "organisation").setText("Makelaardij De Toren")
    dialog.findChild(QLineEdit, "examinerPhone").setText("020 555 01 23 ")
    dialog.findChild(QLineEdit, "examinerEmail").setText("f.yildiz@example.nl")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    saved = Preferences.load()
    assert (saved.examiner_name, saved.organisation) == ("Fatma Yıldız", "Makelaardij De Toren")
    assert (saved.examiner_phone, saved.examiner_email) == ("020 555 01 23", "f.yildiz@example.nl")
    assert window.store.actor == "Fatma Yıldız"
    window.close()

    again = window_of(qtbot, tmp_path, registry)
    again.welcome_first_run()
    assert again.examiner_dialog is None
    again.close()


def test_later_is_not_asked_again(qtbot, tmp_path: Path, registry: PackRegistry) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, tmp_path, registry)
    window.welcome_first_run()
    assert window.examiner_dialog is not None
    window.examiner_dialog.findChild(QPushButton, "later").click()
    window.close()
    assert Preferences.load().examiner_name == ""
    # Without a name the trail says so; never the computer's login name.
    assert window.store.actor == "examiner not named"
    again = window_of(qtbot, tmp_path, registry)
    again.welcome_first_run()
    assert again.examiner_dialog is None
    again.close()


def test_the_window_says_the_checks_are_coming_before_they_are_listed(
    qtbot, tmp_path: Path, registry: PackRegistry
) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, tmp_path, registry, fill=False)
    count = window.overview.findChild(QLabel, "checkCount")
    assert count.text() == "Listing the checks…"
    assert window.overview.stack.currentWidget() is window.overview.list_panel
    window.overview.refresh()
    assert window.overview.stack.currentWidget() is window.overview.welcome  # empty: what next
    window.close()
