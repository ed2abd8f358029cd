"""A Redis cache that treats an unreachable Redis as an empty cache.

The cache only ever saves work: when Redis is stopped, restarting or slow, a
page is built from the database instead of failing. Each error is logged, so
an outage is seen in the logs rather than by readers.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


def _forgiving(name, fallback):
    method = getattr(RedisCache, name)

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except REDIS_DOWN as error:
            logger.warning("Cache %s skipped, Redis is unreachable: %s", name, error)
            return fallback(args, kwargs) if callable(fallback) else fallback

    wrapper.__name__ = name
    wrapper.__doc__ = method.__doc__
    return wrapper


def _default(args, kwargs):
    """What ``get`` returns for a miss: the ``default`` argument."""
    if "default" in kwargs:
        return kwargs["default"]
    return args[1] if len(args) > 1 else None


class ForgivingRedisCache(RedisCache):
    """Django's RedisCache; reads miss and writes are dropped while Redis is down."""

    get = _forgiving("get", _default)
    get_many = _forgiving("get_many", {})
    has_key = _forgiving("has_key", False)
    add = _forgiving("add", False)
    set = _forgiving("set", False)
    set_many = _forgiving("set_many", lambda args, kwargs: list(args[0]) if args else [])
    touch = _forgiving("touch", False)
    delete = _forgiving("delete", False)
    delete_many = _forgiving("delete_many", None)
    clear = _forgiving("clear", False)
    incr = _forgiving("incr", None)
    decr = _forgiving("decr", None)

    def get_or_set(self, key, default, timeout=None, version=None):
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            if value is not None:
                self.set(key, value, timeout=timeout, version=version)
        return value
