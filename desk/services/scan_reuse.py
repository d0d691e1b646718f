"""Never asking again: the digitised papers the office holds for a person, and reusing them.

When an applicant's personal number (CCCD) is entered at intake, ``held_for``
lists every scan the office keeps in that person's dossiers: the paper, when it
was digitised, until when it is valid, in which dossier. A scan from a dossier
that ended with a result may stand for a paper of the new dossier (Decree
118/2025 art. 22(1), art. 17(1)(b); art. 5(1)(i) forbids asking for it again):
the clerk ticks "đã có bản số hóa" and the new dossier links the same PDF; its
receipt says which earlier dossier the copy comes from.

``check`` is what intake asks before saving (the scan is that person's, usable
today, for a paper of the procedure's list, not also ticked as handed in);
``link_reused`` writes the papers and their links inside intake's transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.dossier import DossierStatus, IntakeDraft
from desk.domain.office import Clerk
from desk.domain.procedure import Procedure
from desk.domain.scans import REUSE_LABELS, WITH_RESULT, HeldScan, ReuseState, ScanKind
from desk.domain.translation import translate, translated
from desk.storage.database import Database
from desk.storage.tables import DossierPaperRow, DossierRow, DossierScanRow, ScanFileRow


def _held(s: Session, id_number: str) -> list[HeldScan]:
    wanted = "".join(id_number.split())
    if not wanted:
        return []
    rows = s.execute(
        select(
            DossierScanRow.file_id,
            DossierScanRow.name,
            DossierScanRow.kind,
            DossierRow.code,
            DossierRow.status,
            ScanFileRow.origin_code,
            ScanFileRow.made_at,
            ScanFileRow.pages,
            ScanFileRow.valid_until,
        )
        .join(DossierRow, DossierRow.id == DossierScanRow.dossier_id)
        .join(ScanFileRow, ScanFileRow.id == DossierScanRow.file_id)
        .where(DossierRow.id_number == wanted)
        .order_by(ScanFileRow.made_at.desc(), DossierScanRow.id)
    ).all()
    by_file: dict[int, list] = {}
    for r in rows:
        by_file.setdefault(r.file_id, []).append(r)
    held = []
    for group in by_file.values():
        main = next((r for r in group if r.code == r.origin_code), group[0])
        held.append(
            HeldScan(
                file_id=main.file_id,
                name=main.name,
                kind=ScanKind(main.kind),
                origin_code=main.origin_code,
                made_at=main.made_at,
                pages=main.pages,
                valid_until=main.valid_until,
                has_result=any(DossierStatus(r.status) in WITH_RESULT for r in group),
            )
        )
    return held


def held_for(db: Database, id_number: str) -> list[HeldScan]:
    """Every scan the office holds for the person numbered ``id_number``, newest first."""
    with db.read() as s:
        return _held(s, id_number)


def check(db: Database, draft: IntakeDraft, procedure: Procedure, today: date) -> dict[str, str]:
    """Problems with the papers intake is asked to take from earlier dossiers (``papers``)."""
    if not draft.reused:
        return {}
    listed = {p.name for p in procedure.papers}
    ticked = {p.name for p in draft.papers if p.count > 0}
    held = {h.file_id: h for h in held_for(db, draft.applicant.id_number)}
    problems = []
    for name, file_id in draft.reused.items():
        scan = held.get(file_id)
        if name not in listed:
            problems.append(
                translate("ScanReuse", "“{paper}” không có trong danh mục của thủ tục").format(
                    paper=name
                )
            )
        elif name in ticked:
            problems.append(
                translate(
                    "ScanReuse", "“{paper}” vừa được đánh dấu đã nhận vừa dùng bản số hóa"
                ).format(paper=name)
            )
        elif scan is None:
            problems.append(
                translate(
                    "ScanReuse", "bản số hóa dùng cho “{paper}” không phải của người nộp này"
                ).format(paper=name)
            )
        elif (state := scan.state(today)) is not ReuseState.USABLE:
            problems.append(
                translate("ScanReuse", "bản số hóa dùng cho “{paper}”: {reason}").format(
                    paper=name, reason=translated(REUSE_LABELS[state]).lower()
                )
            )
    if not problems:
        return {}
    return {
        "papers": translate("ScanReuse", "Không dùng lại được bản số hóa: {problems}.").format(
            problems="; ".join(problems)
        )
    }


def link_reused(
    s: Session,
    row: DossierRow,
    draft: IntakeDraft,
    procedure: Procedure,
    clerk: Clerk,
    now: datetime,
) -> None:
    """Inside intake's transaction (after ``check``): each reused paper joins the dossier's
    list, marked with the dossier its copy comes from, and links that PDF. The list is
    numbered again in the procedure's order, as the receipt prints it."""
    if not draft.reused:
        return
    origins = dict(
        s.execute(
            select(ScanFileRow.id, ScanFileRow.origin_code).where(
                ScanFileRow.id.in_(draft.reused.values())
            )
        ).all()
    )
    forms = {p.name: p.form.value for p in procedure.papers}
    for name, file_id in draft.reused.items():
        row.papers.append(
            DossierPaperRow(
                position=0, name=name, form=forms[name], count=1, reused_from=origins[file_id]
            )
        )
    order = {p.name: n for n, p in enumerate(procedure.papers)}
    for position, paper in enumerate(sorted(row.papers, key=lambda p: order[p.name]), start=1):
        paper.position = position
    s.flush()
    for paper in row.papers:
        if paper.name in draft.reused:
            s.add(
                DossierScanRow(
                    dossier_id=row.id,
                    kind=ScanKind.PAPER.value,
                    position=paper.position,
                    name=paper.name,
                    file_id=draft.reused[paper.name],
                    linked_at=now,
                    linked_by_id=clerk.id,
                )
            )
