<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <source>Tài khoản quản trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tài khoản quản trị dùng để thêm cán bộ, sửa danh mục thủ tục, lịch làm việc và cài đặt máy in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Nguyễn Văn An</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ít nhất 8 ký tự, có cả chữ và số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại cho khớp.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminWidgets</name>
    <message>
        <source>Đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Xin lỗi và hẹn lại: %s</source>
        <extracomment>The apology made (or found) and the letter written, once there is one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn trả: %s (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Hồ sơ cần xác minh thêm nguồn gốc đất với cơ quan liên quan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do chậm trả:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn mới:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cho người nộp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo phiếu xin lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở phiếu đã lập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có người ký: vào Quản trị &gt; Thông tin cơ quan để nhập người đứng đầu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đề xuất: %s (%s); có thể sửa, miễn là giờ làm việc sau ngày hẹn cũ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu ý: quy định yêu cầu gửi phiếu chậm nhất một ngày làm việc trước ngày hẹn. Phiếu lập bây giờ vẫn được lập, nhưng được ghi nhận là lập muộn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi nhận lời xin lỗi nhưng chưa ghi được phiếu: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Không thực hiện được</source>
        <extracomment>How long the end of the program waits for a list still being computed in the background (it reads the database, which closes next): the database&apos;s busy timeout.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong muốn. Việc vừa làm có thể chưa hoàn tất: hãy kiểm tra lại rồi làm tiếp. Nếu lỗi lặp lại, hãy gửi tệp nhật ký {log} cho người hỗ trợ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không mở được dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không đăng nhập được</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AtRiskNotice</name>
    <message>
        <source>Không có hồ sơ nào có nguy cơ trễ hạn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có {n} hồ sơ có nguy cơ trễ hạn, cần xin lỗi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ cần xin lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có {n} hồ sơ có nguy cơ trễ hạn, cần xin lỗi và hẹn lại ngày trả kết quả.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu xin lỗi phải đến người nộp chậm nhất một ngày làm việc trước ngày hẹn, và ngày hẹn chỉ được đổi một lần (Nghị định 61/2018/NĐ-CP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xem danh sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bấm để xem danh sách hồ sơ cần xin lỗi.</source>
        <extracomment>The dialog shown to the supervisor, if any. The supervisor&apos;s line in the status bar (a link to the list).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AtRiskView</name>
    <message>
        <source>Không tính được danh sách cần xin lỗi: xem nhật ký của chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đang giải quyết có nguy cơ trễ hạn, khẩn nhất ở trên. Phiếu xin lỗi và hẹn lại phải đến người nộp chậm nhất một ngày làm việc trước ngày hẹn (Nghị định 61/2018/NĐ-CP): mở hồ sơ rồi bấm “Xin lỗi và hẹn lại...”.</source>
        <extracomment>A list older than this is computed again (dossiers drift into the last day). How many dossiers the last list held (None until the first one arrives). The moment the last list asked for was computed for.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tính danh sách...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có hồ sơ nào có nguy cơ trễ hạn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BandStyle</name>
    <message>
        <source>Chỉ xem hồ sơ “{band}” (bấm lần nữa để bỏ chọn)</source>
        <extracomment>Dossiers whose clock is stopped or that are done have no band: a grey pause sign.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Lịch làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu giờ làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thứ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Làm bù cho ngày nghỉ 31/08/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa ngày đã chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa lịch làm việc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giờ làm việc (các buổi nhận hồ sơ, giống nhau mọi ngày làm việc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các buổi cách nhau bằng dấu phẩy, ví dụ: 07:30-11:30, 13:30-17:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày nghỉ, ngày làm bù của cơ quan (ưu tiên hơn ngày lễ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại ngày:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày lễ, Tết theo Bộ luật Lao động (chỉ xem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu giờ làm việc: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã thêm {0}: {1}, {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy chọn một ngày trong bảng để xóa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xóa ngày {0} khỏi lịch của cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClerksDialog</name>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chữ thường không dấu, ví dụ: lan.nt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Nguyễn Thị Lan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ít nhất 8 ký tự, có cả chữ và số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận: tiếp nhận và xử lý hồ sơ. Lãnh đạo, giám sát: thêm giao lại, sửa thông tin hồ sơ, xem việc của mọi người. Quản trị: tài khoản, danh mục, lịch làm việc, cài đặt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được thêm tài khoản.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm tài khoản mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại cho khớp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã thêm tài khoản “{0}” ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <source>Đang chờ theo nhóm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi số tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ qua số đã gọi nhiều lần mà không đến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển nhóm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa gọi số nào</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ưu tiên: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã gọi {0} lần</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · lấy số lúc {1:%H:%M} · đã chờ {2} phút</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã nhận hồ sơ: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({0} ưu tiên)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không còn ai đang chờ ở các nhóm quầy này phục vụ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang mời số {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã gọi lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã đánh dấu vắng mặt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã hoàn thành.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã chuyển sang nhóm khác; số giữ chỗ theo giờ lấy số.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Báo cáo, thống kê</source>
        <extracomment>The most dossiers a list behind a figure shows. The tiles, in rows: (figure, colour of the number).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xu hướng theo tháng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời gian giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chấm điểm cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hàng đợi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đánh giá của người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuất báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chờ / phục vụ trung bình (phút)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chia theo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bấm vào một số để xem danh sách hồ sơ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời gian làm việc thực tế từ khi tiếp nhận (hoặc từ khi nhận đủ hồ sơ bổ sung) đến khi có kết quả, so với thời gian mà thời hạn quy định cho phép; 1 ngày = {day} giờ làm việc. Đề xuất rút ngắn khi 9/10 hồ sơ chỉ dùng không quá 70 % thời gian cho phép.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bấm để xem danh sách hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Trước hạn + đúng hạn) / đã giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} lượt gọi trong kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; ({range}). Số hồ sơ đang giải quyết tính đến {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cáo, thống kê - {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toàn cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điểm theo Thông tư 01/2018/TT-VPCP điều 13, trung bình trên các hồ sơ đã giải quyết trong kỳ. Cả cơ quan: thời gian {t}, số lần đi lại {c}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không ghi được báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi tệp {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>Phòng, ban và cơ quan giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Công chức Tài chính - Kế toán</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm vào danh sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa danh sách này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã thêm “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ “{0}” khỏi danh sách chuyển xử lý? Hồ sơ đã chuyển đến đây vẫn giữ tên này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã bỏ “{0}” khỏi danh sách.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Màn hình gọi số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MỜI SỐ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CÁC SỐ VỪA GỌI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SỐ NGƯỜI ĐANG CHỜ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ĐẾN QUẦY {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XIN KÍNH CHÀO QUÝ KHÁCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mời lấy số thứ tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierHistory</name>
    <message>
        <source>Cần bổ sung: {what}</source>
        <extracomment>The audited columns, as a clerk names them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả mới: {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gửi qua bưu chính, mã vận đơn {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giao cho: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa: {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Phiếu xin lỗi (mẫu 04)</source>
        <extracomment>The dossier&apos;s apology as last read (None: it has none).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại phiếu xin lỗi số {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ chưa có phiếu xin lỗi: lập bằng nút “Xin lỗi và hẹn lại...”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (phiếu xin lỗi số {number}, lập {at})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lập phiếu xin lỗi số {number}. Hẹn trả mới: {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ {code}</source>
        <extracomment>Column widths in average characters; the last column takes the rest, wrapped.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bên giao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bên nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá trình xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ đã nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhật ký thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bước xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại phiếu hẹn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu kiểm soát (mẫu 05)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung (mẫu 02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu từ chối (mẫu 03)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mã số thuế</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}, có kết quả lúc {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; đã trả lúc {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi nhận: {step}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi nhận có kết quả: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã nhận bổ sung. Hẹn trả mới: {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In phiếu hẹn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã tạo {title}: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDocuments</name>
    <message>
        <source>Phiên bản này chưa in được “{title}”: hãy báo quản trị viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {error}. Hãy đóng tệp nếu đang mở rồi thử lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu {title} tại:
{path}
Máy này chưa mở được tệp PDF: hãy mở tệp đó bằng chương trình đọc PDF để in (khổ A5).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupButton</name>
    <message>
        <source>Đang chờ: {0} người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không phải chờ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Kết quả nhập danh mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp {0}: đã thêm {1} thủ tục, cập nhật {2} thủ tục.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} dòng có lỗi nên chưa được nhập; sửa các dòng dưới đây trong tệp rồi nhập lại:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeWindow</name>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cá nhân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tổ chức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ngày/tháng/năm, ví dụ 05/09/1990</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ 0912345678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ ten@example.vn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ tên người hoặc tổ chức ủy quyền, nếu nộp thay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nộp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người ủy quyền:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên tổ chức:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã số thuế:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 chữ số, hoặc 0101234567-001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày sinh phải theo dạng ngày/tháng/năm có thật, ví dụ 05/09/1990.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nộp hồ sơ và nhận kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tại Bộ phận Một cửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả qua bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức nộp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận kết quả:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ nhận:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số lượng hồ sơ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả: {time}, {weekday} {date} ({limit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục hành chính và giấy tờ đã nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ đã nhận (chỉ những giấy tờ thủ tục quy định):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Làm mới (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu và in phiếu (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả: chọn thủ tục để xem ngày hẹn trả kết quả.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu được hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không in được phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Làm mới biểu mẫu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa toàn bộ thông tin đang nhập để tiếp nhận hồ sơ mới?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa và làm mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không, giữ lại</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskLookup</name>
    <message>
        <source>⌫ Xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dấu cách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa hết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nơi nộp hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cách thức nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THÀNH PHẦN HỒ SƠ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gõ tên thủ tục (không cần dấu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: gõ KHAI SINH, KET HON hoặc CHUNG THUC, hoặc chạm vào một lĩnh vực. Chạm vào tên thủ tục để xem giấy tờ cần chuẩn bị, rồi in phiếu hướng dẫn mang về.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRA CỨU THỦ TỤC HÀNH CHÍNH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Trở về</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In phiếu hướng dẫn mang về</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THÔNG TIN THỦ TỤC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Danh sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả lĩnh vực ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực: {0}  ·  Thời hạn: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có {0} thủ tục:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục nào. Xin thử từ khác, hoặc chọn lĩnh vực.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in phiếu đang gặp sự cố. Xin hỏi cán bộ tại quầy để được hướng dẫn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk chưa nối máy in: xin ghi lại thông tin trên màn hình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xin mời nhận phiếu hướng dẫn ở khe máy in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskStatus</name>
    <message>
        <source>‹ Trở về</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRA CỨU TÌNH TRẠNG HỒ SƠ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cách 1: Quét mã QR trên giấy hẹn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đưa mã QR in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả vào trước đầu đọc mã của kiosk. Kết quả hiện ngay, không cần nhập gì thêm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cách 2: Nhập mã hồ sơ và 4 số cuối CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ (ghi trên giấy hẹn):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 số cuối số CCCD (hoặc mã số thuế) của người nộp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tra cứu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌫ Xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa hết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THÔNG TIN HỒ SƠ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn trả kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để bảo vệ thông tin cá nhân, kiosk chỉ hiện tình trạng hồ sơ. Màn hình sẽ tự xóa sau ít phút. Cần biết thêm, xin hỏi cán bộ tại Bộ phận Một cửa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xin nhập đủ 10 chữ số của mã hồ sơ (sau {0}-).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ĐÃ CÓ KẾT QUẢ: mời quý khách mang giấy hẹn và giấy tờ tùy thân đến Bộ phận Một cửa để nhận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có kết quả.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Lấy số thứ tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MỜI QUÝ KHÁCH CHẠM VÀO LĨNH VỰC CẦN GIẢI QUYẾT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiện chưa có nhóm dịch vụ nào nhận số. Xin liên hệ cán bộ tại quầy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRA CỨU THỦ TỤC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ cần chuẩn bị, phí, thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRA CỨU HỒ SƠ ĐÃ NỘP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quét mã QR trên giấy hẹn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người cao tuổi, người khuyết tật, phụ nữ mang thai, người có con nhỏ, thương binh và người có công được ưu tiên: chạm vào ô phù hợp trước khi chọn lĩnh vực.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SỐ THỨ TỰ CỦA QUÝ KHÁCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ưu tiên: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số người đang chờ trước quý khách: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có ai đang chờ trước quý khách.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in phiếu đang gặp sự cố: xin quý khách ghi nhớ số trên màn hình và báo cán bộ tại quầy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xin mời nhận phiếu ở khe máy in và chờ đến lượt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xin quý khách ghi nhớ số này và chờ đến khi số được gọi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bộ phận Một cửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa nhập tên đăng nhập.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <extracomment>How often the window checks that the ticket an intake is for is still being served. The ticket the intakes are for, while it is served at this counter.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh sách hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới dùng được mục này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại phiếu...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quét/nhập mã hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ cần xin lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy của máy này...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quản trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh mục thủ tục...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lịch làm việc...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thông tin cơ quan...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hàng đợi...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phòng, ban giải quyết...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xem danh sách; chỉ quản trị viên mới sửa được.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quản trị viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ: {name} ({username}, {role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dữ liệu: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chưa thiết lập cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}, nhận từ số {ticket}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy của máy này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy tính này đặt ở quầy số (1 đến 99), hoặc “Không phải quầy”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không phải quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu được cài đặt của máy: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hàng đợi tại quầy {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ số {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gắn hồ sơ với số thứ tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy chọn một hồ sơ trong danh sách trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ (ví dụ H36.41-260310-0001):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desk {version}
Bàn tiếp nhận hồ sơ của Bộ phận Một cửa: tiếp nhận, hẹn trả kết quả, in phiếu.

Tệp dữ liệu: {database}
Thư mục nhật ký: {logs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới thiệu desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Thông tin cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: CHỦ TỊCH, KT. CHỦ TỊCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Trần Thị Bình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã cơ quan đứng đầu mã hồ sơ. Đổi mã chỉ áp dụng cho hồ sơ tiếp nhận từ nay; mã của hồ sơ đã nhận giữ nguyên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên cơ quan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan cấp trên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã cơ quan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đường dây nóng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chức vụ người đứng đầu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ tên người đứng đầu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa thông tin cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Thông tin cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên cơ quan và mã cơ quan được in trên mọi phiếu tiếp nhận và mã hồ sơ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: UBND xã Tân Phú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: UBND tỉnh Đồng Nai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: H36.41</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Số 1 đường Hùng Vương, xã Tân Phú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: 0251 3822 123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên cơ quan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan cấp trên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã cơ quan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đường dây nóng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[mã cơ quan]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ sẽ có dạng: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeTools</name>
    <message>
        <source>&amp;Báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết quả giải quyết, thống kê...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát và quản trị viên xem được báo cáo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sao lưu, khôi phục...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới dùng được mục này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tôi...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa sao lưu được hôm nay: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã sao lưu dữ liệu hôm nay vào {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người dân không hài lòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã biết</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperChecklist</name>
    <message>
        <source>Giấy tờ (đánh dấu bằng phím cách)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ đã nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (tùy trường hợp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PapersTable</name>
    <message>
        <source>Tên giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tùy trường hợp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ ở dòng {0} chưa có tên: hãy nhập tên hoặc xóa dòng đó.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên giấy tờ ở dòng {0} không được chứa dấu “|”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <source>Cài đặt máy in phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: win32:EPSON TM-T82</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In thử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bấm “In thử” để in một phiếu mẫu và xem trước tại đây.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được đổi cài đặt máy in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các dạng địa chỉ máy in:
• win32:EPSON TM-T82 — máy in đã cài trong Windows, theo tên (thường dùng)
• tcp://192.168.1.50:9100 — máy in mạng LAN (cổng 9100 nếu không ghi)
• usb://04b8:0e15 — máy in USB theo mã hãng:mã máy (cần trình điều khiển WinUSB)
• serial:COM3?baudrate=9600 — máy in cổng COM
• file:D:\phieu.bin — ghi lệnh in ra tệp (để kiểm tra)
• none — không in phiếu nhiệt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ máy in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khổ giấy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang chọn “none”: không gửi tới máy in nào. Phiếu mẫu ở dưới.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã gửi phiếu in thử tới {0}. Hãy xem máy in có ra phiếu và chữ có dấu in đúng không.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcedureEditor</name>
    <message>
        <source>Thêm giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã trên Cổng dịch vụ công, ví dụ: 1.001193</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Cấp xã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận sau giờ chốt thì tính từ ngày làm việc sau:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Miễn lệ phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang áp dụng (hiện khi tiếp nhận hồ sơ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>như tại quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã thủ tục:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên thủ tục:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cấp thực hiện:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn giải quyết:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn khác theo kênh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Căn cứ pháp lý:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thành phần hồ sơ (đúng danh mục đã công bố):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã của thủ tục đã có không sửa được; muốn đổi mã, hãy thêm thủ tục mới.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>Tìm thủ tục: gõ không dấu cũng được</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục phù hợp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Chưa chọn thủ tục: gõ vài chữ rồi bấm Enter.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>không ghi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Đã chọn: {code} – {name}&lt;/b&gt;&lt;br&gt;Lĩnh vực: {field} · Thời hạn: {limit} · Phí, lệ phí: {fee}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProceduresDialog</name>
    <message>
        <source>Danh mục thủ tục hành chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm thủ tục: gõ không dấu cũng được (ví dụ: dang ky ket hon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiện cả thủ tục ngừng áp dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm thủ tục mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập từ tệp CSV/Excel...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuất ra tệp CSV/Excel...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa danh mục thủ tục.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục đang sửa có thay đổi chưa được lưu. Bỏ các thay đổi đó?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp tục sửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã thủ tục {0} đã có trong danh mục: hãy chọn thủ tục đó trong danh sách để sửa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu thủ tục {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu được: hãy sửa các mục ghi màu đỏ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh mục thủ tục (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn tệp danh mục thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu danh mục thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không đọc được tệp {0}: {1}. Hãy kiểm tra tệp rồi thử lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã nhập tệp {0}: thêm {1}, cập nhật {2}, {3} dòng lỗi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không ghi được tệp {0}: {1}. Hãy chọn thư mục khác hoặc đóng tệp đang mở trong Excel rồi thử lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xuất {0} thủ tục ra tệp {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Hàng đợi và lấy số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhóm dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa cài đặt hàng đợi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ký hiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên nhóm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: Hộ tịch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận số ở máy lấy số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm nhóm mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu nhóm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ký hiệu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên nhóm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực thủ tục:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu nhóm {0} · {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhóm phục vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để trống: “Quầy” và số quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm quầy mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số quầy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên quầy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi số của nhóm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: số ưu tiên không được gọi trước, mọi số theo thứ tự lấy số.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đọc số gọi trên loa của màn hình chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số ưu tiên được gọi liên tiếp, tối đa:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi bao nhiêu lần mới được đánh dấu vắng mặt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dòng thông báo chạy trên màn hình chờ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in phiếu của máy lấy số:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khổ giấy phiếu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu cài đặt hàng đợi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingTab</name>
    <message>
        <source>Chia theo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toàn cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có lượt đánh giá nào của người dân trong kỳ {range}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} lượt đánh giá trong kỳ; tỷ lệ hài lòng (rất hài lòng + hài lòng) {share}. Mức độ hài lòng theo Quyết định 766/QĐ-TTg.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <source>Đánh giá mức độ hài lòng</source>
        <extracomment>The mouth: how far its middle sits below (+) or above (-) its ends, as a share of the face.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUẦY {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XIN KÍNH CHÀO QUÝ KHÁCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sau khi được phục vụ, xin quý khách vui lòng cho biết mức độ hài lòng trên màn hình này. Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUÝ KHÁCH CÓ HÀI LÒNG VỚI SỰ PHỤC VỤ CỦA CHÚNG TÔI KHÔNG?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ qua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Góp ý thêm (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gửi đánh giá</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Chọn lại mức độ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CẢM ƠN QUÝ KHÁCH!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cán bộ phục vụ: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quý khách chọn: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quý khách hài lòng nhất về điều gì? (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điều gì chưa làm quý khách hài lòng? (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ý kiến của quý khách đã được ghi nhận để phục vụ tốt hơn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Phiếu tiếp nhận hồ sơ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không in được phiếu. {error}
Hồ sơ {code} đã được lưu: sửa máy in rồi bấm “In lại”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa chọn máy in (Quản trị &gt; Máy in): phiếu của hồ sơ {code} chỉ hiển thị trên màn hình, chưa in ra giấy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã gửi phiếu của hồ sơ {code} tới máy in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDossiersDialog</name>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có hồ sơ nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiển thị {shown} hồ sơ đầu tiên trên tổng số {total} hồ sơ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} hồ sơ. Bấm đúp vào một hồ sơ để mở.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Bấm vào một số để xem danh sách hồ sơ</source>
        <extracomment>The item data role that holds the row&apos;s object. Headings wrap at about this many characters, so the columns of counts stay narrow.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanBox</name>
    <message>
        <source>Quét/nhập mã hồ sơ (F2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: H36.41-260310-0001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bấm F2 ở bất kỳ màn hình nào rồi quét mã QR trên phiếu hẹn, hoặc gõ mã hồ sơ và bấm Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Thiết lập lần đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trợ giúp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialogs</name>
    <message>
        <source>Hẹn trả: {due}. Ghi nhận lúc này, kết quả được tính là: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: số giấy chứng nhận đã cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tại quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: EL123456789VN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{step} — hồ sơ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt; — {name}&lt;br&gt;{procedure}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— Chọn phòng, ban, cơ quan —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không bắt buộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy chọn nơi nhận hồ sơ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi đầy đủ MỘT LẦN mọi giấy tờ, nội dung cần bổ sung (Nghị định 61/2018, điều 15): sau đó không được yêu cầu thêm. Chỉ được yêu cầu giấy tờ có trong danh mục của thủ tục.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — đã nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: tờ khai thiếu chữ ký người yêu cầu; bản sao chưa chứng thực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã yêu cầu bổ sung: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn giải quyết được tính lại từ đầu (Nghị định 61/2018, điều 19 khoản 4). Hẹn trả cũ: {old}. Hẹn trả mới: {new}. Một phiếu hẹn mới sẽ được in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ sẽ kết thúc. Phiếu từ chối (mẫu 03) ghi rõ lý do được in ra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: yêu cầu không thuộc thẩm quyền giải quyết của UBND xã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ dừng khi người nộp có văn bản đề nghị. Hồ sơ sẽ kết thúc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: người nộp có đơn xin rút hồ sơ ngày ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— Chọn cán bộ —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: cán bộ phụ trách nghỉ phép</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy chọn cán bộ nhận hồ sơ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ví dụ: ghi sai số CCCD khi tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có thông tin nào được sửa.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Biểu đồ kết quả giải quyết theo tháng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có số liệu trong các tháng này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn (trục phải)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã giải quyết: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trước hạn {a}, đúng hạn {b}, quá hạn {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn: {r}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistTableModel</name>
    <message>
        <source> · Đã hẹn lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá hạn từ {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá hạn {n} ngày làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hôm nay, trước {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày làm việc tới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Còn {n} ngày làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xin lỗi và hẹn lại một lần, hẹn ban đầu {when}: không thể hẹn lại nữa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận lúc {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn lại theo phiếu xin lỗi; hẹn ban đầu {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điện thoại: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã bổ sung {n} lần</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Hồ sơ có nguy cơ trễ hạn: cần lập phiếu xin lỗi và hẹn lại kịp thời.</source>
        <extracomment>Bands move as time passes even when nobody changes anything. The tab after the views: dossiers at risk of being late (not a filter of the list).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm theo tên người nộp, mã hồ sơ, số CCCD, số điện thoại (gõ không dấu cũng được)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mọi hình thức nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả phòng, ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danh sách chỉ gồm hồ sơ anh/chị phụ trách. Hồ sơ khác: quét hoặc nhập mã ở ô “Quét/nhập mã hồ sơ” (F2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hồ sơ cần xin lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Có hồ sơ vừa thay đổi: bấm “Làm mới” để xem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc, mới nhất ở trên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
