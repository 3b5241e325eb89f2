"""A Redis cache that a Redis outage cannot turn into server errors.

Everything the site keeps in the cache (vocabulary, footer, rendered pages, rate-limit
counters) can be rebuilt or skipped, so when Redis is unreachable reads miss, writes are
dropped, and pages are served uncached. The first failure is logged; after it the backend
stops trying for a few seconds so a dead server does not add a connection attempt to every
call. ``/healthz`` calls :meth:`ResilientRedisCache.ping`, which does raise, so the outage
is still reported to the load balancer and to whoever watches it.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: Seconds to leave Redis alone after a failure before trying again.
RETRY_AFTER = 5.0


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, failing soft: a miss on read, a no-op on write."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        # A stuck server must not hold a page for long: short timeouts on every call.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0

    def _call(self, name: str, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except (RedisError, OSError) as error:
            if self._down_until == 0.0:
                logger.warning("Cache unavailable, serving without it: %s", error)
            self._down_until = time.monotonic() + RETRY_AFTER
            return fallback
        if self._down_until:
            logger.warning("Cache available again.")
            self._down_until = 0.0
        return result

    def ping(self) -> bool:
        """Raise when Redis does not answer; for the health check only."""
        result = self._cache.get_client(write=True).ping()
        self._down_until = 0.0
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError (callers rely on it); an outage counts as the
        # first hit, so rate limits fail open rather than locking everyone out.
        return self._call("incr", delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", [], data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
