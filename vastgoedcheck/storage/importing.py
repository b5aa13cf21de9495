"""Preparing checks from exchange documents for import: every one valid, or none is stored."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.completeness import gaps
from vastgoedcheck.domain.pack import LANDLORD_ID_NUMBER_CHARS, Pack
from vastgoedcheck.exchange.reading import (
    InvalidCheck,
    check_with_attachments,
    shortened_id_numbers,
)
from vastgoedcheck.exchange.writing import check_document, document_fingerprint
from vastgoedcheck.i18n import _
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.attachments import AttachmentFiles
from vastgoedcheck.storage.checks import CheckFiles
from vastgoedcheck.storage.errors import NotComplete, StoreError
from vastgoedcheck.storage.layout import CHECK_ID
from vastgoedcheck.storage.meta import now
from vastgoedcheck.storage.record_codec import record_from_json


@dataclass(frozen=True)
class PreparedCheck:
    check: Check
    pack: Pack
    contents: dict[str, bytes]  # attachment content to store, by SHA-256
    unchanged: bool  # the store already holds exactly this revision
    notices: tuple[str, ...] = ()  # what was changed on the way in, for the user to read
    # Report records of an internal export (JSON data), stored beside the check's revisions.
    records: tuple[dict[str, Any], ...] = ()


def _label(data: object, position: int) -> str:
    check_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(check_id, str) and CHECK_ID.fullmatch(check_id):
        return _("check {id}").format(id=check_id)
    return _("check number {number}").format(number=position)


def _refused(label: str, problem: str) -> StoreError:
    return StoreError(_("{check}: {problem}").format(check=label, problem=problem))


def prepare_import(
    documents: Sequence[object],
    registry: PackRegistry,
    checks: CheckFiles,
    attachments: AttachmentFiles,
) -> list[PreparedCheck]:
    """Validate every document; StoreError naming the first check that cannot be imported."""
    prepared: list[PreparedCheck] = []
    seen: set[str] = set()
    for position, data in enumerate(documents, start=1):
        label = _label(data, position)
        try:
            check, pack, contents = check_with_attachments(data, registry)
        except InvalidCheck as error:
            raise _refused(label, error.headline()) from None
        check = _complete_stamps(check, pack, label)
        for answer in check.answers.values():
            for attachment in answer.attachments:
                if attachment.sha256 not in contents and not attachments.has(attachment.sha256):
                    raise _refused(
                        label,
                        _("the attachment {name} is neither in the file nor in this store").format(
                            name=repr(attachment.name)
                        ),
                    )
        if check.id in seen:
            raise _refused(label, _("the file holds this check more than once"))
        seen.add(check.id)
        notices = tuple(
            _(
                "{check}: only the last {count} characters of the ID-document number at {where} "
                "were kept, as a landlord keeps no more of it"
            ).format(check=label, count=LANDLORD_ID_NUMBER_CHARS, where=where)
            for where in shortened_id_numbers(data)
        )
        unchanged = _already_stored(check, pack, checks)
        records = _records(data, label)
        prepared.append(PreparedCheck(check, pack, contents, unchanged, notices, records))
    return prepared


def _records(data: object, label: str) -> tuple[dict[str, Any], ...]:
    """The report records an internal export carries, each readable as a record."""
    raw = data.get("report_records", []) if isinstance(data, dict) else []
    for record in raw:
        try:
            record_from_json(record)
        except (KeyError, TypeError, ValueError):
            raise _refused(label, _("a report record in the file cannot be read")) from None
    return tuple(dict(record) for record in raw)


def _complete_stamps(check: Check, pack: Pack, label: str) -> Check:
    """Fill in missing time stamps; for a finalized check, check completeness and fingerprint."""
    created = check.created_at or check.updated_at or now()
    check = replace(check, created_at=created, updated_at=check.updated_at or created)
    if check.status is Status.DRAFT:
        if check.fingerprint is not None or check.finalized_at is not None:
            raise _refused(label, _("a draft cannot have a fingerprint or a finalization date"))
        return check
    missing = gaps(check, pack)
    if missing:
        raise _refused(label, str(NotComplete(check.id, missing)))
    check = replace(check, finalized_at=check.finalized_at or check.updated_at)
    computed = document_fingerprint(check_document(replace(check, fingerprint=None), pack))
    if check.fingerprint is not None and check.fingerprint != computed:
        raise _refused(
            label,
            _("its fingerprint does not match its content: it was changed after it was finalized"),
        )
    return replace(check, fingerprint=computed)


def _already_stored(check: Check, pack: Pack, checks: CheckFiles) -> bool:
    """True when the store holds this very revision; StoreError when it holds another."""
    if not checks.layout.check_file(check.id).exists():
        return False
    opened = checks.load(check.id)
    if check.revision in opened.file.revision_numbers():
        stored, _pack = checks.read_document(opened.file, check.id, check.revision)
        if _fingerprint_of(stored, pack) == _fingerprint_of(check, pack):
            return True
    label = _("check {id}").format(id=check.id)
    latest = opened.check
    if latest.status is Status.FINAL or latest.revision > 1:
        raise _refused(
            label, _("it is finalized in this store, and an import never changes a finalized check")
        )
    raise _refused(
        label,
        _(
            "this store already holds a different draft with this id; delete that draft first "
            "or import the check without its id"
        ),
    )


def _fingerprint_of(check: Check, pack: Pack) -> str:
    document: dict[str, Any] = check_document(check, pack)
    return document_fingerprint(document)
