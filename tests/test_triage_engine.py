"""The questionnaire's logic without a database: the engine, the journey and validation."""

import datetime

from triage.engine import Candidate, PinRule, build_plan, coverage, rank, reasons
from triage.journey import answer_question, walk
from triage.questionnaire import Answer, Question, Questionnaire
from triage.validation import validate

NOW = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)
LABELS = {
    "need": {"funding": "Funding and social investment", "governance": "Governance and boards"},
    "stage": {"exploring": "Exploring an idea", "growing": "Growing"},
    "area": {"wigan": "Wigan", "bolton": "Bolton", "gm-wide": "All of Greater Manchester"},
}


def candidate(id, kind="guide", priority=0, implied_areas=(), **facets):
    values = {param: {v: False for v in vals} for param, vals in facets.items()}
    for area in implied_areas:
        values.setdefault("area", {})[area] = True
    return Candidate(id=id, kind=kind, facets=values, priority=priority)


# The engine


def test_a_guide_on_the_visitors_need_ranks_above_one_that_only_shares_the_stage():
    on_need = candidate(1, need=["funding"])
    on_stage = candidate(2, need=["governance"], stage=["exploring"])
    both = candidate(3, need=["funding"], stage=["exploring"])
    ranked = rank([on_need, on_stage, both], {"need": ["funding"], "stage": ["exploring"]})
    assert [r.candidate.id for r in ranked[:2]] == [3, 1]


def test_required_need_leaves_out_pages_on_other_needs():
    ranked = rank(
        [candidate(1, need=["governance"], stage=["exploring"])],
        {"need": ["funding"], "stage": ["exploring"]},
        require=("need",),
    )
    assert ranked == []


def test_editor_priority_breaks_ties_and_pins_come_first_whatever_they_match():
    plain = candidate(1, need=["funding"])
    preferred = candidate(2, need=["funding"], priority=2)
    pinned = candidate(3, need=["governance"])
    pins = [PinRule(3, {"need": ("funding",), "stage": ("exploring",)})]
    answers = {"need": ["funding"], "stage": ["exploring"]}
    ranked = rank([plain, preferred, pinned], answers, require=("need",), pins=pins)
    assert [r.candidate.id for r in ranked] == [3, 2, 1]
    assert ranked[0].pinned
    # A pin only applies when every condition matches.
    ranked = rank([plain, pinned], {"need": ["funding"]}, require=("need",), pins=pins)
    assert [r.candidate.id for r in ranked] == [1]


def test_reasons_name_the_visitors_answers_in_words():
    rec = rank(
        [candidate(1, need=["funding"], stage=["exploring"])],
        {"need": ["funding"], "stage": ["exploring"]},
    )[0]
    assert reasons(rec, LABELS) == [
        "Because you said you need help with: Funding and social investment",
        "Because you said your stage is: Exploring an idea",
    ]


def test_providers_must_serve_the_borough_and_gm_wide_ones_are_labelled():
    local = candidate(1, "provider", need=["funding"], area=["wigan"])
    gm = candidate(2, "provider", need=["funding"], area=["gm-wide"], implied_areas=["wigan"])
    elsewhere = candidate(3, "provider", need=["funding"], area=["bolton"])
    answers = {"need": ["funding"], "area": ["wigan"]}
    plan = build_plan([local, gm, elsewhere], answers, now=NOW)
    assert [r.candidate.id for r in plan.providers] == [1, 2]
    coverage_map = {"gm-wide": "region", "national": "national"}
    assert coverage(local, answers, coverage_map) == "local"
    assert coverage(gm, answers, coverage_map) == "region"
    assert "covers a wider area" in reasons(plan.providers[1], LABELS)[-1]


def test_no_provider_in_the_borough_gives_an_honest_plan_with_neighbours():
    next_door = candidate(1, "provider", need=["funding"], area=["bolton"])
    local_other_need = candidate(2, "provider", need=["governance"], area=["wigan"])
    far = candidate(3, "provider", need=["funding"], area=["stockport"])
    plan = build_plan(
        [next_door, local_other_need, far],
        {"need": ["funding"], "area": ["wigan"]},
        neighbours=("bolton", "salford"),
        now=NOW,
    )
    assert plan.providers == ()
    assert plan.no_local_provider
    assert [r.candidate.id for r in plan.nearby_providers] == [1, 2]
    assert reasons(plan.nearby_providers[0], LABELS)[-1].startswith("Works in a borough next")


def test_plan_sections_sessions_soonest_first_and_past_ones_left_out():
    def session(id, days, need):
        return Candidate(
            id=id,
            kind="session",
            facets={"need": {need: False}},
            starts=NOW + datetime.timedelta(days=days),
        )

    plan = build_plan(
        [session(-1, 20, "funding"), session(-2, 3, "funding"), session(-3, -1, "funding")]
        + [session(-4, 1, "governance"), candidate(5, "case-study", need=["funding"])],
        {"need": ["funding"]},
        now=NOW,
    )
    assert [r.candidate.id for r in plan.sessions] == [-2, -1]
    assert [r.candidate.id for r in plan.stories] == [5]


