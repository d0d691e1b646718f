"""The ESC/POS job decodes back to exactly the image that was rendered."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from escpos_decode import decode
from PIL import Image, ImageChops
from pyzbar.pyzbar import decode as zbar_decode

from desk.domain.dossier import Dossier, ReceivedPaper
from desk.domain.office import Office
from desk.printing import ReceiptLayout, receipt_bytes, render
from desk.printing.escpos_bytes import FRAGMENT_HEIGHT


def _same_pixels(a: Image.Image, b: Image.Image) -> bool:
    if a.size != b.size:
        return False
    return ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None


@pytest.mark.parametrize("width", [576, 512, 384])
def test_job_decodes_to_the_rendered_image(
    width: int, dossier: Dossier, office: Office, shots
) -> None:
    image = render(ReceiptLayout.for_dossier(dossier, office), width)
    job = decode(receipt_bytes(image))

    assert job.commands[0] == "ESC @"
    assert job.commands[-1] == "GS V"
    assert job.cut
    assert job.feed_lines >= 3
    assert job.text_runs == []
    assert len(job.rasters) == 1
    [printed] = job.rasters
    assert printed.width == width
    assert _same_pixels(printed, image)
    [symbol] = zbar_decode(printed.convert("L"))
    assert symbol.data.decode() == dossier.code
    if width in (576, 384):
        printed.save(shots / f"receipt-{width}.png")


def test_tall_receipts_are_sent_in_fragments_and_print_as_one(
    dossier_factory: Callable[..., Dossier], office: Office
) -> None:
    papers = [ReceivedPaper(f"Giấy tờ số {n} kèm theo hồ sơ", count=n) for n in range(1, 40)]
    image = render(ReceiptLayout.for_dossier(dossier_factory(papers=papers), office), 576)
    assert image.height > 2 * FRAGMENT_HEIGHT
    job = decode(receipt_bytes(image))
    assert job.fragments == -(-image.height // FRAGMENT_HEIGHT)
    assert len(job.rasters) == 1
    assert _same_pixels(job.rasters[0], image)


def test_no_cut_still_feeds_the_paper_out(dossier: Dossier, office: Office) -> None:
    image = render(ReceiptLayout.for_dossier(dossier, office), 384)
    job = decode(receipt_bytes(image, cut=False))
    assert not job.cut
    assert job.feed_lines >= 3
    assert _same_pixels(job.rasters[0], image)


def test_bytes_do_not_print_anything_on_stdout(
    dossier: Dossier, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    receipt_bytes(render(ReceiptLayout.for_dossier(dossier, office), 512))
    assert capsys.readouterr().out == ""
