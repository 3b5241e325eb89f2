"""Turning what a visitor typed into safe search terms, and highlighting them in results.

Everything here is plain Python (no database), so it is tested on its own: any string at all
goes in, and only letters, digits and inner hyphens come out, which no search engine (SQLite
FTS5, PostgreSQL ``to_tsquery``, Elasticsearch) treats as syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

#: Longest query kept; longer input is cut (a visitor never needs more to find a page).
MAX_QUERY_LENGTH = 200
#: Most words searched for; the rest are ignored so a pasted paragraph stays fast.
MAX_TERMS = 8
#: Words a zero-result query is recorded under at most.
MAX_RECORDED_LENGTH = 100

#: Spellings that mean the same thing. A query using any of them searches for all of them.
SYNONYM_GROUPS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            *("co-op", "coop", "co-operative", "cooperative"),
            *("co-ops", "coops", "co-operatives", "cooperatives"),
        }
    ),
    frozenset({"cic", "community interest company"}),
    frozenset({"procurement", "procure", "procuring", "tender", "tendering", "tenders"}),
    frozenset({"social enterprise", "social business"}),
    frozenset({"employee-owned", "employee ownership", "employee owned"}),
)
#: Little words left out of a search (unless they are all there is), so "how do I start a co-op"
#: needs only "start" and "co-op", and search syntax typed as words (AND, OR, NEAR) is harmless.
STOP_WORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from"),
        *("how", "i", "in", "is", "it", "my", "near", "not", "of", "on", "or", "our", "the"),
        *("to", "what", "where", "who", "with", "you", "your"),
    }
)
_SYNONYMS: dict[str, frozenset[str]] = {word: group for group in SYNONYM_GROUPS for word in group}

# A word: letters, digits or marks (any script), optionally joined by single hyphens.
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_EMAIL = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d[\d\s\-]{4,}\d")


@dataclass(frozen=True)
class Term:
    """One word the visitor typed, with the spellings that count as the same word."""

    word: str
    variants: tuple[str, ...]


def clean_query(raw: str | None) -> str:
    """The query as it is shown back to the visitor: no control characters, single spaces, capped.

    NUL bytes, other control characters and unpaired surrogates are dropped; the text is put
    into Unicode NFC form so that the same letters typed two ways match the same pages.
    """
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", str(raw))
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or (ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF)
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def words(query: str) -> list[str]:
    """The searchable words of a cleaned query, lower-cased, without repeats, at most MAX_TERMS."""
    found: list[str] = []
    for match in _WORD.finditer(query.casefold()):
        word = match.group(0)
        if word not in found:
            found.append(word)
        if len(found) == MAX_TERMS:
            break
    return found


def _phrase_synonyms(query_words: list[str]) -> dict[int, tuple[frozenset[str], int]]:
    """Multi-word synonyms ("community interest company") found in the query, by start index."""
    found: dict[int, tuple[frozenset[str], int]] = {}
    for group in SYNONYM_GROUPS:
        for spelling in group:
            parts = spelling.split()
            if len(parts) < 2:
                continue
            for i in range(len(query_words) - len(parts) + 1):
                if query_words[i : i + len(parts)] == parts:
                    found[i] = (group, len(parts))
    return found


def singular(word: str) -> str | None:
    """A plural English word's singular ("businesses" -> "business"), else None.

    SQLite's full-text search does no stemming, so the singular is searched for as well;
    the partial-word pass already finds plurals from a singular.
    """
    if len(word) < 4 or not word.isascii() or not word.endswith("s") or word.endswith("ss"):
        return None
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def terms(query: str) -> list[Term]:
    """The words to search for, each with its synonyms (co-op, coop, cooperative ...)."""
    query_words = words(query)
    meaningful = [w for w in query_words if w not in STOP_WORDS]
    query_words = meaningful or query_words
    phrases = _phrase_synonyms(query_words)
    result: list[Term] = []
    i = 0
    while i < len(query_words):
        if i in phrases:
            group, length = phrases[i]
            word = " ".join(query_words[i : i + length])
            i += length
        else:
            word = query_words[i]
            group = _SYNONYMS.get(word)
            if group is None:
                one = singular(word)
                group = _SYNONYMS.get(one or "", frozenset({word, one} if one else {word}))
            i += 1
        variants = (word, *sorted(v for v in group if v != word))
        result.append(Term(word=word, variants=variants))
    return result


def normalise_for_record(query: str) -> str:
    """The form a query is counted under when it found nothing: lower case, no personal details.

    E-mail addresses and long runs of digits (phone numbers, reference numbers) are replaced,
    so the report never holds contact details that a visitor typed by mistake.
    """
    text = clean_query(query).casefold()
    text = _EMAIL.sub("[email]", text)
    text = _DIGITS.sub("[number]", text)
    return " ".join(text.split())[:MAX_RECORDED_LENGTH]


def _pattern(variants: list[str]) -> re.Pattern | None:
    if not variants:
        return None
    # Longest first so "co-operative" wins over "co-op"; each spelling may be a word's start
    # (so "procure" marks "procurement") and hyphens match any dash or space.
    pieces = sorted({v for v in variants if v}, key=len, reverse=True)
    alternatives = "|".join(
        r"[\s\-‐-―]?".join(re.escape(part) for part in re.split(r"[\s\-]+", piece))
        for piece in pieces
    )
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)


def match_pattern(query_terms: list[Term]) -> re.Pattern | None:
    """One regular expression that finds any variant of any term at the start of a word."""
    return _pattern([v for term in query_terms for v in term.variants])


def count_matches(text: str, pattern: re.Pattern | None) -> int:
    """How many different words of ``text`` the pattern matches (for ranking by title/summary)."""
    if not text or pattern is None:
        return 0
    return len({m.group(0).casefold() for m in pattern.finditer(text)})


def highlight(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` escaped for HTML, with every match of ``pattern`` wrapped in ``<mark>``.

    Each piece is escaped before it is joined, so nothing the visitor or an editor typed can
    become markup; only the ``<mark>`` tags added here are trusted.
    """
    text = text or ""
    if pattern is None:
        return escape(text)
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        pieces.append(escape(text[last:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped


def shorten(text: str, *, limit: int = 240) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return f"{cut}…"
