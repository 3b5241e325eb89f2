"""A read-only request that lost its database connection is tried once more.

When PostgreSQL restarts or drops connections, the requests in flight fail on a connection
that is already gone. A GET or HEAD changes nothing, so it is safe to close the broken
connection and run it again on a new one; the visitor sees the page instead of an error.
Anything else (a form post) still fails, so nothing is done twice.
"""

from __future__ import annotations

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

_LOST = "_portal_lost_database"
_RETRIED = "_portal_retried"
SAFE_METHODS = frozenset({"GET", "HEAD"})


def _note_lost_connection(sender, request=None, **kwargs) -> None:
    """Django turns a view's exception into a 500 below us; remember what it was."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, OperationalError | InterfaceError):
        setattr(request, _LOST, True)


got_request_exception.connect(_note_lost_connection, dispatch_uid="portal-lost-database")


class RetryLostConnectionMiddleware:
    """Outermost middleware: one more try, on a fresh connection, for a safe request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code >= 500
            and getattr(request, _LOST, False)
            and request.method in SAFE_METHODS
            and not getattr(request, _RETRIED, False)
        ):
            setattr(request, _RETRIED, True)
            setattr(request, _LOST, False)
            for connection in connections.all(initialized_only=True):
                connection.close()
            logger.warning("Database connection lost during %s; trying once more.", request.path)
            response = self.get_response(request)
        return response
