"""JSON Schema validation that reports every problem as a translated sentence with its path."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vastgoedcheck.i18n import N_, _
from vastgoedcheck.jsonfiles import Problem, json_path
from vastgoedcheck.paths import schema_path

if TYPE_CHECKING:  # jsonschema is imported when something is validated, not at every start
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "object": N_("an object ({…})"),
    "array": N_("a list ([…])"),
    "string": N_("a text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "null": "null",
}


def _whole_number(_checker: object, instance: object) -> bool:
    # JSON Schema counts 1.0 as an integer; this app does not: a revision or a count written as
    # 1.0 is not what any version of it writes, and would be stored under another key.
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def validator_for(schema_file: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator, validators

    strict = validators.extend(
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _whole_number),
    )
    path: Path = schema_path(schema_file)
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator: Draft202012Validator = strict(schema)
    return validator


def _short(value: object, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_name(name: str | Sequence[str]) -> str:
    names = [name] if isinstance(name, str) else list(name)
    return _(" or ").join(_(_TYPE_NAMES.get(n, n)) for n in names)


# One sentence per kind of schema rule. The fields each may use: {value} (what the file holds),
# {expected} (what the rule asks, already in words) and {limit} (the rule's number).
_SENTENCES = {
    "type": N_("must be {expected}, not {value}"),
    "const": N_("must be {expected}, not {value}"),
    "enum": N_("{value} is not one of: {expected}"),
    "pattern": N_("{value} does not have the expected form"),
    "minItems": N_("must not be empty"),
    "minProperties": N_("must not be empty"),
    "maxLength": N_("is too long (at most {limit} characters)"),
    "maxItems": N_("has too many entries (at most {limit})"),
    "uniqueItems": N_("contains the same entry twice"),
    "minimum": N_("must be at least {limit}"),
    "exclusiveMinimum": N_("must be more than {limit}"),
    "maximum": N_("must be at most {limit}"),
    "exclusiveMaximum": N_("must be less than {limit}"),
    "propertyNames": N_("{value} is not allowed as a key here"),
    # Our schemas use "not" only to keep control characters out of one-line texts.
    "not": N_("contains a line break or another control character"),
}


def _expected_words(kind: str, expected: Any) -> str:
    if kind == "type":
        return _type_name(expected)
    if kind == "enum":
        return ", ".join(str(option) for option in expected)
    return _short(expected)


def _message(error: ValidationError) -> list[tuple[list[str | int], str]]:
    """One or more (extra path, sentence) pairs for a jsonschema error."""
    kind, expected, instance = str(error.validator), error.validator_value, error.instance
    if kind == "required" and isinstance(instance, dict):
        missing = [key for key in expected if key not in instance]
        return [([], _("the key {key} is missing").format(key=repr(key))) for key in missing]
    if kind == "additionalProperties" and expected is False and isinstance(instance, dict):
        known = set(error.schema.get("properties", {}))
        extra = [key for key in instance if key not in known]
        return [([key], _("unknown key {key}").format(key=repr(key))) for key in extra]
    if kind == "minLength":
        if expected == 1:
            return [([], _("must not be empty"))]
        return [([], _("is too short (at least {limit} characters)").format(limit=expected))]
    if kind in _SENTENCES:
        sentence = _(_SENTENCES[kind]).format(
            value=_short(instance), expected=_expected_words(kind, expected), limit=expected
        )
        return [([], sentence)]
    return [([], _("does not match the format: {detail}").format(detail=error.message))]


def schema_problems(data: Any, schema_file: str) -> list[Problem]:
    """Every schema violation in ``data``, in document order."""
    validator = validator_for(schema_file)
    problems: list[Problem] = []
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        for extra, message in _message(error):
            problem = Problem(json_path([*error.absolute_path, *extra]), message)
            if problem not in problems:  # one "required" error per missing key names them all
                problems.append(problem)
    return problems
