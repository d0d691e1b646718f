"""Ratings: asked when a service ends, stored with who and what, reported, alerting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError, ValidationError
from desk.domain.rating import RatingLevel, RatingReason
from desk.services import accounts, catalog, changes, queue, queue_setup, ratings, steps
from desk.services.intake import record_intake

CERTIFICATE = "1.004873"
TODAY = date(2026, 3, 10)


@pytest.fixture
def office_queue(db):
    queue_setup.ensure_defaults(db)
    return db


@pytest.fixture
def other_clerk(db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    return accounts.log_in(db, "canbo1", "hoa2026ok")


def intake(db, clerk, clock) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name="Phạm Thị Hồng", id_number="079190001234"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:1]],
    )
    return record_intake(db, draft, clerk, clock).code


def served_ticket(db, clerk, clock, counter: int = 3):
    """A ticket taken, called to ``counter``, a dossier received from it, and finished."""
    group = queue_setup.list_groups(db, active_only=True)[0]
    queue.take_ticket(db, group.id, None, clock)
    ticket = queue.call_next(db, counter, clerk, clock)
    code = intake(db, clerk, clock)
    queue.link_dossier(db, ticket.id, code, clock)
    queue.finish(db, ticket.id, counter, clerk, clock)
    return ticket, code


def test_a_finished_ticket_is_rated_and_stored_with_ticket_dossier_clerk_counter(
    office_queue, clerk, clock
):
    db = office_queue
    ticket, code = served_ticket(db, clerk, clock)
    version = changes.version(db, ratings.RATINGS)
    request_id = ratings.request_rating(db, clerk, clock, ticket_id=ticket.id, counter_number=3)
    assert changes.version(db, ratings.RATINGS) == version + 1
    pending = ratings.pending_request(db, 3, clock)
    assert pending is not None and pending.id == request_id
    assert (pending.clerk_name, pending.counter_number, pending.ticket_code) == (
        "Nguyễn Văn An",
        3,
        ticket.code,
    )
    assert ratings.pending_request(db, 1, clock) is None  # another counter's window
    rating_id = ratings.submit_rating(
        db, request_id, RatingLevel.SATISFIED, [RatingReason.GUIDANCE], " Rất  tận tình ", clock
    )
    assert rating_id > 0
    assert ratings.pending_request(db, 3, clock) is None
    [by_clerk] = ratings.summary(db, TODAY, TODAY, "clerk")
    assert (by_clerk.label, by_clerk.total, by_clerk.counts[RatingLevel.SATISFIED]) == (
        "Nguyễn Văn An",
        1,
        1,
    )
    assert by_clerk.reasons[RatingReason.GUIDANCE] == 1
    [by_counter] = ratings.summary(db, TODAY, TODAY, "counter")
    assert by_counter.label == "Quầy 3"
    [by_procedure] = ratings.summary(db, TODAY, TODAY, "procedure")
    assert by_procedure.label == catalog.get_procedure(db, CERTIFICATE).name
    # the ticket's dossier is the one rated; it is not asked twice
    assert ratings.request_rating(db, clerk, clock, ticket_id=ticket.id) is None


def test_a_returned_result_is_rated_under_its_dossier(office_queue, clerk, clock):
    db = office_queue
    code = intake(db, clerk, clock)
    clock.advance(timedelta(days=1))
    steps.mark_ready(db, clerk, code, clock)
    steps.return_result(db, clerk, code, clock)
    request_id = ratings.request_rating(db, clerk, clock, dossier_code=code, counter_number=2)
    ratings.submit_rating(db, request_id, RatingLevel.VERY_SATISFIED, clock=clock)
    day = clock.now().date()
    [tally] = ratings.summary(db, day, day, "procedure")
    assert tally.counts[RatingLevel.VERY_SATISFIED] == 1
    assert tally.share_text() == "100,0%"
    assert ratings.summary(db, TODAY, TODAY, "procedure") == []  # the day before: nothing


def test_the_same_service_is_asked_once_and_a_newer_one_replaces_it(office_queue, clerk, clock):
    db = office_queue
    group = queue_setup.list_groups(db, active_only=True)[0]
    queue.take_ticket(db, group.id, None, clock)
    ticket = queue.call_next(db, 3, clerk, clock)
    code = intake(db, clerk, clock)
    # the result handed over at the counter, then the ticket finished: one request
    first = ratings.request_rating(db, clerk, clock, dossier_code=code, counter_number=3)
    queue.finish(db, ticket.id, 3, clerk, clock)
    assert ratings.request_rating(db, clerk, clock, ticket_id=ticket.id, counter_number=3) == first
    # the citizen left without rating; the next service at counter 3 takes the window
    queue.take_ticket(db, group.id, None, clock)
    second_ticket = queue.call_next(db, 3, clerk, clock)
    second = ratings.request_rating(db, clerk, clock, ticket_id=second_ticket.id)
    assert second != first
    assert ratings.pending_request(db, 3, clock).id == second
    with pytest.raises(UserError):
        ratings.submit_rating(db, first, RatingLevel.SATISFIED, clock=clock)


def test_an_old_or_skipped_request_is_not_shown(office_queue, clerk, clock):
    db = office_queue
    ticket, _ = served_ticket(db, clerk, clock)
    request_id = ratings.request_rating(db, clerk, clock, ticket_id=ticket.id)
    clock.advance(timedelta(minutes=ratings.REQUEST_MINUTES + 1))
    assert ratings.pending_request(db, 3, clock) is None
    ratings.skip_request(db, request_id, clock)
    with pytest.raises(UserError):
        ratings.submit_rating(db, request_id, RatingLevel.NEUTRAL, clock=clock)


def test_bad_choices_are_refused(office_queue, clerk, clock):
    db = office_queue
    ticket, _ = served_ticket(db, clerk, clock)
    request_id = ratings.request_rating(db, clerk, clock, ticket_id=ticket.id)
    with pytest.raises(ValidationError) as err:
        ratings.submit_rating(db, request_id, "excellent", clock=clock)
    assert "level" in err.value.errors
    with pytest.raises(ValidationError) as err:
        ratings.submit_rating(db, request_id, RatingLevel.NEUTRAL, ["noise"], "x" * 501, clock)
    assert set(err.value.errors) == {"reasons", "comment"}
    assert ratings.pending_request(db, 3, clock).id == request_id  # still open


def test_unhappy_ratings_alert_the_supervisor_once(office_queue, clerk, other_clerk, clock):
    db = office_queue
    start = ratings.last_rating_id(db)
    first, _ = served_ticket(db, clerk, clock)
    happy = ratings.request_rating(db, clerk, clock, ticket_id=first.id)
    ratings.submit_rating(db, happy, RatingLevel.VERY_SATISFIED, clock=clock)
    second, code = served_ticket(db, other_clerk, clock, counter=1)
    unhappy = ratings.request_rating(db, other_clerk, clock, ticket_id=second.id)
    ratings.submit_rating(
        db,
        unhappy,
        RatingLevel.UNSATISFIED,
        [RatingReason.WAITING, RatingReason.ATTITUDE],
        "Chờ quá lâu",
        clock,
    )
    [alert] = ratings.unhappy_since(db, start)
    assert (alert.clerk_name, alert.counter_number, alert.ticket_code, alert.dossier_code) == (
        "Lê Thị Hoa",
        1,
        second.code,
        code,
    )
    assert alert.reasons == ("Thái độ phục vụ", "Thời gian chờ")
    assert alert.summary_text() == (
        f"Quầy 1 - Lê Thị Hoa - {second.code}: Thái độ phục vụ; Thời gian chờ; “Chờ quá lâu”"
    )
    assert ratings.unhappy_since(db, alert.id) == []
    tallies = {t.label: t for t in ratings.summary(db, TODAY, TODAY, "clerk")}
    assert tallies["Lê Thị Hoa"].satisfied_share == 0
    assert tallies["Nguyễn Văn An"].satisfied_share == 1


def test_a_period_ending_before_it_starts_is_refused(db):
    with pytest.raises(UserError):
        ratings.summary(db, TODAY, TODAY - timedelta(days=1))
    with pytest.raises(UserError):
        ratings.summary(db, TODAY, TODAY, "weekday")
