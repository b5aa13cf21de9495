"""Retention rules and dates as the user reads them (domain.retention's sentences, translated)."""

from __future__ import annotations

from vastgoedcheck.domain.retention import RetentionStatus, Rule
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.i18n.formatting import format_date

# The same English sentences as domain.retention.BASIS, marked here for the catalogue (the
# domain imports only the standard library); tests/i18n keep the two in step.
BASIS_TEXT = {
    Rule.WWFT: N_(
        "Wwft record: kept for 5 years after the end of the business relationship or the "
        "transaction, and a report to FIU-Nederland for 5 years after the report "
        "(art. 33 and 34 Wwft)"
    ),
    Rule.WWFT_NOTARY: N_(
        "Wwft record of the notary: kept for 5 years after the end of the business relationship "
        "or the transaction (art. 33 and 34 Wwft); the deeds themselves are not kept in this app"
    ),
    Rule.REJECTED_APPLICANT: N_(
        "Rejected applicant: erased 4 weeks after the selection is final (storage limitation, "
        "art. 5 GDPR); only a record of the selection criteria and the reason is kept"
    ),
    Rule.TENANT: N_(
        "Tenant: kept for the tenancy and 2 more years as evidence of due care "
        "(recommendation; art. 13b Opium Act)"
    ),
    Rule.RELATIONSHIP: N_(
        "Kept for 2 years after the end of the relationship or the matter (recommendation; "
        "storage limitation, art. 5 GDPR)"
    ),
    Rule.SUSPICION: N_(
        "Suspicion or report: criminal-nature data, reviewed 12 months after the report or "
        "decision and erased when no longer needed (art. 33 UAVG; recommendation)"
    ),
    Rule.DRAFT: N_(
        "Draft never finalized: reviewed 12 months after its last change (storage limitation, "
        "art. 5 GDPR)"
    ),
}


def basis_text(basis: str) -> str:
    """A rule's sentence (``RetentionStatus.basis``) in the language of the messages."""
    return _(basis)


def retention_line(status: RetentionStatus) -> str:
    """One sentence: when the check is erased (or why that is not known yet)."""
    if status.erase_on is not None:
        if status.legal_until is not None:
            return _("Kept until {date} (Wwft); then erased").format(
                date=format_date(status.erase_on)
            )
        return _("To be erased on {date}").format(date=format_date(status.erase_on))
    if status.needs_relationship_end:
        return _("Erasure date not known yet: set the end of the relationship or tenancy")
    if status.review_on is not None:
        return _("To be reviewed on {date}").format(date=format_date(status.review_on))
    return _("No erasure date")
