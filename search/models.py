"""What visitors searched for and could not find, counted so hub staff can fill the gaps."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.text import normalise_for_record


class ZeroResultQuery(models.Model):
    """A search that found nothing: the normalised words, how often, and when. No visitor data."""

    query = models.CharField(_("search words"), max_length=100)
    language = models.CharField(_("language"), max_length=10, default="en")
    count = models.PositiveIntegerField(_("times searched"), default=1)
    first_searched = models.DateTimeField(_("first searched"), default=timezone.now)
    last_searched = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search with no results")
        verbose_name_plural = _("searches with no results")
        constraints = [
            models.UniqueConstraint(fields=["query", "language"], name="unique_zero_result_query")
        ]
        indexes = [models.Index(fields=["-count"], name="zero_result_by_count")]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query: str, *, language: str) -> None:
        """Count one more search for ``query`` that found nothing (normalised; no visitor data)."""
        text = normalise_for_record(query)
        if not text:
            return
        language = (language or "en")[:10]
        now = timezone.now()
        rows = cls.objects.filter(query=text, language=language)
        if rows.update(count=F("count") + 1, last_searched=now):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    query=text, language=language, first_searched=now, last_searched=now
                )
        except IntegrityError:
            # Another request recorded the same words a moment ago.
            rows.update(count=F("count") + 1, last_searched=now)