def test_a_thin_plan_is_topped_up_with_pages_sharing_the_stage():
    plan = build_plan(
        [candidate(1, need=["funding"]), candidate(2, need=["governance"], stage=["growing"])],
        {"need": ["funding"], "stage": ["growing"]},
        now=NOW,
    )
    assert [r.candidate.id for r in plan.first] == [1, 2]


# The journey


def questionnaire():
    return Questionnaire(
        (
            Question(
                "stage",
                "How far along are you?",
                answers=(
                    Answer("An idea", {"stage": ("exploring",)}),
                    Answer("Growing", {"stage": ("growing",)}, next="area"),
                ),
            ),
            Question(
                "need",
                "What do you need?",
                multiple=True,
                allow_skip=True,
                answers=(
                    Answer("Money", {"need": ("funding",)}),
                    Answer("A board", {"need": ("governance",)}),
                ),
            ),
            Question(
                "area",
                "Where are you?",
                answers=(
                    Answer("Wigan", {"area": ("wigan",)}),
                    Answer("Bolton", {"area": ("bolton",)}),
                ),
            ),
        )
    )


def test_walk_finds_the_next_question_from_the_answers_alone():
    result = walk(questionnaire(), {"stage": ["exploring"]})
    assert result.frontier.question.key == "need"
    result = walk(questionnaire(), {"stage": ["growing"]})
    assert result.frontier.question.key == "area"  # the branch skips the need question
    result = walk(questionnaire(), {"stage": ["exploring"]}, skipped=["need"])
    assert result.frontier.question.key == "area"
    assert walk(
        questionnaire(), {"stage": ["exploring"], "need": ["funding"], "area": ["wigan"]}
    ).complete


def test_walk_drops_values_no_question_on_the_path_asks_for():
    result = walk(questionnaire(), {"stage": ["growing"], "need": ["funding"], "area": ["wigan"]})
    assert result.complete
    assert result.kept == {"stage": ("growing",), "area": ("wigan",)}
    assert result.dropped == (("need", "funding"),)


def test_two_answers_to_a_single_choice_question_are_a_contradiction():
    result = walk(questionnaire(), {"stage": ["exploring", "growing"]})
    assert result.frontier.question.key == "stage"
    assert result.frontier.contradictory


def test_changing_an_answer_keeps_the_others():
    q = questionnaire()
    answers = {"stage": ("exploring",), "need": ("funding",), "area": ("wigan",)}
    new, skipped = answer_question(
        q, answers, question=q.get("area"), chosen=[q.get("area").answers[1]]
    )
    assert new == {"stage": ("exploring",), "need": ("funding",), "area": ("bolton",)}
    # Changing to a branch that skips a question drops that question's answers.
    new, skipped = answer_question(
        q, answers, question=q.get("stage"), chosen=[q.get("stage").answers[1]]
    )
    assert new == {"stage": ("growing",), "area": ("wigan",)}


# Validation


def test_a_sound_questionnaire_has_no_problems():
    assert validate(questionnaire()) == []


def _problems(questions):
    return [(p.key, p.message) for p in validate(Questionnaire(tuple(questions)))]


def test_validation_names_a_dead_end():
    problems = _problems(
        [
            Question(
                "stage",
                "How far along?",
                answers=(Answer("Idea", {"stage": ("exploring",)}, next="nowhere"),),
            )
        ]
    )
    assert problems[0][0] == "stage"
    assert "“How far along?” (stage)" in problems[0][1]
    assert "dead end" in problems[0][1]


def test_validation_names_a_loop():
    problems = _problems(
        [
            Question("a", "First?", answers=(Answer("Yes", {"stage": ("exploring",)}),)),
            Question("b", "Second?", answers=(Answer("Yes", {"need": ("funding",)}, next="a"),)),
        ]
    )
    assert any("circle" in message and "“First?” (a)" in message for _key, message in problems)


def test_validation_names_an_unreachable_question():
    problems = _problems(
        [
            Question(
                "a", "First?", next="plan", answers=(Answer("Yes", {"stage": ("exploring",)}),)
            ),
            Question(
                "lonely", "Nobody gets here?", answers=(Answer("Yes", {"need": ("funding",)}),)
            ),
        ]
    )
    assert problems == [
        (
            "lonely",
            "Question “Nobody gets here?” (lonely) cannot be reached: no answer leads to it. "
            "Point an answer at it, or remove it.",
        )
    ]


def test_validation_names_an_answer_that_sets_nothing():
    problems = _problems([Question("a", "First?", answers=(Answer("Shrug", {}),))])
    assert problems[0][0] == "a"
    assert "Answer “Shrug” of question “First?” (a) sets nothing" in problems[0][1]


def test_validation_catches_unknown_values_and_indistinguishable_answers():
    q = Questionnaire(
        (
            Question(
                "a",
                "First?",
                answers=(Answer("One", {"stage": ("gone",)}), Answer("Two", {"stage": ("gone",)})),
            ),
        )
    )
    messages = [p.message for p in validate(q, known_values={"stage": ["exploring"]})]
    assert any("no longer in the vocabulary" in m for m in messages)
    assert any("exactly the same values" in m for m in messages)
