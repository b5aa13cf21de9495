"""Editing a draft check: answers, notes, attachments, parties, property and decision.

Every change is validated as an imported file would be, written with its audit event in one
atomic write of the check's file, and reflected in the summary index.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from vastgoedcheck.domain.check import (
    Answer,
    AnswerValue,
    Attachment,
    Check,
    Decision,
    Examiner,
    Party,
)
from vastgoedcheck.domain.decisions import DecisionCode, decisions_for
from vastgoedcheck.domain.form_facts import form_answers
from vastgoedcheck.domain.pack import Pack, Question, Role
from vastgoedcheck.domain.scope import wwft_applies
from vastgoedcheck.exchange.reading import InvalidCheck, check_from_document, text_problems
from vastgoedcheck.exchange.writing import answer_json, attachment_json, check_document
from vastgoedcheck.file_types import media_type_of, without_bidi
from vastgoedcheck.i18n import _
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.attachments import AttachmentFiles
from vastgoedcheck.storage.audit import AuditEvent
from vastgoedcheck.storage.check_file import CheckFile
from vastgoedcheck.storage.checks import CheckFiles, OpenCheck
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.meta import now
from vastgoedcheck.values import BadValue, parse_answer

MAX_NOTE_LENGTH = 20_000
# The reason of an answer the parties and property form gave or took back (the audit trail keeps
# it as written; {field} is the property field).
FORM_REASON = "from the parties and property form ({field})"


class DraftEditing:
    """The editing half of ``Store`` (a mixin): every method changes one draft."""

    layout: Layout
    registry: PackRegistry
    actor: str
    checks: CheckFiles
    index: SummaryIndex
    attachments: AttachmentFiles

    # -- editing a draft -------------------------------------------------------------------

    def create(
        self,
        pack: Pack,
        role: Role,
        *,
        language: str = "nl",
        reference: str = "",
        examiner: Examiner | None = None,
        parties: Sequence[Party] = (),
        property_data: Mapping[str, object] | None = None,
        answers: Mapping[str, AnswerValue] | None = None,
    ) -> Check:
        """A new draft of ``pack``, stored at once (validated like an imported check);
        ``answers`` are given already (the stage, asked before the parties)."""
        moment = now()
        check = Check(
            id=str(uuid.uuid4()),
            pack_id=pack.id,
            pack_version=pack.version,
            role=role,
            language=language,
            reference=reference.strip(),
            parties=tuple(parties),
            property=dict(property_data or {}),
            examiner=examiner or Examiner(),
            answers={qid: Answer(value) for qid, value in (answers or {}).items()},
            created_at=moment,
            updated_at=moment,
        )
        check = self._validated(check, pack)
        check, taken = self._take_form_facts(check, pack)
        opened = OpenCheck(
            CheckFile(self.layout.check_file(check.id), self.layout.guard, self.layout.key),
            check,
            pack,
        )
        self.checks.save(opened, check, [self._event(check, "created", new=pack.id), *taken])
        self.checks.remember(opened)
        return check

    def set_answer(self, check_id: str, question_id: str, value: AnswerValue | None) -> Check:
        """Record one answer (the autosave path): on disk and fsynced when this returns."""
        opened = self.checks.draft(check_id)
        question = self._question(opened, question_id)
        try:
            parsed = parse_answer(question, answer_json(opened.pack, question_id, value))
        except BadValue as error:
            raise StoreError(f"{question_id}: {error}") from None
        if isinstance(parsed, str):
            self._refuse_bad_text(question_id, parsed)
        old = opened.check.answers.get(question_id, Answer(None))
        if old.value == parsed and old.from_form is None:
            return opened.check  # (the same answer to a pre-filled one makes it the person's)
        event = self._event(
            opened.check,
            "answer",
            target=question_id,
            old=answer_json(opened.pack, question_id, old.value),
            new=answer_json(opened.pack, question_id, parsed),
        )
        answer = replace(old, value=parsed, from_form=None)
        return self._change_answer(opened, question_id, answer, event)

    def set_note(self, check_id: str, question_id: str, note: str) -> Check:
        opened = self.checks.draft(check_id)
        self._question(opened, question_id)
        if len(note) > MAX_NOTE_LENGTH:
            raise StoreError(
                _("the note is {length} characters long; at most {limit} are allowed").format(
                    length=len(note), limit=MAX_NOTE_LENGTH
                )
            )
        self._refuse_bad_text(question_id, note)
        old = opened.check.answers.get(question_id, Answer(None))
        if old.note == note:
            return opened.check
        event = self._event(opened.check, "note", target=question_id, old=old.note, new=note)
        return self._change_answer(opened, question_id, replace(old, note=note), event)

    def add_attachment(self, check_id: str, question_id: str, source: Path) -> Attachment:
        """Keep a copy of the file at ``source`` with an answer (stored once per content)."""
        opened = self.checks.draft(check_id)
        self._question(opened, question_id)
        name = without_bidi(source.name)[:300]  # shown as it is, not reordered
        self._refuse_bad_text(question_id, name)
        sha256, size = self.attachments.add_file(source)
        attachment = Attachment(sha256, name, size, media_type_of(name))
        old = opened.check.answers.get(question_id, Answer(None))
        if any(a.sha256 == sha256 for a in old.attachments):
            return attachment
        answer = replace(old, attachments=(*old.attachments, attachment))
        event = self._event(
            opened.check, "attachment_added", target=question_id, new=attachment_json(attachment)
        )
        self._change_answer(opened, question_id, answer, event)
        return attachment

    def remove_attachment(self, check_id: str, question_id: str, sha256: str) -> Check:
        opened = self.checks.draft(check_id)
        old = opened.check.answers.get(question_id, Answer(None))
        kept = tuple(a for a in old.attachments if a.sha256 != sha256)
        if len(kept) == len(old.attachments):
            return opened.check
        removed = next(a for a in old.attachments if a.sha256 == sha256)
        event = self._event(
            opened.check, "attachment_removed", target=question_id, old=attachment_json(removed)
        )
        check = self._change_answer(opened, question_id, replace(old, attachments=kept), event)
        self._drop_unused_attachments({sha256})
        return check

    def set_parties(self, check_id: str, parties: Sequence[Party]) -> Check:
        return self._set(check_id, "parties", parties=tuple(parties))

    def set_property(self, check_id: str, property_data: Mapping[str, object]) -> Check:
        """Record the property and the transaction; the answers its facts give follow it (a
        payment "partly in cash" answers the cash question), in the same write."""
        opened = self.checks.draft(check_id)
        before = check_document(opened.check, opened.pack).get("property")
        changed = replace(opened.check, property=dict(property_data), updated_at=now())
        check = self._validated(changed, opened.pack)
        after = check_document(check, opened.pack).get("property")
        events = []
        if before != after:
            events.append(self._event(check, "property", target="property", old=before, new=after))
        check, taken = self._take_form_facts(check, opened.pack)
        if not events and not taken:
            return opened.check
        self.checks.save(opened, check, [*events, *taken])
        return check

    def _take_form_facts(self, check: Check, pack: Pack) -> tuple[Check, list[AuditEvent]]:
        """``check`` with the answers the form's facts give or take back, and their events."""
        changes = form_answers(pack, check.property, check.answers)
        if not changes:
            return check, []
        answers = dict(check.answers)
        events = []
        for question_id, answer in changes.items():
            old = answers.get(question_id, Answer(None))
            new_value = None if answer is None else answer.value
            field = answer.from_form if answer is not None else old.from_form
            events.append(
                self._event(
                    check,
                    "answer",
                    target=question_id,
                    old=answer_json(pack, question_id, old.value),
                    new=answer_json(pack, question_id, new_value),
                    reason=FORM_REASON.format(field=field),
                )
            )
            if answer is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = answer
        return replace(check, answers=answers), events

    def set_examiner(self, check_id: str, examiner: Examiner) -> Check:
        return self._set(check_id, "examiner", examiner=examiner)

    def set_reference(self, check_id: str, reference: str) -> Check:
        """Record the user's own file or dossier number for the check ("" removes it)."""
        return self._set(check_id, "reference", reference=reference.strip())

    def set_language(self, check_id: str, language: str) -> Check:
        return self._set(check_id, "language", language=language)

    def set_decision(self, check_id: str, decision: Decision) -> Check:
        """Record what the person decided and why (also a decision not to report). Only a
        decision this role can make is taken: FIU-Nederland only for a Wwft institution."""
        opened = self.checks.load(check_id)
        wwft = wwft_applies(opened.pack, opened.check.role, opened.check.property)
        kept = opened.check.decision is not None and opened.check.decision.outcome == (
            decision.outcome
        )  # an earlier version's code stays valid while the user only edits the reasoning
        if decision.outcome not in decisions_for(wwft) and not kept:
            if decision.outcome == DecisionCode.REPORT_FIU:
                raise StoreError(
                    _(
                        "only a Wwft institution reports to FIU-Nederland; for this check, "
                        "decide to report to the police or the municipality"
                    )
                )
            raise StoreError(
                _("{decision} is not a decision that can be recorded").format(
                    decision=repr(decision.outcome)
                )
            )
        if decision.decided_at is None:
            decision = replace(decision, decided_at=now())
        return self._set(check_id, "decision", decision=decision)

    def _question(self, opened: OpenCheck, question_id: str) -> Question:
        question = opened.pack.question(question_id)
        if question is None:
            raise StoreError(
                _("the pack {pack} {version} has no question {id}").format(
                    pack=opened.pack.id, version=opened.pack.version, id=question_id
                )
            )
        return question

    def _event(self, check: Check, action: str, **values: Any) -> AuditEvent:
        return AuditEvent(now(), self.actor, check.revision, action, **values)

    def _change_answer(
        self, opened: OpenCheck, question_id: str, answer: Answer, event: AuditEvent
    ) -> Check:
        answers = dict(opened.check.answers)
        if answer.value is None and not answer.note and not answer.attachments:
            answers.pop(question_id, None)
        else:
            answers[question_id] = answer
        check = replace(opened.check, answers=answers, updated_at=event.at)
        self.checks.save(opened, check, [event])
        return check

    def _set(self, check_id: str, action: str, **changes: Any) -> Check:
        """Change whole fields of a draft, validated as the exchange format would be."""
        opened = self.checks.draft(check_id)
        before = check_document(opened.check, opened.pack)
        check = self._validated(replace(opened.check, **changes, updated_at=now()), opened.pack)
        after = check_document(check, opened.pack)
        if before.get(action) == after.get(action):
            return opened.check
        event = self._event(
            check, action, target=action, old=before.get(action), new=after.get(action)
        )
        self.checks.save(opened, check, [event])
        return check

    def _validated(self, check: Check, pack: Pack) -> Check:
        """``check`` as reading its document gives it back: normalised, or StoreError."""
        try:
            validated, _pack = check_from_document(check_document(check, pack), self.registry)
        except InvalidCheck as error:
            raise StoreError(error.headline()) from None
        return validated

    def _refuse_bad_text(self, question_id: str, text: str) -> None:
        problems = text_problems(text)
        if problems:
            raise StoreError(f"{question_id}: {problems[0]}")

    def _drop_unused_attachments(self, candidates: set[str] | frozenset[str]) -> None:
        """Remove attachment content no check refers to any more (e.g. of a deleted draft)."""
        if not candidates:
            return  # nothing to look up: the index need not be read
        used = {sha for row in self.index.rows.values() for sha in row.get("attachments", ())}
        for sha256 in candidates - used:
            fileops.remove(self.attachments.path(sha256), missing_ok=True)
