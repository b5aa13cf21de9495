"""How complete the advice is, in words: the headline of an advice that has too little to go on
yet, and which of the questions that decide the outcome are still open."""

from __future__ import annotations

from vastgoedcheck.domain.assessment import Assessment
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.outcome_text import headline

NAMED_OPEN = 5  # open questions named by their id; the rest are counted


def incomplete_label() -> str:
    return _("Incomplete — no advice yet")


def advice_headline(assessment: Assessment) -> str:
    """The advice in one line: "incomplete" while nothing decides the outcome yet (never
    "proceed" on questions not answered), else the stop and the outcome as one sentence."""
    return incomplete_label() if assessment.undecided else headline(assessment)


def open_ids(question_ids: tuple[str, ...], named: int = NAMED_OPEN) -> str:
    """``RES-00, RES-03, RES-04`` or, for a long list, the first ones and how many more."""
    if len(question_ids) <= named:
        return ", ".join(question_ids)
    rest = len(question_ids) - named
    return ngettext("{ids} and {count} more", "{ids} and {count} more", rest).format(
        ids=", ".join(question_ids[:named]), count=rest
    )


def open_text(assessment: Assessment, named: int = NAMED_OPEN) -> str:
    """Which questions that decide the outcome are still open, in one sentence ("" when none
    is): said beside any advice, also beside a stop that stands already."""
    count = len(assessment.open_questions)
    if not count:
        return ""
    return ngettext(
        "Incomplete: {count} of the {total} questions that decide the outcome is not answered "
        "yet ({ids}).",
        "Incomplete: {count} of the {total} questions that decide the outcome are not answered "
        "yet ({ids}).",
        count,
    ).format(
        count=count,
        total=assessment.deciding,
        ids=open_ids(assessment.open_questions, named),
    )
