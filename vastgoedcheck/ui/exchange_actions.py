"""Checks in and out of the app as exchange files (.json): importing chosen files, each all
or nothing, and exporting one check, as ``vastgoedcheck import`` and ``export`` do."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.decisions import fiu_decision
from vastgoedcheck.domain.scope import wwft_applies
from vastgoedcheck.exchange.files import NotACheck, documents_in
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.jsonfiles import UnreadableFile
from vastgoedcheck.storage.errors import ImportPartlyStored, StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.backup_actions import documents_folder
from vastgoedcheck.ui.cloud_warning import saving_there_is_fine
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.plain_file_note import plain_report_text


def exchange_filter() -> str:
    return _("Exchange files (*.json)")


def inside_data_folder(store: Store, target: Path) -> bool:
    """Whether ``target`` lies in the data folder, where a file of the user's own does not
    belong (it would be in every backup, and ``checks/<id>.json`` would replace a check)."""
    data = Path(os.path.realpath(store.layout.root))
    path = Path(os.path.realpath(target))
    return path == data or data in path.parents


def refuse_inside_data_folder(parent: QWidget, store: Store, target: Path) -> bool:
    """Say so and return True when ``target`` is in the data folder."""
    if not inside_data_folder(store, target):
        return False
    show_problem(
        parent,
        _(
            "{file} is inside the data folder {folder}; write it somewhere else (the data "
            "folder holds only what the app itself keeps there)"
        ).format(file=target, folder=store.layout.root),
    )
    return True


def import_file(parent: QWidget, store: Store, path: Path) -> list[str]:
    """Import the checks in one exchange file, all or none, and say what happened; returns
    the ids of the checks now in the data folder from it."""
    try:
        with busy_cursor():
            results = store.import_checks(documents_in(path), path.name)
    except UnreadableFile as error:
        problem = error.problem.describe("").lstrip(": ")
    except NotACheck as error:
        problem = _("it is not a check but {what}").format(what=error)
    except ImportPartlyStored as error:  # not "nothing was stored": say exactly what is
        show_problem(parent, f"{path.name}: {error}", _("Import checks"))
        return []
    except StoreError as error:
        problem = str(error)
    else:
        QMessageBox.information(
            parent,
            _("Import checks"),
            sentence(
                ngettext(
                    "{count} check from {file} is in this data folder",
                    "{count} checks from {file} are in this data folder",
                    len(results),
                ).format(count=len(results), file=path.name)
            )
            + "".join(f"\n\n{sentence(notice)}" for notice in store.import_notices),
        )
        return [check_id for check_id, _stored in results]
    show_problem(
        parent,
        _("{file} was not imported: {problem}; nothing from this file was stored").format(
            file=path, problem=problem
        ),
        _("Import checks"),
    )
    return []


def choose_and_import(parent: QWidget, store: Store) -> list[str]:
    """Ask for exchange files and import each; the ids of the checks imported."""
    names, _chosen_filter = QFileDialog.getOpenFileNames(
        parent, _("Import checks"), str(documents_folder()), exchange_filter()
    )
    imported: list[str] = []
    for name in names:
        if name:
            imported.extend(import_file(parent, store, Path(name)))
    return imported


def _holds_fiu_decision(store: Store, check: Check) -> bool:
    """Whether a finalized check records a decision to report to FIU-Nederland: it cannot be
    exported without it (its fingerprint covers it), and it may not reach the client."""
    if check.status is not Status.FINAL or check.decision is None:
        return False
    wwft = wwft_applies(store.pack_of(check), check.role, check.property)
    return fiu_decision(check.decision.outcome, wwft)


def _confirm_internal(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Export this check"),
        _(
            "This check records a decision to report to FIU-Nederland. Nobody may tell the "
            "client or third parties about it (duty of confidentiality, art. 23 Wwft), so it "
            "can only be exported as an internal file for your own records, with its report "
            "records. Export it as an internal file?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def export_check(parent: QWidget, store: Store, check_id: str) -> Path | None:
    """Ask where, and write the check's newest revision there as an exchange file (logged as
    handed out, as the command's export is); the file written, or None."""
    try:
        check = store.get(check_id)
        internal = _holds_fiu_decision(store, check)
        if internal and not _confirm_internal(parent):
            return None
        document = store.export_document(check.id, check.revision, internal=internal)
    except StoreError as error:
        show_problem(parent, str(error), _("Export this check"))
        return None
    suggested = documents_folder() / f"vastgoedcheck-{check.id[:8]}-r{check.revision}.json"
    name, _chosen_filter = QFileDialog.getSaveFileName(
        parent,
        _("Export this check (the file is not encrypted)"),
        str(suggested),
        exchange_filter(),
    )
    if not name:
        return None
    target = Path(name)
    if not target.suffix:
        target = target.with_suffix(".json")
    if refuse_inside_data_folder(parent, store, target):
        return None
    if not saving_there_is_fine(parent, target):
        return None
    payload = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        store.issue_file(
            check,
            target,
            payload,
            kind="export",
            recipient="exchange_internal" if internal else "exchange",
            language=check.language,
        )
    except StoreError as error:
        show_problem(parent, str(error), _("Export this check"))
        return None
    QMessageBox.information(
        parent,
        _("Export this check"),
        sentence(
            _("Check {id} (revision {revision}) written to {file}").format(
                id=check.id, revision=check.revision, file=target
            )
        )
        + "\n\n"
        + plain_report_text(),
    )
    return target
