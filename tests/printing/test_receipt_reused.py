"""A paper not asked for again is listed on the receipt with the dossier its digitised copy
comes from ("đã có bản số hóa, mã hồ sơ ..."), and prints as such."""

from __future__ import annotations

from escpos_decode import decode

from desk.domain.dossier import ReceivedPaper
from desk.domain.procedure import PaperForm
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.receipt import receipt_image
from desk.printing.receipt_layout import PaperList, ReceiptLayout

EARLIER = "H36.41-260301-0002"


def _with_reused(dossier_factory):
    return dossier_factory(
        papers=[
            ReceivedPaper("Tờ khai đăng ký khai sinh theo mẫu", PaperForm.ORIGINAL, 1),
            ReceivedPaper("Giấy chứng sinh", PaperForm.ORIGINAL, 1, reused_from=EARLIER),
            ReceivedPaper("Thẻ căn cước công dân", PaperForm.SHOWN, 1),
        ]
    )


def test_the_reused_paper_names_the_earlier_dossier_instead_of_a_count(dossier_factory, office):
    layout = ReceiptLayout.for_dossier(_with_reused(dossier_factory), office)
    (papers,) = [b for b in layout.blocks if isinstance(b, PaperList)]
    assert papers.lines()[1:] == [
        "1. Tờ khai đăng ký khai sinh theo mẫu (Bản chính: 1)",
        f"2. Giấy chứng sinh (đã có bản số hóa, mã hồ sơ {EARLIER})",
        "3. Thẻ căn cước công dân (Xuất trình: 1)",
    ]


def test_the_printed_receipt_carries_the_reused_paper(dossier_factory, office, shots):
    image = receipt_image(_with_reused(dossier_factory), office, "80")
    printed = decode(receipt_bytes(image))
    (raster,) = printed.rasters
    assert raster.size == image.size and printed.cut
    raster.convert("L").save(shots / "receipt_reused.png")  # looked at by a person
