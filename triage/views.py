"""The visitor's journey: one question per screen, then the plan (as HTML or JSON).

Every piece of state is in the query string, so each screen is a link that can be
bookmarked, shared or printed, the browser's back button works, and nothing needs
JavaScript or cookies. Answer forms use GET and are redirected to the clean address of the
next step.
"""

from __future__ import annotations

import logging

from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.vocabulary import vocabulary
from triage.journey import Step, answer_question, walk
from triage.questionnaire import FACET_PARAMS
from triage.state import Journey, query, read_journey, with_query

MAX_ANSWER_IDS = 50
logger = logging.getLogger(__name__)


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


def _labels() -> dict[str, dict[str, str]]:
    terms = vocabulary()
    return {param: {t.slug: t.label for t in terms.get(param, ())} for param in FACET_PARAMS}


def step_url(page, journey_answers, skipped, key: str, request=None, *, campaign="") -> str:
    return with_query(
        page.get_url(request), query(journey_answers, skipped=skipped, campaign=campaign, step=key)
    )


def plan_url(page, answers, skipped=(), request=None, *, campaign="", **extra) -> str:
    return with_query(
        page.plan_url(request), query(answers, skipped=skipped, campaign=campaign, **extra)
    )


def start_url(page, journey: Journey, request=None) -> str:
    """The questionnaire's first page; a campaign visitor starting again stays in the campaign."""
    return with_query(page.get_url(request), query({}, campaign=journey.campaign))


def your_answers(page, journey: Journey, request, *, current: str = "") -> list[dict]:
    """Each answered question with what the visitor chose and a link to change it."""
    rows = []
    for step in journey.walk.steps:
        if not step.answered or step.question.key == current:
            continue
        rows.append(
            {
                "question": step.question.text,
                "answers": [a.label for a in step.chosen] or [_("Skipped")],
                "change_url": step_url(
                    page,
                    journey.answers,
                    journey.skipped,
                    step.question.key,
                    request,
                    campaign=journey.campaign,
                ),
                "key": step.question.key,
            }
        )
    return rows


def _mine(journey: Journey, step: Step) -> set[tuple[str, str]]:
    """Values only this question's answers set: replaced when the visitor answers it."""
    others = set()
    for other in journey.walk.steps:
        if other.question.key != step.question.key:
            others.update(p for a in other.chosen for p in a.pairs())
    return {p for a in step.question.answers for p in a.pairs()} - others


def render_step(page, request, journey: Journey, step: Step, *, error: bool = False):
    question = step.question
    mine = _mine(journey, step)
    hidden = [
        (p, v) for p in FACET_PARAMS for v in journey.answers.get(p, ()) if (p, v) not in mine
    ]
    hidden += [("skip", key) for key in journey.skipped if key != question.key]
    if journey.campaign:
        hidden.append(("campaign", journey.campaign))
    if step.answered:
        hidden.append(("changing", "1"))
    number = journey.walk.index(question.key)
    chosen = set(step.chosen)
    answers = [
        {
            "id": f"answer-{question.key}-{n}",
            "value": n,
            "label": answer.label,
            "help_text": answer.help_text,
            "checked": answer in chosen,
        }
        for n, answer in enumerate(question.answers, start=1)
    ]
    if number:
        previous = journey.walk.steps[number - 1].question.key
        back_url = step_url(
            page, journey.answers, journey.skipped, previous, request, campaign=journey.campaign
        )
    else:
        back_url = start_url(page, journey, request)
    messages = list(journey.messages)
    if step.contradictory:
        messages.append(
            _("Your link gives more than one answer to “%(question)s”. Please choose one.")
            % {"question": question.text}
        )
    error_message = ""
    if error:
        error_message = (
            _("Choose at least one answer to “%(question)s”")
            if question.multiple
            else _("Choose an answer to “%(question)s”")
        ) % {"question": question.text}
    context = page.get_context(request)
    context.update(
        {
            "question": question,
            "answers": answers,
            "hidden": hidden,
            "error": error_message,
            "messages": messages,
            "position": number + 1,
            "total": len(journey.walk.steps),
            "back_url": back_url,
            "form_action": page.get_url(request),
            "start_url": start_url(page, journey, request),
            "your_answers": your_answers(page, journey, request, current=question.key),
            "plan_url": plan_url(
                page, journey.answers, journey.skipped, request, campaign=journey.campaign
            )
            if journey.walk.complete
            else "",
            "noindex": True,
        }
    )
    response = TemplateResponse(request, "triage/find_support_step.html", context)
    return _noindex(response)


