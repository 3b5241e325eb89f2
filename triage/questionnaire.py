"""The questionnaire as plain data, so the journey and its validation need no database.

A questionnaire page stores its questions in a StreamField; :func:`questions_from_stream`
turns that into :class:`Question` objects, and tests build them directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

#: The facet parameters an answer can set, in the order they are shown and explained.
FACET_PARAMS: tuple[str, ...] = ("need", "stage", "type", "area", "sector")
#: The special "next question" value that sends the visitor straight to the plan.
END = "plan"


@dataclass(frozen=True)
class Answer:
    label: str
    values: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    help_text: str = ""
    #: Key of the question this answer leads to; "" means the question's own next step.
    next: str = ""

    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((p, v) for p, vs in self.values.items() for v in vs)


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    answers: tuple[Answer, ...] = ()
    help_text: str = ""
    multiple: bool = False
    allow_skip: bool = False
    #: Key of the next question when no answer says otherwise; "" means the one below it.
    next: str = ""


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...]

    def __post_init__(self):
        object.__setattr__(self, "_by_key", {q.key: q for q in self.questions})

    @property
    def first(self) -> Question | None:
        return self.questions[0] if self.questions else None

    def get(self, key: str | None) -> Question | None:
        return self._by_key.get(key or "")

    def default_next(self, question: Question) -> str:
        """Where a question leads when no chosen answer sends the visitor elsewhere."""
        if question.next:
            return question.next
        index = self.questions.index(question)
        return self.questions[index + 1].key if index + 1 < len(self.questions) else END

    def next_key(self, question: Question, chosen: Sequence[Answer]) -> str:
        """The first chosen answer with its own next step wins, in the order answers are listed."""
        for answer in question.answers:
            if answer in chosen and answer.next:
                return answer.next
        return self.default_next(question)

    def answer_values(self) -> dict[str, set[str]]:
        """Every facet value some answer can set, by parameter."""
        values: dict[str, set[str]] = {}
        for question in self.questions:
            for answer in question.answers:
                for param, value in answer.pairs():
                    values.setdefault(param, set()).add(value)
        return values


def _values(raw: Mapping, params: Iterable[str] = FACET_PARAMS) -> dict[str, tuple[str, ...]]:
    return {p: tuple(raw.get(p) or ()) for p in params if raw.get(p)}


def questions_from_stream(stream: Iterable) -> Questionnaire:
    """Build a questionnaire from the page's ``questions`` StreamField value."""
    questions = []
    for child in stream:
        value = child.value
        answers = tuple(
            Answer(
                label=str(answer.get("label") or ""),
                help_text=str(answer.get("help_text") or ""),
                values=_values(answer),
                next=str(answer.get("next") or "").strip(),
            )
            for answer in (value.get("answers") or ())
        )
        questions.append(
            Question(
                key=str(value.get("key") or "").strip(),
                text=str(value.get("text") or ""),
                help_text=str(value.get("help_text") or ""),
                multiple=bool(value.get("multiple")),
                allow_skip=bool(value.get("allow_skip")),
                next=str(value.get("next") or "").strip(),
                answers=answers,
            )
        )
    return Questionnaire(tuple(questions))
