"""Building one report's PDF in a worker thread, away from the user interface."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from vastgoedcheck.domain.check import Check, Examiner
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.domain.report_record import ReportRecord
from vastgoedcheck.i18n import _
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.error_log import LOGGER_NAME


class JobSignals(QObject):
    built = Signal(object)  # the PDF as bytes
    failed = Signal(str)  # one sentence: why no report could be made


class ReportJob(QRunnable):
    """Builds one PDF away from the user interface; it reads no store (only the files of the
    attachments, by the paths the main thread looked up)."""

    def __init__(
        self,
        check: Check,
        pack: Pack,
        recipient: Recipient,
        language: str,
        attachment_paths: dict[str, Path],
        issued_at: dt.datetime,
        reporter: Examiner,
        statement: str,
        records: tuple[ReportRecord, ...] | None = None,  # given: the internal dossier
    ) -> None:
        super().__init__()
        self.signals = JobSignals()
        self.check = check
        self.pack = pack
        self.recipient = recipient
        self.language = language
        self.attachment_paths = attachment_paths
        self.issued_at = issued_at
        self.reporter = reporter
        self.statement = statement
        self.records = records

    def run(self) -> None:
        from vastgoedcheck.reports.report import ReportRefused, build_report  # loads reportlab

        try:
            pdf = build_report(
                self.check,
                self.pack,
                self.recipient,
                self.language,
                self.attachment_paths.__getitem__,
                self.issued_at,
                reporter=self.reporter,
                statement=self.statement,
                internal=self.records is not None,
                records=self.records or (),
            )
        except ReportRefused as refusal:
            self.signals.failed.emit(str(refusal))
        except Exception as error:  # a report that cannot be made must never end the app
            logging.getLogger(LOGGER_NAME).exception("report of check %s failed", self.check.id)
            self.signals.failed.emit(
                _("The report could not be made ({reason})").format(reason=error)
            )
        else:
            self.signals.built.emit(pdf)


@dataclass(frozen=True)
class Making:
    """What the report being built will be logged as when its bytes arrive."""

    check: Check
    recipient: Recipient
    language: str
    target: Path
    internal: bool = False


def attachment_paths(store: Store, check: Check) -> dict[str, Path]:
    return {
        attachment.sha256: store.attachment_path(attachment.sha256)
        for answer in check.answers.values()
        for attachment in answer.attachments
    }
