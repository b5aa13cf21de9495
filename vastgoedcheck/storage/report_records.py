"""Recording reports beside a check's revisions: add, correct (audited, with a reason), read."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.decisions import duty_to_report, fiu_decision
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.domain.report_record import RecordKind, ReportChannel, ReportRecord
from vastgoedcheck.domain.scope import wwft_applies
from vastgoedcheck.exchange.reading import text_problems
from vastgoedcheck.i18n import _
from vastgoedcheck.storage.audit import AuditEvent
from vastgoedcheck.storage.checks import CheckFiles, OpenCheck
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.meta import now
from vastgoedcheck.storage.record_codec import TEXTS, record_from_json, record_json

MAX_RECORD_TEXT = 20_000


def _refusal(record: ReportRecord) -> str | None:
    """Why ``record`` cannot be stored, in one sentence; None when it can."""
    if record.kind is RecordKind.REPORTED and record.channel is None:
        return _("say where the report was made (the channel)")
    if record.kind is RecordKind.NOT_REPORTING and not record.reasoning.strip():
        return _("a decision not to report needs its reasoning")
    if record.kind is RecordKind.NOT_REPORTING and record.channel is not None:
        return _("a decision not to report has no channel")
    if record.on > dt.date.today() + dt.timedelta(days=1):
        return _("the date of a report cannot lie in the future")
    for name in TEXTS:
        text = getattr(record, name)
        if len(text) > MAX_RECORD_TEXT:
            return _("the text is too long (at most {count} characters)").format(
                count=MAX_RECORD_TEXT
            )
        problems = text_problems(text)
        if problems:
            return problems[0]
    return None


def _unlawful(opened: OpenCheck, record: ReportRecord) -> str | None:
    """Why this role cannot have made this record: FIU-Nederland takes reports only from Wwft
    institutions (art. 16 Wwft); under an objective indicator not reporting is no choice."""
    assessment = assess_check(opened.pack, opened.check)
    if record.channel is ReportChannel.FIU and not assessment.wwft:
        return _(
            "FIU-Nederland only takes reports from Wwft institutions; for this check, record a "
            "report to the police, Meld Misdaad Anoniem or the municipality"
        )
    if record.kind is RecordKind.NOT_REPORTING and duty_to_report(assessment):
        return _(
            "a report to FIU-Nederland is a duty for this check (art. 16 Wwft), so a decision "
            "not to report cannot be recorded; if an answer is wrong, amend the check first"
        )
    return None


class ReportRecording:
    """The report-record half of ``Store`` (a mixin). Records are kept beside the revisions in
    the check's file, so a finalized, fingerprinted revision never changes for them."""

    actor: str
    checks: CheckFiles

    def report_records(self, check_id: str) -> list[ReportRecord]:
        """Every record of a check, corrected ones included, oldest first."""
        opened = self.checks.load(check_id)
        try:
            return [record_from_json(data) for data in opened.file.report_records()]
        except (KeyError, TypeError, ValueError):
            raise StoreError(
                _("the report records of the check {id} cannot be read").format(id=check_id)
            ) from None

    def record_report(self, check_id: str, record: ReportRecord) -> ReportRecord:
        """Add ``record`` (its id, time and actor are set here), audited."""
        return self._add_record(check_id, record, "report_recorded")

    def correct_report_record(
        self, check_id: str, record_id: str, corrected: ReportRecord, reason: str
    ) -> ReportRecord:
        """Replace a standing record by ``corrected``, with the reason; the old one is kept."""
        existing = self.report_records(check_id)
        target = next((r for r in existing if r.id == record_id), None)
        if target is None:
            raise StoreError(
                _("the check {id} has no report record {record}").format(
                    id=check_id, record=record_id
                )
            )
        if any(r.corrects == record_id for r in existing):
            raise StoreError(
                _("the report record {record} was already corrected; correct the newer one").format(
                    record=record_id
                )
            )
        if not reason.strip():
            raise StoreError(_("say why the report record is corrected"))
        corrected = replace(corrected, corrects=record_id, correction_reason=reason.strip())
        return self._add_record(check_id, corrected, "report_record_corrected")

    def _add_record(self, check_id: str, record: ReportRecord, action: str) -> ReportRecord:
        opened = self.checks.load(check_id)
        moment = now()
        record = replace(
            record,
            id=str(uuid.uuid4()),
            recorded_at=moment,
            actor=self.actor,
            reference=record.reference.strip(),
            reasoning=record.reasoning.strip(),
        )
        refusal = _refusal(record) or _unlawful(opened, record)
        if refusal is not None:
            raise StoreError(refusal)
        data = record_json(record)
        event = AuditEvent(
            moment,
            self.actor,
            opened.check.revision,
            action,
            target=record.id,
            old=record.corrects,
            new=data,
            reason=record.correction_reason or None,
        )
        summary = self.checks.summary(opened, opened.check, extra_record=data)
        try:
            opened.file.add_report_record(data, event, summary)
        except BaseException:
            self.checks.forget(check_id)  # read back from disk next time
            raise
        self.checks.index.put(summary)
        return record

    def _import_records(
        self, check_id: str, records: Sequence[dict[str, Any]], source: str
    ) -> None:
        """Add the report records of an internal export the check does not hold yet, each
        audited as imported."""
        opened = self.checks.load(check_id)
        held = {record.get("id") for record in opened.file.report_records()}
        for record in records:
            if record["id"] in held:
                continue
            event = AuditEvent(
                now(),
                self.actor,
                opened.check.revision,
                "report_recorded",
                target=record["id"],
                new=record,
                reason=source,
            )
            summary = self.checks.summary(opened, opened.check, extra_record=record)
            opened.file.add_report_record(record, event, summary)
            self.checks.index.put(summary)
            held.add(record["id"])

    def restrict_export(
        self, document: dict[str, Any], check: Check, pack: Pack, *, internal: bool
    ) -> None:
        """Keep restricted data out of an export unless it is ``internal`` (art. 23 Wwft): a
        draft's FIU decision is left out; a finalized revision with one is refused, because
        leaving it out would break its digital fingerprint. An internal export carries the
        report records."""
        wwft = wwft_applies(pack, check.role, check.property)
        if not internal and check.decision and fiu_decision(check.decision.outcome, wwft):
            if check.status is Status.FINAL:
                raise StoreError(
                    _(
                        "the check {id} holds a decision to report to FIU-Nederland, which may "
                        "not reach the client (art. 23 Wwft); export it as an internal file for "
                        "your own records (--internal), or export it without the decision "
                        "while it is a draft"
                    ).format(id=check.id)
                )
            del document["decision"]
        if internal:
            document["report_records"] = [
                record_json(record) for record in self.report_records(check.id)
            ]
