"""Row-locked counters: the next number of a sequence, never given twice.

Dossier codes (``day_sequences``), kiosk tickets (``queue_sequences``),
apology letters (``apology_sequences``) and the change counters
(``change_counters``) are each one row per key holding the last value given.
``next_value`` bumps it with an ``UPDATE ... RETURNING`` as the statement that
takes the row's lock (on PostgreSQL a row lock held until commit; on SQLite the
write lock of the whole file), so two PCs asking at once are served one after
the other and never get the same value. The first value of a key inserts its
row in a savepoint: when two PCs do that at once, the loser's insert fails on
the primary key and it bumps the winner's row instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session


def next_value(s: Session, counter: InstrumentedAttribute[int], **key: Any) -> int:
    """Bump ``counter`` (a column such as ``DaySequenceRow.last``) in the row of ``key``
    (its primary key, by column name) and return the new value; 1 for a new key.

    Call it inside the transaction that uses the value: the lock is held until
    that transaction ends, so take it as late as the transaction allows.
    """
    row = counter.class_
    bump = (
        update(row)
        .where(*(getattr(row, name) == value for name, value in key.items()))
        .values({counter.key: counter + 1})
        .returning(counter)
    )
    value = s.execute(bump).scalar()
    if value is not None:
        return value
    try:
        with s.begin_nested():
            s.execute(insert(row).values({**key, counter.key: 1}))
        return 1
    except IntegrityError:  # another PC made the key's row first
        return s.execute(bump).scalar_one()