def serve_step(page, request):
    questionnaire = page.questionnaire
    journey = read_journey(request.GET, questionnaire)
    if not questionnaire.questions:
        return page.render(request, context_overrides={"not_ready": True})
    if "q" in request.GET:
        return _handle_answer(page, request, journey)
    walked = journey.walk
    if not journey.step and not journey.answers and not journey.skipped:
        if not journey.messages:
            first = walked.steps[0].question.key
            return page.render(
                request,
                context_overrides={
                    "first_step": walked.steps[0],
                    "first_step_query": query({}, campaign=journey.campaign, step=first),
                },
            )
        return render_step(page, request, journey, walked.steps[0])
    step = walked.step(journey.step) if journey.step else None
    if step is not None and walked.reachable(journey.step):
        return render_step(page, request, journey, step)
    if journey.step:
        if step is None:
            journey.messages.append(
                _(
                    "That question is not part of this questionnaire any more, so here is the "
                    "next one to answer. Your other answers are kept."
                )
            )
        else:
            journey.messages.append(_("Please answer this question first."))
    if walked.frontier is not None:
        return render_step(page, request, journey, walked.frontier)
    return HttpResponseRedirect(
        plan_url(page, journey.answers, journey.skipped, request, campaign=journey.campaign)
    )


def _handle_answer(page, request, journey: Journey):
    questionnaire = page.questionnaire
    question = questionnaire.get(request.GET.get("q", "").strip().lower()[:40])
    if question is None or journey.walk.index(question.key) is None:
        target = journey.walk.frontier
        if target is None:
            return HttpResponseRedirect(
                plan_url(page, journey.answers, journey.skipped, request, campaign=journey.campaign)
            )
        return HttpResponseRedirect(
            with_query(
                page.get_url(request),
                query(
                    journey.answers,
                    skipped=journey.skipped,
                    campaign=journey.campaign,
                    step=target.question.key,
                    notice="changed",
                ),
            )
        )
    skip = request.GET.get("action") == "skip" and question.allow_skip
    chosen = []
    if not skip:
        for raw in request.GET.getlist("answer")[:MAX_ANSWER_IDS]:
            try:
                number = int(raw)
            except ValueError:
                continue
            if 1 <= number <= len(question.answers):
                answer = question.answers[number - 1]
                if answer not in chosen:
                    chosen.append(answer)
        if not chosen:
            return render_step(page, request, journey, journey.walk.step(question.key), error=True)
        if not question.multiple:
            chosen = chosen[:1]
    answers, skipped = answer_question(
        questionnaire,
        journey.answers,
        question=question,
        chosen=chosen,
        skipped=journey.skipped,
        skip=skip,
    )
    after = walk(questionnaire, answers, skipped=skipped)
    if after.frontier is None:
        if not request.GET.get("changing"):
            _count_completion(page, answers, campaign=journey.campaign)
        return HttpResponseRedirect(
            plan_url(page, answers, skipped, request, campaign=journey.campaign)
        )
    return HttpResponseRedirect(
        step_url(
            page, answers, skipped, after.frontier.question.key, request, campaign=journey.campaign
        )
    )


def _count_completion(page, answers, *, campaign: str) -> None:
    """Count the finished journey, then tell the rest of the site (campaigns count their own).

    The visitor gets their plan even if a campaign counter fails, so receivers' errors are
    logged rather than raised.
    """
    from django.apps import apps

    from triage.counting import record_journey

    record_journey(questionnaire_id=page.pk, answers=answers)
    if not apps.is_installed("campaigns"):
        return
    from campaigns.signals import journey_completed

    for receiver, result in journey_completed.send_robust(
        sender=type(page),
        questionnaire_id=page.pk,
        answers={p: list(v) for p, v in answers.items()},
        campaign=campaign,
    ):
        if isinstance(result, Exception):
            logger.error("A journey_completed receiver failed: %r", receiver, exc_info=result)


