"""Form 06, the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ).

Circular 03/2025/TT-VPCP, Annex I, form 06: the slip follows the dossier; each
hand-over (from, to, when, who gave, who took) is a row, and the decision is
classed early, on time or late against the appointment, as the form's column
"trước hạn/đúng hạn/quá hạn" asks (the columns and the note under the table
follow a 2025 ministry adaptation, not compared with the annex itself). Eight
columns do not fit the 118 mm of an A5 portrait page at a readable size, so the
slip is A5 landscape: the same paper tray as the other forms, 180 mm for the
table. The words are in ``resources/forms/control.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desk.documents import layout
from desk.documents.parts import esc, fields_for, form_label, letterhead_for, notes
from desk.documents.wording import load_wording
from desk.domain.apology import Apology
from desk.domain.clock import to_vn
from desk.domain.dossier import RESULT_CLASS_LABELS, Dossier
from desk.domain.lifecycle import STEP_LABELS, Step, StepKind
from desk.domain.office import Office
from desk.domain.vn_dates import time_and_date_text

#: Column widths in mm, 180 in all (the text width of A5 landscape).
WIDTHS_MM = (10, 22, 23, 23, 21, 23, 23, 35)  # "STT" whole on one line
#: The table stays readable: the body shrinks this far at most to keep one page.
SIZES = (12, 11.5, 11)


@dataclass(frozen=True)
class ControlSlip:
    dossier: Dossier
    office: Office
    place: str
    steps: tuple[Step, ...]
    apology: Apology | None = None


def _giver_taker(step: Step, applicant: str) -> tuple[str, str]:
    """Who handed the dossier over and who took it, as far as the desk knows.

    A blank is left for the department's officer to sign by hand.
    """
    kind = step.kind
    if kind in (StepKind.INTAKE, StepKind.SUPPLEMENT_RECEIVED):
        return applicant, step.by
    if kind is StepKind.SUPPLEMENT_REQUEST:
        return step.by, applicant
    if kind is StepKind.RESULT_READY:
        return "", step.by
    if kind is StepKind.RETURN:
        return step.by, str(step.data.get("collected_by", "") or "")
    return step.by, ""


def _result_and_note(step: Step) -> str:
    parts = []
    if step.result is not None:
        parts.append(f"<b>{RESULT_CLASS_LABELS[step.result]}</b>")
    if step.kind is StepKind.APOLOGY and step.data.get("number"):
        parts.append(f"Phiếu xin lỗi số {esc(str(step.data['number']))}")
    if step.kind is StepKind.RETURN and step.data.get("tracking_number"):
        parts.append(f"Mã vận đơn: {esc(str(step.data['tracking_number']))}")
    if step.note:
        parts.append(esc(step.note))
    return "; ".join(parts)


def handover_rows(steps: tuple[Step, ...], applicant: str) -> list[list[str]]:
    """One row per step: number, step, from, to, when, who gave, who took, result and note."""
    rows = []
    for n, step in enumerate(steps, start=1):
        giver, taker = _giver_taker(step, applicant)
        at = to_vn(step.at)
        rows.append(
            [
                str(n),
                STEP_LABELS[step.kind],
                esc(step.from_holder or (applicant if step.kind is StepKind.INTAKE else "")),
                esc(step.to_holder),
                f"{at:%H:%M}, {at:%d/%m/%Y}",
                esc(giver),
                esc(taker),
                _result_and_note(step),
            ]
        )
    return rows


def story(slip: ControlSlip) -> tuple[str, list[Flowable]]:
    words = load_wording("control")
    d = slip.dossier
    fields = fields_for(d, slip.office, slip.place, to_vn(d.received_at).date())
    departments = [s.to_holder for s in slip.steps if s.kind is StepKind.TRANSFER]
    fields |= {
        "departments": ", ".join(dict.fromkeys(departments)),
        "apology_number": slip.apology.number_text if slip.apology else "",
        "due": time_and_date_text(d.effective_due()),
        "holder": d.holder,
    }
    page = layout.A5_LANDSCAPE
    flow: list[Flowable] = [
        *form_label(words, fields),
        layout.letterhead(letterhead_for("one_stop", words.text("number", fields), fields), page),
        *layout.title_block(words.text("title", fields), words.text("subtitle", fields)),
        *(layout.para(line, "line") for line in words.lines("intro", fields)),
        Spacer(1, 2 * mm),
    ]
    rows = handover_rows(slip.steps, d.applicant.name)
    if rows:
        widths = [w * mm * page.width / (sum(WIDTHS_MM) * mm) for w in WIDTHS_MM]
        flow.append(layout.grid(words.texts("columns", fields), rows, widths))
    else:
        flow.append(layout.para(words.text("empty", fields), "line"))
    flow += notes(words, fields)
    return layout.plain(words.text("title", fields)), flow


def write(slip: ControlSlip, path: str | Path) -> Path:
    title = story(slip)[0]
    return layout.write_pdf(
        path, lambda: story(slip)[1], layout.A5_LANDSCAPE, title, max_pages=1, sizes=SIZES
    )
