"""Every page of the app, walked as a keyboard and screen-reader user meets it: each control
that Tab can reach must say what it is (an accessible name, a label pointing at it, or its own
text). The walk fails on the first page with a nameless control."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests.stores import key_for, open_store
from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs, complete_draft, example, new_draft
from tests.ui.test_new_check_wizard import choose_role, double_click_pack
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.ui.amend_dialog import AmendDialog
from vastgoedcheck.ui.failure_dialogs import ErrorDialog, RecoveryDialog
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences


def settle(qtbot: QtBot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def walked(qtbot: QtBot, widget: QWidget, where: str, seen: dict[str, list[str]]) -> None:
    settle(qtbot)
    seen[where] = unnamed_controls(widget)


def test_the_walk_catches_a_control_without_a_name(qtbot: QtBot) -> None:
    page = QWidget()
    page.setObjectName("examplePage")
    QVBoxLayout(page).addWidget(QLineEdit())
    qtbot.addWidget(page)
    page.show()
    assert unnamed_controls(page) == ["QLineEdit in examplePage"]


def test_every_page_names_every_control(
    qtbot: QtBot, tmp_path: Path, registry: PackRegistry, preferences: Preferences, dialogs: Dialogs
) -> None:
    folder = tmp_path / "data"
    seen: dict[str, list[str]] = {}
    store = open_store(folder, registry, actor="M. Jansen")
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    window.show()
    walked(qtbot, window, "overview, first start", seen)

    # The wizard, page by page.
    window.new_check()
    wizard = window.wizard
    assert wizard is not None
    walked(qtbot, wizard, "wizard: role", seen)
    choose_role(qtbot, wizard, Role.NOTARY)
    walked(qtbot, wizard, "wizard: checklist", seen)
    double_click_pack(qtbot, wizard, "notary-transaction")
    form = wizard.details_page.form
    assert form is not None
    form.add_party()
    form.party_blocks[-1].set_kind(form.party_blocks[-1].kind().ORGANISATION)
    walked(qtbot, wizard, "wizard: parties and property", seen)
    wizard.button(QWizard.WizardButton.CancelButton).click()

    # The overview with checks, then a check: every section of the editor, the review.
    draft = new_draft(store)
    [(broker_id, _stored)] = store.import_checks([example("broker-buyer-cash-deposit")], "t")
    window.overview.refresh()
    walked(qtbot, window, "overview with checks", seen)
    window.open_check(draft.id)
    page = window.check_page
    assert page is not None
    editor = page.editor
    for row in range(editor.sections.count()):
        editor.sections.setCurrentRow(row)
        walked(qtbot, window, f"editor: {editor.sections.item(row).text()}", seen)
    page.show_review()
    walked(qtbot, window, "review of a draft", seen)
    page.make_report()
    assert page.report_dialog is not None
    walked(qtbot, page.report_dialog, "report dialog for a draft", seen)
    page.report_dialog.close()

    final = store.finalize(complete_draft(store).id)
    window.open_check(final.id)
    page = window.check_page
    assert page is not None
    walked(qtbot, window, "editor of a finalized check", seen)
    page.show_review()
    walked(qtbot, window, "review of a finalized check", seen)
    amend = AmendDialog(store, final)
    qtbot.addWidget(amend)
    amend.show()
    walked(qtbot, amend, "amend dialog", seen)

    store.set_decision(broker_id, Decision("report_fiu", "Cash deposit above the limit."))
    store.finalize(broker_id)
    window.open_check(broker_id)
    page = window.check_page
    assert page is not None
    page.make_report()
    dialog = page.report_dialog
    assert dialog is not None
    dialog.recipient_buttons[Recipient.FIU].click()
    walked(qtbot, dialog, "report dialog, FIU-Nederland chosen", seen)
    dialog.close()

    # Settings (both tabs) and the failure dialogs.
    window.open_settings()
    settings = window.settings_dialog
    assert settings is not None
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        walked(qtbot, settings, f"settings: {settings.tabs.tabText(index)}", seen)
    settings.reject()
    store.backup(folder / "backups" / "backup-2026-11-01.zip")
    recovery = RecoveryDialog(
        folder, "the store's meta.json is damaged", "M. Jansen", key_for(folder)
    )
    qtbot.addWidget(recovery)
    recovery.show()
    walked(qtbot, recovery, "recovery dialog", seen)
    error = ErrorDialog("Something failed", "Traceback …", folder / "logs" / "x.log")
    qtbot.addWidget(error)
    error.show()
    walked(qtbot, error, "error dialog", seen)

    assert len(seen) >= 15
    assert {where: found for where, found in seen.items() if found} == {}
    window.close()
