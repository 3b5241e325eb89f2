"""Short helpers that write StreamField data for the demo content, so the text stays readable."""

from __future__ import annotations


def h(text: str, level: str = "h2") -> tuple:
    return ("heading", {"text": text, "level": level, "anchor": ""})


def p(*paragraphs: str) -> tuple:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def ul(*items: str) -> tuple:
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def callout(kind: str, heading: str, text: str) -> tuple:
    return ("callout", {"kind": kind, "heading": heading, "text": f"<p>{text}</p>"})


def steps(heading: str, *pairs: tuple[str, str]) -> tuple:
    return (
        "steps",
        {"heading": heading, "steps": [{"title": t, "text": f"<p>{x}</p>"} for t, x in pairs]},
    )


def checklist(heading: str, *items: str) -> tuple:
    return ("checklist", {"heading": heading, "items": list(items)})


def quote(text: str, who: str, role: str) -> tuple:
    return ("quote", {"quote": text, "attribution": who, "role": role})


def questions(*pairs: tuple[str, str], heading: str = "Questions people ask") -> tuple:
    return (
        "questions",
        {"heading": heading, "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in pairs]},
    )


def table(caption: str, headings: list[str], *rows: list[str]) -> tuple:
    return (
        "table",
        {
            "caption": caption,
            "columns": [{"type": "text", "heading": heading} for heading in headings],
            "rows": [{"values": list(row)} for row in rows],
        },
    )


def lesson(title: str, minutes: int, summary: str, *paragraphs: str) -> tuple:
    return (
        "lesson",
        {
            "title": title,
            "anchor": "",
            "minutes": minutes,
            "summary": summary,
            "content": "".join(f"<p>{text}</p>" for text in paragraphs),
        },
    )
