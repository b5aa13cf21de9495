"""JSON Schema validation that reports every problem as a translated sentence with its path."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from vastgoedcheck.i18n import N_, _
from vastgoedcheck.jsonfiles import Problem, json_path
from vastgoedcheck.paths import schema_path

_TYPE_NAMES = {
    "object": N_("an object ({…})"),
    "array": N_("a list ([…])"),
    "string": N_("a text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "null": "null",
}


@cache
def validator_for(schema_file: str) -> Draft202012Validator:
    path: Path = schema_path(schema_file)
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _short(value: object, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_name(name: str | Sequence[str]) -> str:
    names = [name] if isinstance(name, str) else list(name)
    return _(" or ").join(_(_TYPE_NAMES.get(n, n)) for n in names)


def _message(error: ValidationError) -> list[tuple[list[str | int], str]]:
    """One or more (extra path, sentence) pairs for a jsonschema error."""
    kind, expected, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [key for key in expected if isinstance(instance, dict) and key not in instance]
        return [([], _("the key {key} is missing").format(key=repr(key))) for key in missing]
    if kind in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        known = set(error.schema.get("properties", {}))
        extra = [key for key in instance if key not in known]
        if expected is False:
            return [([key], _("unknown key {key}").format(key=repr(key))) for key in extra]
    if kind == "type":
        return [
            (
                [],
                _("must be {expected}, not {actual}").format(
                    expected=_type_name(expected), actual=_short(instance)
                ),
            )
        ]
    if kind == "enum":
        options = ", ".join(str(option) for option in expected)
        return [
            (
                [],
                _("{value} is not one of: {options}").format(
                    value=_short(instance), options=options
                ),
            )
        ]
    if kind == "const":
        return [
            (
                [],
                _("must be {expected}, not {actual}").format(
                    expected=_short(expected), actual=_short(instance)
                ),
            )
        ]
    if kind == "pattern":
        return [([], _("{value} does not have the expected form").format(value=_short(instance)))]
    if kind in ("minItems", "minProperties") or (kind == "minLength" and expected == 1):
        return [([], _("must not be empty"))]
    if kind == "minLength":
        return [([], _("is too short (at least {count} characters)").format(count=expected))]
    if kind == "maxLength":
        return [([], _("is too long (at most {count} characters)").format(count=expected))]
    if kind == "maxItems":
        return [([], _("has too many entries (at most {count})").format(count=expected))]
    if kind == "uniqueItems":
        return [([], _("contains the same entry twice"))]
    if kind == "minimum":
        return [([], _("must be at least {limit}").format(limit=expected))]
    if kind == "exclusiveMinimum":
        return [([], _("must be more than {limit}").format(limit=expected))]
    if kind == "maximum":
        return [([], _("must be at most {limit}").format(limit=expected))]
    if kind == "exclusiveMaximum":
        return [([], _("must be less than {limit}").format(limit=expected))]
    if kind == "propertyNames":
        return [([], _("{value} is not allowed as a key here").format(value=_short(instance)))]
    if kind == "not":
        return [([], _("contains a line break or another control character"))]
    if kind == "format":
        return [
            (
                [],
                _("{value} is not a valid {format}").format(
                    value=_short(instance), format=expected
                ),
            )
        ]
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
