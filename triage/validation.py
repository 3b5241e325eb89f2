"""Checks a questionnaire before it is published: every path must reach the plan.

Each problem names the question it is about, so an editor knows where to look. The checks
work on plain data (:mod:`triage.questionnaire`) and need no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from triage.questionnaire import END, Questionnaire


@dataclass(frozen=True)
class Problem:
    #: Key of the question the problem is about ("" for the questionnaire as a whole).
    key: str
    message: str


def _name(question) -> str:
    return _("“%(text)s” (%(key)s)") % {"text": question.text, "key": question.key}


def _targets(questionnaire: Questionnaire, question) -> list[tuple[str, str]]:
    """(next key, where it comes from) for every way out of a question."""
    targets = []
    for answer in question.answers:
        targets.append((answer.next or questionnaire.default_next(question), answer.label))
    if question.allow_skip or not question.answers:
        targets.append((questionnaire.default_next(question), ""))
    return targets


def _find_loop(questionnaire: Questionnaire, graph: Mapping[str, set[str]]) -> list[str] | None:
    """A list of keys that leads back to its first key, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(key: str) -> list[str] | None:
        state[key] = 1
        path.append(key)
        for target in sorted(graph.get(key, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[key] = 2
        return None

    for question in questionnaire.questions:
        if question.key not in state:
            found = visit(question.key)
            if found:
                return found
    return None


def validate(
    questionnaire: Questionnaire, *, known_values: Mapping[str, Iterable[str]] | None = None
) -> list[Problem]:
    """Every problem that would stop a visitor reaching a plan, in question order.

    ``known_values`` maps each facet to the slugs that exist; answers that set a slug no longer
    in the vocabulary are reported too.
    """
    problems: list[Problem] = []
    if not questionnaire.questions:
        return [Problem("", _("Add at least one question."))]
    seen: set[str] = set()
    for question in questionnaire.questions:
        if question.key in seen:
            problems.append(
                Problem(
                    question.key,
                    _("Two questions use the key “%(key)s”. Give each question its own key.")
                    % {"key": question.key},
                )
            )
        seen.add(question.key)
    keys = {q.key for q in questionnaire.questions}
    known = {param: set(values) for param, values in (known_values or {}).items()}
    graph: dict[str, set[str]] = {}

    for question in questionnaire.questions:
        name = _name(question)
        if not question.answers:
            problems.append(
                Problem(
                    question.key,
                    _("Question %(question)s has no answers, so visitors cannot go on from it.")
                    % {"question": name},
                )
            )
        for answer in question.answers:
            if not answer.pairs():
                problems.append(
                    Problem(
                        question.key,
                        _(
                            "Answer “%(answer)s” of question %(question)s sets nothing. Choose "
                            "at least one need, stage, organisation type, area or sector, or "
                            "remove the answer."
                        )
                        % {"answer": answer.label, "question": name},
                    )
                )
            for param, value in sorted(answer.pairs()):
                if param in known and value not in known[param]:
                    problems.append(
                        Problem(
                            question.key,
                            _(
                                "Answer “%(answer)s” of question %(question)s sets "
                                "%(param)s=%(value)s, which is no longer in the vocabulary."
                            )
                            % {
                                "answer": answer.label,
                                "question": name,
                                "param": param,
                                "value": value,
                            },
                        )
                    )
        if not question.multiple:
            by_values: dict[frozenset, str] = {}
            for answer in question.answers:
                if answer.pairs() and answer.pairs() in by_values:
                    problems.append(
                        Problem(
                            question.key,
                            _(
                                "Answers “%(first)s” and “%(second)s” of question %(question)s "
                                "set exactly the same values, so the plan cannot tell them "
                                "apart. Make them set different values."
                            )
                            % {
                                "first": by_values[answer.pairs()],
                                "second": answer.label,
                                "question": name,
                            },
                        )
                    )
                by_values.setdefault(answer.pairs(), answer.label)
        graph[question.key] = set()
        for target, label in _targets(questionnaire, question):
            if target == END:
                continue
            if target not in keys:
                where = (
                    _("Answer “%(answer)s” of question %(question)s")
                    % {"answer": label, "question": name}
                    if label
                    else _("Question %(question)s") % {"question": name}
                )
                problems.append(
                    Problem(
                        question.key,
                        _(
                            "%(where)s leads to “%(target)s”, which is not a question here: a "
                            "dead end. Use the key of another question, or “%(end)s” for the "
                            "plan."
                        )
                        % {"where": where, "target": target, "end": END},
                    )
                )
                continue
            graph[question.key].add(target)

    loop = _find_loop(questionnaire, graph)
    if loop:
        question = questionnaire.get(loop[0])
        problems.append(
            Problem(
                loop[0],
                _(
                    "Question %(question)s can lead back to itself (%(path)s), so visitors "
                    "would go round in a circle. Change where one of these answers leads."
                )
                % {"question": _name(question), "path": " → ".join(loop)},
            )
        )

    first = questionnaire.first.key
    reached = {first}
    pending = [first]
    while pending:
        for target in graph.get(pending.pop(), ()):
            if target not in reached:
                reached.add(target)
                pending.append(target)
    for question in questionnaire.questions:
        if question.key not in reached:
            problems.append(
                Problem(
                    question.key,
                    _(
                        "Question %(question)s cannot be reached: no answer leads to it. "
                        "Point an answer at it, or remove it."
                    )
                    % {"question": _name(question)},
                )
            )
    order = {q.key: n for n, q in enumerate(questionnaire.questions)}
    return sorted(problems, key=lambda p: order.get(p.key, -1))
