"""Stable identifiers for everything the open data API publishes.

Providers and their places carry their own UUIDs. Everything else (vocabulary terms,
organisations, addresses, attributes) gets a name-based UUID, so the same thing has the same
identifier on every request and after every rebuild of the database.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("3f6b2f3e-8d0b-5c57-9a57-6d6f6e776561")


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def taxonomy_id(param: str) -> str:
    return stable_id("taxonomy", param)


def term_id(param: str, slug: str) -> str:
    return stable_id("term", param, slug)
