"""The rules of a one-stop shop (Bộ phận Một cửa), in plain Python.

Nothing here imports Qt, SQLAlchemy or anything else of ``desk``'s outer layers:
only the standard library and ``holidays``.

Glossary (code = screen):

- ``Dossier`` = hồ sơ: one request by a citizen or organisation, with its papers.
- ``Procedure`` = thủ tục hành chính (TTHC): name, code, field, time limit, fee, papers.
- ``Field`` = lĩnh vực: a group of procedures (hộ tịch, đất đai, kinh doanh...).
- ``Applicant`` = người nộp / tổ chức, cá nhân (may act for a ``principal``, ủy quyền).
- ``appointment`` = ngày hẹn trả kết quả: the due date-time printed on the receipt.
- ``Receipt`` = Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
- ``RequiredPaper`` = thành phần hồ sơ: a paper the procedure lists.
- ``ReceivedPaper`` = giấy tờ đã nhận: what the clerk ticked at intake.
- ``WorkingCalendar`` = lịch làm việc: weekends, holidays, days off, make-up days, office hours.
- ``Channel`` = hình thức nộp: tại quầy (counter), bưu chính (post), trực tuyến (online).
- ``ResultDelivery`` = nơi nhận kết quả: tại quầy or bưu chính.
- ``Clerk`` = cán bộ tiếp nhận; ``Office`` = cơ quan / bộ phận một cửa.
"""
