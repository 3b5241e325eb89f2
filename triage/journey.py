"""Where a visitor is in the questionnaire, worked out from the answers in the URL alone.

The URL holds facet values (``need=funding&stage=exploring``), the questions the visitor
skipped (``skip=<key>``) and the question on screen (``step=<key>``). Walking the questions
from the first one tells which answers those values stand for, which question comes next,
and which values belong to no question on the visitor's path (a hand-edited link, or a
link from another questionnaire). Nothing is kept on the server between steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from triage.questionnaire import END, FACET_PARAMS, Answer, Question, Questionnaire


@dataclass(frozen=True)
class Step:
    question: Question
    chosen: tuple[Answer, ...] = ()
    skipped: bool = False
    #: The visitor's values match more than one answer of a single-choice question.
    contradictory: bool = False

    @property
    def answered(self) -> bool:
        return bool(self.chosen) or self.skipped


@dataclass(frozen=True)
class Walk:
    #: Every question on the visitor's path, answered or not, in order.
    steps: tuple[Step, ...]
    #: The first question on the path still to answer, or None when the plan can be made.
    frontier: Step | None
    #: Facet values the path's answers account for, by parameter (the clean selection).
    kept: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: (parameter, value) pairs that no answer on the path sets.
    dropped: tuple[tuple[str, str], ...] = ()

    @property
    def complete(self) -> bool:
        return self.frontier is None

    def index(self, key: str) -> int | None:
        for number, step in enumerate(self.steps):
            if step.question.key == key:
                return number
        return None

    def step(self, key: str) -> Step | None:
        number = self.index(key)
        return None if number is None else self.steps[number]

    def reachable(self, key: str) -> bool:
        """True when the question is on the path and not past the first unanswered one."""
        number = self.index(key)
        if number is None:
            return False
        limit = self.index(self.frontier.question.key) if self.frontier else len(self.steps)
        return number <= limit


def chosen_answers(question: Question, pairs: frozenset[tuple[str, str]]) -> tuple[tuple, bool]:
    """The answers whose every value is in ``pairs``, and whether they contradict each other.

    For a single-choice question an answer that sets more values wins over one whose values it
    includes (a link with ``need=funding&stage=growing`` chooses "growing and need money" over
    "need money"); two answers that are not nested mean the link says two different things.
    """
    matches = [a for a in question.answers if a.pairs() and a.pairs() <= pairs]
    if question.multiple or len(matches) <= 1:
        return tuple(matches), False
    widest = max(matches, key=lambda a: len(a.pairs()))
    if all(a.pairs() <= widest.pairs() for a in matches):
        return (widest,), False
    return tuple(matches), True


def walk(
    questionnaire: Questionnaire,
    selection: Mapping[str, Iterable[str]],
    *,
    skipped: Iterable[str] = (),
) -> Walk:
    """Follow the questionnaire from its first question using the values in ``selection``."""
    pairs = frozenset((p, v) for p, values in selection.items() for v in values)
    skipped = set(skipped)
    steps: list[Step] = []
    frontier: Step | None = None
    used: set[tuple[str, str]] = set()
    seen: set[str] = set()
    question = questionnaire.first
    # An edited or unpublished questionnaire could loop; never visit a question twice.
    while question is not None and question.key not in seen:
        seen.add(question.key)
        chosen, contradictory = chosen_answers(question, pairs)
        if contradictory:
            step = Step(question, chosen=(), contradictory=True)
            next_key = questionnaire.default_next(question)
        elif chosen:
            step = Step(question, chosen=chosen)
            used.update(p for answer in chosen for p in answer.pairs())
            next_key = questionnaire.next_key(question, chosen)
        elif question.key in skipped and question.allow_skip:
            step = Step(question, skipped=True)
            next_key = questionnaire.default_next(question)
        else:
            step = Step(question)
            next_key = questionnaire.default_next(question)
        if frontier is None and not step.answered:
            frontier = step
        steps.append(step)
        question = None if next_key == END else questionnaire.get(next_key)
    # Values of a contradictory question stay in the URL until the visitor picks one.
    for step in steps:
        if step.contradictory:
            used.update(p for answer in step.question.answers for p in answer.pairs() & pairs)
    kept = {
        param: tuple(v for v in selection.get(param, ()) if (param, v) in used)
        for param in FACET_PARAMS
    }
    kept = {param: values for param, values in kept.items() if values}
    dropped = tuple(
        (param, value)
        for param, values in selection.items()
        for value in values
        if (param, value) not in used
    )
    return Walk(steps=tuple(steps), frontier=frontier, kept=kept, dropped=dropped)


def answer_question(
    questionnaire: Questionnaire,
    selection: Mapping[str, Iterable[str]],
    *,
    question: Question,
    chosen: Iterable[Answer],
    skipped: Iterable[str] = (),
    skip: bool = False,
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The selection and skipped keys after answering (or skipping) ``question``.

    Values set only by this question's answers are replaced; everything else is kept, so
    changing one answer keeps the others. Values the new path no longer uses are dropped.
    """
    before = walk(questionnaire, selection, skipped=skipped)
    others: set[tuple[str, str]] = set()
    for step in before.steps:
        if step.question.key != question.key:
            others.update(p for answer in step.chosen for p in answer.pairs())
    mine = {p for answer in question.answers for p in answer.pairs()} - others
    chosen = () if skip else tuple(chosen)
    merged: dict[str, list[str]] = {}
    for param, values in selection.items():
        for value in values:
            if (param, value) not in mine:
                merged.setdefault(param, []).append(value)
    # New values go in the order the answers are listed, so links read the same every time.
    for answer in question.answers:
        if answer not in chosen:
            continue
        for param in FACET_PARAMS:
            for value in answer.values.get(param, ()):
                if value not in merged.get(param, []):
                    merged.setdefault(param, []).append(value)
    skipped = [key for key in skipped if key != question.key]
    if skip:
        skipped.append(question.key)
    after = walk(questionnaire, merged, skipped=skipped)
    on_path = {step.question.key for step in after.steps}
    return dict(after.kept), tuple(key for key in skipped if key in on_path)
