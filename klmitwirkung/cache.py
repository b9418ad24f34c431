"""The durable cache: rate limits and the like in PostgreSQL, never evicted to make room.

Django's database cache deletes a third of its live entries when it holds more than
MAX_ENTRIES; for rate limits that would lift a login lock under a flood. This one only
ever removes entries that have expired, so MAX_ENTRIES merely says how often it tidies up.
"""

from django.core.cache.backends.db import DatabaseCache
from django.db import connections


class DurableDatabaseCache(DatabaseCache):
    def _cull(self, db, cursor, now, num):
        connection = connections[db]
        cursor.execute(
            "DELETE FROM {} WHERE {} < %s".format(  # noqa: S608 - quoted names, no input
                connection.ops.quote_name(self._table), connection.ops.quote_name("expires")
            ),
            [connection.ops.adapt_datetimefield_value(now)],
        )
