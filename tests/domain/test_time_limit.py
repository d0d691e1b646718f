"""Reading a dossier's stored limit wording back for a screen in the clerk's language."""

from __future__ import annotations


def test_a_stored_limit_wording_is_read_back_for_the_screen():
    from datetime import time

    from desk.domain import translation
    from desk.domain.time_limit import LimitKind, TimeLimit, stored_limit_label

    limits = [
        TimeLimit(LimitKind.WORKING_DAYS, 3),
        TimeLimit(LimitKind.WORKING_DAYS, 1),
        TimeLimit(LimitKind.CALENDAR_DAYS, 20),
        TimeLimit(LimitKind.WORKING_HOURS, 4),
        TimeLimit(LimitKind.SAME_DAY),
        TimeLimit(LimitKind.SAME_DAY, cutoff=time(15, 0)),
    ]
    translation.install_backend(lambda context, text: f"<{context}>{text}")
    try:
        for limit in limits:
            assert stored_limit_label(limit.describe()) == limit.label()
            assert stored_limit_label(limit.describe()).startswith("<TimeLimit>")
        assert stored_limit_label("Theo quy định riêng") == "Theo quy định riêng"
    finally:
        translation.install_backend(None)
    assert stored_limit_label("03 ngày làm việc") == "03 ngày làm việc"
