"""``desk report --format json`` carries the citizens' ratings of the period, per clerk."""

from __future__ import annotations

import argparse
import json

from desk.cli.reports import add_commands, run_report
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.rating import RatingLevel, RatingReason
from desk.services import catalog, ratings
from desk.services.intake import record_intake

CERTIFICATE = "1.004873"


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desk")
    add_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(list(argv))


def rate(db, clerk, clock, level, reasons=(), comment="") -> None:
    procedure = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name="Phạm Thị Hồng", id_number="079190001234"),
        papers=[ReceivedPaper(p.name, p.form, p.count) for p in procedure.papers[:1]],
    )
    code = record_intake(db, draft, clerk, clock).code
    request_id = ratings.request_rating(db, clerk, clock, dossier_code=code)
    ratings.submit_rating(db, request_id, level, reasons, comment, clock)


def test_json_lists_the_ratings_of_the_period_per_clerk(db, clerk, clock, capsys, as_admin):
    rate(db, clerk, clock, RatingLevel.UNSATISFIED, (), "Chờ lâu")
    rate(db, clerk, clock, RatingLevel.VERY_SATISFIED, [RatingReason.GUIDANCE])
    assert run_report(parse("report", "--from", "2026-03-01", "--to", "2026-03-31"), db, clock) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["by_field"]  # the figures are still there
    [row] = record["ratings"]
    assert row["clerk"] == clerk.full_name == "Nguyễn Văn An"
    assert (row["total"], row["unsatisfied"], row["very_satisfied"]) == (2, 1, 1)
    assert (row["satisfied"], row["neutral"]) == (0, 0)
    assert row["satisfied_share"] == 0.5
    assert row["reasons"] == {"guidance": 1}


def test_json_ratings_follow_the_period(db, clerk, clock, capsys, as_admin):
    rate(db, clerk, clock, RatingLevel.SATISFIED)
    assert run_report(parse("report", "--from", "2026-02-01", "--to", "2026-02-28"), db, clock) == 0
    assert json.loads(capsys.readouterr().out)["ratings"] == []
    assert run_report(parse("report", "--from", "2026-03-10", "--to", "2026-03-10"), db, clock) == 0
    [row] = json.loads(capsys.readouterr().out)["ratings"]
    assert (row["total"], row["satisfied"], row["satisfied_share"]) == (1, 1, 1.0)
