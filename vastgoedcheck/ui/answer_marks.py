"""What a question card says under its answer: how a typed amount, date or identifier was
stored (so a misreading shows), and that an answer came from the parties and property form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.pack import FlagValue, Question, QuestionType
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import field_label
from vastgoedcheck.i18n.formatting import format_amount, format_date


def read_back_text(question: Question, value: AnswerValue | None) -> str:
    """'Saved as € 2.500,00' for a typed amount, date or identifier; "" for anything else."""
    text = ""
    if value is None:
        return text
    if question.type is QuestionType.AMOUNT and isinstance(value, Decimal):
        text = format_amount(value)
    elif question.type is QuestionType.DATE and isinstance(value, dt.date):
        text = format_date(value)
    elif question.type is QuestionType.IDENTIFIER:
        text = str(value)
    return _("Saved as {value}").format(value=text) if text else ""


def form_mark_text(value: AnswerValue | None, field: str | None) -> str:
    """That the answer was taken from a field of the form and can be changed ("" if not)."""
    if value is None or not field:
        return ""
    if value is FlagValue.UNKNOWN:  # the form says part, not all the question asks
        return _(
            "Set to 'unknown' from '{field}' in the parties and property form, which does "
            "not say all this question asks: find it out and answer it."
        ).format(field=field_label(field))
    return _(
        "Taken from '{field}' in the parties and property form. Change the answer if it "
        "does not fit."
    ).format(field=field_label(field))