def serve_plan(page, request):
    from triage.plan import build

    journey = read_journey(request.GET, page.questionnaire)
    as_json = request.GET.get("format") == "json"
    if not journey.answers:
        if as_json:
            return _noindex(
                JsonResponse(
                    {
                        "error": _("No answers were understood. Start the questionnaire."),
                        "start_url": request.build_absolute_uri(start_url(page, journey, request)),
                        "answers": {},
                        "items": [],
                    },
                    status=400,
                )
            )
        first = page.questionnaire.first
        target = with_query(
            page.get_url(request),
            query({}, campaign=journey.campaign, step=first.key, notice="no-answers")
            if first
            else query({}, campaign=journey.campaign),
        )
        return HttpResponseRedirect(target)
    terms = vocabulary()
    labels = _labels()

    def make():
        plan = build(
            answers=journey.answers,
            locale=page.locale,
            rules=page.rules,
            labels=labels,
            request=request,
            area_coverage={t.slug: t.coverage for t in terms.get("area", ())},
        )
        return plan, _directory_base_url(page, request)

    result, directory_base = _cached(page, request, journey, make)
    directory_url = _directory_url(directory_base, journey)
    if as_json:
        return _noindex(JsonResponse(_plan_json(request, journey, result, directory_url)))
    frontier = journey.walk.frontier
    missing = None
    if frontier is not None:
        missing = {
            "question": frontier.question.text,
            "url": step_url(
                page,
                journey.answers,
                journey.skipped,
                frontier.question.key,
                request,
                campaign=journey.campaign,
            ),
        }
    answered = [s for s in journey.walk.steps if s.answered]
    back_url = (
        step_url(
            page,
            journey.answers,
            journey.skipped,
            answered[-1].question.key,
            request,
            campaign=journey.campaign,
        )
        if answered
        else start_url(page, journey, request)
    )
    from triage.forms import EmailPlanForm

    context = page.get_context(request)
    context.update(
        {
            "result": result,
            "messages": journey.messages,
            "missing": missing,
            "your_answers": your_answers(page, journey, request),
            "answer_labels": [
                labels[p].get(v, v) for p in FACET_PARAMS for v in journey.answers.get(p, ())
            ],
            "directory_url": directory_url,
            "plan_link": request.build_absolute_uri(
                plan_url(page, journey.answers, journey.skipped, request, campaign=journey.campaign)
            ),
            "back_url": back_url,
            "start_url": start_url(page, journey, request),
            "email_form": EmailPlanForm(
                initial={
                    "page": page.pk,
                    "answers": query(
                        journey.answers, skipped=journey.skipped, campaign=journey.campaign
                    ),
                }
            ),
            "email_error": request.GET.get("notice") == "email-invalid",
            "area_labels": [labels["area"].get(v, v) for v in journey.answers.get("area", ())],
            "need_labels": [labels["need"].get(v, v) for v in journey.answers.get("need", ())],
            "noindex": True,
        }
    )
    response = TemplateResponse(request, "triage/find_support_plan.html", context)
    return _noindex(response)


def _cached(page, request, journey: Journey, make):
    """The plan for these answers from the cache, or made and kept for a few minutes.

    Plans depend only on the answers, the questionnaire's live version, the language and the
    content, so everyone asking the same thing shares one. Publishing anything forgets them
    all (triage/signals.py); the timeout drops sessions that have since started.
    """
    import hashlib

    from django.conf import settings
    from django.core.cache import cache
    from django.utils.translation import get_language

    from triage.signals import content_version

    seconds = getattr(settings, "TRIAGE_PLAN_CACHE_SECONDS", 300)
    if not seconds:
        return make()
    answers = hashlib.sha256(query(journey.answers).encode()).hexdigest()[:32]
    key = ":".join(
        str(part)
        for part in (
            # v2: a plan and the directory's address (v1 held the plan alone).
            "triage:plan:v2",
            content_version(),
            page.pk,
            page.live_revision_id,
            get_language(),
            request.get_host(),
            answers,
        )
    )
    result = cache.get(key)
    if result is None:
        result = make()
        cache.set(key, result, seconds)
    return result


