"""The rules of a pack that a JSON Schema cannot express: references, order, types, privacy."""

from __future__ import annotations

from typing import Any

from vastgoedcheck.domain.pack import AMOUNT_FIELDS, FIELD_CATALOGUE, WWFT_ONLY_FIELDS
from vastgoedcheck.i18n import _
from vastgoedcheck.jsonfiles import Problem, json_path
from vastgoedcheck.values import FLAG_VALUES, BadValue, parse_date

SCORING_KEYS = (
    "severity",
    "kind",
    "also_signal",
    "duty_type",
    "knockout",
    "safety",
    "cluster",
    "sources",
    "escalations",
    "signal_answer",
    "unknown_stops",
)
ORDERED_TYPES = ("number", "amount", "date")
ALWAYS_REQUIRED_FIELDS = {
    "person": ("name",),
    "organisation": ("name",),
    "property": ("address", "postcode", "city", "object_type"),
}


def _dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return (
        [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]
        if isinstance(value, list)
        else []
    )


class _PackChecker:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.problems: list[Problem] = []
        # question id → (path, question dict, position in pack order)
        self.questions: dict[str, tuple[list[str | int], dict[str, Any], int]] = {}

    def add(self, path: list[str | int], message: str) -> None:
        self.problems.append(Problem(json_path(path), message))

    def run(self) -> list[Problem]:
        self._check_texts(self.data, [])
        self._collect_questions()
        for qid, (path, question, position) in self.questions.items():
            self._check_question(qid, path, question, position)
        self._check_fields()
        self._check_stages()
        return self.problems

    def _check_texts(self, value: Any, path: list[str | int]) -> None:
        """Every bilingual text needs real words in both languages."""
        if isinstance(value, dict):
            if set(value) == {"nl", "en"}:
                for language in ("nl", "en"):
                    text = value[language]
                    if isinstance(text, str) and text and not text.strip():
                        self.add([*path, language], _("the text is only white space"))
                return
            for key, child in value.items():
                self._check_texts(child, [*path, key])
        elif isinstance(value, list):
            for index, child in enumerate(value):
                self._check_texts(child, [*path, index])

    def _collect_questions(self) -> None:
        code = self.data.get("code")
        section_ids: set[str] = set()
        position = 0
        for s_index, section in _dicts(self.data.get("sections")):
            s_path: list[str | int] = ["sections", s_index]
            section_id = section.get("id")
            if isinstance(section_id, str):
                if section_id in section_ids:
                    self.add(
                        [*s_path, "id"],
                        _("the section id {id} is used twice").format(id=repr(section_id)),
                    )
                section_ids.add(section_id)
            for q_index, question in _dicts(section.get("questions")):
                q_path: list[str | int] = [*s_path, "questions", q_index]
                qid = question.get("id")
                if not isinstance(qid, str):
                    continue
                if qid in self.questions:
                    self.add(
                        [*q_path, "id"],
                        _("the question id {id} is used twice").format(id=repr(qid)),
                    )
                    continue
                if isinstance(code, str) and not qid.startswith(code + "-"):
                    self.add(
                        [*q_path, "id"],
                        _("the question id {id} does not start with the pack code {code}-").format(
                            id=repr(qid), code=code
                        ),
                    )
                self.questions[qid] = (q_path, question, position)
                position += 1

    def _check_question(
        self, qid: str, path: list[str | int], question: dict[str, Any], position: int
    ) -> None:
        qtype = question.get("type")
        if qtype == "flag":
            for key in ("severity", "kind", "cluster", "sources"):
                if key not in question:
                    self.add(
                        path, _("the flag question {id} needs {key}").format(id=qid, key=repr(key))
                    )
            if question.get("sources") == []:
                self.add([*path, "sources"], _("a flag question needs at least one source"))
        elif isinstance(qtype, str):
            for key in SCORING_KEYS:
                if key in question:
                    self.add(
                        [*path, key],
                        _("{key} is only for flag questions, not for {id} (type {type})").format(
                            key=repr(key), id=qid, type=qtype
                        ),
                    )
        kind = question.get("kind")
        if kind == "duty" and "duty_type" not in question:
            self.add(
                path,
                _(
                    "the duty question {id} needs 'duty_type' (cdd, edd, sanctions or ubo_discrepancy)"  # noqa: E501
                ).format(id=qid),
            )
        if "unknown_stops" in question and not question.get("knockout"):
            self.add(
                [*path, "unknown_stops"],
                _("'unknown_stops' is only for knock-out questions"),
            )
        pack_roles = self.data.get("roles")
        for index, role in enumerate(question.get("roles") or []):
            if isinstance(pack_roles, list) and role not in pack_roles:
                self.add(
                    [*path, "roles", index],
                    _("{role} is not one of the pack's roles").format(role=repr(role)),
                )
        for key in ("duty_type", "also_signal"):
            if key in question and kind != "duty":
                self.add(
                    [*path, key],
                    _("{key} is only for questions of kind 'duty'").format(key=repr(key)),
                )
        self._check_type_keys(qid, path, question, qtype)
        references = self.data.get("references")
        if isinstance(references, dict):
            sources = question.get("sources")
            for index, source in enumerate(sources if isinstance(sources, list) else []):
                if isinstance(source, str) and source not in references:
                    self.add(
                        [*path, "sources", index],
                        _("the source {url} is not listed in the pack's references").format(
                            url=source
                        ),
                    )
        group = question.get("enable_when")
        if isinstance(group, dict):
            self._check_conditions(qid, [*path, "enable_when"], group, position, earlier_only=True)
        for index, escalation in _dicts(question.get("escalations")):
            e_path: list[str | int] = [*path, "escalations", index]
            when = escalation.get("when")
            if isinstance(when, dict):
                self._check_conditions(qid, [*e_path, "when"], when, position, earlier_only=False)
            if not ({"kind", "severity"} & set(escalation)) and not escalation.get("knockout"):
                self.add(
                    e_path,
                    _("an escalation must change the kind or the severity, or make a knock-out"),
                )

        for index, contradiction in _dicts(question.get("contradictions")):
            when = contradiction.get("when")
            if isinstance(when, dict):
                c_path: list[str | int] = [*path, "contradictions", index, "when"]
                self._check_conditions(
                    qid, c_path, when, position, earlier_only=False, allow_self=True
                )
        for index, fact in _dicts(question.get("from_form")):
            self._check_form_fact([*path, "from_form", index], fact, question)

    def _check_form_fact(
        self, path: list[str | int], fact: dict[str, Any], question: dict[str, Any]
    ) -> None:
        """A fact from the form names a property field of this pack and gives the question an
        answer it can hold: a value, or an amount from an amount field."""
        fields = self.data.get("fields")
        declared = fields.get("property") if isinstance(fields, dict) else None
        declared = declared if isinstance(declared, dict) else {}
        name = fact.get("field")
        if isinstance(name, str) and name not in declared:
            self.add(
                [*path, "field"],
                _("the pack does not ask for the property field {name}").format(name=repr(name)),
            )
        if ("answer" in fact) == ("answer_from" in fact):
            self.add(path, _("a fact from the form needs either 'answer' or 'answer_from'"))
        elif "answer" in fact and not _answer_fits(fact["answer"], question):
            self.add(
                [*path, "answer"],
                _("{answer} is not an answer to this question").format(answer=repr(fact["answer"])),
            )
        source = fact.get("answer_from")
        amount_question = question.get("type") == "amount"
        if isinstance(source, str) and (
            source not in declared or source not in AMOUNT_FIELDS or not amount_question
        ):
            self.add(
                [*path, "answer_from"],
                _("'answer_from' takes an amount field of the pack for an amount question"),
            )

    def _check_type_keys(
        self, qid: str, path: list[str | int], question: dict[str, Any], qtype: Any
    ) -> None:
        if qtype in ("choice", "multi_choice"):
            if "choices" not in question:
                self.add(
                    path, _("the {type} question {id} needs 'choices'").format(type=qtype, id=qid)
                )
            values = [c.get("value") for _i, c in _dicts(question.get("choices"))]
            if len(values) != len(set(map(str, values))):
                self.add([*path, "choices"], _("two choices have the same value"))
        elif "choices" in question:
            self.add([*path, "choices"], _("'choices' is only for choice questions"))
        if qtype == "identifier" and "validator" not in question:
            self.add(path, _("the identifier question {id} needs a 'validator'").format(id=qid))
        elif qtype != "identifier" and "validator" in question:
            self.add([*path, "validator"], _("'validator' is only for identifier questions"))
        for key in ("min", "max"):
            if key in question and qtype not in ("number", "amount"):
                self.add(
                    [*path, key],
                    _("{key} is only for number and amount questions").format(key=repr(key)),
                )
        low, high = question.get("min"), question.get("max")
        if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
            self.add([*path, "min"], _("'min' is larger than 'max'"))
        if "max_length" in question and qtype != "text":
            self.add([*path, "max_length"], _("'max_length' is only for text questions"))

    def _check_conditions(
        self,
        qid: str,
        path: list[str | int],
        group: dict[str, Any],
        position: int,
        *,
        earlier_only: bool,
        allow_self: bool = False,
    ) -> None:
        for index, condition in _dicts(group.get("conditions")):
            c_path: list[str | int] = [*path, "conditions", index]
            target_id = condition.get("question")
            if not isinstance(target_id, str):
                continue
            target = self.questions.get(target_id)
            if target_id == qid and not allow_self:  # a contradiction names its own answer
                self.add([*c_path, "question"], _("a question cannot depend on itself"))
                continue
            if target is None:
                self.add(
                    [*c_path, "question"],
                    _("there is no question {id} in this pack").format(id=repr(target_id)),
                )
                continue
            if earlier_only and target[2] > position:
                self.add(
                    [*c_path, "question"],
                    _(
                        "{target} comes after {id}; a condition may only point at an "
                        "earlier question"
                    ).format(target=target_id, id=qid),
                )
            self._check_condition_answer(c_path, condition, target_id, target[1])

    def _check_condition_answer(
        self,
        path: list[str | int],
        condition: dict[str, Any],
        target_id: str,
        target: dict[str, Any],
    ) -> None:
        operator, ttype = condition.get("operator"), target.get("type")
        has_answer = "answer" in condition
        answer = condition.get("answer")
        if operator == "exists":
            if has_answer and not isinstance(answer, bool):
                self.add([*path, "answer"], _("with 'exists' the answer is true or false"))
            return
        if not has_answer:
            self.add(path, _("the condition needs an 'answer'"))
            return
        if operator in (">", ">=", "<", "<=") and ttype not in ORDERED_TYPES:
            self.add(
                [*path, "operator"],
                _(
                    "{operator} only compares numbers, amounts and dates, not {id} (type {type})"
                ).format(operator=operator, id=target_id, type=ttype),
            )
            return
        if not _answer_fits(answer, target):
            self.add(
                [*path, "answer"],
                _("{answer} is not a possible answer to {id}").format(
                    answer=repr(answer), id=target_id
                ),
            )

    def _check_fields(self) -> None:
        fields = self.data.get("fields")
        if not isinstance(fields, dict):
            return
        roles = self.data.get("roles")
        roles = roles if isinstance(roles, list) else []
        for category, catalogue in FIELD_CATALOGUE.items():
            declared = fields.get(category)
            if not isinstance(declared, dict):
                continue
            for name in declared:
                f_path: list[str | int] = ["fields", category, name]
                if name not in catalogue:
                    self.add(
                        f_path,
                        _("{name} is not a known {category} field").format(
                            name=repr(name), category=category
                        ),
                    )
                elif roles == ["landlord"] and name in WWFT_ONLY_FIELDS:
                    self.add(
                        f_path,
                        _(
                            "a pack for landlords may not ask for {name}: a landlord has no lawful "
                            "reason to record it"
                        ).format(name=repr(name)),
                    )
                elif name == "bsn" and roles != ["notary"]:
                    self.add(f_path, _("only a pack for notaries alone may ask for a BSN"))
            for name in ALWAYS_REQUIRED_FIELDS[category]:
                if declared.get(name) != "required":
                    self.add(
                        ["fields", category],
                        _("{name} must be a required field").format(name=repr(name)),
                    )
        if self.data.get("deal") == "any":
            property_fields = fields.get("property")
            if (
                isinstance(property_fields, dict)
                and property_fields.get("transaction") != "required"
            ):
                self.add(
                    ["fields", "property"],
                    _(
                        "a pack for any kind of deal must ask for the transaction as a "
                        "required field"
                    ),
                )

    def _check_stages(self) -> None:
        review_by = self.data.get("review_by")
        if isinstance(review_by, str):
            try:
                parse_date(review_by)
            except BadValue:
                self.add(["review_by"], _("{date} is not a date").format(date=repr(review_by)))
        stages = self.data.get("stages")
        if not isinstance(stages, dict):
            return
        raw_order = stages.get("order")
        order: list[Any] = raw_order if isinstance(raw_order, list) else []
        target = self.questions.get(str(stages.get("question")))
        if target is None:
            self.add(
                ["stages", "question"],
                _("there is no question {id} in this pack").format(id=repr(stages.get("question"))),
            )
        else:
            values = [c.get("value") for _i, c in _dicts(target[1].get("choices"))]
            if target[1].get("type") != "choice" or sorted(map(str, values)) != sorted(
                map(str, order)
            ):
                self.add(
                    ["stages", "order"],
                    _("the stages must be exactly the choices of the stage question"),
                )
        fields = self.data.get("fields") if isinstance(self.data.get("fields"), dict) else {}
        fields_from = stages.get("fields_from")
        for stage, categories in (fields_from if isinstance(fields_from, dict) else {}).items():
            if stage not in order:
                self.add(
                    ["stages", "fields_from", stage],
                    _("{stage} is not one of the stages").format(stage=repr(stage)),
                )
            for category, names in (categories if isinstance(categories, dict) else {}).items():
                declared = fields.get(category) if isinstance(fields, dict) else None
                for index, name in enumerate(names if isinstance(names, list) else []):
                    if not isinstance(declared, dict) or name not in declared:
                        self.add(
                            ["stages", "fields_from", stage, category, index],
                            _("the pack does not ask for the field {name}").format(name=repr(name)),
                        )
        running = stages.get("running_from")
        if running is not None and running not in order:
            self.add(
                ["stages", "running_from"],
                _("{stage} is not one of the stages").format(stage=repr(running)),
            )


def _answer_fits(answer: Any, target: dict[str, Any]) -> bool:
    ttype = target.get("type")
    if ttype == "flag":
        return answer in FLAG_VALUES
    if ttype in ("choice", "multi_choice"):
        return answer in [c.get("value") for _i, c in _dicts(target.get("choices"))]
    if ttype in ("number", "amount"):
        return isinstance(answer, int | float) and not isinstance(answer, bool)
    if ttype == "date":
        try:
            parse_date(answer)
        except BadValue:
            return False
        return True
    return isinstance(answer, str)


def semantic_problems(data: dict[str, Any]) -> list[Problem]:
    """Every semantic problem of a pack document; tolerant of parts the schema rejects."""
    return _PackChecker(data).run()
