"""Which input each party or property field gets: ``field_input(name, role)``.

It knows every kind of input (the simple ones and the groups of parts) and chooses by the
field's name, so the form only has to ask for the fields its pack names.
"""

from __future__ import annotations

from collections.abc import Callable

from vastgoedcheck.domain.pack import AMOUNT_FIELDS, DATE_FIELDS, IDENTIFIER_FIELDS, Role
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import VALUE_LABELS
from vastgoedcheck.ui.field_groups import IdDocumentGroup, ScreeningGroup, UboList, VogGroup
from vastgoedcheck.ui.field_inputs import (
    IDENTIFIER_LIMIT,
    NAME_LIMIT,
    Count,
    FieldInput,
    TextBlock,
    TextLine,
    date_line,
    text_line,
    value_choice,
    yes_no,
)
from vastgoedcheck.ui.typed_values import (
    identifier_parser,
    parse_email,
    parse_phone,
    parse_typed_amount,
    show_amount,
    show_iban,
)

TEXT_FIELDS = frozenset({"source_of_funds", "prior_enforcement"})
LIST_FIELDS = frozenset({"trade_names", "representatives", "parent_entities"})
NAME_FIELDS = frozenset({"name", "payer_name"})


def field_input(
    name: str, role: Role, empty_problem: Callable[[], str] | None = None
) -> FieldInput:
    """The input for the party or property field ``name`` in a check of ``role``;
    ``empty_problem`` says why a name may not stay empty (a party needs one)."""
    if name in IDENTIFIER_FIELDS:
        kind = IDENTIFIER_FIELDS[name]
        write = show_iban if kind == "iban" else str
        return TextLine(identifier_parser(kind), write, max_length=IDENTIFIER_LIMIT + 10)
    if name in DATE_FIELDS:
        return date_line(birth=name == "birth_date")
    if name in AMOUNT_FIELDS:
        return TextLine(parse_typed_amount, show_amount, max_length=40)
    if name in TEXT_FIELDS or name in LIST_FIELDS:
        return TextBlock(as_list=name in LIST_FIELDS)
    if name in VALUE_LABELS:
        return value_choice(name)
    if name in NAME_FIELDS:
        return text_line(NAME_LIMIT, empty_problem)
    if name == "phone":
        return TextLine(parse_phone, max_length=40)
    if name == "email":
        return TextLine(parse_email, max_length=254)
    if name == "pep":
        return yes_no(_("not recorded"))
    if name == "household_size":
        return Count(50)
    if name == "id_document":
        return IdDocumentGroup(landlord=role is Role.LANDLORD)
    if name == "sanctions_screening":
        return ScreeningGroup()
    if name == "vog":
        return VogGroup()
    if name == "ubos":
        return UboList()
    return text_line()