def _directory_base_url(page, request) -> str:
    """The address of the directory in the questionnaire's language ('' when there is none)."""
    from wagtail.models import Page

    directory = (
        Page.objects.live()
        .filter(
            locale_id=page.locale_id,
            content_type__app_label="directory",
            content_type__model="directoryindexpage",
        )
        .only("id", "url_path")
        .first()
    )
    return (directory.get_url(request) or "") if directory is not None else ""


def _directory_url(base: str, journey: Journey) -> str:
    """The directory filtered by the answers it understands (it has no audience sector)."""
    if not base:
        return ""
    answers = {p: v for p, v in journey.answers.items() if p in ("need", "stage", "type", "area")}
    return with_query(base, query(answers))


def _plan_json(request, journey: Journey, result, directory_url: str) -> dict:
    def absolute(url: str) -> str:
        return request.build_absolute_uri(url) if url else ""

    items = []
    for item in result.items():
        entry = {
            "kind": item.kind,
            "title": item.title,
            "url": absolute(item.url),
            "reasons": item.reasons,
        }
        if item.kind == "provider":
            entry["coverage"] = item.coverage
        if item.kind == "session":
            entry["starts"] = item.starts.isoformat() if item.starts else None
            entry["booking_url"] = item.booking_url
        items.append(entry)
    return {
        "answers": {p: list(v) for p, v in journey.answers.items()},
        "campaign": journey.campaign,
        "complete": journey.walk.complete,
        "items": items,
        "no_local_provider": result.no_local_provider,
        "directory_url": absolute(directory_url),
        "messages": [str(m) for m in journey.messages],
    }


EMAIL_RATE = "5/h"
EMAILS_PER_ADDRESS_PER_DAY = 3


def _address_limited(email: str) -> bool:
    """At most a few plans a day to one address, so the form cannot be used to pester anyone."""
    import hashlib

    from django.core.cache import cache

    key = "triage-email:" + hashlib.sha256(email.lower().encode()).hexdigest()[:24]
    cache.add(key, 0, timeout=24 * 3600)
    try:
        return cache.incr(key) > EMAILS_PER_ADDRESS_PER_DAY
    except ValueError:
        cache.set(key, 1, timeout=24 * 3600)
        return False


def email_plan(request):
    """Send the link to a plan to the address given. The address is used once, never stored.

    No CSRF token: the form changes nothing on the site and only ever sends the site's own
    message with a link to a plan, so a forged post gains nothing, and visitors without
    cookies can still use it. The rate limits stop it being used to send many emails.
    """
    from django.conf import settings
    from django.core.mail import send_mail
    from django.http import HttpResponseNotAllowed, QueryDict
    from django.template.loader import render_to_string

    from portal.ratelimit import is_limited
    from triage.forms import EmailPlanForm
    from triage.models import FindSupportPage

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = EmailPlanForm(request.POST)
    try:
        page_id = int(request.POST.get("page", ""))
    except ValueError:
        page_id = 0
    page = FindSupportPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return HttpResponseRedirect("/")
    journey = read_journey(QueryDict(request.POST.get("answers", "")[:2000]), page.questionnaire)
    carried = {"campaign": journey.campaign}
    back = plan_url(page, journey.answers, journey.skipped, request, **carried)
    if not form.is_valid():
        return HttpResponseRedirect(
            plan_url(
                page, journey.answers, journey.skipped, request, notice="email-invalid", **carried
            )
            + "#email-plan"
        )
    email = form.cleaned_data["email"]
    if is_limited(request, scope="triage-email", rate=EMAIL_RATE) or _address_limited(email):
        return HttpResponseRedirect(
            plan_url(
                page, journey.answers, journey.skipped, request, notice="email-limit", **carried
            )
            + "#email-plan"
        )
    link = request.build_absolute_uri(back)
    try:
        send_mail(
            subject=_("Your plan from the Community Wealth Hub"),
            message=render_to_string("triage/email_plan.txt", {"link": link, "page": page}),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    except Exception:  # noqa: BLE001 - logged without the address; the visitor is told
        logger.exception("Could not send a plan by email")
        notice = "email-failed"
    else:
        notice = "emailed"
    return HttpResponseRedirect(
        plan_url(page, journey.answers, journey.skipped, request, notice=notice, **carried)
        + "#email-plan"
    )
