"""The durable cache: rate limits and the like in PostgreSQL, never evicted to make room.

Django's database cache deletes a third of its live entries when it holds more than
MAX_ENTRIES; for rate limits that would lift a login lock under a flood. This one only
ever removes entries that have expired, so MAX_ENTRIES merely says how often it tidies up.

Its `incr` is atomic: Django's reads the value and writes it back, so that two requests at
the same moment could both count 4 and both pass a limit of 5. Here the row is locked
between the read and the write (SELECT ... FOR UPDATE on PostgreSQL; SQLite writes one
transaction at a time anyway).
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone
from redis.exceptions import RedisError


def redis_error(cache):
    """Why the Redis behind `cache` does not answer, or None when it does (a PING)."""
    try:
        cache._cache.get_client().ping()
    except RedisError as error:
        return error
    return None


class DurableDatabaseCache(DatabaseCache):
    def _cull(self, db, cursor, now, num):
        connection = connections[db]
        cursor.execute(
            "DELETE FROM {} WHERE {} < %s".format(  # noqa: S608 - quoted names, no input
                connection.ops.quote_name(self._table), connection.ops.quote_name("expires")
            ),
            [connection.ops.adapt_datetimefield_value(now)],
        )

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, value_column = quote(self._table), quote("value")
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {value_column} FROM {table} "  # noqa: S608 - quoted names, no input
                f"WHERE {quote('cache_key')} = %s AND {quote('expires')} >= %s{lock}",
                [key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta  # noqa: S301 - our rows
            pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s "  # noqa: S608 - quoted names, no input
                f"WHERE {quote('cache_key')} = %s",
                [pickled, key],
            )
        return value
