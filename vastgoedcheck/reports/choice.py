"""Choosing a report, for the report dialog and the command line alike: the recipient that fits
a check's outcome, and whether the report will say who reports and how to reach them."""

from __future__ import annotations

from collections.abc import Collection

from vastgoedcheck.domain.assessment import Assessment, Channel, Outcome
from vastgoedcheck.domain.check import Examiner
from vastgoedcheck.domain.pack import Kind
from vastgoedcheck.i18n import _
from vastgoedcheck.reports.profiles import PROFILES, Recipient

INDICATOR_KINDS = (Kind.OBJECTIVE, Kind.SIGNAL)  # the objective and the subjective indicator


def fitting_recipient(result: Assessment, offered: Collection[Recipient]) -> Recipient:
    """The recipient the outcome points at, among those ``offered`` (enabled): FIU-Nederland
    for a Wwft institution's must-report outcome, the police for crime at the property, the
    municipality when only it is named; else the user's own dossier."""
    channels = result.report_channels
    order: list[Recipient] = []
    if result.wwft and result.outcome is Outcome.MUST_REPORT:
        order.append(Recipient.FIU)
    if result.outcome >= Outcome.REPORT_RECOMMENDED:
        if Channel.POLICE in channels:
            order.append(Recipient.POLICE)
        if Channel.MUNICIPALITY in channels:
            order.append(Recipient.MUNICIPALITY)
        if Channel.FIU in channels:
            order.append(Recipient.FIU)
    for recipient in order:
        if recipient in offered:
            return recipient
    return Recipient.DOSSIER


def reporter_warning(examiner: Examiner, recipient: Recipient) -> str | None:
    """The sentence that tells the user the report will not say who reports, or how an
    authority can reach them; None when it does."""
    reachable = bool(examiner.phone or examiner.email) or recipient is Recipient.DOSSIER
    if examiner.name and reachable:
        return None
    return _(
        "the report will not say who reports or how to reach them: the examiner's name and "
        "phone number or e-mail address are not recorded"
    )


def from_draft_allowed(recipient: Recipient, result: Assessment) -> bool:
    """Whether a report for ``recipient`` may be made of a draft with this assessment: the
    dossier always; FIU-Nederland once an objective or subjective indicator is recorded, since
    an unusual transaction is reported without delay (Wwft art. 16) and cannot wait for every
    question to be answered."""
    if not PROFILES[recipient].needs_final:
        return True
    if recipient is not Recipient.FIU or not result.wwft:
        return False
    return any(item.signal and item.kind in INDICATOR_KINDS for item in result.items)
