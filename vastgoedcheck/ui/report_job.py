"""Building one report's PDF in a worker thread, away from the user interface."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from vastgoedcheck.domain.check import Check, Examiner
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.domain.report_record import ReportRecord
from vastgoedcheck.i18n import _
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.ui.error_log import LOGGER_NAME


class JobSignals(QObject):
    built = Signal(object)  # the PDF as bytes
    failed = Signal(str)  # one sentence: why no report could be made


class ReportJob(QRunnable):
    """Builds one PDF away from the user interface; of the store it reads only attachments'
    content (``Store.attachment_content``: a file read and opened, nothing shared changed)."""

    def __init__(
        self,
        check: Check,
        pack: Pack,
        recipient: Recipient,
        language: str,
        attachment_content: Callable[[str], bytes],
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
        self.attachment_content = attachment_content
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
                self.attachment_content,
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
