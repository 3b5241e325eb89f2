"""The signal a questionnaire sends when someone completes it, and the campaign counter.

The questionnaire sends ``journey_completed`` with ``questionnaire_id``, ``answers`` (a
mapping of facet parameter to chosen slugs) and ``campaign`` (the ``?campaign=`` tag the
journey carried, or ''). Campaigns count the completion when the tag names a campaign.
"""

from django.dispatch import Signal, receiver

journey_completed = Signal()


@receiver(journey_completed, dispatch_uid="campaigns-count-completion")
def count_completion(sender, *, answers=None, campaign="", **kwargs) -> None:
    if not campaign:
        return
    from campaigns.counting import record_completion

    record_completion(campaign=campaign, answers=answers or {})
