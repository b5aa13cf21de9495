"""The legal basis each report states on its first page: why it may be made or kept (DOMAIN
§1.2, §1.3, §1.5)."""

from __future__ import annotations

from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.reports.profiles import Recipient

WWFT_ROLES = (Role.BROKER, Role.NOTARY)

# Wwft art. 16 (duty to report without delay), 19 (no criminal prosecution on the basis of a
# report made in good faith), 20 (no liability for a third party's damage), 34 (keeping the
# report) — https://wetten.overheid.nl/BWBR0024282.
_FIU = N_(
    "Legal basis: the duty to report an unusual transaction to FIU-Nederland without delay "
    "(Wwft art. 16). Data reported in good faith cannot serve as the basis for a criminal "
    "investigation or prosecution of the reporter for money laundering or terrorist financing "
    "(Wwft art. 19), and the reporter is not liable for damage a third party suffers from such "
    "a report (Wwft art. 20). Keep this report and FIU-Nederland's acknowledgement for five "
    "years (Wwft art. 34)."
)
# GDPR art. 6(1)(f) and 10; UAVG art. 33(2)(b) (https://wetten.overheid.nl/BWBR0040940);
# Wetboek van Strafvordering art. 161: anyone who knows of an offence may report it.
_AUTHORITY = N_(
    "Legal basis for sharing these personal data: the reporter's legitimate interest in "
    "protecting the property against criminal use and its consequences (GDPR art. 6(1)(f)); "
    "for data of a criminal nature, the protection of the reporter's own interests against "
    "offences committed or expected against them (UAVG art. 33(2)(b)). Anyone who knows of a "
    "criminal offence may report it (Code of Criminal Procedure art. 161)."
)
# Wwft art. 33: the data of the client due diligence are kept for five years.
_DOSSIER_WWFT = N_(
    "Legal basis for keeping this record: the Wwft's record-keeping duty; the client due "
    "diligence and its findings are kept for five years after the business relationship ends or "
    "the transaction is carried out (Wwft art. 33)."
)
_DOSSIER_DUE_CARE = N_(
    "Legal basis for keeping this record: evidence of due care in letting, for instance when "
    "the mayor considers closing the property (Opiumwet art. 13b), a legitimate interest of the "
    "landlord (GDPR art. 6(1)(f)); keep it no longer than that purpose needs."
)


def legal_basis(recipient: Recipient, check: Check, wwft: bool) -> str:
    """The sentence that states the basis a report for ``recipient`` relies on."""
    if recipient is Recipient.FIU:
        return _(_FIU)
    if recipient is Recipient.DOSSIER:
        institution = wwft and check.role in WWFT_ROLES
        return _(_DOSSIER_WWFT if institution else _DOSSIER_DUE_CARE)
    return _(_AUTHORITY)
