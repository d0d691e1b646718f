"""The row-locked counter behind dossier codes, tickets, apology letters and change counters."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desk.storage.counters import next_value
from desk.storage.database import Database
from desk.storage.queue_tables import QueueSequenceRow
from desk.storage.tables import DaySequenceRow

DAY = date(2026, 3, 10)


def test_each_key_counts_from_one_on_its_own(empty_db: Database):
    with empty_db.write() as s:
        got = [next_value(s, DaySequenceRow.last, agency="H36", day=DAY) for _ in range(3)]
        other_day = next_value(s, DaySequenceRow.last, agency="H36", day=date(2026, 3, 11))
        other_agency = next_value(s, DaySequenceRow.last, agency="H37", day=DAY)
        ticket = next_value(s, QueueSequenceRow.last, letter="A", day=DAY)
    assert got == [1, 2, 3]
    assert (other_day, other_agency, ticket) == (1, 1, 1)
    with empty_db.read() as s:
        stored = s.scalar(
            select(DaySequenceRow.last).where(
                DaySequenceRow.agency == "H36", DaySequenceRow.day == DAY
            )
        )
    assert stored == 3


def test_a_rolled_back_transaction_gives_its_number_back(empty_db: Database):
    with empty_db.write() as s:
        assert next_value(s, QueueSequenceRow.last, letter="B", day=DAY) == 1
    with pytest.raises(RuntimeError), empty_db.write() as s:
        assert next_value(s, QueueSequenceRow.last, letter="B", day=DAY) == 2
        raise RuntimeError("the save failed after the number was taken")
    with empty_db.write() as s:
        assert next_value(s, QueueSequenceRow.last, letter="B", day=DAY) == 2
