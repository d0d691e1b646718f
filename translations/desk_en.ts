<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>Accounts</name>
    <message>
        <source>Sai tên đăng nhập hoặc mật khẩu.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Tên đăng nhập từ 3 ký tự, chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang.</source>
        <extracomment>An account as a sign-in reads it, for a reader without the ORM (``desk.services.quick_list``).</extracomment>
        <translation>The username has at least 3 characters: lowercase letters without accents, digits, dots and hyphens only.</translation>
    </message>
    <message>
        <source>Chưa nhập họ và tên cán bộ.</source>
        <translation>Enter the clerk&apos;s full name.</translation>
    </message>
    <message>
        <source>Tên đăng nhập &apos;{username}&apos; đã có người dùng: hãy chọn tên khác.</source>
        <translation>The username &apos;{username}&apos; is already taken: choose another one.</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được thêm tài khoản.</source>
        <translation>Only an administrator may add accounts.</translation>
    </message>
    <message>
        <source>Tài khoản này đã bị khóa: hãy liên hệ quản trị viên.</source>
        <translation>This account is disabled: contact the administrator.</translation>
    </message>
    <message>
        <source>Tài khoản tạm khóa đến {time} ngày {date} vì nhập sai mật khẩu {count} lần. Hãy đợi, hoặc nhờ quản trị viên đặt lại mật khẩu.</source>
        <translation>The account is locked until {time} on {date} after {count} wrong passwords. Wait, or ask the administrator to reset the password.</translation>
    </message>
    <message>
        <source>Mật khẩu mới phải khác mật khẩu cũ.</source>
        <translation>The new password must differ from the old one.</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại không đúng.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>Không có tài khoản &apos;{username}&apos;.</source>
        <translation>There is no account &apos;{username}&apos;.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>Tài khoản quản trị dùng để thêm cán bộ, sửa danh mục thủ tục, lịch làm việc và cài đặt máy in.</source>
        <translation>The administrator account adds clerks and edits the procedure catalogue, the working calendar and the printer settings.</translation>
    </message>
    <message>
        <source>Ví dụ: admin</source>
        <translation>Example: admin</translation>
    </message>
    <message>
        <source>Ví dụ: Nguyễn Văn An</source>
        <translation>Example: Nguyễn Văn An</translation>
    </message>
    <message>
        <source>Ít nhất 8 ký tự, có cả chữ và số</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại cho khớp.</source>
        <translation>The two passwords are not the same: type them again so that they match.</translation>
    </message>
</context>
<context>
    <name>AdminWidgets</name>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Tệp âm thanh {name} không phải tệp WAV PCM đọc được: hãy ghi âm lại và lưu dạng WAV (PCM).</source>
        <translation>The sound file {name} is not a readable PCM WAV file: record it again and save it as WAV (PCM).</translation>
    </message>
    <message>
        <source>Thiếu tệp âm thanh {name} trong {folder}: chép lại tệp này (hoặc tắt tiếng gọi số).</source>
        <translation>The sound file {name} is missing in {folder}: copy this file back (or turn off spoken calls).</translation>
    </message>
</context>
<context>
    <name>Apologies</name>
    <message>
        <source>Chưa có chức vụ và họ tên người đứng đầu cơ quan để ký phiếu xin lỗi: vào Quản trị &gt; Thông tin cơ quan để nhập, rồi lập lại phiếu.</source>
        <translation>The title and full name of the head of the agency, who signs the apology letter, are not set: enter them in Administration &gt; Office information, then make the letter again.</translation>
    </message>
</context>
<context>
    <name>Apology</name>
    <message>
        <source>Hồ sơ {code} đã được xin lỗi và hẹn lại một lần (phiếu số {number}, hẹn mới {new_due}). Theo quy định, ngày hẹn chỉ được thay đổi một lần: không thể hẹn lại nữa. Hãy báo lãnh đạo để đôn đốc giải quyết hồ sơ.</source>
        <extracomment>Made less than one working day before the appointment (see ``is_late_notice``).</extracomment>
        <translation>Dossier {code} already has an apology letter with a new appointment date (letter no. {number}, new date {new_due}). By law the appointment date may be changed only once: it cannot be rescheduled again. Inform the supervisor so that the dossier is expedited.</translation>
    </message>
    <message>
        <source>Hồ sơ đang ở trạng thái &apos;{status}&apos;: chỉ lập phiếu xin lỗi và hẹn lại cho hồ sơ đang giải quyết, chưa có kết quả.</source>
        <translation>The dossier&apos;s status is &apos;{status}&apos;: an apology letter with a new date is made only for a dossier still being processed, without a result yet.</translation>
    </message>
    <message>
        <source>Hãy ghi rõ lý do chậm trả kết quả: lý do được in trên phiếu xin lỗi.</source>
        <translation>State why the result is late: the reason is printed on the apology letter.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải sau ngày hẹn cũ ({old_due}). Hãy chọn một ngày làm việc sau ngày hẹn cũ.</source>
        <translation>The new appointment date must be after the old one ({old_due}). Choose a working day after the old appointment date.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới đã qua: hãy chọn một thời điểm sắp tới.</source>
        <translation>The new appointment date is already past: choose a time in the future.</translation>
    </message>
    <message>
        <source>Ngày {date} ({why}) không phải ngày làm việc: hãy chọn một ngày làm việc.</source>
        <translation>{date} ({why}) is not a working day: choose a working day.</translation>
    </message>
    <message>
        <source>{time} ngoài giờ làm việc ({hours}): hãy chọn một giờ trong giờ làm việc.</source>
        <translation>{time} is outside office hours ({hours}): choose a time within office hours.</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Xin lỗi và hẹn lại: {code}</source>
        <extracomment>The apology made (or found) and the letter written, once there is one.</extracomment>
        <translation>Apologise and reschedule: {code}</translation>
    </message>
    <message>
        <source>Ngày hẹn trả: {when} ({weekday})</source>
        <translation>Appointment date: {when} ({weekday})</translation>
    </message>
    <message>
        <source>Ví dụ: Hồ sơ cần xác minh thêm nguồn gốc đất với cơ quan liên quan.</source>
        <translation>Example: the origin of the land must be verified further with the agency concerned.</translation>
    </message>
    <message>
        <source>Hồ sơ:</source>
        <translation>Dossier:</translation>
    </message>
    <message>
        <source>Lý do chậm trả:</source>
        <translation>Reason for the delay:</translation>
    </message>
    <message>
        <source>Ngày hẹn mới:</source>
        <translation>New appointment date:</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Báo cho người nộp:</source>
        <translation>Notify the applicant by:</translation>
    </message>
    <message>
        <source>Tạo phiếu xin lỗi</source>
        <translation>Create apology letter</translation>
    </message>
    <message>
        <source>Mở phiếu đã lập</source>
        <translation>Open the letter made</translation>
    </message>
    <message>
        <source>Chưa có người ký: vào Quản trị &gt; Thông tin cơ quan để nhập người đứng đầu.</source>
        <translation>No signatory yet: enter the head of the agency under Administration &gt; Office information.</translation>
    </message>
    <message>
        <source>Đề xuất: {when} ({weekday}); có thể sửa, miễn là giờ làm việc sau ngày hẹn cũ.</source>
        <translation>Proposed: {when} ({weekday}); it may be changed, as long as it is a working hour after the old appointment date.</translation>
    </message>
    <message>
        <source>Đang ghi nhận...</source>
        <translation>Recording...</translation>
    </message>
    <message>
        <source>Đã ghi nhận lời xin lỗi nhưng chưa ghi được phiếu: {error}</source>
        <translation>The apology is recorded but the letter could not be written: {error}</translation>
    </message>
    <message>
        <source>Lưu ý: quy định yêu cầu gửi phiếu chậm nhất một ngày làm việc trước ngày hẹn. Phiếu lập bây giờ vẫn được lập, nhưng được ghi nhận là lập muộn.</source>
        <translation>Note: the rules require the letter to be sent at the latest one working day before the appointment date. A letter made now is still made, but it is recorded as late.</translation>
    </message>
    <message>
        <source>Đang ghi phiếu xin lỗi...</source>
        <translation>Writing the apology letter...</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Không thực hiện được</source>
        <extracomment>A bug while nobody is at the keyboard (``--snapshot``): logged, and the program ends. How long the end of the program waits for a list still being computed in the background (it reads the database, which closes next): the database&apos;s busy timeout. Passes of the event loop before the snapshot: results delivered, their rows laid out, and one more for a layout inside a layout. A property of the QApplication once ``application()`` has prepared it.</extracomment>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>Chương trình dừng vì một lỗi không mong muốn: {error}. Xem nhật ký {log}.</source>
        <translation>The program stopped because of an unexpected error: {error}. See the log {log}.</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong muốn. Việc vừa làm có thể chưa hoàn tất: hãy kiểm tra lại rồi làm tiếp. Nếu lỗi lặp lại, hãy gửi tệp nhật ký {log} cho người hỗ trợ.</source>
        <translation>An unexpected error occurred. What you just did may not have been completed: check it, then carry on. If the error happens again, send the log file {log} to whoever supports the office.</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <source>Không chụp được cửa sổ: --snapshot cần một cán bộ đăng nhập sẵn, nhưng lần chạy này phải hỏi đăng nhập. Hãy thêm --demo (đăng nhập sẵn tài khoản mẫu canbo1), ví dụ: desk --demo --db TỆP_DỮ_LIỆU --snapshot {picture}</source>
        <translation>Cannot take the picture of the window: --snapshot needs a clerk signed in already, but this start would ask for a login. Add --demo (signs the sample account canbo1 in), for example: desk --demo --db DATA_FILE --snapshot {picture}</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <source>Không đăng nhập được</source>
        <translation>Cannot sign in</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu: {error}. Xem nhật ký của chương trình.</source>
        <extracomment>Modules the window needs once the database is open, imported here as well: importing defines classes and creates no widget, so it may run off the window&apos;s thread, which then only builds.</extracomment>
        <translation>Cannot open the data: {error}. See the program&apos;s log.</translation>
    </message>
</context>
<context>
    <name>AtRiskNotice</name>
    <message>
        <source>Không có hồ sơ nào có nguy cơ trễ hạn.</source>
        <translation>No dossier is at risk of being late.</translation>
    </message>
    <message>
        <source>Có {n} hồ sơ có nguy cơ trễ hạn, cần xin lỗi.</source>
        <translation>{n} dossier(s) at risk of being late need an apology.</translation>
    </message>
    <message>
        <source>Hồ sơ cần xin lỗi</source>
        <translation>Dossiers needing an apology</translation>
    </message>
    <message>
        <source>Có {n} hồ sơ có nguy cơ trễ hạn, cần xin lỗi và hẹn lại ngày trả kết quả.</source>
        <translation>{n} dossier(s) are at risk of being late: an apology and a new appointment date are needed.</translation>
    </message>
    <message>
        <source>Phiếu xin lỗi phải đến người nộp chậm nhất một ngày làm việc trước ngày hẹn, và ngày hẹn chỉ được đổi một lần (Nghị định 118/2025/NĐ-CP, điều 19 khoản 6).</source>
        <translation>The apology letter must reach the applicant at the latest one working day before the appointment date, and the date may be changed only once (Decree 118/2025/ND-CP, art. 19(6)).</translation>
    </message>
    <message>
        <source>Xem danh sách</source>
        <translation>Show the list</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Bấm để xem danh sách hồ sơ cần xin lỗi.</source>
        <extracomment>The dialog shown to the supervisor, if any. The supervisor&apos;s line in the status bar (a link to the list).</extracomment>
        <translation>Click to see the dossiers needing an apology.</translation>
    </message>
</context>
<context>
    <name>AtRiskTableModel</name>
    <message>
        <source>Mức độ</source>
        <extracomment>Two lines a row, so the reason has room even beside a counter&apos;s queue panel: the code over the applicant, the department that decides it over the procedure (a long procedure name is cut, the department stays in sight).</extracomment>
        <translation>Level</translation>
    </message>
    <message>
        <source>Hồ sơ, người nộp</source>
        <translation>Dossier, applicant</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Phòng ban giải quyết, thủ tục</source>
        <translation>Deciding department, procedure</translation>
    </message>
    <message>
        <source>Lý do cần xin lỗi</source>
        <translation>Why an apology is needed</translation>
    </message>
    <message>
        <source>Đã quá hạn</source>
        <extracomment>Short words for the first column; the full reason is in the last one.</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Dự báo trễ hạn</source>
        <translation>Likely late</translation>
    </message>
</context>
<context>
    <name>AtRiskView</name>
    <message>
        <source>Không tính được danh sách cần xin lỗi: xem nhật ký của chương trình.</source>
        <translation>The list of dossiers needing an apology could not be computed: see the program&apos;s log.</translation>
    </message>
    <message>
        <source>Hồ sơ đang giải quyết có nguy cơ trễ hạn, khẩn nhất ở trên. Phiếu xin lỗi và hẹn lại phải đến người nộp chậm nhất một ngày làm việc trước ngày hẹn (Nghị định 118/2025/NĐ-CP, điều 19 khoản 6): mở hồ sơ rồi bấm “Xin lỗi và hẹn lại...”.</source>
        <extracomment>A list older than this is computed again (dossiers drift into the last day). Never shown: only sets how wide the department column starts. Whose dossiers the list holds: the clerk&apos;s own, or the whole office&apos;s. How many dossiers the last list held (None until the first one arrives). The last list&apos;s figures (overdue, overdue without a letter), as the report counts. The moment the last list asked for was computed for.</extracomment>
        <translation>Dossiers in progress at risk of being late, most urgent first. The apology letter with the new date must reach the applicant at the latest one working day before the appointment date (Decree 118/2025/ND-CP, art. 19(6)): open the dossier and click “Apologise and reschedule...”.</translation>
    </message>
    <message>
        <source>Đang tính danh sách...</source>
        <translation>Computing the list...</translation>
    </message>
    <message>
        <source>Phạm vi: {scope}. Không có hồ sơ nào có nguy cơ trễ hạn.</source>
        <translation>Scope: {scope}. No dossier is at risk of being late.</translation>
    </message>
    <message>
        <source>Phạm vi: {scope}. {n} hồ sơ có nguy cơ trễ hạn; {overdue} đã quá hạn, {without} trong số đó chưa có phiếu xin lỗi.</source>
        <translation>Scope: {scope}. {n} dossier(s) at risk of being late; overdue: {overdue}, of which without an apology letter yet: {without}.</translation>
    </message>
    <message>
        <source>{code}: {reason}</source>
        <translation>{code}: {reason}</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Không tải được dữ liệu: xem nhật ký của chương trình.</source>
        <extracomment>Threads for work that waits on devices and files (several printers may hang at once). ``report(done, total)``: how far the work is (called on the pool thread). Threads for the screens&apos; polls of the database (one poll at a time per screen).</extracomment>
        <translation>Cannot load the data: see the program&apos;s log.</translation>
    </message>
    <message>
        <source>Lỗi của chương trình: xem nhật ký của chương trình.</source>
        <translation>A program error: see the program&apos;s log.</translation>
    </message>
    <message>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Không ghi được vào thư mục sao lưu {folder}: {error}. Kiểm tra ổ USB hoặc thư mục mạng đã được cắm, kết nối và cho phép ghi.</source>
        <translation>Cannot write to the backup folder {folder}: {error}. Check that the USB drive or network folder is plugged in, connected and writable.</translation>
    </message>
    <message>
        <source>Sao lưu trong desk chỉ dành cho tệp dữ liệu SQLite. Cơ sở dữ liệu trên máy chủ PostgreSQL được sao lưu trên máy chủ (pg_dump): hãy báo quản trị viên.</source>
        <translation>Backups in desk are for SQLite data files only. A database on a PostgreSQL server is backed up on the server (pg_dump): tell the administrator.</translation>
    </message>
    <message>
        <source>Không sao lưu được vào {folder}: {error}. Kiểm tra ổ đĩa còn chỗ trống và vẫn được kết nối, rồi sao lưu lại.</source>
        <translation>Cannot back up to {folder}: {error}. Check that the drive has free space and is still connected, then back up again.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {path}: {error}.</source>
        <translation>Cannot read the file {path}: {error}.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải là bản sao lưu của desk.</source>
        <translation>The file {name} is not a desk backup.</translation>
    </message>
    <message>
        <source>Tệp {name} bị hỏng, không dùng để khôi phục được ({error}).</source>
        <translation>The file {name} is damaged and cannot be used to restore ({error}).</translation>
    </message>
    <message>
        <source>Tệp {name} không qua được kiểm tra toàn vẹn: bản sao lưu đã bị hỏng. Hãy chọn một bản sao lưu khác.</source>
        <translation>The file {name} failed the integrity check: the backup is damaged. Choose another backup.</translation>
    </message>
    <message>
        <source>không phải cơ sở dữ liệu của desk</source>
        <translation>not a desk database</translation>
    </message>
    <message>
        <source>không có phiên bản cấu trúc dữ liệu</source>
        <translation>no data schema version</translation>
    </message>
    <message>
        <source>Bản sao lưu {name} do một phiên bản desk mới hơn tạo ra (cấu trúc dữ liệu {revision}): hãy cài phiên bản desk mới nhất rồi khôi phục.</source>
        <translation>The backup {name} was made by a newer version of desk (data schema {revision}): install the latest desk, then restore.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Sao lưu và khôi phục dữ liệu</source>
        <translation>Back up and restore data</translation>
    </message>
    <message>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Lưu thư mục</source>
        <translation>Save folder</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>Lấy lại các hồ sơ đã chọn</source>
        <extracomment>The codes the last &quot;Lấy lại&quot; brought back. The restore or the dossiers brought back, while on their way.</extracomment>
        <translation>Bring back the selected dossiers</translation>
    </message>
    <message>
        <source>Thư mục sao lưu (ổ USB, thư mục mạng):</source>
        <translation>Backup folder (USB drive, network folder):</translation>
    </message>
    <message>
        <source>Các bản sao lưu (mới nhất ở trên):</source>
        <translation>Backups (newest at the top):</translation>
    </message>
    <message>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>Chọn thư mục sao lưu</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>Đã lưu thư mục sao lưu.</source>
        <translation>Backup folder saved.</translation>
    </message>
    <message>
        <source>Đang sao lưu dữ liệu...</source>
        <translation>Backing up the data...</translation>
    </message>
    <message>
        <source>Đã sao lưu vào {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>Đang kiểm tra bản sao lưu...</source>
        <translation>Checking the backup...</translation>
    </message>
    <message>
        <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu {file} ({dossiers} hồ sơ)?
Mọi thay đổi sau thời điểm sao lưu sẽ không còn trên màn hình; tệp dữ liệu hiện tại được giữ lại bên cạnh để có thể lấy lại.</source>
        <translation>Replace all current data with the backup {file} ({dossiers} dossiers)?
All changes made after the backup was taken will no longer be on screen; the current data file is kept alongside so it can be recovered.</translation>
    </message>
    <message>
        <source>Đã hủy, không thay đổi gì.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Đang khôi phục dữ liệu...</source>
        <translation>Restoring the data...</translation>
    </message>
    <message>
        <source>Đã khôi phục từ {file}. Tệp dữ liệu cũ được giữ tại {kept}. Các số đã cấp (mã hồ sơ, số thứ tự, số phiếu xin lỗi) không bị cấp lại. Các máy khác có thể mở lại desk.</source>
        <translation>Restored from {file}. The previous data file is kept at {kept}. Numbers already handed out (dossier codes, queue numbers, apology letter numbers) will not be handed out again. The other PCs may open desk again.</translation>
    </message>
    <message>
        <source>{count} hồ sơ chỉ có trong tệp dữ liệu cũ (nhận sau lúc sao lưu): chọn các hồ sơ cần lấy lại rồi bấm &quot;Lấy lại các hồ sơ đã chọn&quot;.</source>
        <translation>{count} dossiers are only in the previous data file (received after the backup was made): select the ones to bring back, then click &quot;Bring back the selected dossiers&quot;.</translation>
    </message>
    <message>
        <source>Đã lấy lại {count} hồ sơ: {codes}.</source>
        <translation>Brought back {count} dossiers: {codes}.</translation>
    </message>
    <message>
        <source>Đang lấy lại hồ sơ...</source>
        <translation>Bringing the dossiers back...</translation>
    </message>
</context>
<context>
    <name>Band</name>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Đến hạn ngày làm việc tới</source>
        <translation>Due next working day</translation>
    </message>
    <message>
        <source>Trong 3 ngày làm việc</source>
        <translation>Within 3 working days</translation>
    </message>
    <message>
        <source>Còn hạn</source>
        <translation>Within time</translation>
    </message>
</context>
<context>
    <name>BandStyle</name>
    <message>
        <source>Chỉ xem hồ sơ “{band}” (bấm lần nữa để bỏ chọn)</source>
        <extracomment>The first letters of a band&apos;s name a narrowed button still shows (&quot;Đến hạn…: 25&quot;). Pixels for text measured in parts (a name, then its count) being wider than whole. Dossiers whose clock is stopped or that are done have no band: a grey pause sign.</extracomment>
        <translation>Show only “{band}” dossiers (click again to clear)</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Loại ngày “{kind}” không hợp lệ: ghi “off” (ngày nghỉ) hoặc “makeup” (ngày làm bù).</source>
        <translation>Day type “{kind}” is not valid: write “off” (day off) or “makeup” (make-up working day).</translation>
    </message>
    <message>
        <source>Trạng thái “{status}” không hợp lệ: ghi “confirmed” (đã xác nhận), “proposed” (đề xuất) hoặc “rejected” (không áp dụng).</source>
        <translation>Status “{status}” is not valid: write “confirmed”, “proposed” or “rejected”.</translation>
    </message>
    <message>
        <source>Ngày “{text}” không hợp lệ: ghi dạng 2025-01-27 hoặc 27/01/2025.</source>
        <translation>Date “{text}” is not valid: write it as 2025-01-27 or 27/01/2025.</translation>
    </message>
    <message>
        <source>Không đọc được tệp lịch {file}: cần một tệp CSV mã hóa UTF-8 có các cột date,kind,note,source,status ({error}).</source>
        <translation>Cannot read the calendar file {file}: a UTF-8 CSV file with the columns date,kind,note,source,status is needed ({error}).</translation>
    </message>
    <message>
        <source>Tệp {file} phải có dòng tiêu đề “date,kind,note”.</source>
        <translation>File {file} must have the header line “date,kind,note”.</translation>
    </message>
    <message>
        <source>Tệp {file}, dòng {line}: {error}</source>
        <translation>File {file}, line {line}: {error}</translation>
    </message>
    <message>
        <source>Ngày {date} vừa được khai là ngày nghỉ vừa là ngày làm bù.</source>
        <translation>{date} is declared both a day off and a make-up working day.</translation>
    </message>
    <message>
        <source>Năm {year} nằm ngoài lịch của desk: chỉ nhận các năm từ {first} đến {last}.</source>
        <extracomment>The years the calendar answers for: from the first year of the public holidays written out ahead (``public_holidays_table``) to the last whose lunar dates the ``holidays`` package knows (it has no Tết after 2100). A year typed outside them is a typo (26 for 2026), not a year to count in.</extracomment>
        <translation>The year {year} is outside desk&apos;s calendar: only the years {first} to {last} are accepted.</translation>
    </message>
    <message>
        <source>lịch nghỉ chính thức từ ngày {date} chưa được nhập vào desk</source>
        <translation>the official schedule from {date} on has not been entered into the desk</translation>
    </message>
    <message>
        <source>ngày {days} mới là đề xuất nghỉ, chưa được xác nhận</source>
        <translation>{days} is only a proposed day off, not yet confirmed</translation>
    </message>
    <message>
        <source>Ngày hẹn có thể thay đổi: {reasons}. Hãy báo người nộp hồ sơ.</source>
        <translation>The appointment may change: {reasons}. Please tell the applicant.</translation>
    </message>
    <message>
        <source>Ngày {date} không phải ngày làm việc.</source>
        <translation>{date} is not a working day.</translation>
    </message>
    <message>
        <source>Thời lượng làm việc cần cộng không được âm.</source>
        <translation>The working time to add must not be negative.</translation>
    </message>
    <message>
        <source>Không biết cách tính thời hạn loại “{kind}”.</source>
        <translation>Unknown kind of time limit “{kind}”: cannot compute it.</translation>
    </message>
    <message>
        <source>Ngày nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Ngày làm bù</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được đổi giờ làm việc.</source>
        <translation>Only an administrator may change the working hours.</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa lịch làm việc.</source>
        <extracomment>The special days, in order, as ``stored_day`` takes them. What the calendar is built from, in one row: when it moves, the calendar is read again. database -&gt; (stamp, the calendar built at that stamp)</extracomment>
        <translation>Only an administrator may edit the working calendar.</translation>
    </message>
    <message>
        <source>Loại ngày phải là &apos;Ngày nghỉ&apos; hoặc &apos;Ngày làm bù&apos;.</source>
        <translation>The day type must be &apos;Day off&apos; or &apos;Make-up working day&apos;.</translation>
    </message>
    <message>
        <source>Quản trị viên nhập</source>
        <translation>Entered by the admin</translation>
    </message>
    <message>
        <source>Ngày {date} không có trong lịch của cơ quan.</source>
        <translation>{date} is not in the office&apos;s calendar.</translation>
    </message>
    <message>
        <source>Đã nhập {added} ngày mới, thay {replaced} ngày; lịch năm {years} đã xác nhận.</source>
        <translation>Imported {added} new days, replaced {replaced}; the calendar of {years} is confirmed.</translation>
    </message>
    <message>
        <source>Tệp {file}: ngày {date} chưa ghi nguồn (cột source: số, ngày của văn bản).</source>
        <translation>File {file}: {date} has no source (column source: the number and date of the official text).</translation>
    </message>
    <message>
        <source>Tệp {file} không có ngày nào đã xác nhận: không có năm nào được xác nhận.</source>
        <translation>File {file} has no confirmed day: no year is confirmed.</translation>
    </message>
    <message>
        <source>Ước tính theo Bộ luật Lao động 2019 điều 112</source>
        <translation>Estimated from the Labour Code 2019, art. 112</translation>
    </message>
    <message>
        <source>ngày {days} là đề xuất nghỉ, chờ quản trị viên quyết định</source>
        <extracomment>How far ahead the supervisor is told that next year&apos;s schedule is missing.</extracomment>
        <translation>{days} is a proposed day off awaiting the admin&apos;s decision</translation>
    </message>
    <message>
        <source>lịch nghỉ chính thức năm {year} chưa được nhập</source>
        <translation>the official schedule of {year} has not been entered</translation>
    </message>
    <message>
        <source>Lịch làm việc: {items}.</source>
        <translation>Calendar: {items}.</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Lịch làm việc</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>Lưu giờ làm việc</source>
        <translation>Save working hours</translation>
    </message>
    <message>
        <source>Ngày</source>
        <extracomment>The years chosen: each is read off the window&apos;s thread, the newest one shown.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tên ngày</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>Xác nhận áp dụng</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Ngày đề xuất đã có văn bản chính thức: áp dụng khi tính ngày hẹn.</source>
        <translation>The proposed day now has an official text: apply it to appointments.</translation>
    </message>
    <message>
        <source>Không áp dụng</source>
        <translation>Do not apply</translation>
    </message>
    <message>
        <source>Ngày đề xuất không được áp dụng: tính như ngày thường.</source>
        <translation>The proposed day does not apply: count it as an ordinary day.</translation>
    </message>
    <message>
        <source>Nhập lịch chính thức...</source>
        <translation>Import official schedule...</translation>
    </message>
    <message>
        <source>Tệp CSV có các cột date,kind,note,source,status; các năm có ngày đã xác nhận trong tệp được coi là đã có lịch chính thức.</source>
        <translation>A CSV file with the columns date,kind,note,source,status; the years with confirmed days in the file count as having their official schedule.</translation>
    </message>
    <message>
        <source>Ví dụ: Làm bù cho ngày nghỉ 31/08/2026</source>
        <translation>For example: make-up for the day off on 31/08/2026</translation>
    </message>
    <message>
        <source>Thêm ngày</source>
        <translation>Add day</translation>
    </message>
    <message>
        <source>Xóa ngày đã chọn</source>
        <translation>Delete selected day</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa lịch làm việc.</source>
        <translation>Only an administrator may edit the working calendar.</translation>
    </message>
    <message>
        <source>Giờ làm việc (các buổi nhận hồ sơ, giống nhau mọi ngày làm việc)</source>
        <translation>Working hours (the intake sessions, the same on every working day)</translation>
    </message>
    <message>
        <source>Các buổi cách nhau bằng dấu phẩy, ví dụ: 07:30-11:30, 13:30-17:00</source>
        <translation>Separate the sessions with commas, for example: 07:30-11:30, 13:30-17:00</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Ngày nghỉ, ngày làm bù của năm (kèm nguồn văn bản)</source>
        <translation>Days off and make-up days of the year (with their sources)</translation>
    </message>
    <message>
        <source>Ngày lễ ước tính theo Bộ luật Lao động (chỉ xem)</source>
        <translation>Holidays estimated from the Labour Code (read-only)</translation>
    </message>
    <message>
        <source>Năm {year} đã có lịch nghỉ chính thức: mọi ngày nghỉ, ngày làm bù có trong bảng dưới đây.</source>
        <translation>{year} has its official schedule: every day off and make-up day is in the table below.</translation>
    </message>
    <message>
        <source>Năm {year} chưa có lịch nghỉ chính thức: ngày hẹn rơi vào năm này được tính theo ngày lễ ước tính và được báo là có thể thay đổi.</source>
        <translation>{year} has no official schedule yet: appointments in this year use the estimated holidays and are marked as possibly changing.</translation>
    </message>
    <message>
        <source>Hãy chọn một ngày trong bảng.</source>
        <translation>Select a day in the table.</translation>
    </message>
    <message>
        <source>Đã xác nhận ngày {0}: áp dụng khi tính ngày hẹn.</source>
        <translation>{0} confirmed: it applies to appointments.</translation>
    </message>
    <message>
        <source>Ngày {0} không áp dụng: tính như ngày thường.</source>
        <translation>{0} does not apply: counted as an ordinary day.</translation>
    </message>
    <message>
        <source>Chọn tệp lịch nghỉ chính thức</source>
        <translation>Choose the official schedule file</translation>
    </message>
    <message>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Loại ngày:</source>
        <translation>Day type:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Đã lưu giờ làm việc: {0}.</source>
        <translation>Working hours saved: {0}.</translation>
    </message>
    <message>
        <source>Đã thêm {0}: {1}, {2}.</source>
        <translation>Added {0}: {1}, {2}.</translation>
    </message>
    <message>
        <source>Hãy chọn một ngày trong bảng để xóa.</source>
        <translation>Select a day in the table to delete.</translation>
    </message>
    <message>
        <source>Đã xóa ngày {0} khỏi lịch của cơ quan.</source>
        <translation>Removed {0} from the office&apos;s calendar.</translation>
    </message>
</context>
<context>
    <name>CalendarNotice</name>
    <message>
        <source>Lịch làm việc cần xem</source>
        <extracomment>The reads of what is pending: a later read makes an earlier one late.</extracomment>
        <translation>Calendar needs attention</translation>
    </message>
    <message>
        <source>{message} Bấm để mở Quản trị › Lịch làm việc.</source>
        <translation>{message} Click to open Admin › Working calendar.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Không có thủ tục mã &apos;{code}&apos; trong danh mục.</source>
        <translation>There is no procedure with code &apos;{code}&apos; in the catalog.</translation>
    </message>
    <message>
        <source>Chưa nhập mã thủ tục.</source>
        <translation>Enter the procedure code.</translation>
    </message>
    <message>
        <source>Chưa nhập tên thủ tục.</source>
        <translation>Enter the procedure name.</translation>
    </message>
    <message>
        <source>Chưa nhập lĩnh vực.</source>
        <translation>Enter the field.</translation>
    </message>
    <message>
        <source>Thủ tục phải có ít nhất một thành phần hồ sơ.</source>
        <translation>A procedure must list at least one required paper.</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa danh mục thủ tục.</source>
        <translation>Only an administrator may edit the procedure catalog.</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được nhập danh mục thủ tục.</source>
        <translation>Only an administrator may import the procedure catalog.</translation>
    </message>
    <message>
        <source>Dòng {row} ({code}): {message}</source>
        <translation>Row {row} ({code}): {message}</translation>
    </message>
    <message>
        <source>Dòng {row}: {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
</context>
<context>
    <name>CatalogFiles</name>
    <message>
        <source>Không tìm thấy tệp {path}.</source>
        <translation>File {path} not found.</translation>
    </message>
    <message>
        <source>Không mở được tệp {path}: không có quyền đọc, hoặc tệp đang mở ở chương trình khác. Hãy đóng tệp rồi thử lại.</source>
        <translation>Cannot open the file {path}: no permission to read it, or it is open in another program. Close the file and try again.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: không có quyền ghi, hoặc tệp đang mở trong Excel. Hãy đóng tệp rồi thử lại.</source>
        <translation>Cannot write the file {path}: no permission to write, or it is open in Excel. Close the file and try again.</translation>
    </message>
    <message>
        <source>Tệp trống: dòng 1 phải là dòng tiêu đề ({code}, {name}, ...).</source>
        <translation>The file is empty: row 1 must be the header row ({code}, {name}, ...).</translation>
    </message>
    <message>
        <source>Mã thủ tục &apos;{code}&apos; có ở nhiều dòng ({rows}): mỗi mã chỉ được một dòng, hãy xóa hoặc sửa các dòng trùng.</source>
        <translation>The procedure code &apos;{code}&apos; is on several rows ({rows}): each code may have one row only; delete or fix the duplicate rows.</translation>
    </message>
    <message>
        <source>(không có phần mở rộng)</source>
        <translation>(no extension)</translation>
    </message>
    <message>
        <source>Không dùng được tệp &apos;{name}&apos;: danh mục thủ tục phải là tệp .csv hoặc .xlsx, tệp này là {suffix}. Với tệp .xls, hãy mở bằng Excel và lưu lại dạng .xlsx.</source>
        <translation>Cannot use the file &apos;{name}&apos;: the procedure catalog must be a .csv or .xlsx file, this one is {suffix}. For an .xls file, open it in Excel and save it again as .xlsx.</translation>
    </message>
    <message>
        <source>Dòng tiêu đề: cột &apos;{label}&apos; ({key}) có hai lần, hãy xóa một cột.</source>
        <translation>Header row: the column &apos;{label}&apos; ({key}) appears twice; delete one of them.</translation>
    </message>
    <message>
        <source>Dòng tiêu đề: thiếu cột {names}; dòng 1 phải là dòng tiêu đề.</source>
        <translation>Header row: missing column {names}; row 1 must be the header row.</translation>
    </message>
    <message>
        <source>Dòng có nhiều ô hơn dòng tiêu đề ({width} cột), thừa &apos;{first}&apos;: có thể một ô chứa dấu phẩy mà thiếu dấu ngoặc kép. Hãy mở tệp bằng Excel, sửa rồi lưu lại.</source>
        <translation>The row has more cells than the header row ({width} columns), extra &apos;{first}&apos;: a cell probably contains a comma without quotation marks. Open the file in Excel, fix it and save it again.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải mã UTF-8 nên tiếng Việt sẽ bị lỗi. Trong Excel, chọn Lưu thành (Save As) &gt; &apos;CSV UTF-8 (Comma delimited)&apos; rồi nhập lại, hoặc lưu dạng .xlsx.</source>
        <translation>The file {name} is not UTF-8 encoded, so Vietnamese text would be garbled. In Excel, choose Save As &gt; &apos;CSV UTF-8 (Comma delimited)&apos; and import again, or save it as .xlsx.</translation>
    </message>
    <message>
        <source>Không mở được tệp Excel {name}: tệp bị hỏng hoặc không phải .xlsx. Hãy mở bằng Excel và lưu lại dạng .xlsx.</source>
        <translation>Cannot open the Excel file {name}: it is damaged or not .xlsx. Open it in Excel and save it again as .xlsx.</translation>
    </message>
    <message>
        <source>“{name}” là một thư mục, không phải tệp: hãy chọn tệp danh mục .csv hoặc .xlsx ở trong thư mục.</source>
        <translation>“{name}” is a folder, not a file: choose the .csv or .xlsx catalog file inside it.</translation>
    </message>
    <message>
        <source>Tệp {name}, dòng {line}: một ô dài hơn {limit} ký tự. Thường là một dấu ngoặc kép (&quot;) mở ô mà không đóng, nên phần còn lại của tệp bị đọc thành một ô. Hãy mở tệp bằng Excel, sửa ô đó rồi lưu lại dạng CSV UTF-8.</source>
        <translation>File {name}, line {line}: a cell is longer than {limit} characters. Usually a quotation mark (&quot;) opens a cell and is never closed, so the rest of the file is read as one cell. Open the file in Excel, fix that cell and save it again as CSV UTF-8.</translation>
    </message>
    <message>
        <source>Tệp {name}, dòng {line}: không đọc được dạng CSV ({detail}). Hãy mở tệp bằng Excel rồi lưu lại dạng CSV UTF-8 hoặc .xlsx.</source>
        <translation>File {name}, line {line}: cannot be read as CSV ({detail}). Open the file in Excel and save it again as CSV UTF-8 or .xlsx.</translation>
    </message>
    <message>
        <source>Tệp Excel {name} không có trang tính nào (chỉ có biểu đồ): hãy đặt bảng danh mục thủ tục vào trang tính đầu tiên rồi lưu lại.</source>
        <translation>The Excel file {name} has no worksheet (only charts): put the procedure catalog table on the first worksheet and save it again.</translation>
    </message>
    <message>
        <source>Tệp Excel {name} bị hỏng: trang “{sheet}” bị cắt ngang, không đọc được đến hết ({detail}). Có thể tệp chưa chép xong hoặc lưu bị lỗi: hãy chép lại tệp, hoặc mở bằng Excel và lưu lại.</source>
        <translation>The Excel file {name} is damaged: the sheet “{sheet}” stops in the middle and cannot be read to its end ({detail}). The file may not have been copied completely or was saved with an error: copy it again, or open it in Excel and save it again.</translation>
    </message>
    <message>
        <source>Tệp {name} không có phần sổ tính (xl/workbook.xml): tệp không đầy đủ hoặc không phải tệp Excel .xlsx. Hãy mở bằng Excel và lưu lại dạng .xlsx.</source>
        <translation>The file {name} has no workbook part (xl/workbook.xml): it is incomplete or not an Excel .xlsx file. Open it in Excel and save it again as .xlsx.</translation>
    </message>
    <message>
        <source>Tệp Excel {name} có trang biểu đồ (chart sheet) mà desk không đọc được. Hãy xóa trang biểu đồ, hoặc chép bảng danh mục sang một sổ tính mới, rồi lưu lại.</source>
        <translation>The Excel file {name} has a chart sheet that desk cannot read. Delete the chart sheet, or copy the catalog table into a new workbook, then save it again.</translation>
    </message>
    <message>
        <source>Tệp Excel {name} bị hỏng hoặc có phần desk không đọc được ({detail}). Hãy mở bằng Excel và lưu lại dạng .xlsx.</source>
        <translation>The Excel file {name} is damaged or has a part desk cannot read ({detail}). Open it in Excel and save it again as .xlsx.</translation>
    </message>
</context>
<context>
    <name>CatalogRows</name>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): không được để trống</source>
        <translation>Column &apos;{header}&apos; ({key}): must not be empty</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): không đọc được</source>
        <translation>Column &apos;{header}&apos; ({key}): cannot be read</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): không được chứa dấu cách, đang là &apos;{value}&apos;</source>
        <translation>Column &apos;{header}&apos; ({key}): must not contain spaces, it is &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): &apos;{value}&apos; có vẻ đã bị Excel đổi thành số và mất số 0 ở cuối; mã thủ tục có 6 chữ số sau dấu chấm (ví dụ 2.000720), hãy gõ lại và định dạng ô là Văn bản (Text)</source>
        <translation>Column &apos;{header}&apos; ({key}): &apos;{value}&apos; looks like Excel turned it into a number and dropped the trailing 0; a procedure code has 6 digits after the dot (e.g. 2.000720): type it again and format the cell as Text</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): thủ tục giải quyết trong ngày không ghi số, hãy để trống (đang là &apos;{value}&apos;)</source>
        <translation>Column &apos;{header}&apos; ({key}): a same-day procedure has no number, leave it empty (it is &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): thủ tục giải quyết trong ngày không có thời hạn riêng theo hình thức nộp, hãy để trống (đang là &apos;{value}&apos;)</source>
        <translation>Column &apos;{header}&apos; ({key}): a same-day procedure has no separate limit per submission channel, leave it empty (it is &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là một trong {allowed} (hoặc {words}), đang là &apos;{value}&apos;</source>
        <translation>Column &apos;{header}&apos; ({key}): must be one of {allowed} (or {words}), it is &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là một trong {allowed} (hoặc {words}), đang để trống</source>
        <translation>Column &apos;{header}&apos; ({key}): must be one of {allowed} (or {words}), it is empty</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là số nguyên dương, đang để trống</source>
        <translation>Column &apos;{header}&apos; ({key}): must be a positive whole number, it is empty</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là số nguyên dương, đang là &apos;{value}&apos;</source>
        <translation>Column &apos;{header}&apos; ({key}): must be a positive whole number, it is &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là giờ dạng HH:MM (ví dụ 15:00) hoặc để trống, đang là &apos;{value}&apos;</source>
        <translation>Column &apos;{header}&apos; ({key}): must be a time as HH:MM (e.g. 15:00) or empty, it is &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là 1 (đang áp dụng) hoặc 0, đang là &apos;{value}&apos;</source>
        <translation>Column &apos;{header}&apos; ({key}): must be 1 (in force) or 0, it is &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}), giấy tờ thứ {number} &apos;{item}&apos;: {reason}</source>
        <translation>Column &apos;{header}&apos; ({key}), paper no. {number} &apos;{item}&apos;: {reason}</translation>
    </message>
    <message>
        <source>chưa ghi hình thức ở cuối, hãy thêm ({original}), ({copy}) hoặc ({shown})</source>
        <translation>no form given at the end: add ({original}), ({copy}) or ({shown})</translation>
    </message>
    <message>
        <source>không hiểu {words} trong ngoặc cuối: chỉ ghi {original}, {copy} hoặc {shown}, thêm &apos;{optional}&apos; nếu giấy tờ không phải lúc nào cũng cần</source>
        <translation>{words} in the last brackets is not understood: write only {original}, {copy} or {shown}, and add &apos;{optional}&apos; if the paper is not always needed</translation>
    </message>
    <message>
        <source>chỉ ghi một hình thức: ({original}) hoặc ({copy}); ghi số bản bằng xN</source>
        <translation>give one form only: ({original}) or ({copy}); write the number of copies as xN</translation>
    </message>
    <message>
        <source>số bản sau &apos;x&apos; phải là số nguyên dương, đang là &apos;{value}&apos;</source>
        <translation>the number of copies after &apos;x&apos; must be a positive whole number, it is &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>thiếu tên giấy tờ trước ngoặc</source>
        <translation>the paper&apos;s name is missing before the brackets</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): &apos;{value}&apos; là cấp huyện, nhưng từ 01/07/2025 chính quyền địa phương chỉ còn hai cấp (tỉnh và xã), không còn cấp huyện. Hãy ghi &apos;{commune}&apos; hoặc &apos;{province}&apos; theo thủ tục đã được công bố lại sau khi sắp xếp.</source>
        <translation>Column &apos;{header}&apos; ({key}): &apos;{value}&apos; is the district level, but since 01/07/2025 local government has only two levels (province and commune) and no district level. Write &apos;{commune}&apos; or &apos;{province}&apos; as the procedure was published again after the reorganisation.</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là &apos;{central}&apos;, &apos;{province}&apos; hoặc &apos;{commune}&apos; (hoặc để trống), đang là &apos;{value}&apos;</source>
        <translation>Column &apos;{header}&apos; ({key}): must be &apos;{central}&apos;, &apos;{province}&apos; or &apos;{commune}&apos; (or empty), not &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): phải là 1 (chỉ tiếp nhận trực tuyến) hoặc 0 (để trống cũng là 0), đang là &apos;{value}&apos;</source>
        <translation>Column &apos;{header}&apos; ({key}): must be 1 (accepted online only) or 0 (empty also means 0), not &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): có ký tự điều khiển không in được ({codes}); hãy xóa ký tự đó rồi lưu lại</source>
        <extracomment>The Vietnamese limit kinds a message suggests (values of the file, not screen text). How the file writes each level (values of the file, not screen text). Folded cell texts read as a level, after a leading &quot;cấp&quot;/&quot;UBND&quot; is dropped. The district words of before 01/07/2025: refused with their own message. The longest procedure name a form prints whole (the longest published is about 350).</extracomment>
        <translation>Column &apos;{header}&apos; ({key}): holds a control character that cannot be printed ({codes}); delete it and save again</translation>
    </message>
    <message>
        <source>Cột &apos;{header}&apos; ({key}): dài {count} ký tự, quá mức {limit}</source>
        <translation>Column &apos;{header}&apos; ({key}): {count} characters long, more than {limit}</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Trực tiếp tại quầy</source>
        <translation>In person at the counter</translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>ClerksDialog</name>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Intake clerks</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <extracomment>The account added last (``add_clerk``), once saved.</extracomment>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Chữ thường không dấu, ví dụ: lan.nt</source>
        <translation>Lower case without accents, for example: lan.nt</translation>
    </message>
    <message>
        <source>Ví dụ: Nguyễn Thị Lan</source>
        <translation>For example: Nguyen Thi Lan</translation>
    </message>
    <message>
        <source>Ít nhất 8 ký tự, có cả chữ và số</source>
        <translation>At least 8 characters, with both letters and digits</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận: tiếp nhận và xử lý hồ sơ. Lãnh đạo, giám sát: thêm giao lại, sửa thông tin hồ sơ, xem việc của mọi người. Quản trị: tài khoản, danh mục, lịch làm việc, cài đặt.</source>
        <translation>Intake clerk: receives and processes dossiers. Supervisor: also reassigns dossiers, corrects dossier details and sees everyone&apos;s work. Administrator: accounts, catalog, working calendar, settings.</translation>
    </message>
    <message>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được thêm tài khoản.</source>
        <translation>Only an administrator may add accounts.</translation>
    </message>
    <message>
        <source>Thêm tài khoản mới</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại cho khớp.</source>
        <translation>The two passwords differ: type them again so they match.</translation>
    </message>
    <message>
        <source>Đã thêm tài khoản “{0}” ({1}).</source>
        <translation>Account “{0}” ({1}) added.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu); mặc định: biến DESK_DB hoặc {path}</source>
        <translation>SQLite data file (or database URL); default: the DESK_DB variable or {path}</translation>
    </message>
    <message>
        <source>Bàn tiếp nhận hồ sơ của Bộ phận Một cửa. Không có lệnh con: mở cửa sổ.</source>
        <extracomment>Each group of sub-commands, in the order ``--help`` lists them, with what adds their options and returns their handlers (importing their module only then). Options of ``desk`` itself that take a value (a value is never a sub-command&apos;s name).</extracomment>
        <translation>Dossier intake desk of the one-stop shop. Without a command: opens the window.</translation>
    </message>
    <message>
        <source>in số phiên bản của desk rồi thoát</source>
        <translation>show the desk&apos;s version number and exit</translation>
    </message>
    <message>
        <source>ngôn ngữ của lần chạy này (mặc định: biến DESK_LANG hoặc cài đặt của máy này)</source>
        <translation>language of this run (default: the DESK_LANG variable or this PC&apos;s setting)</translation>
    </message>
    <message>
        <source>mở trên một cơ sở dữ liệu mẫu, đăng nhập sẵn bằng tài khoản mẫu (tạm thời, hoặc tệp --db nếu có: tạo lần đầu, dùng lại các lần sau)</source>
        <translation>open on a demo database, signed in with a sample account (a temporary one, or the --db file if given: created the first time, reused afterwards)</translation>
    </message>
    <message>
        <source>TỆP.png</source>
        <translation>FILE.png</translation>
    </message>
    <message>
        <source>mở cửa sổ, chụp ảnh cửa sổ vào tệp này khi danh sách đã tải xong rồi đóng lại (để kiểm tra một bản cài đặt hoặc làm tài liệu hướng dẫn)</source>
        <translation>open the window, save a picture of it to this file once its lists have loaded, then close (to check an installation or to illustrate a manual)</translation>
    </message>
    <message>
        <source>LỆNH</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>tạo cơ sở dữ liệu mẫu (cơ quan, cán bộ, hồ sơ)</source>
        <extracomment>The sample account the window opens with under ``--demo``. How many dossiers the window&apos;s sample office starts with.</extracomment>
        <translation>create a sample database (office, clerks, dossiers)</translation>
    </message>
    <message>
        <source>số hồ sơ mẫu (mặc định 3000)</source>
        <translation>number of sample dossiers (default 3000)</translation>
    </message>
    <message>
        <source>liệt kê hồ sơ</source>
        <translation>list dossiers</translation>
    </message>
    <message>
        <source>chỉ hồ sơ chưa xong, gấp nhất trước</source>
        <translation>only unfinished dossiers, most urgent first</translation>
    </message>
    <message>
        <source>chỉ hồ sơ đang giải quyết trong nhóm hạn này</source>
        <translation>only dossiers in progress in this deadline band</translation>
    </message>
    <message>
        <source>chỉ hồ sơ ở trạng thái này</source>
        <translation>only dossiers in this status</translation>
    </message>
    <message>
        <source>CHỮ</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>tìm theo tên, mã hồ sơ, số giấy tờ, điện thoại (không dấu cũng được)</source>
        <translation>search by name, dossier code, ID number, phone (diacritics optional)</translation>
    </message>
    <message>
        <source>in dạng JSON</source>
        <translation>print as JSON</translation>
    </message>
    <message>
        <source>in hoặc in lại phiếu hẹn của một hồ sơ</source>
        <translation>print or reprint the receipt of a dossier</translation>
    </message>
    <message>
        <source>mã hồ sơ, ví dụ H36.41-260310-0001</source>
        <translation>dossier code, e.g. H36.41-260310-0001</translation>
    </message>
    <message>
        <source>none, file:PATH, tcp://HOST:9100, usb://VID:PID, serial:COM3?baudrate=9600, win32:TÊN MÁY IN</source>
        <translation>none, file:PATH, tcp://HOST:9100, usb://VID:PID, serial:COM3?baudrate=9600, win32:PRINTER NAME</translation>
    </message>
    <message>
        <source>khổ giấy (mặc định 80 mm)</source>
        <translation>paper width (default 80 mm)</translation>
    </message>
    <message>
        <source>Đã gửi phiếu hẹn {code} (bản in lại) tới {printer}.</source>
        <translation>Sent the receipt of {code} (a reprint) to {printer}.</translation>
    </message>
    <message>
        <source>Lỗi: {message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <source>Hãy chỉ rõ tệp dữ liệu mẫu bằng --db PATH (hoặc --db-url URL).</source>
        <translation>Name the sample data file with --db PATH (or --db-url URL).</translation>
    </message>
    <message>
        <source>Đã tạo {count} hồ sơ mẫu trong {where}.</source>
        <translation>Created {count} sample dossiers in {where}.</translation>
    </message>
    <message>
        <source>Tài khoản: {accounts} (mật khẩu: {password})</source>
        <translation>Accounts: {accounts} (password: {password})</translation>
    </message>
    <message>
        <source>Cơ quan đã có sẵn: hồ sơ mẫu được thêm vào, không tạo tài khoản mẫu nào; hãy đăng nhập bằng tài khoản của cơ quan.</source>
        <translation>The office was already there: the sample dossiers were added and no sample account was created; sign in with the office&apos;s own accounts.</translation>
    </message>
    <message>
        <source>Đã gửi phiếu hẹn {code} tới {printer}.</source>
        <translation>Sent the receipt of {code} to {printer}.</translation>
    </message>
    <message>
        <source>thiếu {what}: ngay sau &apos;{prog}&apos; phải là một trong {names}, rồi mới đến các tùy chọn như {option} (ví dụ: {prog} {first} {option} …)</source>
        <translation>{what} missing: right after &apos;{prog}&apos; comes one of {names}, and only then options such as {option} (for example: {prog} {first} {option} …)</translation>
    </message>
</context>
<context>
    <name>CliBackup</name>
    <message>
        <source>sao lưu ngay tệp dữ liệu (bản sao nhất quán, kể cả khi đang có người làm việc)</source>
        <extracomment>``--wait`` without a number: long enough for a clerk to finish a citizen and close.</extracomment>
        <translation>back up the data file now (a consistent copy, even while people are working)</translation>
    </message>
    <message>
        <source>THƯ_MỤC</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>thư mục chứa bản sao lưu (ổ USB, thư mục mạng); mặc định: thư mục đã chọn</source>
        <translation>folder for the backup (USB drive, network folder); default: the chosen folder</translation>
    </message>
    <message>
        <source>TỆP</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>tệp sao lưu desk-….sqlite3</source>
        <translation>backup file desk-….sqlite3</translation>
    </message>
    <message>
        <source>không hỏi lại trước khi khôi phục</source>
        <translation>do not ask again before restoring</translation>
    </message>
    <message>
        <source>Đã sao lưu vào {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>Bản sao lưu {name}: hợp lệ, {count} hồ sơ.</source>
        <translation>Backup {name}: valid, {count} dossiers.</translation>
    </message>
    <message>
        <source>Hãy thêm --yes để khôi phục khi không chạy trên màn hình dòng lệnh.</source>
        <translation>Add --yes to restore when not running in a terminal.</translation>
    </message>
    <message>
        <source>khôi phục tệp dữ liệu từ một bản sao lưu (quản trị viên; tệp cũ được giữ lại bên cạnh)</source>
        <translation>restore the data file from a backup (admins; the previous file is kept next to it)</translation>
    </message>
    <message>
        <source>Thay tệp dữ liệu bằng một bản sao lưu đã kiểm tra. Không làm khi còn máy nào mở tệp dữ liệu (desk, máy lấy số, màn hình gọi số). Tệp cũ được giữ lại; các số đã cấp (mã hồ sơ, số thứ tự, số phiếu xin lỗi) không bị cấp lại; các hồ sơ chỉ có trong tệp cũ được liệt kê để lấy lại bằng lệnh restore-missing.</source>
        <translation>Replace the data file with a checked backup. Refused while any PC has the data file open (desk, ticket kiosk, calling display). The previous file is kept; numbers already handed out (dossier codes, queue numbers, apology letter numbers) are not handed out again; the dossiers only the previous file holds are listed, to be brought back with the restore-missing command.</translation>
    </message>
    <message>
        <source>GIÂY</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>đợi các máy đang mở tệp dữ liệu đóng lại (tối đa GIÂY giây, mặc định {seconds:.0f})</source>
        <translation>wait for the PCs that have the data file open to close it (at most SECONDS seconds, default {seconds:.0f})</translation>
    </message>
    <message>
        <source>liệt kê và lấy lại các hồ sơ chỉ có trong tệp dữ liệu cũ được giữ lại khi khôi phục</source>
        <translation>list and bring back the dossiers only the data file kept by a restore holds</translation>
    </message>
    <message>
        <source>tệp dữ liệu cũ …truoc-khoi-phuc-….sqlite3</source>
        <translation>the previous data file …truoc-khoi-phuc-….sqlite3</translation>
    </message>
    <message>
        <source>MÃ</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>mã các hồ sơ cần lấy lại; không ghi mã: chỉ liệt kê</source>
        <translation>codes of the dossiers to bring back; no code: only list them</translation>
    </message>
    <message>
        <source>lấy lại mọi hồ sơ còn thiếu</source>
        <translation>bring back every missing dossier</translation>
    </message>
    <message>
        <source>co</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Thay tệp dữ liệu hiện tại bằng bản sao lưu này? Gõ &apos;{yes}&apos; để đồng ý: </source>
        <translation>Replace the current data file with this backup? Type &apos;{yes}&apos; to agree: </translation>
    </message>
    <message>
        <source>Đã hủy, không thay đổi gì.</source>
        <translation>Cancelled, nothing changed.</translation>
    </message>
    <message>
        <source>Đang đợi các máy đóng desk: {programs} (tối đa {seconds:.0f} giây)…</source>
        <translation>Waiting for these PCs to close desk: {programs} (at most {seconds:.0f} seconds)…</translation>
    </message>
    <message>
        <source>Hoặc chạy lại lệnh với --wait để đợi các máy đó đóng.</source>
        <translation>Or run the command again with --wait to wait for those PCs to close it.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu cũ được giữ tại {path}</source>
        <translation>The old data file is kept at {path}</translation>
    </message>
    <message>
        <source>{count} bộ đếm số (mã hồ sơ, số thứ tự, số phiếu xin lỗi) được đưa lên tiếp sau các số tệp cũ đã cấp: không số nào bị cấp lại.</source>
        <translation>{count} number counters (dossier codes, queue numbers, apology letter numbers) were moved past the numbers the previous file handed out: no number will be handed out twice.</translation>
    </message>
    <message>
        <source>Đã khôi phục xong. Hãy mở lại desk.</source>
        <translation>Restore finished. Open desk again.</translation>
    </message>
    <message>
        <source>{count} hồ sơ có trong tệp cũ nhưng không có trong bản sao lưu:</source>
        <translation>{count} dossiers are in the previous file but not in the backup:</translation>
    </message>
    <message>
        <source>Để lấy lại: desk restore-missing --from &quot;{kept}&quot;{db} MÃ… (hoặc --all cho tất cả).</source>
        <translation>To bring them back: desk restore-missing --from &quot;{kept}&quot;{db} CODE… (or --all for all of them).</translation>
    </message>
    <message>
        <source>Không còn hồ sơ nào chỉ có trong tệp cũ.</source>
        <translation>No dossier is only in the previous file any more.</translation>
    </message>
    <message>
        <source>Đã lấy lại hồ sơ {code}.</source>
        <translation>Brought back dossier {code}.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đã có sẵn, không chép lại.</source>
        <translation>Dossier {code} is already there: not copied again.</translation>
    </message>
    <message>
        <source>Các tài khoản cũng được lấy lại cùng hồ sơ: {accounts}.</source>
        <translation>Accounts brought back with the dossiers: {accounts}.</translation>
    </message>
</context>
<context>
    <name>CliCalendar</name>
    <message>
        <source>xem, nhập lịch nghỉ chính thức, quyết định ngày đề xuất</source>
        <translation>show or import the official schedule, decide proposed days</translation>
    </message>
    <message>
        <source>VIỆC</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>các ngày nghỉ, ngày làm bù của một năm</source>
        <translation>the days off and make-up days of a year</translation>
    </message>
    <message>
        <source>in dạng JSON</source>
        <translation>print as JSON</translation>
    </message>
    <message>
        <source>nhập lịch nghỉ chính thức từ tệp CSV (date,kind,note,source,status)</source>
        <translation>import an official schedule from a CSV file (date,kind,note,source,status)</translation>
    </message>
    <message>
        <source>các năm được xác nhận (mặc định: các năm có ngày đã xác nhận trong tệp)</source>
        <translation>the years confirmed (default: the years with confirmed days in the file)</translation>
    </message>
    <message>
        <source>xác nhận áp dụng một ngày đề xuất</source>
        <translation>confirm a proposed day</translation>
    </message>
    <message>
        <source>không áp dụng một ngày đề xuất</source>
        <translation>reject a proposed day</translation>
    </message>
    <message>
        <source>Ngày “{text}” không hợp lệ: hãy viết YYYY-MM-DD.</source>
        <translation>Date “{text}” is not valid: write YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Ngày {date}: {status}.</source>
        <translation>{date}: {status}.</translation>
    </message>
    <message>
        <source>Năm {year}: đã có lịch nghỉ chính thức.</source>
        <translation>{year}: the official schedule is entered.</translation>
    </message>
    <message>
        <source>Năm {year}: chưa có lịch nghỉ chính thức; ngày lễ dưới đây là ước tính.</source>
        <translation>{year}: no official schedule yet; the holidays below are estimated.</translation>
    </message>
</context>
<context>
    <name>CliCitizen</name>
    <message>
        <source>tệp dữ liệu SQLite (hoặc URL)</source>
        <translation>SQLite data file (or URL)</translation>
    </message>
    <message>
        <source>ghi danh mục thủ tục để niêm yết: tập PDF khổ A4 hoặc tệp Excel</source>
        <translation>write the procedure catalog for public posting: an A4 PDF booklet or an Excel file</translation>
    </message>
    <message>
        <source>Ghi các thủ tục đang áp dụng, theo lĩnh vực: pdf là tập niêm yết khổ A4 có mục lục và ngày cập nhật; xlsx là cùng danh sách dạng Excel.</source>
        <translation>Write the procedures in force, by field: pdf is the A4 posting booklet with a table of contents and the update date; xlsx is the same list as an Excel workbook.</translation>
    </message>
    <message>
        <source>định dạng (mặc định: theo đuôi tệp)</source>
        <translation>format (default: from the file&apos;s suffix)</translation>
    </message>
    <message>
        <source>tệp cần ghi</source>
        <translation>file to write</translation>
    </message>
    <message>
        <source>tình trạng một hồ sơ, như kiosk hiện cho người dân</source>
        <translation>the status of a dossier, as the kiosk shows it to citizens</translation>
    </message>
    <message>
        <source>In mã hồ sơ, thủ tục, tình trạng, ngày hẹn trả và kết quả đã có hay chưa; không in thông tin cá nhân.</source>
        <translation>Print the dossier code, procedure, status, appointment date and whether the result is ready; no personal data is printed.</translation>
    </message>
    <message>
        <source>mã hồ sơ, ví dụ H36.41-260310-0001</source>
        <translation>dossier code, e.g. H36.41-260310-0001</translation>
    </message>
    <message>
        <source>4 số cuối CCCD để đối chiếu như kiosk</source>
        <translation>last 4 digits of the citizen ID card, checked as the kiosk does</translation>
    </message>
    <message>
        <source>in dạng JSON</source>
        <translation>print as JSON</translation>
    </message>
    <message>
        <source>tổng hợp đánh giá mức độ hài lòng</source>
        <translation>summary of satisfaction ratings</translation>
    </message>
    <message>
        <source>nhóm theo</source>
        <translation>group by</translation>
    </message>
    <message>
        <source>Theo quầy, theo thủ tục: không cần đăng nhập. Theo cán bộ: {note}</source>
        <translation>By counter or by procedure: no login needed. By clerk: {note}</translation>
    </message>
    <message>
        <source>màn hình đánh giá mức độ hài lòng đặt trước mặt người dân</source>
        <translation>satisfaction rating screen facing the citizen</translation>
    </message>
    <message>
        <source>số quầy (mặc định: mọi quầy, một màn hình chung)</source>
        <translation>counter number (default: all counters, one shared screen)</translation>
    </message>
    <message>
        <source>Đã ghi {count} thủ tục vào {path}.</source>
        <translation>Wrote {count} procedures to {path}.</translation>
    </message>
    <message>
        <source>Mã hồ sơ: {code}</source>
        <translation>Dossier code: {code}</translation>
    </message>
    <message>
        <source>Thủ tục: {name}</source>
        <translation>Procedure: {name}</translation>
    </message>
    <message>
        <source>Tình trạng: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Kết quả: Đã có, mời nhận tại Bộ phận Một cửa</source>
        <translation>Result: ready, please collect it at the one-stop shop</translation>
    </message>
    <message>
        <source>Kết quả: Chưa có</source>
        <translation>Result: not ready yet</translation>
    </message>
    <message>
        <source>Ngày hẹn trả kết quả: {time}, {day}</source>
        <translation>Appointment date: {time}, {day}</translation>
    </message>
    <message>
        <source>Ngày đầu &apos;{text}&apos; không đúng dạng YYYY-MM-DD, ví dụ 2026-03-10.</source>
        <translation>First day &apos;{text}&apos; is not in the form YYYY-MM-DD, e.g. 2026-03-10.</translation>
    </message>
    <message>
        <source>Ngày cuối &apos;{text}&apos; không đúng dạng YYYY-MM-DD, ví dụ 2026-03-10.</source>
        <translation>Last day &apos;{text}&apos; is not in the form YYYY-MM-DD, e.g. 2026-03-10.</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tỷ lệ hài lòng</source>
        <translation>Satisfied share</translation>
    </message>
    <message>
        <source>Chưa có đánh giá nào từ {first} đến {last}.</source>
        <translation>No ratings from {first} to {last}.</translation>
    </message>
</context>
<context>
    <name>CliDays</name>
    <message>
        <source>Ngày {text} không có trên lịch: hãy xem lại ngày và tháng.</source>
        <translation>There is no such date as {text}: check the day and the month.</translation>
    </message>
</context>
<context>
    <name>CliDb</name>
    <message>
        <source>địa chỉ cơ sở dữ liệu dùng chung trên máy chủ, ví dụ postgresql+psycopg://desk@may-chu/desk (được ưu tiên hơn --db); mặc định: biến DESK_DATABASE_URL hoặc cài đặt của máy này</source>
        <extracomment>Marked, not translated: the language is installed after this module is imported.</extracomment>
        <translation>address of the shared database on the server, e.g. postgresql+psycopg://desk@may-chu/desk (takes precedence over --db); default: the DESK_DATABASE_URL variable or this PC&apos;s setting</translation>
    </message>
    <message>
        <source>thiết lập cơ sở dữ liệu dùng chung trên máy chủ</source>
        <extracomment>The first admin&apos;s full name unless ``--admin-name`` says otherwise: stored in the database.</extracomment>
        <translation>set up the shared database on the server</translation>
    </message>
    <message>
        <source>VIỆC</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>tạo cấu trúc dữ liệu, cơ quan và quản trị viên đầu tiên trên cơ sở dữ liệu trống</source>
        <translation>create the schema, the office and the first admin on an empty database</translation>
    </message>
    <message>
        <source>Chuẩn bị một cơ sở dữ liệu trống (thường trên máy chủ PostgreSQL) cho cả Trung tâm: cấu trúc dữ liệu, thông tin cơ quan, tài khoản quản trị đầu tiên, danh mục thủ tục và lịch nghỉ. Mật khẩu lấy từ biến DESK_ADMIN_PASSWORD hoặc được hỏi khi chạy.</source>
        <translation>Prepare an empty database (usually on a PostgreSQL server) for the whole Centre: schema, office details, first admin account, procedure catalog and days off. The password comes from the DESK_ADMIN_PASSWORD variable or is asked for when running.</translation>
    </message>
    <message>
        <source>dùng một cơ sở dữ liệu (URL, hoặc local: tệp trên máy này) cho máy này</source>
        <translation>use a database (URL, or local: the file on this PC) for this PC</translation>
    </message>
    <message>
        <source>TÊN</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>HỌ TÊN</source>
        <translation>FULL NAME</translation>
    </message>
    <message>
        <source>tên đăng nhập quản trị</source>
        <translation>admin login name</translation>
    </message>
    <message>
        <source>họ tên quản trị viên</source>
        <translation>admin&apos;s full name</translation>
    </message>
    <message>
        <source>tên cơ quan</source>
        <translation>office name</translation>
    </message>
    <message>
        <source>cơ quan cấp trên</source>
        <translation>parent authority</translation>
    </message>
    <message>
        <source>MÃ</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>mã cơ quan trong mã hồ sơ, ví dụ H36</source>
        <translation>office code in dossier codes, e.g. H36</translation>
    </message>
    <message>
        <source>ĐỊA CHỈ</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>SỐ</source>
        <translation>NUMBER</translation>
    </message>
    <message>
        <source>CHỨC DANH</source>
        <translation>TITLE</translation>
    </message>
    <message>
        <source>chức danh lãnh đạo</source>
        <translation>head&apos;s title</translation>
    </message>
    <message>
        <source>họ tên lãnh đạo</source>
        <translation>head&apos;s full name</translation>
    </message>
    <message>
        <source>{where}: đã có cơ quan {office}; cấu trúc dữ liệu đã mới.</source>
        <translation>{where}: office {office} already set up; the schema is up to date.</translation>
    </message>
    <message>
        <source>Lỗi: {message}</source>
        <extracomment>The option that sets each office field, so a message points at what to type again.</extracomment>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <source>{where}: đã thiết lập cơ quan {office}, quản trị viên {admin}.</source>
        <translation>{where}: set up office {office}, admin {admin}.</translation>
    </message>
    <message>
        <source>Mật khẩu quản trị viên: </source>
        <translation>Admin password: </translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu: </source>
        <translation>Repeat the password: </translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>Máy này dùng lại tệp dữ liệu trên máy.</source>
        <translation>This PC uses its local data file again.</translation>
    </message>
    <message>
        <source>Hãy ghi địa chỉ đầy đủ, ví dụ postgresql+psycopg://desk@may-chu/desk, hoặc local.</source>
        <translation>Write the full address, e.g. postgresql+psycopg://desk@may-chu/desk, or local.</translation>
    </message>
    <message>
        <source>Máy này dùng cơ sở dữ liệu {server}.</source>
        <translation>This PC uses the database {server}.</translation>
    </message>
    <message>
        <source>{where}: cơ quan {office} chưa được thiết lập xong (lần thiết lập trước bị dừng giữa chừng); đã hoàn tất, quản trị viên {admin}.</source>
        <translation>{where}: the office {office} was not completely set up (the previous set-up stopped half-way); it is now complete, administrator {admin}.</translation>
    </message>
    <message>
        <source>{where}: cơ quan {office} chưa được thiết lập xong (lần thiết lập trước bị dừng giữa chừng); đã bổ sung: {parts}.</source>
        <translation>{where}: the office {office} was not completely set up (the previous set-up stopped half-way); added: {parts}.</translation>
    </message>
</context>
<context>
    <name>CliDue</name>
    <message>
        <source>tính ngày hẹn trả kết quả</source>
        <translation>compute the appointment date</translation>
    </message>
    <message>
        <source>N ngày làm việc</source>
        <translation>N working days</translation>
    </message>
    <message>
        <source>N ngày (theo lịch)</source>
        <translation>N calendar days</translation>
    </message>
    <message>
        <source>N giờ làm việc</source>
        <translation>N working hours</translation>
    </message>
    <message>
        <source>trả trong ngày</source>
        <translation>result on the same day</translation>
    </message>
    <message>
        <source>theo thời hạn của thủ tục có mã CODE</source>
        <translation>by the time limit of the procedure with code CODE</translation>
    </message>
    <message>
        <source>với --same-day: nhận sau giờ này thì trả ngày làm việc tiếp theo</source>
        <translation>with --same-day: received after this time, the result is due the next working day</translation>
    </message>
    <message>
        <source>với --procedure: hình thức nộp (mặc định counter)</source>
        <translation>with --procedure: how it was submitted (default counter)</translation>
    </message>
    <message>
        <source>thời điểm tiếp nhận</source>
        <translation>time of receipt</translation>
    </message>
    <message>
        <source>in kết quả dạng JSON</source>
        <translation>print the result as JSON</translation>
    </message>
    <message>
        <source>Thời điểm tiếp nhận &apos;{text}&apos; không đúng dạng: hãy viết &quot;YYYY-MM-DD HH:MM&quot;, ví dụ &quot;2026-03-10 09:15&quot;.</source>
        <translation>Time of receipt &apos;{text}&apos; is not in the right form: write &quot;YYYY-MM-DD HH:MM&quot;, e.g. &quot;2026-03-10 09:15&quot;.</translation>
    </message>
    <message>
        <source>Thời hạn: {limit}</source>
        <translation>Time limit: {limit}</translation>
    </message>
    <message>
        <source>Thời hạn phải là số nguyên dương, tối đa {max}.</source>
        <translation>The time limit must be a positive whole number, at most {max}.</translation>
    </message>
    <message>
        <source>Giờ chốt &apos;{text}&apos; không hợp lệ: hãy viết HH:MM, ví dụ 15:00.</source>
        <translation>Cut-off time &apos;{text}&apos; is not valid: write HH:MM, e.g. 15:00.</translation>
    </message>
    <message>
        <source>Không có thủ tục mã &apos;{code}&apos; trong danh mục.</source>
        <translation>There is no procedure with code &apos;{code}&apos; in the catalog.</translation>
    </message>
</context>
<context>
    <name>CliGuide</name>
    <message>
        <source>In trên máy in phiếu hẹn một phiếu hướng dẫn người dân nộp hồ sơ trên Cổng Dịch vụ công quốc gia (thủ tục chỉ tiếp nhận trực tuyến, Chỉ thị 24/CT-TTg). Mỗi phiếu in được tính vào báo cáo.</source>
        <translation>Print on the receipt printer a slip that guides the citizen to submit the dossier on the National Public Service Portal (procedures accepted online only, Directive 24/CT-TTg). Each slip printed is counted in the reports.</translation>
    </message>
    <message>
        <source>Lưu ý: thủ tục {code} không được đánh dấu chỉ tiếp nhận trực tuyến trong danh mục.</source>
        <translation>Note: procedure {code} is not marked as accepted online only in the catalog.</translation>
    </message>
    <message>
        <source>in phiếu hướng dẫn nộp hồ sơ trực tuyến của một thủ tục</source>
        <translation>print the guide to submitting a procedure online</translation>
    </message>
    <message>
        <source>khổ giấy (mặc định: khổ đã cài đặt)</source>
        <translation>paper size (default: the one set up)</translation>
    </message>
    <message>
        <source>mã thủ tục, ví dụ 1.004222</source>
        <translation>procedure code, e.g. 1.004222</translation>
    </message>
    <message>
        <source>none, file:PATH, tcp://HOST:9100, usb://VID:PID, serial:COM3?baudrate=9600, win32:TÊN MÁY IN (mặc định: máy in phiếu hẹn đã cài đặt)</source>
        <translation>none, file:PATH, tcp://HOST:9100, usb://VID:PID, serial:COM3?baudrate=9600, win32:PRINTER NAME (default: the receipt printer set up)</translation>
    </message>
    <message>
        <source>Đã gửi phiếu hướng dẫn nộp trực tuyến {code} tới {printer}.</source>
        <translation>Sent the guide to submitting {code} online to {printer}.</translation>
    </message>
</context>
<context>
    <name>CliLetters</name>
    <message>
        <source>tệp dữ liệu SQLite (hoặc URL)</source>
        <translation>SQLite data file (or URL)</translation>
    </message>
    <message>
        <source>lập văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04, một lần cho mỗi hồ sơ)</source>
        <translation>make the letter of apology and request to extend the processing time (form 04, once per dossier)</translation>
    </message>
    <message>
        <source>Ghi nhận lời xin lỗi và ngày hẹn mới của một hồ sơ trễ hạn, rồi ghi phiếu ra tệp PDF. Mật khẩu lấy từ biến DESK_PASSWORD hoặc được hỏi khi chạy.</source>
        <translation>Record the apology and the new appointment date of an overdue dossier, then write the letter to a PDF file. The password comes from the DESK_PASSWORD variable or is asked for when running.</translation>
    </message>
    <message>
        <source>mã hồ sơ</source>
        <translation>dossier code</translation>
    </message>
    <message>
        <source>LÝ DO</source>
        <translation>REASON</translation>
    </message>
    <message>
        <source>lý do chậm trả kết quả</source>
        <translation>reason for the delay</translation>
    </message>
    <message>
        <source>ngày giờ hẹn trả mới</source>
        <translation>new appointment date and time</translation>
    </message>
    <message>
        <source>tệp PDF cần ghi</source>
        <translation>PDF file to write</translation>
    </message>
    <message>
        <source>cách báo người nộp: {methods}</source>
        <translation>how the applicant is notified: {methods}</translation>
    </message>
    <message>
        <source>ghi một phiếu của hồ sơ ra tệp PDF (01, 02, 03, 04, 05, 06)</source>
        <translation>write a form of the dossier to a PDF file (01, 02, 03, 04, 05, 06)</translation>
    </message>
    <message>
        <source>Các mẫu của Phụ lục I Thông tư 03/2025/TT-VPCP. receipt: giấy tiếp nhận và hẹn trả (mẫu 01); supplement: phiếu yêu cầu bổ sung (mẫu 02); refusal: phiếu từ chối (mẫu 03); apology: văn bản xin lỗi và hẹn lại đã lập (mẫu 04); stop: thông báo dừng giải quyết hồ sơ (mẫu 05); control: phiếu kiểm soát (mẫu 06).</source>
        <translation>The forms of Annex I of Circular 03/2025/TT-VPCP. receipt: receipt and appointment slip (form 01); supplement: supplement request (form 02); refusal: refusal slip (form 03); apology: the letter of apology and new appointment already drawn up (form 04); stop: notice of stopping the dossier (form 05); control: control slip (form 06).</translation>
    </message>
    <message>
        <source>LOẠI</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>Ngày hẹn mới &apos;{text}&apos; không đúng dạng: hãy viết &quot;YYYY-MM-DD HH:MM&quot;, ví dụ &quot;2026-03-20 09:00&quot;.</source>
        <translation>New appointment date &apos;{text}&apos; is not in the right form: write &quot;YYYY-MM-DD HH:MM&quot;, e.g. &quot;2026-03-20 09:00&quot;.</translation>
    </message>
    <message>
        <source>Đã lập phiếu xin lỗi số {number} nhưng chưa ghi được tệp: {error} Ghi lại bằng: desk letter apology {code} --out {out}</source>
        <translation>Letter of apology no. {number} was drawn up but its file could not be written: {error} Write it again with: desk letter apology {code} --out {out}</translation>
    </message>
    <message>
        <source>Đã lập phiếu xin lỗi số {number} cho hồ sơ {code}.</source>
        <translation>Made apology letter no. {number} for dossier {code}.</translation>
    </message>
    <message>
        <source>Hẹn trả mới: {when}</source>
        <translation>New appointment: {when}</translation>
    </message>
    <message>
        <source>Lưu ý: phiếu lập muộn hơn quy định (chậm nhất một ngày làm việc trước ngày hẹn); đã ghi nhận là lập muộn.</source>
        <translation>Note: the letter was made later than the rule allows (at the latest one working day before the appointment date); it is recorded as late.</translation>
    </message>
    <message>
        <source>Đã ghi {path}</source>
        <translation>Wrote {path}</translation>
    </message>
</context>
<context>
    <name>CliLogin</name>
    <message>
        <source>cán bộ (vai trò nào cũng được)</source>
        <extracomment>Any account may do it, whatever its role (marked: the language is installed later).</extracomment>
        <translation>any role</translation>
    </message>
    <message>
        <source> hoặc </source>
        <translation> or </translation>
    </message>
    <message>
        <source>TÊN</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>tài khoản thực hiện ({who}); mặc định: biến DESK_USER</source>
        <translation>the account that runs it ({who}); default: the DESK_USER variable</translation>
    </message>
    <message>
        <source>Cần đăng nhập bằng tài khoản {who}: --user TÊN hoặc biến DESK_USER; mật khẩu lấy từ biến DESK_PASSWORD hoặc được hỏi khi chạy.</source>
        <translation>Runs as an account ({who}): --user NAME or the DESK_USER variable; the password comes from the DESK_PASSWORD variable or is asked for.</translation>
    </message>
    <message>
        <source>Việc này cần đăng nhập bằng tài khoản {who}: hãy ghi --user TÊN (hoặc đặt biến DESK_USER); mật khẩu lấy từ biến DESK_PASSWORD hoặc được hỏi khi chạy.</source>
        <translation>This needs a login with an account ({who}): give --user NAME (or set the DESK_USER variable); the password comes from the DESK_PASSWORD variable or is asked for.</translation>
    </message>
    <message>
        <source>Không hỏi được mật khẩu của {user} khi không chạy trên màn hình dòng lệnh: hãy đặt mật khẩu vào biến DESK_PASSWORD.</source>
        <translation>Cannot ask for the password of {user} without a terminal: put the password in the DESK_PASSWORD variable.</translation>
    </message>
    <message>
        <source>Mật khẩu của {user}: </source>
        <translation>Password of {user}: </translation>
    </message>
    <message>
        <source>Việc này cần tài khoản {who}; {user} là tài khoản {role}.</source>
        <translation>This needs an account with the role {who}; {user} has the role {role}.</translation>
    </message>
</context>
<context>
    <name>CliNotify</name>
    <message>
        <source>thiết lập và thử gửi tin nhắn cho người nộp (SMS, thư điện tử, Zalo)</source>
        <translation>set up and test the messages to applicants (SMS, e-mail, Zalo)</translation>
    </message>
    <message>
        <source>VIỆC</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>bật, tắt các kênh gửi tin của cơ quan (quản trị viên); không có tùy chọn: xem cài đặt hiện tại</source>
        <translation>turn the office&apos;s message channels on or off (admin); without options: show the current settings</translation>
    </message>
    <message>
        <source>máy chủ thư: smtp://tên:mật-khẩu@máy-chủ:587 (STARTTLS), smtps://…:465 (TLS), smtp://máy-chủ:25?starttls=no (mạng nội bộ); off: tắt</source>
        <translation>mail server: smtp://name:password@server:587 (STARTTLS), smtps://…:465 (TLS), smtp://server:25?starttls=no (office network); off: turn off</translation>
    </message>
    <message>
        <source>ĐỊA_CHỈ</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>địa chỉ thư điện tử gửi đi của cơ quan</source>
        <translation>the office&apos;s sending e-mail address</translation>
    </message>
    <message>
        <source>modem GSM/4G cắm vào máy này: serial:COM5 hoặc serial:/dev/ttyUSB2?baudrate=115200; off: tắt SMS</source>
        <translation>GSM/4G modem plugged into this PC: serial:COM5 or serial:/dev/ttyUSB2?baudrate=115200; off: turn SMS off</translation>
    </message>
    <message>
        <source>TỆP</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>tệp chứa mã truy cập (access token) Zalo Official Account; off: tắt Zalo</source>
        <translation>file holding the Zalo Official Account access token; off: turn Zalo off</translation>
    </message>
    <message>
        <source>địa chỉ API gửi ZNS (mặc định: địa chỉ của Zalo)</source>
        <translation>ZNS sending API address (default: Zalo&apos;s)</translation>
    </message>
    <message>
        <source>yes: gửi SMS không dấu (rẻ hơn); no: có dấu</source>
        <translation>yes: send SMS without accents (cheaper); no: with accents</translation>
    </message>
    <message>
        <source>gửi ngay một tin thử (quản trị viên)</source>
        <translation>send one test message now (admin)</translation>
    </message>
    <message>
        <source>SĐT_HOẶC_THƯ</source>
        <translation>PHONE_OR_EMAIL</translation>
    </message>
    <message>
        <source>số điện thoại hoặc địa chỉ thư điện tử nhận tin thử</source>
        <translation>phone number or e-mail address to receive the test message</translation>
    </message>
    <message>
        <source>kênh gửi (mặc định: thư điện tử cho địa chỉ thư, SMS hoặc Zalo cho số)</source>
        <translation>channel (default: e-mail for an address, SMS or Zalo for a number)</translation>
    </message>
    <message>
        <source>tin nhắn chờ gửi và gửi không được; outbox send: gửi một lượt (lãnh đạo, quản trị)</source>
        <translation>messages waiting and given up; outbox send: one sending pass (supervisor, admin)</translation>
    </message>
    <message>
        <source>send: gửi các tin đến hạn qua các kênh máy này có</source>
        <translation>send: send the due messages through the channels this PC has</translation>
    </message>
    <message>
        <source>cả các tin đã gửi</source>
        <translation>the sent messages too</translation>
    </message>
    <message>
        <source>in dạng JSON</source>
        <translation>print as JSON</translation>
    </message>
    <message>
        <source>Không đọc được tệp mã truy cập {path}: {error}</source>
        <translation>Cannot read the access token file {path}: {error}</translation>
    </message>
    <message>
        <source>Tệp mã truy cập {path} trống.</source>
        <translation>The access token file {path} is empty.</translation>
    </message>
    <message>
        <source>Đã gửi tin thử qua {channel} tới {to}{ref}.</source>
        <translation>Test message sent by {channel} to {to}{ref}.</translation>
    </message>
    <message>
        <source>Máy này chưa có kênh gửi nào: xem desk notify setup.</source>
        <translation>This PC has no sending channel: see desk notify setup.</translation>
    </message>
    <message>
        <source>Đã gửi {sent}; sẽ thử lại {retrying}; gửi không được {failed}.</source>
        <translation>Sent {sent}; to try again {retrying}; given up {failed}.</translation>
    </message>
    <message>
        <source>Không có tin nhắn nào.</source>
        <translation>No messages.</translation>
    </message>
</context>
<context>
    <name>CliPersonal</name>
    <message>
        <source>xuất mọi hồ sơ của một số định danh (CCCD) ra tệp JSON (lãnh đạo, quản trị)</source>
        <translation>export every dossier of a personal ID number (citizen ID card) to a JSON file (supervisor, admin)</translation>
    </message>
    <message>
        <source>SỐ_ĐỊNH_DANH</source>
        <translation>ID_NUMBER</translation>
    </message>
    <message>
        <source>số CCCD / định danh cá nhân</source>
        <translation>citizen ID card / personal ID number</translation>
    </message>
    <message>
        <source>TỆP</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>tệp JSON sẽ ghi</source>
        <translation>JSON file to write</translation>
    </message>
    <message>
        <source>xóa dữ liệu cá nhân của hồ sơ bị từ chối hoặc dừng, đã hết thời hạn lưu giữ</source>
        <translation>erase the personal data of a refused or stopped dossier whose retention period has ended</translation>
    </message>
    <message>
        <source>mã hồ sơ</source>
        <translation>dossier code</translation>
    </message>
    <message>
        <source>Đã xuất {count} hồ sơ vào {path}</source>
        <translation>Exported {count} dossiers to {path}</translation>
    </message>
    <message>
        <source>Đã xóa dữ liệu cá nhân trong hồ sơ {code}.</source>
        <translation>Erased the personal data in dossier {code}.</translation>
    </message>
</context>
<context>
    <name>CliQueue</name>
    <message>
        <source>máy in phiếu: none (chỉ hiện trên màn hình), tcp://HOST:9100, usb://VID:PID, serial:COM3?baudrate=9600, win32:TÊN MÁY IN, file:PATH; mặc định: theo Quản trị &gt; Hàng đợi</source>
        <extracomment>Marked, not translated: the language is installed after this module is imported.</extracomment>
        <translation>ticket printer: none (screen only), tcp://HOST:9100, usb://VID:PID, serial:COM3?baudrate=9600, win32:PRINTER NAME, file:PATH; default: as set in Admin &gt; Queue</translation>
    </message>
    <message>
        <source>tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu) dùng chung với các quầy; mặc định: biến DESK_DB hoặc {path}</source>
        <translation>SQLite data file (or database URL) shared with the counters; default: the DESK_DB variable or {path}</translation>
    </message>
    <message>
        <source>mở trên một cơ sở dữ liệu mẫu tạm thời</source>
        <translation>open on a temporary sample database</translation>
    </message>
    <message>
        <source>toàn màn hình (mặc định)</source>
        <translation>full screen (default)</translation>
    </message>
    <message>
        <source>mở trong cửa sổ thường</source>
        <translation>open in a normal window</translation>
    </message>
    <message>
        <source>máy lấy số thứ tự (màn hình cảm ứng, in phiếu)</source>
        <translation>queue ticket kiosk (touch screen, prints tickets)</translation>
    </message>
    <message>
        <source>khổ giấy phiếu (mặc định theo cài đặt)</source>
        <translation>ticket paper width (default: as set)</translation>
    </message>
    <message>
        <source>màn hình gọi số ở phòng chờ</source>
        <translation>number calling display in the waiting room</translation>
    </message>
    <message>
        <source>không đọc số gọi trên loa</source>
        <translation>do not announce called numbers on the speaker</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu này chưa có cơ quan: hãy mở desk ở một quầy để thiết lập trước, rồi dùng cùng tệp dữ liệu (--db) cho máy này.</source>
        <translation>This database has no office yet: open desk at a counter to set it up first, then use the same data file (--db) on this PC.</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
</context>
<context>
    <name>CliReports</name>
    <message>
        <source>tệp dữ liệu SQLite (hoặc URL)</source>
        <translation>SQLite data file (or URL)</translation>
    </message>
    <message>
        <source>ngày đầu kỳ</source>
        <translation>first day of the period</translation>
    </message>
    <message>
        <source>ngày cuối kỳ (tính cả ngày này)</source>
        <translation>last day of the period (included)</translation>
    </message>
    <message>
        <source>thống kê tình hình, kết quả giải quyết hồ sơ của một kỳ (mẫu 06/VPCP/KSTT)</source>
        <translation>statistics of dossier handling for a period (form 06/VPCP/KSTT)</translation>
    </message>
    <message>
        <source>Đếm hồ sơ tiếp nhận, đã giải quyết (trước hạn, đúng hạn, quá hạn), đang giải quyết (trong hạn, quá hạn) của một kỳ. json, csv: in ra màn hình (hoặc --out); xlsx, pdf: biểu số 06/VPCP/KSTT, cần --out.</source>
        <translation>Count the dossiers received, decided (early, on time, late) and in progress (within the limit, overdue) in a period. json, csv: printed on the screen (or --out); xlsx, pdf: statistics form 06/VPCP/KSTT, needs --out.</translation>
    </message>
    <message>
        <source>mặc định: theo đuôi tệp --out; không có --out thì json</source>
        <translation>default: from the --out file&apos;s extension; json without --out</translation>
    </message>
    <message>
        <source>json, csv: chia theo lĩnh vực (mặc định), thủ tục, phòng ban hoặc cán bộ</source>
        <translation>json, csv: broken down by field (default), procedure, department or clerk</translation>
    </message>
    <message>
        <source>tệp cần ghi</source>
        <translation>file to write</translation>
    </message>
    <message>
        <source>Không cần đăng nhập khi kết quả không nêu tên ai: csv theo lĩnh vực, thủ tục, phòng ban; xlsx, pdf (biểu 06). json (có đánh giá của từng cán bộ) và --by clerk: {note}</source>
        <translation>No login needed when the output names no one: csv by field, procedure or department; xlsx, pdf (form 06). json (it holds each clerk&apos;s ratings) and --by clerk: {note}</translation>
    </message>
    <message>
        <source>ghi sổ theo dõi hồ sơ của một kỳ ra tệp PDF hoặc Excel</source>
        <translation>write the dossier tracking book of a period to a PDF or Excel file</translation>
    </message>
    <message>
        <source>Sổ theo dõi hồ sơ (Mẫu số 07, Phụ lục I Thông tư 03/2025/TT-VPCP): mỗi hồ sơ tiếp nhận trong kỳ một dòng. Định dạng theo đuôi tệp: .pdf hoặc .xlsx.</source>
        <translation>Dossier tracking book (form 07, Annex I of Circular 03/2025/TT-VPCP): one line per dossier received in the period. The format follows the file&apos;s suffix: .pdf or .xlsx.</translation>
    </message>
    <message>
        <source>Ngày đầu kỳ &apos;{text}&apos; không đúng dạng: hãy viết YYYY-MM-DD, ví dụ 2026-03-01.</source>
        <translation>First day of the period &apos;{text}&apos; is not in the right form: write YYYY-MM-DD, e.g. 2026-03-01.</translation>
    </message>
    <message>
        <source>Ngày cuối kỳ &apos;{text}&apos; không đúng dạng: hãy viết YYYY-MM-DD, ví dụ 2026-03-01.</source>
        <translation>Last day of the period &apos;{text}&apos; is not in the right form: write YYYY-MM-DD, e.g. 2026-03-01.</translation>
    </message>
    <message>
        <source>Tệp &apos;{path}&apos; phải có đuôi .pdf hoặc .xlsx.</source>
        <translation>File &apos;{path}&apos; must end in .pdf or .xlsx.</translation>
    </message>
    <message>
        <source>Tệp &apos;{path}&apos; phải có đuôi .json, .csv, .xlsx hoặc .pdf (hoặc chọn --format).</source>
        <translation>File &apos;{path}&apos; must end in .json, .csv, .xlsx or .pdf (or choose --format).</translation>
    </message>
    <message>
        <source>--format {format} không khớp với tệp &apos;{path}&apos; (đuôi .{suffix}): hãy bỏ --format hoặc đổi đuôi tệp thành .{format}.</source>
        <translation>--format {format} does not match the file &apos;{path}&apos; (extension .{suffix}): leave out --format or change the file&apos;s extension to .{format}.</translation>
    </message>
    <message>
        <source>Định dạng {format} ghi ra tệp: hãy thêm --out TÊN_TỆP.{format}.</source>
        <translation>The {format} format writes a file: add --out FILE_NAME.{format}.</translation>
    </message>
    <message>
        <source>Đã ghi {path} ({period}).</source>
        <translation>Wrote {path} ({period}).</translation>
    </message>
    <message>
        <source>Phạm vi: {scope}. {period}: hồ sơ đang giải quyết tính đến {at}.</source>
        <translation>Scope: {scope}. {period}: dossiers in progress counted as of {at}.</translation>
    </message>
    <message>
        <source>Mỗi dòng: hồ sơ do một cán bộ phụ trách.</source>
        <translation>Each row: the dossiers one clerk is in charge of.</translation>
    </message>
    <message>
        <source>Đã ghi sổ theo dõi hồ sơ ({period}): {count} hồ sơ, tệp {path}.</source>
        <translation>Wrote the dossier tracking book ({period}): {count} dossiers, file {path}.</translation>
    </message>
</context>
<context>
    <name>CliScans</name>
    <message>
        <source>số hóa giấy tờ của hồ sơ: thêm trang từ tệp ảnh hoặc PDF</source>
        <translation>digitise a dossier&apos;s paper: add pages from image or PDF files</translation>
    </message>
    <message>
        <source>mã hồ sơ</source>
        <translation>dossier code</translation>
    </message>
    <message>
        <source>số thứ tự của giấy tờ trong danh sách trên phiếu hẹn</source>
        <translation>the paper&apos;s number in the receipt&apos;s list</translation>
    </message>
    <message>
        <source>số hóa kết quả giải quyết (khi trả kết quả)</source>
        <translation>digitise the result (when it is handed back)</translation>
    </message>
    <message>
        <source>TỆP</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>ảnh quét (JPEG, PNG, TIFF...) hoặc PDF, theo thứ tự trang</source>
        <translation>scanned images (JPEG, PNG, TIFF...) or PDFs, in page order</translation>
    </message>
    <message>
        <source>thay toàn bộ các trang đã có (mặc định: thêm vào sau)</source>
        <translation>replace all the pages it has (default: add after them)</translation>
    </message>
    <message>
        <source>NGÀY</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>giấy tờ có giá trị đến ngày (dd/mm/yyyy), nếu có</source>
        <translation>the paper is valid until this date (dd/mm/yyyy), if it has one</translation>
    </message>
    <message>
        <source>liệt kê bản số hóa của một hồ sơ</source>
        <translation>list a dossier&apos;s digitised papers</translation>
    </message>
    <message>
        <source>in dạng JSON</source>
        <translation>print as JSON</translation>
    </message>
    <message>
        <source>THƯ_MỤC</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>ghi từng tệp PDF vào thư mục này (đã kiểm tra mã băm)</source>
        <translation>write each PDF into this folder (hash checked)</translation>
    </message>
    <message>
        <source>các giấy tờ đã số hóa của một người (theo CCCD), có dùng lại được không</source>
        <translation>a person&apos;s digitised papers (by CCCD), and whether they can be reused</translation>
    </message>
    <message>
        <source>số CCCD / định danh cá nhân (12 chữ số)</source>
        <translation>CCCD / personal ID number (12 digits)</translation>
    </message>
    <message>
        <source>Ngày “{text}” không đúng dạng dd/mm/yyyy.</source>
        <translation>The date “{text}” is not in the form dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>  đã xử lý {done}/{pages} trang</source>
        <translation>  {done}/{pages} page(s) done</translation>
    </message>
    <message>
        <source>Đã lưu bản số hóa “{name}” của hồ sơ {code}: {pages} trang, {size} KB, SHA-256 {sha256}.</source>
        <translation>Saved the digitised “{name}” of dossier {code}: {pages} page(s), {size} KB, SHA-256 {sha256}.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa có bản số hóa nào.</source>
        <translation>Dossier {code} has no digitised paper yet.</translation>
    </message>
    <message>
        <source>đã có bản số hóa, mã hồ sơ {code}</source>
        <translation>already digitised, dossier {code}</translation>
    </message>
    <message>
        <source>KQ</source>
        <translation>RES</translation>
    </message>
    <message>
        <source>{pages} trang</source>
        <translation>{pages} page(s)</translation>
    </message>
    <message>
        <source>Chưa có giấy tờ nào đã số hóa của số định danh này.</source>
        <translation>No digitised paper is held for this ID number.</translation>
    </message>
</context>
<context>
    <name>CliSteps</name>
    <message>
        <source>thực hiện một bước của hồ sơ (chuyển, bổ sung, từ chối, có kết quả, trả, dừng)</source>
        <extracomment>The steps that produce a form, and the writer of that form in ``desk.services.form_documents``.</extracomment>
        <translation>take a step of a dossier (transfer, supplement, refuse, result ready, return, stop)</translation>
    </message>
    <message>
        <source>mã hồ sơ</source>
        <translation>dossier code</translation>
    </message>
    <message>
        <source>BƯỚC</source>
        <translation>STEP</translation>
    </message>
    <message>
        <source>NƠI</source>
        <translation>TO</translation>
    </message>
    <message>
        <source>transfer: phòng, ban nhận; reassign: tài khoản nhận</source>
        <translation>transfer: receiving department; reassign: receiving account</translation>
    </message>
    <message>
        <source>GIẤY TỜ</source>
        <translation>PAPER</translation>
    </message>
    <message>
        <source>supplement: giấy tờ cần bổ sung (lặp lại cho mỗi giấy tờ)</source>
        <translation>supplement: paper to supply (repeat for each paper)</translation>
    </message>
    <message>
        <source>LÝ DO</source>
        <translation>REASON</translation>
    </message>
    <message>
        <source>lý do (supplement, refuse, stop, reassign)</source>
        <translation>reason (supplement, refuse, stop, reassign)</translation>
    </message>
    <message>
        <source>supplement: người và số điện thoại liên hệ</source>
        <translation>supplement: contact person and phone number</translation>
    </message>
    <message>
        <source>return: trả qua bưu chính</source>
        <translation>return: send by post</translation>
    </message>
    <message>
        <source>MÃ</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>return --post: mã vận đơn</source>
        <translation>return --post: tracking number</translation>
    </message>
    <message>
        <source>HỌ TÊN</source>
        <translation>FULL NAME</translation>
    </message>
    <message>
        <source>return: người nhận kết quả</source>
        <translation>return: person collecting the result</translation>
    </message>
    <message>
        <source>ghi chú</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Hãy cho biết nơi nhận bằng --to &quot;TÊN PHÒNG, BAN&quot;.</source>
        <translation>Say where it goes with --to &quot;DEPARTMENT NAME&quot;.</translation>
    </message>
    <message>
        <source>Kết quả: {result}</source>
        <translation>Result: {result}</translation>
    </message>
    <message>
        <source>Hẹn trả mới: {when}</source>
        <translation>New appointment: {when}</translation>
    </message>
    <message>
        <source>supplement, refuse, stop: ghi phiếu của bước (mẫu 02, 03, 05) ra tệp PDF này</source>
        <translation>supplement, refuse, stop: write the step&apos;s form (form 02, 03, 05) to this PDF file</translation>
    </message>
    <message>
        <source>Thực hiện một bước của hồ sơ với tư cách một tài khoản cán bộ (--user TÊN hoặc biến DESK_USER; giao lại hồ sơ: lãnh đạo, giám sát). Mật khẩu lấy từ biến DESK_PASSWORD hoặc được hỏi khi chạy.</source>
        <translation>Makes a step of a dossier as a clerk&apos;s account (--user NAME or the DESK_USER variable; reassign: a supervisor). The password comes from the DESK_PASSWORD variable or is asked for.</translation>
    </message>
    <message>
        <source>Bước {step} không có phiếu để ghi: --out chỉ dùng với {steps}.</source>
        <translation>The step {step} has no form to write: --out is only for {steps}.</translation>
    </message>
    <message>
        <source>Đã ghi nhận bước {step} nhưng chưa ghi được phiếu: {error} Ghi lại bằng: desk letter {letter} {code} --out {out}</source>
        <translation>The step {step} is recorded but its form was not written: {error} Write it with: desk letter {letter} {code} --out {out}</translation>
    </message>
    <message>
        <source>Đã ghi {path}</source>
        <translation>Wrote {path}</translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Zalo</source>
        <translation>Zalo</translation>
    </message>
    <message>
        <source>Cơ quan chưa bật gửi tin qua kênh này.</source>
        <extracomment>The reads of the channels on: the newest one asked is the one offered.</extracomment>
        <translation>The office has not turned this channel on.</translation>
    </message>
    <message>
        <source>Nhập địa chỉ thư điện tử trước.</source>
        <translation>Type the e-mail address first.</translation>
    </message>
    <message>
        <source>Nhập số điện thoại trước.</source>
        <translation>Type the phone number first.</translation>
    </message>
    <message>
        <source>Chỉ đánh dấu khi người nộp đồng ý nhận tin báo về hồ sơ qua kênh này.</source>
        <translation>Tick only when the applicant agrees to be told about the dossier through this channel.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Nhận tin nhắn: hồ sơ {code}</source>
        <translation>Messages: dossier {code}</translation>
    </message>
    <message>
        <source>Người nộp có quyền đồng ý hoặc rút lại đồng ý nhận tin báo về hồ sơ bất cứ lúc nào. Chỉ đánh dấu kênh người nộp đồng ý. Tin nhắn chưa gửi qua kênh bỏ đánh dấu sẽ không gửi nữa; tin đã gửi vẫn giữ trong hồ sơ.</source>
        <translation>The applicant may agree to, or withdraw their consent to, messages about the dossier at any time. Tick only the channels the applicant agrees to. Messages not yet sent through an unticked channel will not be sent; messages already sent stay in the dossier.</translation>
    </message>
    <message>
        <source>Ví dụ: đơn ngày 07/12/2026; thư điện tử của người nộp</source>
        <translation>For example: letter of 07/12/2026; the applicant&apos;s e-mail</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Đồng ý nhận tin qua:</source>
        <translation>Agrees to messages by:</translation>
    </message>
    <message>
        <source>Yêu cầu của người nộp:</source>
        <translation>The applicant&apos;s request:</translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <source>Đang chờ theo nhóm</source>
        <extracomment>The reads of what the panel shows: a later read makes an earlier one late. An action of the buttons is on its way (they wait for it). Its reads of the queue, which may fail for a while (a server restarting).</extracomment>
        <translation>Waiting, by group</translation>
    </message>
    <message>
        <source>Gọi số tiếp theo</source>
        <translation>Call next number</translation>
    </message>
    <message>
        <source>Gọi lại</source>
        <translation>Call again</translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Bỏ qua số đã gọi nhiều lần mà không đến</source>
        <translation>Skip a number called several times that did not come</translation>
    </message>
    <message>
        <source>Chuyển nhóm…</source>
        <translation>Move to group…</translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive dossier</translation>
    </message>
    <message>
        <source>Quầy {n}</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <source>Ưu tiên: {kind}</source>
        <translation>Priority: {kind}</translation>
    </message>
    <message>
        <source>Đã gọi {n} lần</source>
        <translation>Called {n} time(s)</translation>
    </message>
    <message>
        <source>{state} · lấy số lúc {time} · đã chờ {minutes} phút</source>
        <translation>{state} · ticket taken at {time} · waited {minutes} min</translation>
    </message>
    <message>
        <source>Đã nhận hồ sơ: {codes}</source>
        <translation>Dossiers received: {codes}</translation>
    </message>
    <message>
        <source>({n} ưu tiên)</source>
        <translation>({n} priority)</translation>
    </message>
    <message>
        <source>Đang mời số {code}.</source>
        <translation>Calling number {code}.</translation>
    </message>
    <message>
        <source>Chưa gọi số nào</source>
        <translation>No number called yet</translation>
    </message>
    <message>
        <source>Không còn ai đang chờ ở các nhóm quầy này phục vụ.</source>
        <translation>Nobody is waiting in the groups this counter serves.</translation>
    </message>
    <message>
        <source>Đã gọi lại.</source>
        <translation>Called again.</translation>
    </message>
    <message>
        <source>Đã đánh dấu vắng mặt.</source>
        <translation>Marked as no-show.</translation>
    </message>
    <message>
        <source>Đã hoàn thành.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Đã chuyển sang nhóm khác; số giữ chỗ theo giờ lấy số.</source>
        <translation>Moved to another group; the number keeps its place by the time it was taken.</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Báo cáo, thống kê</source>
        <extracomment>The most dossiers a list behind a figure shows. The reads of each kind of count, the newest shown (see ``_read``). The file the last export wrote.</extracomment>
        <translation>Reports and statistics</translation>
    </message>
    <message>
        <source>Xu hướng theo tháng</source>
        <extracomment>What is being counted, once it takes a moment (the window keeps answering). Why a count could not be made (the server is gone, the file locked).</extracomment>
        <translation>Monthly trend</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Thời gian giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Chấm điểm cán bộ</source>
        <translation>Clerk scores</translation>
    </message>
    <message>
        <source>Hàng đợi</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Đánh giá của người dân</source>
        <translation>Citizen ratings</translation>
    </message>
    <message>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Xuất báo cáo</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Biểu số 06/VPCP/KSTT (Excel)...</source>
        <translation>Form 06/VPCP/KSTT (Excel)...</translation>
    </message>
    <message>
        <source>Biểu số 06/VPCP/KSTT (PDF)...</source>
        <translation>Form 06/VPCP/KSTT (PDF)...</translation>
    </message>
    <message>
        <source>Sổ theo dõi hồ sơ (PDF)...</source>
        <translation>Dossier tracking book (PDF)...</translation>
    </message>
    <message>
        <source>Sổ theo dõi hồ sơ (Excel)...</source>
        <translation>Dossier tracking book (Excel)...</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>từ ngày</source>
        <translation>from</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>Chờ / phục vụ trung bình (phút)</source>
        <translation>Average wait / service (minutes)</translation>
    </message>
    <message>
        <source>Chia theo:</source>
        <translation>Break down by:</translation>
    </message>
    <message>
        <source>Bấm vào một số để xem danh sách hồ sơ.</source>
        <translation>Click a number to list the dossiers.</translation>
    </message>
    <message>
        <source>Thời gian làm việc thực tế từ khi tiếp nhận (hoặc từ khi nhận đủ hồ sơ bổ sung) đến khi có kết quả, so với thời gian mà thời hạn quy định cho phép; 1 ngày = {day} giờ làm việc. Đề xuất rút ngắn khi 9/10 hồ sơ chỉ dùng không quá 70 % thời gian cho phép.</source>
        <translation>Actual working time from intake (or from receipt of the complete supplement) to the result, compared with the time the prescribed time limit allows; 1 day = {day} working hours. A shorter limit is proposed when 9 in 10 dossiers use no more than 70 % of the time allowed.</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Đang tính số liệu {title}...</source>
        <translation>Counting the figures of {title}...</translation>
    </message>
    <message>
        <source>Bấm để xem danh sách hồ sơ</source>
        <translation>Click to list the dossiers</translation>
    </message>
    <message>
        <source>(Trước hạn + đúng hạn) / đã giải quyết</source>
        <translation>(Early + on time) / decided</translation>
    </message>
    <message>
        <source>{n} lượt gọi trong kỳ</source>
        <translation>{n} calls in the period</translation>
    </message>
    <message>
        <source>Báo cáo, thống kê - {title}</source>
        <translation>Reports and statistics - {title}</translation>
    </message>
    <message>
        <source>Đang tính thời gian giải quyết {title}...</source>
        <translation>Working out the processing times of {title}...</translation>
    </message>
    <message>
        <source>Đang chấm điểm cán bộ {title}...</source>
        <translation>Scoring the staff for {title}...</translation>
    </message>
    <message>
        <source>Toàn cơ quan</source>
        <translation>Whole office</translation>
    </message>
    <message>
        <source>Điểm theo cách chấm của desk (xem Quản trị › Quy định áp dụng), trung bình trên các hồ sơ đã giải quyết trong kỳ. Cả cơ quan: thời gian {t}, số lần đi lại {c}.</source>
        <translation>Scores by the desk&apos;s own method (see Admin › Rules applied), averaged over the dossiers decided in the period. Whole office: time {t}, return visits {c}.</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Đang tính số liệu {title}, {by}...</source>
        <translation>Counting the figures of {title}, {by}...</translation>
    </message>
    <message>
        <source>Đang lấy danh sách hồ sơ: {title}...</source>
        <translation>Reading the list of dossiers: {title}...</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel file (*.xlsx)</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Không ghi được báo cáo</source>
        <translation>Report not written</translation>
    </message>
    <message>
        <source>Hồ sơ đang giải quyết đã qua ngày phải trả kết quả (ngày hẹn, hoặc ngày hẹn lại trong phiếu xin lỗi): ô “Quá hạn” của danh sách hồ sơ, tính trên toàn cơ quan.</source>
        <translation>Dossiers in progress past the date their result is owed (the appointment, or the new date of an apology letter): the &quot;Overdue&quot; band of the dossier list, for the whole office.</translation>
    </message>
    <message>
        <source>Hồ sơ đã giải quyết trong kỳ, trễ hạn, có phiếu xin lỗi lập trước khi giải quyết. Phiếu lập cho hồ sơ còn đang giải quyết được tính khi hồ sơ có kết quả.</source>
        <translation>Dossiers decided late in the period that have an apology letter made before the decision. A letter for a dossier still in progress counts once the dossier is decided.</translation>
    </message>
    <message>
        <source>Hồ sơ đã giải quyết trong kỳ, trễ hạn, không có phiếu xin lỗi.</source>
        <translation>Dossiers decided late in the period without an apology letter.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{scope}&lt;/b&gt;, &lt;b&gt;{title}&lt;/b&gt; ({range}). Số hồ sơ đang giải quyết tính đến {at}.</source>
        <translation>&lt;b&gt;{scope}&lt;/b&gt;, &lt;b&gt;{title}&lt;/b&gt; ({range}). Dossiers in progress counted as of {at}.</translation>
    </message>
    <message>
        <source>Đã ghi báo cáo</source>
        <translation>Report written</translation>
    </message>
    <message>
        <source>Đã ghi tệp {path}.</source>
        <translation>File {path} written.</translation>
    </message>
    <message>
        <source>Hướng dẫn nộp trực tuyến</source>
        <translation>Guided to submit online</translation>
    </message>
    <message>
        <source>Số phiếu hướng dẫn nộp trên Cổng Dịch vụ công quốc gia đã in trong kỳ, cho thủ tục chỉ tiếp nhận trực tuyến (Chỉ thị 24/CT-TTg)</source>
        <translation>Guides to submitting on the National Public Service Portal printed in the period, for procedures accepted online only (Directive 24/CT-TTg)</translation>
    </message>
    <message>
        <source>Đang ghi báo cáo {title}...</source>
        <translation>Writing the report {title}...</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Không tìm thấy tệp dữ liệu {path}.</source>
        <translation>Data file {path} not found.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {database} đã được một phiên bản desk mới hơn nâng cấp. Hãy cài phiên bản desk mới nhất cho máy này (hỏi quản trị viên).</source>
        <translation>The database {database} was upgraded by a newer version of desk. Install the latest desk on this computer (ask the administrator).</translation>
    </message>
    <message>
        <source>Tệp {path} trống (0 byte): đây không phải là cơ sở dữ liệu của desk. desk không ghi gì vào tệp này. Hãy chọn đúng tệp dữ liệu bằng tùy chọn --db, hoặc khôi phục từ bản sao lưu; muốn tạo dữ liệu mới thì ghi một tên tệp chưa có.</source>
        <translation>The file {path} is empty (0 bytes): it is not a desk database. desk writes nothing into it. Choose the right data file with the --db option, or restore from a backup; to start new data, give the name of a file that does not exist yet.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {path} là một cơ sở dữ liệu khác, không phải của desk. desk không ghi đè lên tệp này: hãy chọn tệp khác bằng tùy chọn --db (hoặc cơ sở dữ liệu khác bằng --db-url).</source>
        <translation>The data file {path} is another program&apos;s database, not desk&apos;s. desk does not overwrite it: choose another file with the --db option (or another database with --db-url).</translation>
    </message>
    <message>
        <source>Không đọc được tệp dữ liệu {path}: {error}. Kiểm tra quyền truy cập tệp, hoặc khôi phục từ bản sao lưu.</source>
        <translation>Cannot read the data file {path}: {error}. Check the file&apos;s access rights, or restore from a backup.</translation>
    </message>
    <message>
        <source>Tệp {path} không phải là cơ sở dữ liệu của desk hoặc đã bị hỏng. desk không ghi đè lên tệp này. Hãy khôi phục từ bản sao lưu, hoặc chọn tệp khác bằng tùy chọn --db.</source>
        <translation>The file {path} is not a desk database, or it is damaged. desk does not overwrite it. Restore from a backup, or choose another file with the --db option.</translation>
    </message>
    <message>
        <source>Dữ liệu đang bị một quầy, một chương trình hoặc máy khác giữ quá lâu nên chưa đọc được. Hãy đợi vài giây rồi thử lại.</source>
        <extracomment>Set while ``desk.storage.rows.reading`` takes a connection: a read does not wait for a ping, it tries again once on a new connection when the one it took was dead.</extracomment>
        <translation>Another counter, program or computer has held the data too long, so it could not be read yet. Wait a few seconds, then try again.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu đang bị một chương trình hoặc máy khác khóa quá lâu. Dữ liệu trên màn hình vẫn được giữ: hãy đợi vài giây rồi bấm Lưu lại; nếu vẫn lỗi, đóng các cửa sổ desk khác đang mở cùng tệp dữ liệu.</source>
        <translation>The database has been locked for too long by another program or computer. The data on screen is kept: wait a few seconds and press Save again; if it still fails, close the other desk windows open on the same data file.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {path} không phải là cơ sở dữ liệu của desk hoặc đã bị hỏng. desk không ghi đè lên tệp này. Hãy khôi phục từ bản sao lưu, hoặc chọn tệp khác bằng tùy chọn --db.</source>
        <translation>The data file {path} is not a desk database, or it is damaged. desk does not overwrite it. Restore from a backup, or choose another file with the --db option.</translation>
    </message>
    <message>
        <source>Không mở hoặc không ghi được tệp dữ liệu {path}: kiểm tra thư mục còn tồn tại và tài khoản Windows có quyền ghi vào đó.</source>
        <translation>Cannot open or write the data file {path}: check that the folder still exists and that the Windows account may write to it.</translation>
    </message>
    <message>
        <source>Ổ đĩa đã đầy nên không lưu được. Dữ liệu trên màn hình vẫn được giữ: hãy giải phóng dung lượng ổ đĩa rồi bấm Lưu lại.</source>
        <translation>The disk is full, so nothing could be saved. The data on screen is kept: free some disk space, then press Save again.</translation>
    </message>
    <message>
        <source>Lỗi cơ sở dữ liệu: {error}</source>
        <translation>Database error: {error}</translation>
    </message>
    <message>
        <source>Không kết nối được tới máy chủ cơ sở dữ liệu {server}. Hãy kiểm tra dây mạng của máy này, hoặc báo quản trị viên kiểm tra máy chủ, rồi thử lại.</source>
        <translation>Cannot connect to the database server {server}. Check this computer&apos;s network cable, or ask the administrator to check the server, then try again.</translation>
    </message>
    <message>
        <source>Không kết nối được tới máy chủ cơ sở dữ liệu {server}. Dữ liệu trên màn hình vẫn được giữ: hãy kiểm tra dây mạng của máy này, hoặc báo quản trị viên kiểm tra máy chủ, rồi bấm Lưu lại (hoặc thử lại).</source>
        <translation>Cannot connect to the database server {server}. The data on screen is kept: check this computer&apos;s network cable, or ask the administrator to check the server, then press Save again (or try again).</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ cơ sở dữ liệu {server}. Thao tác vừa rồi hoặc đã lưu trọn vẹn, hoặc chưa lưu gì, không bao giờ lưu dở dang. Dữ liệu trên màn hình vẫn được giữ: khi mạng ổn định, hãy xem lại danh sách hồ sơ rồi bấm Lưu lại nếu chưa thấy hồ sơ.</source>
        <translation>Lost the connection to the database server {server}. The last action was either saved in full or not saved at all, never half-saved. The data on screen is kept: once the network is stable, check the dossier list and press Save again if the dossier is not there.</translation>
    </message>
    <message>
        <source>Máy chủ cơ sở dữ liệu {server} từ chối tài khoản kết nối của desk. Hãy báo quản trị viên kiểm tra tên, mật khẩu trong địa chỉ cơ sở dữ liệu (--db-url).</source>
        <translation>The database server {server} refused desk&apos;s login. Ask the administrator to check the user name and password in the database address (--db-url).</translation>
    </message>
    <message>
        <source>Trên máy chủ chưa có cơ sở dữ liệu {server}. Quản trị viên hãy tạo nó rồi chạy lệnh: desk db init --db-url ĐỊA_CHỈ.</source>
        <translation>The database {server} does not exist on the server yet. The administrator should create it, then run: desk db init --db-url ADDRESS.</translation>
    </message>
    <message>
        <source>Một quầy khác đang sửa cùng dữ liệu này quá lâu nên chưa lưu được. Dữ liệu trên màn hình vẫn được giữ: hãy đợi vài giây rồi bấm Lưu lại.</source>
        <translation>Another counter has been editing the same data for too long, so this could not be saved yet. The data on screen is kept: wait a few seconds and press Save again.</translation>
    </message>
    <message>
        <source>Hai quầy vừa cùng sửa một dữ liệu nên thao tác này chưa được lưu. Dữ liệu trên màn hình vẫn được giữ: hãy bấm Lưu lại.</source>
        <translation>Two counters edited the same data at the same moment, so this action was not saved. The data on screen is kept: press Save again.</translation>
    </message>
</context>
<context>
    <name>DayKind</name>
    <message>
        <source>Ngày nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Ngày làm bù</source>
        <translation>Make-up working day</translation>
    </message>
</context>
<context>
    <name>DayStatus</name>
    <message>
        <source>Đã xác nhận</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Đề xuất, chờ quyết định</source>
        <translation>Proposed, awaiting decision</translation>
    </message>
    <message>
        <source>Không áp dụng</source>
        <translation>Not applied</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <source>Chưa viết được văn bản xin lỗi để gửi kèm: {error}</source>
        <translation>Could not write the apology letter to attach: {error}</translation>
    </message>
    <message>
        <source>Máy gửi bị ngắt khi đang gửi tin này: không rõ tin đã đi hay chưa. Hỏi người nộp hoặc gửi lại.</source>
        <translation>The sending PC stopped while sending this message: it is not known whether it went out. Ask the applicant or send it again.</translation>
    </message>
    <message>
        <source>Máy này chưa gửi được qua kênh {channel}: xem desk notify setup.</source>
        <translation>This PC cannot send through {channel} yet: see desk notify setup.</translation>
    </message>
</context>
<context>
    <name>Departments</name>
    <message>
        <source>Chưa nhập tên phòng, ban hoặc cơ quan.</source>
        <translation>Enter the name of the department or agency.</translation>
    </message>
    <message>
        <source>Đã có &apos;{name}&apos; trong danh sách.</source>
        <translation>&apos;{name}&apos; is already in the list.</translation>
    </message>
    <message>
        <source>Không có &apos;{name}&apos; trong danh sách phòng, ban. Các tên có: {names}.</source>
        <translation>&apos;{name}&apos; is not in the list of departments. The names are: {names}.</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>Phòng, ban và cơ quan giải quyết</source>
        <translation>Departments and deciding agencies</translation>
    </message>
    <message>
        <source>Ví dụ: Công chức Tài chính - Kế toán</source>
        <translation>For example: Finance and Accounting officer</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>Thêm vào danh sách</source>
        <translation>Add to the list</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa danh sách này.</source>
        <translation>Only an administrator may edit this list.</translation>
    </message>
    <message>
        <source>Đã thêm “{0}”.</source>
        <translation>“{0}” added.</translation>
    </message>
    <message>
        <source>Bỏ “{0}” khỏi danh sách chuyển xử lý? Hồ sơ đã chuyển đến đây vẫn giữ tên này.</source>
        <translation>Remove “{0}” from the transfer list? Dossiers already transferred there keep this name.</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Đã bỏ “{0}” khỏi danh sách.</source>
        <translation>“{0}” removed from the list.</translation>
    </message>
</context>
<context>
    <name>DialogSave</name>
    <message>
        <source>Đang lưu...</source>
        <translation>Saving...</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Dimension</name>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedure</translation>
    </message>
    <message>
        <source>Phòng ban, cơ quan giải quyết</source>
        <translation>Deciding department or agency</translation>
    </message>
    <message>
        <source>Cán bộ phụ trách</source>
        <translation>Clerk in charge</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Màn hình gọi số</source>
        <extracomment>The last call shown (``None`` before the first read).</extracomment>
        <translation>Queue display</translation>
    </message>
    <message>
        <source>MỜI SỐ</source>
        <extracomment>Its reads of the database, which may fail for a while (a server restarting).</extracomment>
        <translation>NOW SERVING</translation>
    </message>
    <message>
        <source>CÁC SỐ VỪA GỌI</source>
        <translation>RECENTLY CALLED</translation>
    </message>
    <message>
        <source>SỐ NGƯỜI ĐANG CHỜ</source>
        <translation>PEOPLE WAITING</translation>
    </message>
    <message>
        <source>ĐẾN QUẦY {0}</source>
        <translation>PLEASE GO TO COUNTER {0}</translation>
    </message>
    <message>
        <source>XIN KÍNH CHÀO QUÝ KHÁCH</source>
        <translation>WELCOME</translation>
    </message>
    <message>
        <source>Mời lấy số thứ tự</source>
        <translation>Please take a queue number</translation>
    </message>
    <message>
        <source>Quầy {0}</source>
        <translation>Counter {0}</translation>
    </message>
</context>
<context>
    <name>DossierCode</name>
    <message>
        <source>ví dụ: 000.00.12.H36 hoặc H36.41</source>
        <extracomment>The longest agency identifier accepted (identifiers have up to five dotted levels).</extracomment>
        <translation>for example 000.00.12.H36 or H36.41</translation>
    </message>
    <message>
        <source>Chưa nhập mã định danh của cơ quan ({example}).</source>
        <translation>The agency&apos;s identifier is missing ({example}).</translation>
    </message>
    <message>
        <source>Mã định danh của cơ quan không được có dấu cách ({example}).</source>
        <translation>The agency&apos;s identifier may not contain spaces ({example}).</translation>
    </message>
    <message>
        <source>Mã định danh của cơ quan không được có dấu gạch ngang: dấu này ngăn cách các phần của mã hồ sơ. Các cấp ngăn cách bằng dấu chấm ({example}).</source>
        <translation>The agency&apos;s identifier may not contain a dash: it separates the parts of the dossier code. Levels are separated by dots ({example}).</translation>
    </message>
    <message>
        <source>Mã định danh của cơ quan dài quá {n} ký tự ({example}).</source>
        <translation>The agency&apos;s identifier is longer than {n} characters ({example}).</translation>
    </message>
    <message>
        <source>Mã định danh của cơ quan có dấu chấm thừa ở đầu, cuối hoặc hai dấu chấm liền nhau ({example}).</source>
        <translation>The agency&apos;s identifier has a stray dot at its start or end, or two dots in a row ({example}).</translation>
    </message>
    <message>
        <source>Mã định danh của cơ quan chỉ gồm chữ cái không dấu, chữ số và dấu chấm ({example}).</source>
        <translation>The agency&apos;s identifier may hold only unaccented letters, digits and dots ({example}).</translation>
    </message>
</context>
<context>
    <name>DossierHistory</name>
    <message>
        <source>Trạng thái</source>
        <extracomment>The audited columns, as a clerk names them.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nơi giữ hồ sơ</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Hạn xử lý</source>
        <translation>Processing deadline</translation>
    </message>
    <message>
        <source>Có kết quả lúc</source>
        <translation>Result ready at</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Trả kết quả lúc</source>
        <translation>Result returned at</translation>
    </message>
    <message>
        <source>Số lần yêu cầu bổ sung</source>
        <translation>Supplement requests</translation>
    </message>
    <message>
        <source>Số lần bổ sung</source>
        <translation>Supplements received</translation>
    </message>
    <message>
        <source>Cán bộ phụ trách</source>
        <translation>Clerk in charge</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Số giấy tờ</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Nộp thay cho</source>
        <translation>Submitted on behalf of</translation>
    </message>
    <message>
        <source>Hình thức trả</source>
        <translation>Return method</translation>
    </message>
    <message>
        <source>Mã vận đơn</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>Result collected by</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>In phiếu hẹn</source>
        <extracomment>Audited actions that are not steps, as a clerk names them.</extracomment>
        <translation>Receipt printed</translation>
    </message>
    <message>
        <source>In lại phiếu hẹn</source>
        <translation>Receipt reprinted</translation>
    </message>
    <message>
        <source>Tại quầy</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Cần bổ sung: {what}</source>
        <translation>To supplement: {what}</translation>
    </message>
    <message>
        <source>Lý do: {why}</source>
        <translation>Reason: {why}</translation>
    </message>
    <message>
        <source>Hẹn trả mới: {at}</source>
        <translation>New appointment: {at}</translation>
    </message>
    <message>
        <source>Gửi qua bưu chính, mã vận đơn {number}</source>
        <translation>Sent by post, tracking number {number}</translation>
    </message>
    <message>
        <source>Người nhận: {who}</source>
        <translation>Collected by: {who}</translation>
    </message>
    <message>
        <source>Giao cho: {who}</source>
        <translation>Assigned to: {who}</translation>
    </message>
    <message>
        <source>Sửa: {what}</source>
        <translation>Edited: {what}</translation>
    </message>
</context>
<context>
    <name>DossierMessages</name>
    <message>
        <source>Tin nhắn SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tin nhắn Zalo</source>
        <translation>Zalo message</translation>
    </message>
    <message>
        <source>Báo tin: {step}</source>
        <translation>Tells: {step}</translation>
    </message>
    <message>
        <source>máy {host}</source>
        <translation>PC {host}</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>{about}. Lần {n}/{of}: {error}</source>
        <translation>{about}. Try {n}/{of}: {error}</translation>
    </message>
    <message>
        <source>Thử lại lúc {at}.</source>
        <translation>Next try at {at}.</translation>
    </message>
    <message>
        <source>Đã thôi gửi: báo lãnh đạo.</source>
        <translation>Given up: the supervisor is told.</translation>
    </message>
    <message>
        <source>Gửi không được</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Lỗi, thử lại</source>
        <translation>Error, retrying</translation>
    </message>
    <message>
        <source>Người nộp đã rút lại đồng ý nhận tin qua kênh này.</source>
        <translation>The applicant withdrew their consent to messages through this channel.</translation>
    </message>
    <message>
        <source>Không gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Chờ gửi</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Người nộp đồng ý nhận tin qua: {channels}.</source>
        <translation>The applicant agreed to messages by: {channels}.</translation>
    </message>
    <message>
        <source>Người nộp không đăng ký nhận tin nhắn.</source>
        <translation>The applicant did not ask for messages.</translation>
    </message>
    <message>
        <source>Đã gửi {sent}, chờ gửi {waiting}, gửi không được {failed}.</source>
        <translation>Sent {sent}, waiting {waiting}, not sent {failed}.</translation>
    </message>
    <message>
        <source>Không gửi {withdrawn} vì người nộp đã rút đồng ý.</source>
        <translation>{withdrawn} withheld: the applicant withdrew their consent.</translation>
    </message>
    <message>
        <source>{kind} tới {to} gửi không được: {error}</source>
        <translation>{kind} to {to} not sent: {error}</translation>
    </message>
    <message>
        <source>Nhận tin nhắn...</source>
        <translation>Messages...</translation>
    </message>
    <message>
        <source>Người nộp đồng ý thêm hoặc rút lại đồng ý nhận tin báo qua SMS, thư điện tử, Zalo.</source>
        <translation>The applicant agrees to more channels, or withdraws their consent to messages by SMS, e-mail or Zalo.</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Văn bản xin lỗi (mẫu 04)</source>
        <extracomment>The dossier&apos;s apology as last read (None: it has none).</extracomment>
        <translation>Apology letter (form 04)</translation>
    </message>
    <message>
        <source>In lại phiếu xin lỗi số {number}.</source>
        <translation>Reprint apology letter no. {number}.</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có phiếu xin lỗi: lập bằng nút “Xin lỗi và hẹn lại...”.</source>
        <translation>The dossier has no apology letter: make one with “Apologise and reschedule...”.</translation>
    </message>
    <message>
        <source> (phiếu xin lỗi số {number}, lập {at})</source>
        <translation> (apology letter no. {number}, made {at})</translation>
    </message>
    <message>
        <source>Đã lập phiếu xin lỗi số {number}. Hẹn trả mới: {at}.</source>
        <translation>Apology letter no. {number} made. New appointment: {at}.</translation>
    </message>
    <message>
        <source>Hồ sơ {code}</source>
        <extracomment>Column widths in average characters; the last column takes the rest, wrapped. The page&apos;s reads (only the newest is shown), and what waits on them. The reads of a step&apos;s dialog being opened.</extracomment>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Số giấy tờ:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Nộp thay cho:</source>
        <translation>On behalf of:</translation>
    </message>
    <message>
        <source>Yêu cầu và thời hạn</source>
        <translation>Request and time limit</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Hình thức nộp:</source>
        <translation>Submitted:</translation>
    </message>
    <message>
        <source>Nhận kết quả:</source>
        <translation>Result delivery:</translation>
    </message>
    <message>
        <source>Thời hạn:</source>
        <translation>Time limit:</translation>
    </message>
    <message>
        <source>Tiếp nhận lúc:</source>
        <translation>Received at:</translation>
    </message>
    <message>
        <source>Hẹn trả:</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <source>Hẹn lại:</source>
        <translation>Rescheduled to:</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Đang ở:</source>
        <translation>Held by:</translation>
    </message>
    <message>
        <source>Cán bộ phụ trách:</source>
        <translation>Clerk in charge:</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận:</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <source>Số lần bổ sung:</source>
        <translation>Supplements received:</translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Bước</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Bên giao</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Bên nhận</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <source>Giấy tờ đã nhận</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <source>Bản số hóa</source>
        <translation>Digitised papers</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Nhật ký thay đổi</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Bước xử lý</source>
        <translation>Processing steps</translation>
    </message>
    <message>
        <source>Nhận tin nhắn</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Đã ghi nhận đồng ý nhận tin nhắn của người nộp.</source>
        <translation>The applicant&apos;s consent to messages is recorded.</translation>
    </message>
    <message>
        <source>{n} tin nhắn chưa gửi qua kênh đã rút đồng ý sẽ không gửi nữa.</source>
        <translation>{n} unsent message(s) through the withdrawn channel(s) will not be sent.</translation>
    </message>
    <message>
        <source>In lại phiếu hẹn</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát (mẫu 06)</source>
        <translation>Control slip (form 06)</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung (mẫu 02)</source>
        <translation>Supplement request (form 02)</translation>
    </message>
    <message>
        <source>Phiếu từ chối (mẫu 03)</source>
        <translation>Refusal notice (form 03)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>mã số thuế</source>
        <translation>tax code</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>citizen ID</translation>
    </message>
    <message>
        <source>{label}, có kết quả lúc {at}</source>
        <translation>{label}, result ready at {at}</translation>
    </message>
    <message>
        <source>; đã trả lúc {at}</source>
        <translation>; returned at {at}</translation>
    </message>
    <message>
        <source>Đã ghi nhận: {step}.</source>
        <translation>Recorded: {step}.</translation>
    </message>
    <message>
        <source>Đã ghi nhận có kết quả: {label}.</source>
        <translation>Result recorded: {label}.</translation>
    </message>
    <message>
        <source>Đã nhận bổ sung. Hẹn trả mới: {at}.</source>
        <translation>Supplement received. New appointment: {at}.</translation>
    </message>
    <message>
        <source>In phiếu hẹn</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Đã tạo {title}: {path}</source>
        <translation>Created {title}: {path}</translation>
    </message>
    <message>
        <source>Chuyển xử lý...</source>
        <extracomment>The steps the page offers, in the order a dossier usually takes them.</extracomment>
        <translation>Transfer...</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung...</source>
        <translation>Request supplement...</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung...</source>
        <translation>Receive supplement...</translation>
    </message>
    <message>
        <source>Có kết quả...</source>
        <translation>Result ready...</translation>
    </message>
    <message>
        <source>Trả kết quả...</source>
        <translation>Return result...</translation>
    </message>
    <message>
        <source>Từ chối...</source>
        <translation>Refuse...</translation>
    </message>
    <message>
        <source>Dừng giải quyết...</source>
        <translation>Stop processing...</translation>
    </message>
    <message>
        <source>Giao lại cán bộ...</source>
        <translation>Reassign clerk...</translation>
    </message>
    <message>
        <source>Sửa thông tin...</source>
        <translation>Edit details...</translation>
    </message>
    <message>
        <source>Xin lỗi và hẹn lại...</source>
        <translation>Apologise and reschedule...</translation>
    </message>
    <message>
        <source>Thông báo dừng (mẫu 05)</source>
        <translation>Stop notice (form 05)</translation>
    </message>
    <message>
        <source>Đang tạo {title}...</source>
        <extracomment>What the notice said before each form being written (&quot;Đã ghi nhận: ...&quot;).</extracomment>
        <translation>Making {title}...</translation>
    </message>
</context>
<context>
    <name>DossierScans</name>
    <message>
        <source>Không cần sao chụp (chỉ xuất trình)</source>
        <extracomment>The papers&apos; table keeps this much room before the pages go three across.</extracomment>
        <translation>No copy needed (only shown)</translation>
    </message>
    <message>
        <source>Chưa số hóa</source>
        <translation>Not digitised</translation>
    </message>
    <message>
        <source>{pages} trang</source>
        <translation>{pages} page(s)</translation>
    </message>
    <message>
        <source>{pages}, đã có bản số hóa, mã hồ sơ {code}</source>
        <translation>{pages}, already digitised, dossier {code}</translation>
    </message>
    <message>
        <source>&lt; Trang trước</source>
        <translation>&lt; Previous page</translation>
    </message>
    <message>
        <source>Trang sau &gt;</source>
        <translation>Next page &gt;</translation>
    </message>
    <message>
        <source>Trang {n}/{count}</source>
        <translation>Page {n}/{count}</translation>
    </message>
    <message>
        <source>Trang này không phải một ảnh quét (chép từ tệp PDF khác): hãy mở cả tệp PDF.</source>
        <translation>This page is not a scanned image (copied from another PDF): open the whole PDF.</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Bản số hóa</source>
        <translation>Digitised copy</translation>
    </message>
    <message>
        <source>Số hóa lúc</source>
        <translation>Digitised at</translation>
    </message>
    <message>
        <source>Người số hóa</source>
        <translation>Digitised by</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Thêm/sửa trang...</source>
        <translation>Add/edit pages...</translation>
    </message>
    <message>
        <source>Xem trang</source>
        <translation>View page</translation>
    </message>
    <message>
        <source>Mở tệp PDF</source>
        <translation>Open the PDF</translation>
    </message>
    <message>
        <source>Lưu PDF ra tệp...</source>
        <translation>Save the PDF as...</translation>
    </message>
    <message>
        <source>Bỏ bản số hóa</source>
        <translation>Remove the digitised copy</translation>
    </message>
    <message>
        <source>Kết quả giải quyết</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>KQ</source>
        <translation>RES</translation>
    </message>
    <message>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source>Đang đọc bản số hóa...</source>
        <translation>Reading the scan...</translation>
    </message>
    <message>
        <source>Đang mở tệp PDF...</source>
        <translation>Opening the PDF file...</translation>
    </message>
    <message>
        <source>Lưu bản số hóa</source>
        <translation>Save the digitised copy</translation>
    </message>
    <message>
        <source>Đã lưu {path}.</source>
        <translation>Saved {path}.</translation>
    </message>
    <message>
        <source>Đang lưu tệp PDF...</source>
        <translation>Saving the PDF file...</translation>
    </message>
    <message>
        <source>Bỏ bản số hóa của “{name}”?</source>
        <translation>Remove the digitised copy of “{name}”?</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Bản số hóa: {name} (hồ sơ {code})</source>
        <translation>Digitised copy: {name} (dossier {code})</translation>
    </message>
    <message>
        <source>Đã lưu bản số hóa “{name}”: {pages} trang, SHA-256 {sha}.</source>
        <translation>Saved the digitised “{name}”: {pages} page(s), SHA-256 {sha}.</translation>
    </message>
</context>
<context>
    <name>DossierStatus</name>
    <message>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <source>Có kết quả, chờ trả</source>
        <translation>Result ready, awaiting return</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Từ chối giải quyết</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation>Stopped</translation>
    </message>
</context>
<context>
    <name>Dossiers</name>
    <message>
        <source>Không tìm thấy hồ sơ mã &apos;{code}&apos;. Kiểm tra lại mã trên phiếu hẹn.</source>
        <extracomment>Columns whose values the audit trail keeps before and after a step.</extracomment>
        <translation>No dossier with code &apos;{code}&apos;. Check the code on the receipt.</translation>
    </message>
</context>
<context>
    <name>EmailSender</name>
    <message>
        <source>không mã hóa</source>
        <translation>not encrypted</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ thư phải có dạng smtp://tên:mật-khẩu@máy-chủ:587 (STARTTLS), smtps://tên:mật-khẩu@máy-chủ:465 (TLS) hoặc smtp://máy-chủ:25?starttls=no (mạng nội bộ, không mã hóa).</source>
        <translation>The mail server must be written smtp://name:password@server:587 (STARTTLS), smtps://name:password@server:465 (TLS) or smtp://server:25?starttls=no (office network, not encrypted).</translation>
    </message>
    <message>
        <source>Cổng của máy chủ thư không hợp lệ.</source>
        <translation>The mail server&apos;s port is not valid.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ thư {host}: {error}</source>
        <translation>Cannot reach the mail server {host}: {error}</translation>
    </message>
    <message>
        <source>Máy chủ thư trả lời {code}: {answer}</source>
        <translation>The mail server answered {code}: {answer}</translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message>
        <source>Tiếp nhận mới</source>
        <translation>Newly received</translation>
    </message>
    <message>
        <source>Tiếp nhận trực tuyến</source>
        <translation>Received online</translation>
    </message>
    <message>
        <source>Tiếp nhận trực tiếp, bưu chính</source>
        <translation>Received in person or by post</translation>
    </message>
    <message>
        <source>Kỳ trước chuyển qua</source>
        <translation>Carried over from the previous period</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Đang giải quyết trong hạn</source>
        <translation>Pending within time</translation>
    </message>
    <message>
        <source>Đang giải quyết quá hạn</source>
        <translation>Pending overdue</translation>
    </message>
    <message>
        <source>Từ chối giải quyết</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Dừng, rút hồ sơ</source>
        <translation>Stopped or withdrawn</translation>
    </message>
    <message>
        <source>Trễ hạn có phiếu xin lỗi</source>
        <translation>Late with an apology letter</translation>
    </message>
    <message>
        <source>Trễ hạn chưa xin lỗi</source>
        <translation>Late without an apology</translation>
    </message>
    <message>
        <source>Quá hạn chưa xin lỗi (đang giải quyết)</source>
        <translation>Overdue without an apology (pending)</translation>
    </message>
    <message>
        <source>Phải bổ sung hồ sơ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Đi lại bổ sung 1 lần</source>
        <translation>Came back once to supplement</translation>
    </message>
    <message>
        <source>Đi lại bổ sung trên 1 lần</source>
        <translation>Came back more than once to supplement</translation>
    </message>
</context>
<context>
    <name>FileTargets</name>
    <message>
        <source>thư mục không có</source>
        <extracomment>What the operating system&apos;s failure means, in the clerk&apos;s words.</extracomment>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>một phần của đường dẫn là tệp, không phải thư mục</source>
        <translation>part of the path is a file, not a folder</translation>
    </message>
    <message>
        <source>không có quyền ghi vào đó</source>
        <translation>no permission to write there</translation>
    </message>
    <message>
        <source>ổ đĩa chỉ cho đọc</source>
        <translation>the drive is read-only</translation>
    </message>
    <message>
        <source>ổ đĩa đã đầy</source>
        <translation>the drive is full</translation>
    </message>
    <message>
        <source>đã có một tệp trùng tên</source>
        <translation>a file with the same name already exists</translation>
    </message>
    <message>
        <source>{path} là một thư mục: hãy ghi cả tên tệp, ví dụ {example}.</source>
        <translation>{path} is a folder: give the file name too, e.g. {example}.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {file} là một tệp, không phải thư mục. Hãy chọn thư mục khác rồi thử lại.</source>
        <translation>Cannot write the file {path}: {file} is a file, not a folder. Choose another folder and try again.</translation>
    </message>
    <message>
        <source>Chưa có tên tệp cần ghi: hãy ghi tên tệp, ví dụ phieu{suffix}.</source>
        <extracomment>A name ending so names a folder, whether or not it is there yet (&quot;hoso/&quot;).</extracomment>
        <translation>No file name to write to: give a file name, e.g. phieu{suffix}.</translation>
    </message>
    <message>
        <source>Tên tệp {path} cần có đuôi {suffix}, ví dụ {example}.</source>
        <translation>The file name {path} needs the extension {suffix}, e.g. {example}.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: không tạo được tệp trong thư mục {folder} ({reason}). Hãy chọn thư mục khác rồi thử lại.</source>
        <translation>Cannot write the file {path}: no file can be created in the folder {folder} ({reason}). Choose another folder and try again.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: tệp đang mở trong chương trình khác hoặc thư mục không cho phép ghi. Hãy đóng tệp {kind} đang mở rồi thử lại.</source>
        <translation>Cannot write the file {path}: it is open in another program, or the folder is not writable. Close the open {kind} file and try again.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path} ({reason}).</source>
        <translation>Cannot write the file {path} ({reason}).</translation>
    </message>
</context>
<context>
    <name>FirstWorklist</name>
    <message>
        <source>Đang mở số đếm, bộ lọc và tìm kiếm…</source>
        <translation>Opening the counts, filters and search…</translation>
    </message>
    <message>
        <source>Cần xin lỗi - {scope} ({n})</source>
        <translation>Apology needed - {scope} ({n})</translation>
    </message>
    <message>
        <source>Đang mở mẫu tiếp nhận hồ sơ…</source>
        <translation>Opening the intake form…</translation>
    </message>
</context>
<context>
    <name>FormDocuments</name>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)</source>
        <translation>Request to supplement and complete the dossier (form 02)</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)</source>
        <translation>Notice refusing to receive and process the dossier (form 03)</translation>
    </message>
    <message>
        <source>Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04)</source>
        <translation>Letter of apology and request to extend the processing time (form 04)</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)</source>
        <translation>Dossier processing control slip (form 06)</translation>
    </message>
    <message>
        <source>Phiên bản này chưa in được “{title}”: hãy báo quản trị viên.</source>
        <translation>This version cannot print “{title}” yet: tell the administrator.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {error}. Hãy đóng tệp nếu đang mở rồi thử lại.</source>
        <translation>Could not write the file {path}: {error}. Close the file if it is open and try again.</translation>
    </message>
    <message>
        <source>Đã lưu {title} tại:
{path}
Máy này chưa mở được tệp PDF: hãy mở tệp đó bằng chương trình đọc PDF để in (khổ A5).</source>
        <translation>{title} saved at:
{path}
This PC could not open the PDF file: open it with a PDF reader to print it (A5 paper).</translation>
    </message>
    <message>
        <source>Thông báo dừng giải quyết hồ sơ (mẫu 05)</source>
        <translation>Notice of stopping the dossier (form 05)</translation>
    </message>
    <message>
        <source>Không tạo được “{title}”: xem nhật ký của chương trình.</source>
        <translation>Could not make “{title}”: see the program&apos;s log.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa có phiếu xin lỗi và hẹn lại: hãy lập phiếu trước (nút &apos;Xin lỗi và hẹn lại&apos; hoặc lệnh desk apology).</source>
        <translation>Dossier {code} has no apology and new appointment date yet: make the letter first (the &apos;Apology and new appointment date&apos; button or the desk apology command).</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa có yêu cầu bổ sung nào: hãy ghi nhận &apos;Yêu cầu bổ sung hồ sơ&apos; trước khi in phiếu.</source>
        <translation>Dossier {code} has no supplement request: record &apos;Supplement request&apos; before printing the form.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa bị từ chối: phiếu từ chối chỉ in cho hồ sơ đã ghi nhận &apos;Từ chối giải quyết&apos; kèm lý do.</source>
        <translation>Dossier {code} has not been refused: the refusal form prints only for a dossier with &apos;Refused&apos; recorded with its reason.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa dừng giải quyết: thông báo dừng chỉ in cho hồ sơ đã ghi nhận &apos;Dừng giải quyết theo đề nghị&apos; kèm lý do.</source>
        <translation>Dossier {code} has not been stopped: the stop notice prints only for a dossier with &apos;Stopped at the applicant&apos;s request&apos; recorded with its reason.</translation>
    </message>
</context>
<context>
    <name>GroupButton</name>
    <message>
        <source>Đang chờ: {0} người</source>
        <translation>Waiting: {0}</translation>
    </message>
    <message>
        <source>Không phải chờ</source>
        <translation>No wait</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Kết quả nhập danh mục</source>
        <translation>Catalog import result</translation>
    </message>
    <message>
        <source>Tệp {0}: đã thêm {1} thủ tục, cập nhật {2} thủ tục.</source>
        <translation>File {0}: {1} procedures added, {2} procedures updated.</translation>
    </message>
    <message>
        <source>{0} dòng có lỗi nên chưa được nhập; sửa các dòng dưới đây trong tệp rồi nhập lại:</source>
        <translation>{0} rows have errors and were not imported; correct the rows below in the file, then import it again:</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>Không được nhận giấy tờ ngoài danh mục của thủ tục: {papers}</source>
        <extracomment>&quot;&quot; when the calendar of the whole period is confirmed; else why the date may move</extracomment>
        <translation>Papers not listed for the procedure may not be received: {papers}</translation>
    </message>
    <message>
        <source>Thủ tục này chỉ tiếp nhận trực tuyến từ 01/10/2025 (Chỉ thị 24/CT-TTg). Hãy hướng dẫn người dân nộp trên Cổng Dịch vụ công quốc gia.</source>
        <translation>This procedure is accepted online only since 01/10/2025 (Directive 24/CT-TTg). Guide the citizen to submit it on the National Public Service Portal.</translation>
    </message>
    <message>
        <source>{notice} Nếu vẫn tiếp nhận tại quầy (trường hợp đặc biệt), hãy đánh dấu “Vẫn tiếp nhận tại quầy” rồi lưu lại.</source>
        <translation>{notice} To receive it at the counter all the same (a special case), tick “Receive at the counter anyway” and save again.</translation>
    </message>
</context>
<context>
    <name>IntakeScans</name>
    <message>
        <source>Giấy tờ đã số hóa của người nộp</source>
        <translation>The applicant&apos;s digitised papers</translation>
    </message>
    <message>
        <source>Đã có bản số hóa</source>
        <translation>Already digitised</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Số hóa ngày</source>
        <translation>Digitised on</translation>
    </message>
    <message>
        <source>Hiệu lực</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Dùng cho giấy tờ</source>
        <translation>Stands for paper</translation>
    </message>
    <message>
        <source>Dùng lại</source>
        <translation>Reuse</translation>
    </message>
    <message>
        <source>Thêm trang số hóa... (Ctrl+D)</source>
        <translation>Add digitised pages... (Ctrl+D)</translation>
    </message>
    <message>
        <source>Đã có bản số hóa ({code})</source>
        <translation>Already digitised ({code})</translation>
    </message>
    <message>
        <source>{pages} trang</source>
        <translation>{pages} page(s)</translation>
    </message>
    <message>
        <source>Hãy chọn giấy tờ cần số hóa trước.</source>
        <translation>Select the paper to digitise first.</translation>
    </message>
    <message>
        <source>Số hóa: {name}</source>
        <translation>Digitise: {name}</translation>
    </message>
    <message>
        <source>Đã số hóa “{name}”: {pages} trang (lưu cùng hồ sơ).</source>
        <translation>Digitised “{name}”: {pages} page(s) (saved with the dossier).</translation>
    </message>
    <message>
        <source>Thêm {count} trang mới từ máy quét</source>
        <translation>Add {count} new pages from the scanner</translation>
    </message>
    <message>
        <source>Chưa lưu được bản số hóa của hồ sơ {code}: hãy thêm lại trên trang hồ sơ.</source>
        <translation>The digitised papers of dossier {code} were not saved: add them again on the dossier page.</translation>
    </message>
    <message>
        <source>Đang lưu bản số hóa của hồ sơ {code}...</source>
        <translation>Saving the digitised papers of dossier {code}...</translation>
    </message>
    <message>
        <source>Đã lưu bản số hóa {count} giấy tờ của hồ sơ {code}.</source>
        <translation>Saved the digitised copies of {count} papers of dossier {code}.</translation>
    </message>
    <message>
        <source>Chưa lưu được bản số hóa: {message} Hãy thêm lại trên trang hồ sơ.</source>
        <translation>The digitised papers were not saved: {message} Add them again on the dossier page.</translation>
    </message>
</context>
<context>
    <name>IntakeWindow</name>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Cá nhân</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>ngày/tháng/năm, ví dụ 05/09/1990</source>
        <translation>day/month/year, for example 05/09/1990</translation>
    </message>
    <message>
        <source>ví dụ 0912345678</source>
        <translation>for example 0912345678</translation>
    </message>
    <message>
        <source>ví dụ ten@example.vn</source>
        <translation>for example name@example.vn</translation>
    </message>
    <message>
        <source>Họ tên người hoặc tổ chức ủy quyền, nếu nộp thay</source>
        <translation>Name of the authorising person or organisation, when filing on their behalf</translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Đồng ý nhận tin:</source>
        <translation>Agrees to messages:</translation>
    </message>
    <message>
        <source>Người ủy quyền:</source>
        <translation>Authorised by:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Tên tổ chức:</source>
        <translation>Organisation name:</translation>
    </message>
    <message>
        <source>Số CCCD:</source>
        <translation>Citizen ID number:</translation>
    </message>
    <message>
        <source>Mã số thuế:</source>
        <translation>Tax code:</translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>10 chữ số, hoặc 0101234567-001</source>
        <translation>10 digits, or 0101234567-001</translation>
    </message>
    <message>
        <source>Ngày sinh phải theo dạng ngày/tháng/năm có thật, ví dụ 05/09/1990.</source>
        <translation>The date of birth must be a real date written day/month/year, for example 05/09/1990.</translation>
    </message>
    <message>
        <source>Nộp hồ sơ và nhận kết quả</source>
        <translation>Filing and result delivery</translation>
    </message>
    <message>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop shop</translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả qua bưu chính</source>
        <translation>Address for delivering the result by post</translation>
    </message>
    <message>
        <source> bộ</source>
        <translation> set(s)</translation>
    </message>
    <message>
        <source>Hình thức nộp:</source>
        <translation>Filing channel:</translation>
    </message>
    <message>
        <source>Nhận kết quả:</source>
        <translation>Result delivery:</translation>
    </message>
    <message>
        <source>Địa chỉ nhận:</source>
        <translation>Delivery address:</translation>
    </message>
    <message>
        <source>Số lượng hồ sơ:</source>
        <translation>Number of sets:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Hẹn trả: {time}, {weekday} {date} ({limit})</source>
        <translation>Appointment: {time}, {weekday} {date} ({limit})</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <extracomment>What a long save made read-only, to enable again after it.</extracomment>
        <translation>Dossier intake</translation>
    </message>
    <message>
        <source>Thủ tục hành chính và giấy tờ đã nhận</source>
        <translation>Administrative procedure and papers received</translation>
    </message>
    <message>
        <source>Giấy tờ đã nhận (chỉ những giấy tờ thủ tục quy định):</source>
        <translation>Papers received (only the papers the procedure prescribes):</translation>
    </message>
    <message>
        <source>Làm mới (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>Lưu và in phiếu (Enter)</source>
        <translation>Save and print receipt (Enter)</translation>
    </message>
    <message>
        <source>Hẹn trả: chọn thủ tục để xem ngày hẹn trả kết quả.</source>
        <extracomment>The reads (the newest shown), for which procedure and channel the date shown is, and what shows when the newest takes long.</extracomment>
        <translation>Appointment: choose a procedure to see the appointment date for the result.</translation>
    </message>
    <message>
        <source>Hẹn trả: đang tính...</source>
        <translation>Appointment: working it out...</translation>
    </message>
    <message>
        <source>Chưa lưu được hồ sơ: lỗi của chương trình, xem nhật ký.</source>
        <extracomment>&quot;Đang lưu hồ sơ...&quot; while a save waits on the database.</extracomment>
        <translation>The dossier was not saved: a program error, see the program&apos;s log.</translation>
    </message>
    <message>
        <source>Đang lưu hồ sơ...</source>
        <translation>Saving the dossier...</translation>
    </message>
    <message>
        <source>Chưa lưu được hồ sơ</source>
        <translation>Dossier not saved</translation>
    </message>
    <message>
        <source>Không in được phiếu</source>
        <translation>Receipt not printed</translation>
    </message>
    <message>
        <source>Làm mới biểu mẫu</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <source>Xóa toàn bộ thông tin đang nhập để tiếp nhận hồ sơ mới?</source>
        <translation>Clear everything typed so far to receive a new dossier?</translation>
    </message>
    <message>
        <source>Xóa và làm mới</source>
        <translation>Clear and start over</translation>
    </message>
    <message>
        <source>Không, giữ lại</source>
        <translation>No, keep it</translation>
    </message>
    <message>
        <source>Chưa in được phiếu hướng dẫn: {message}</source>
        <translation>The guide was not printed: {message}</translation>
    </message>
    <message>
        <source>In hướng dẫn nộp trực tuyến</source>
        <translation>Print the guide to submitting online</translation>
    </message>
    <message>
        <source>Vẫn tiếp nhận tại quầy (trường hợp đặc biệt)</source>
        <translation>Receive at the counter anyway (special case)</translation>
    </message>
    <message>
        <source>Đang in phiếu hướng dẫn...</source>
        <translation>Printing the guide...</translation>
    </message>
    <message>
        <source>Đã in phiếu hướng dẫn nộp trực tuyến cho thủ tục {code}.</source>
        <translation>Printed the guide to submitting procedure {code} online.</translation>
    </message>
</context>
<context>
    <name>KioskLookup</name>
    <message>
        <source>⌫ Xóa</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <source>Dấu cách</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Xóa hết</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Bộ phận Một cửa, {office}</source>
        <translation>One-stop shop, {office}</translation>
    </message>
    <message>
        <source>tùy trường hợp</source>
        <translation>depending on the case</translation>
    </message>
    <message>
        <source>Không thu phí, lệ phí</source>
        <translation>No fees or charges</translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <source>Nơi nộp hồ sơ</source>
        <translation>Where to file</translation>
    </message>
    <message>
        <source>Cách thức nộp</source>
        <translation>How to file</translation>
    </message>
    <message>
        <source>THÀNH PHẦN HỒ SƠ</source>
        <translation>PAPERS REQUIRED</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Gõ tên thủ tục (không cần dấu)</source>
        <translation>Type the procedure&apos;s name (no accents needed)</translation>
    </message>
    <message>
        <source>Ví dụ: gõ KHAI SINH, KET HON hoặc CHUNG THUC, hoặc chạm vào một lĩnh vực. Chạm vào tên thủ tục để xem giấy tờ cần chuẩn bị, rồi in phiếu hướng dẫn mang về.</source>
        <translation>For example, type KHAI SINH, KET HON or CHUNG THUC, or touch a field. Touch a procedure&apos;s name to see the papers to prepare, then print a guidance slip to take home.</translation>
    </message>
    <message>
        <source>TRA CỨU THỦ TỤC HÀNH CHÍNH</source>
        <translation>ADMINISTRATIVE PROCEDURES</translation>
    </message>
    <message>
        <source>‹ Trở về</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>In phiếu hướng dẫn mang về</source>
        <translation>Print a guidance slip to take home</translation>
    </message>
    <message>
        <source>THÔNG TIN THỦ TỤC</source>
        <translation>PROCEDURE DETAILS</translation>
    </message>
    <message>
        <source>‹ Danh sách</source>
        <translation>‹ List</translation>
    </message>
    <message>
        <source>Tất cả lĩnh vực ({0})</source>
        <translation>All fields ({0})</translation>
    </message>
    <message>
        <source>Chưa tra cứu được, xin thử lại sau giây lát hoặc hỏi cán bộ tại quầy.</source>
        <translation>The search could not be made. Please try again in a moment, or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Lĩnh vực: {0}  ·  Thời hạn: {1}</source>
        <translation>Field: {0}  ·  Time limit: {1}</translation>
    </message>
    <message>
        <source>Có {0} thủ tục:</source>
        <translation>{0} procedures:</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục nào. Xin thử từ khác, hoặc chọn lĩnh vực.</source>
        <translation>No procedure found. Please try other words, or choose a field.</translation>
    </message>
    <message>
        <source>Đang in phiếu hướng dẫn...</source>
        <translation>Printing the guide...</translation>
    </message>
    <message>
        <source>Máy in phiếu đang gặp sự cố. Xin hỏi cán bộ tại quầy để được hướng dẫn.</source>
        <translation>The slip printer has a problem. Please ask a clerk at the counter for guidance.</translation>
    </message>
    <message>
        <source>Kiosk chưa nối máy in: xin ghi lại thông tin trên màn hình.</source>
        <translation>This kiosk has no printer: please note down the information on the screen.</translation>
    </message>
    <message>
        <source>Xin mời nhận phiếu hướng dẫn ở khe máy in.</source>
        <translation>Please take your guidance slip from the printer slot.</translation>
    </message>
</context>
<context>
    <name>KioskStatus</name>
    <message>
        <source>‹ Trở về</source>
        <extracomment>The office&apos;s agency code, read off the window&apos;s thread with the page. The look-ups of a code scanned or typed: the newest is shown.</extracomment>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>TRA CỨU TÌNH TRẠNG HỒ SƠ</source>
        <translation>DOSSIER STATUS</translation>
    </message>
    <message>
        <source>Cách 1: Quét mã QR trên giấy hẹn</source>
        <translation>Option 1: scan the QR code on your receipt</translation>
    </message>
    <message>
        <source>Đưa mã QR in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả vào trước đầu đọc mã của kiosk. Kết quả hiện ngay, không cần nhập gì thêm.</source>
        <translation>Hold the QR code printed on your dossier receipt and appointment slip in front of the kiosk&apos;s code reader. The answer appears at once; nothing else needs to be typed.</translation>
    </message>
    <message>
        <source>Cách 2: Nhập mã hồ sơ và 4 số cuối CCCD</source>
        <translation>Option 2: enter the dossier code and the last 4 digits of the citizen ID</translation>
    </message>
    <message>
        <source>Mã hồ sơ (ghi trên giấy hẹn):</source>
        <translation>Dossier code (printed on the receipt):</translation>
    </message>
    <message>
        <source>4 số cuối số CCCD (hoặc mã số thuế) của người nộp:</source>
        <translation>Last 4 digits of the applicant&apos;s citizen ID number (or tax code):</translation>
    </message>
    <message>
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>⌫ Xóa</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <source>Xóa hết</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>THÔNG TIN HỒ SƠ</source>
        <translation>DOSSIER DETAILS</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày hẹn trả kết quả</source>
        <translation>Appointment date for the result</translation>
    </message>
    <message>
        <source>Để bảo vệ thông tin cá nhân, kiosk chỉ hiện tình trạng hồ sơ. Màn hình sẽ tự xóa sau ít phút. Cần biết thêm, xin hỏi cán bộ tại Bộ phận Một cửa.</source>
        <translation>To protect personal information, the kiosk shows only the dossier&apos;s status. The screen clears itself after a few minutes. For more, please ask a clerk at the one-stop shop.</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Xin nhập đủ 10 chữ số của mã hồ sơ (sau {0}-).</source>
        <translation>Please enter all 10 digits of the dossier code (after {0}-).</translation>
    </message>
    <message>
        <source>Chưa tra cứu được, xin thử lại sau giây lát.</source>
        <translation>The search could not be made. Please try again in a moment.</translation>
    </message>
    <message>
        <source>ĐÃ CÓ KẾT QUẢ: mời quý khách mang giấy hẹn và giấy tờ tùy thân đến Bộ phận Một cửa để nhận.</source>
        <translation>THE RESULT IS READY: please bring your receipt and your ID to the one-stop shop to collect it.</translation>
    </message>
    <message>
        <source>Chưa có kết quả.</source>
        <translation>The result is not ready yet.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>MỜI QUÝ KHÁCH CHẠM VÀO LĨNH VỰC CẦN GIẢI QUYẾT</source>
        <extracomment>Its reads of the database, which may fail for a while (a server restarting).</extracomment>
        <translation>PLEASE TOUCH THE FIELD OF YOUR MATTER</translation>
    </message>
    <message>
        <source>Hiện chưa có nhóm dịch vụ nào nhận số. Xin liên hệ cán bộ tại quầy.</source>
        <translation>No service group is issuing numbers at the moment. Please ask a clerk at the counter.</translation>
    </message>
    <message>
        <source>TRA CỨU THỦ TỤC</source>
        <translation>LOOK UP A PROCEDURE</translation>
    </message>
    <message>
        <source>Giấy tờ cần chuẩn bị, phí, thời hạn</source>
        <translation>Papers to prepare, fees, time limits</translation>
    </message>
    <message>
        <source>TRA CỨU HỒ SƠ ĐÃ NỘP</source>
        <translation>CHECK A FILED DOSSIER</translation>
    </message>
    <message>
        <source>Quét mã QR trên giấy hẹn</source>
        <translation>Scan the QR code on your receipt</translation>
    </message>
    <message>
        <source>Người cao tuổi, người khuyết tật, phụ nữ mang thai, người có con nhỏ, thương binh và người có công được ưu tiên: chạm vào ô phù hợp trước khi chọn lĩnh vực.</source>
        <translation>Elderly people, people with disabilities, pregnant women, people with young children, war invalids and people with meritorious service have priority: touch the matching box before choosing the field.</translation>
    </message>
    <message>
        <source>SỐ THỨ TỰ CỦA QUÝ KHÁCH</source>
        <translation>YOUR QUEUE NUMBER</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Đang in phiếu, xin chờ trong giây lát...</source>
        <translation>Printing your ticket, please wait a moment...</translation>
    </message>
    <message>
        <source>Ưu tiên: {0}</source>
        <translation>Priority: {0}</translation>
    </message>
    <message>
        <source>Số người đang chờ trước quý khách: {0}</source>
        <translation>People waiting ahead of you: {0}</translation>
    </message>
    <message>
        <source>Không có ai đang chờ trước quý khách.</source>
        <translation>Nobody is waiting ahead of you.</translation>
    </message>
    <message>
        <source>Máy in phiếu đang gặp sự cố: xin quý khách ghi nhớ số trên màn hình và báo cán bộ tại quầy.</source>
        <translation>The ticket printer has a problem: please remember the number on the screen and tell a clerk at the counter.</translation>
    </message>
    <message>
        <source>Xin mời nhận phiếu ở khe máy in và chờ đến lượt.</source>
        <translation>Please take your ticket from the printer slot and wait for your turn.</translation>
    </message>
    <message>
        <source>Xin quý khách ghi nhớ số này và chờ đến khi số được gọi.</source>
        <translation>Please remember this number and wait until it is called.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Ngôn ngữ</source>
        <extracomment>The same in every language, so that whoever reads the menu finds it. The language checked now (saved for this PC, or the one the desk runs in). The last message shown (None before the first choice).</extracomment>
        <translation>Language</translation>
    </message>
    <message>
        <source>Không lưu được cài đặt của máy: {error}</source>
        <translation>Could not save the PC&apos;s settings: {error}</translation>
    </message>
    <message>
        <source>Đã chọn {language}. Ngôn ngữ mới được dùng từ lần mở chương trình tiếp theo.</source>
        <translation>{language} chosen. The new language applies from the next time the program is opened.</translation>
    </message>
    <message>
        <source>Lưu ý: trên máy này biến môi trường DESK_LANG={value} đang chọn {forced} và được ưu tiên hơn lựa chọn trong menu. Hãy nhờ người quản trị máy bỏ biến đó.</source>
        <translation>Note: on this PC the environment variable DESK_LANG={value} chooses {forced} and takes precedence over the menu. Ask whoever manages this PC to remove it.</translation>
    </message>
</context>
<context>
    <name>LegalRules</name>
    <message>
        <source>Theo ngày hẹn trên Giấy tiếp nhận (hồ sơ đã xin lỗi vẫn tính trễ hạn)</source>
        <translation>Against the appointment on the receipt (an apologised dossier still counts as late)</translation>
    </message>
    <message>
        <source>Theo ngày hẹn lại trong văn bản xin lỗi</source>
        <translation>Against the new date in the apology letter</translation>
    </message>
    <message>
        <source>Chỉ nhận, chỉ yêu cầu giấy tờ có trong danh mục của thủ tục</source>
        <extracomment>Office setting key of ``LateCounting``.</extracomment>
        <translation>Accept and ask only for the papers in the procedure&apos;s list</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 16 khoản 1, điều 5 khoản 1 điểm đ</source>
        <translation>Decree 118/2025/ND-CP art. 16(1), art. 5(1)(dd)</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung, hoàn thiện hồ sơ một lần, đầy đủ (Mẫu số 02)</source>
        <translation>Ask for missing papers once, in full (form 02)</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 16 khoản 3, điều 11 khoản 2 điểm c, điều 17 khoản 1 điểm c</source>
        <translation>Decree 118/2025/ND-CP art. 16(3), art. 11(2)(c), art. 17(1)(c)</translation>
    </message>
    <message>
        <source>Hồ sơ đủ: lập Giấy tiếp nhận và hẹn trả kết quả (Mẫu số 01) có mã số hồ sơ</source>
        <translation>Complete dossier: issue the receipt with the appointment (form 01) and a dossier code</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 17 khoản 1 điểm c và khoản 3</source>
        <translation>Decree 118/2025/ND-CP art. 17(1)(c) and 17(3)</translation>
    </message>
    <message>
        <source>Mã số hồ sơ: mã định danh của cơ quan, ngày tiếp nhận, số thứ tự trong ngày (dạng MÃ-YYMMDD-NNNN giữ như trước)</source>
        <translation>Dossier code: the agency&apos;s identifier, the date of receipt, the day&apos;s sequence number (the AGENCY-YYMMDD-NNNN layout kept)</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 28 khoản 2; Thông tư 03/2025/TT-VPCP điều 13 (chưa đọc được nguyên văn)</source>
        <translation>Decree 118/2025/ND-CP art. 28(2); Circular 03/2025/TT-VPCP art. 13 (its wording not read)</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận phải nêu rõ lý do (Mẫu số 03)</source>
        <translation>A refusal states its reasons (form 03)</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 17 khoản 1 điểm c, điều 8 khoản 1 điểm b</source>
        <translation>Decree 118/2025/ND-CP art. 17(1)(c), art. 8(1)(b)</translation>
    </message>
    <message>
        <source>Hồ sơ phải bổ sung: thời hạn giải quyết tính lại từ đầu khi nhận đủ hồ sơ</source>
        <translation>After a supplement: the time limit starts again once the dossier is complete</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 19 khoản 5</source>
        <translation>Decree 118/2025/ND-CP art. 19(5)</translation>
    </message>
    <message>
        <source>Hồ sơ dự kiến quá hạn: văn bản xin lỗi, đề nghị gia hạn chậm nhất 01 ngày trước ngày hết hạn (Mẫu số 04); hẹn lại không quá một lần</source>
        <translation>A dossier expected to be late: apology and extension letter at the latest one day before the due date (form 04); the date is moved once only</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 19 khoản 6, điều 12 khoản 5</source>
        <translation>Decree 118/2025/ND-CP art. 19(6), art. 12(5)</translation>
    </message>
    <message>
        <source>Hồ sơ đã xin lỗi, hẹn lại: tính đúng hạn hay trễ hạn theo ngày hẹn nào</source>
        <translation>A rescheduled dossier: which date decides whether it is on time or late</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP: không tìm thấy quy định</source>
        <translation>Decree 118/2025/ND-CP and Circular 03/2025/TT-VPCP: no rule found</translation>
    </message>
    <message>
        <source>Trước hạn: giải quyết trước ngày hẹn; đúng hạn: trong ngày hẹn, không muộn hơn giờ hẹn; quá hạn: sau đó</source>
        <translation>Early: decided before the appointment date; on time: on that date, no later than its time; late: after it</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP chương V (đánh giá): không định nghĩa; cách tính của desk</source>
        <translation>Decree 118/2025/ND-CP chapter V (evaluation): not defined; the desk&apos;s own definition</translation>
    </message>
    <message>
        <source>Điểm từng hồ sơ (thời gian 2/1/0, số lần đi lại 2/1/0) trên bảng điều khiển</source>
        <translation>Per-dossier scores (time 2/1/0, return visits 2/1/0) on the dashboard</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 29-34 (đánh giá): chưa đối chiếu bộ chỉ số; cách chấm của desk</source>
        <translation>Decree 118/2025/ND-CP art. 29-34 (evaluation): the index not compared; the desk&apos;s own scoring</translation>
    </message>
    <message>
        <source>Dừng giải quyết theo đề nghị của người nộp, trước khi có quyết định (Thông báo dừng giải quyết hồ sơ, Mẫu số 05)</source>
        <translation>Stop at the applicant&apos;s request before the decision (stop notice, form 05)</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 21; Thông tư 03/2025/TT-VPCP điều 7 (qua nguồn thứ cấp)</source>
        <translation>Decree 118/2025/ND-CP art. 21; Circular 03/2025/TT-VPCP art. 7 (through a secondary source)</translation>
    </message>
    <message>
        <source>Bảy mẫu phiếu 01-07: số và tên theo Phụ lục I; lời văn bên trong là dữ liệu cơ quan sửa được</source>
        <translation>The seven forms 01-07: numbers and titles of Annex I; their wording is data the office can edit</translation>
    </message>
    <message>
        <source>Thông tư 03/2025/TT-VPCP Phụ lục I (danh mục mẫu qua nguồn thứ cấp; lời văn chưa đối chiếu)</source>
        <translation>Circular 03/2025/TT-VPCP Annex I (list of forms through secondary sources; wording not compared)</translation>
    </message>
    <message>
        <source>Ngày làm việc: thứ Hai - thứ Sáu, trừ ngày nghỉ lễ, Tết và ngày nghỉ hoán đổi; cộng ngày làm bù</source>
        <translation>Working days: Monday to Friday, less holidays, Tet and swapped days off; plus make-up days</translation>
    </message>
    <message>
        <source>Bộ luật Lao động 2019 điều 111 khoản 3, điều 112; lịch nghỉ hằng năm của công chức</source>
        <translation>Labour Code 2019 art. 111(3), art. 112; the yearly schedule of civil servants</translation>
    </message>
    <message>
        <source>Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ; ngày tiếp nhận không tính vào thời hạn</source>
        <translation>The limit counts from the complete, valid receipt; the day of receipt is not counted</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 17 khoản 3; Bộ luật Dân sự 2015 điều 147</source>
        <translation>Decree 118/2025/ND-CP art. 17(3); Civil Code 2015 art. 147</translation>
    </message>
    <message>
        <source>Thời hạn tính bằng ngày: hết vào cuối ngày cuối cùng; ngày đó là ngày nghỉ thì hết vào cuối ngày làm việc tiếp theo</source>
        <translation>A limit in days ends at the close of its last day; when that day is off, at the close of the next working day</translation>
    </message>
    <message>
        <source>Bộ luật Dân sự 2015 điều 148 khoản 1 và khoản 5</source>
        <translation>Civil Code 2015 art. 148(1) and 148(5)</translation>
    </message>
    <message>
        <source>Thủ tục giải quyết trong ngày: nhận sau giờ chốt (thường 15 giờ) thì trả trong ngày làm việc tiếp theo</source>
        <translation>Same-day procedures received after the cut-off (usually 15:00) are due the next working day</translation>
    </message>
    <message>
        <source>Luật Hộ tịch 2014 điều 5 khoản 3; Nghị định 23/2015/NĐ-CP điều 7 (theo từng thủ tục)</source>
        <translation>Civil Status Law 2014 art. 5(3); Decree 23/2015/ND-CP art. 7 (per procedure)</translation>
    </message>
    <message>
        <source>Số hóa giấy tờ khi tiếp nhận; không yêu cầu nộp lại giấy tờ đã có bản số hóa còn giá trị của hồ sơ đã có kết quả</source>
        <translation>Digitise papers at intake; do not ask again for a paper already digitised, still valid, from a dossier with a result</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 17 khoản 1 điểm b, c; điều 5 khoản 1 điểm i; điều 22 khoản 1</source>
        <translation>Decree 118/2025/ND-CP art. 17(1)(b)(c); art. 5(1)(i); art. 22(1)</translation>
    </message>
    <message>
        <source>Báo người nộp ngày hẹn lại qua thư điện tử, tin nhắn (theo kênh người nộp đồng ý)</source>
        <translation>Tell the applicant the new date by e-mail or text message (on the channels the applicant agreed to)</translation>
    </message>
    <message>
        <source>Nghị định 118/2025/NĐ-CP điều 19 khoản 6</source>
        <translation>Decree 118/2025/ND-CP art. 19(6)</translation>
    </message>
    <message>
        <source>Dịch vụ công trực tuyến toàn trình: không thu hồ sơ giấy, hướng dẫn nộp trực tuyến</source>
        <translation>Fully online services: no paper dossier, guide the citizen to file online</translation>
    </message>
    <message>
        <source>Chỉ thị 24/CT-TTg ngày 13/9/2025 mục 3</source>
        <translation>Directive 24/CT-TTg of 13/09/2025, section 3</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>Cấp tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Cấp xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Trung ương</source>
        <translation>Central</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Bộ phận Một cửa</source>
        <extracomment>The holder of a dossier while it is at the one-stop desk itself. Stored as it is (Vietnamese) in the dossier and its steps; a screen shows :func:`holder_label`.</extracomment>
        <translation>One-stop shop</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có kết quả nên chưa thể trả: hãy ghi nhận &apos;Có kết quả&apos; trước.</source>
        <extracomment>step -&gt; (statuses it may start from, status it leads to; None = unchanged)</extracomment>
        <translation>The dossier has no result yet, so it cannot be returned: record &apos;Result ready&apos; first.</translation>
    </message>
    <message>
        <source>Hồ sơ không ở trạng thái chờ bổ sung nên không có gì để nhận bổ sung.</source>
        <translation>The dossier is not awaiting a supplement, so there is no supplement to receive.</translation>
    </message>
    <message>
        <source>Chỉ ghi nhận kết quả cho hồ sơ đang giải quyết.</source>
        <translation>A result can be recorded only for a dossier in progress.</translation>
    </message>
    <message>
        <source>Không thể thực hiện &apos;{step}&apos; khi hồ sơ đang ở trạng thái &apos;{status}&apos;.</source>
        <translation>Cannot do &apos;{step}&apos; while the dossier&apos;s status is &apos;{status}&apos;.</translation>
    </message>
    <message>
        <source>Hồ sơ này đã có một yêu cầu bổ sung trong lượt tiếp nhận này. Theo quy định, yêu cầu bổ sung phải nêu đầy đủ một lần: không được yêu cầu thêm lần nữa.</source>
        <translation>This dossier already has a supplement request in this round. By law a supplement request must list everything at once: no further request may be made.</translation>
    </message>
    <message>
        <source>Hãy đánh dấu giấy tờ cần bổ sung, hoặc ghi rõ nội dung cần hoàn thiện.</source>
        <translation>Tick the papers to be supplemented, or state clearly what must be completed.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do yêu cầu bổ sung (ví dụ: tờ khai thiếu chữ ký).</source>
        <translation>State the reason for the supplement request (e.g. the form is not signed).</translation>
    </message>
</context>
<context>
    <name>LimitKind</name>
    <message>
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>days</translation>
    </message>
    <message>
        <source>giờ làm việc</source>
        <translation>working hours</translation>
    </message>
    <message>
        <source>trong ngày</source>
        <translation>same day</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Cán bộ {name} ({username}): nhập mật khẩu để tiếp tục.</source>
        <translation>Clerk {name} ({username}): enter your password to continue.</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Đổi người dùng...</source>
        <extracomment>Another clerk signs in here instead (shown when the window offers it).</extracomment>
        <translation>Switch user...</translation>
    </message>
    <message>
        <source>Đang kiểm tra mật khẩu...</source>
        <extracomment>The other windows hidden while the screen is locked, shown again at unlock. A password being checked in the background (the panel waits for the answer). Any input in any of the program&apos;s windows restarts the count.</extracomment>
        <translation>Checking the password...</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Bộ phận Một cửa</source>
        <translation>One-stop shop</translation>
    </message>
    <message>
        <source>Chưa nhập tên đăng nhập.</source>
        <translation>Enter a username.</translation>
    </message>
    <message>
        <source>Đang kiểm tra mật khẩu...</source>
        <translation>Checking the password...</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive dossier</translation>
    </message>
    <message>
        <source>Danh sách hồ sơ</source>
        <translation>Dossier list</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới dùng được mục này.</source>
        <translation>Only an administrator can use this item.</translation>
    </message>
    <message>
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>Tiếp nhận mới</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>In lại phiếu...</source>
        <translation>Reprint receipt...</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Quét/nhập mã hồ sơ</source>
        <translation>Scan/type dossier code</translation>
    </message>
    <message>
        <source>Hồ sơ cần xin lỗi</source>
        <translation>Dossiers needing an apology</translation>
    </message>
    <message>
        <source>Quầy của máy này...</source>
        <translation>This PC&apos;s counter...</translation>
    </message>
    <message>
        <source>Máy in phiếu của máy này...</source>
        <translation>This PC&apos;s receipt printer...</translation>
    </message>
    <message>
        <source>Khóa màn hình</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>Đổi người dùng...</source>
        <translation>Switch user...</translation>
    </message>
    <message>
        <source>&amp;Quản trị</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>Cán bộ...</source>
        <translation>Clerks...</translation>
    </message>
    <message>
        <source>Danh mục thủ tục...</source>
        <translation>Procedure catalogue...</translation>
    </message>
    <message>
        <source>Lịch làm việc...</source>
        <translation>Working calendar...</translation>
    </message>
    <message>
        <source>Máy in chung của cơ quan...</source>
        <translation>Office-wide receipt printer...</translation>
    </message>
    <message>
        <source>Thông tin cơ quan...</source>
        <translation>Office information...</translation>
    </message>
    <message>
        <source>Hàng đợi...</source>
        <translation>Queue...</translation>
    </message>
    <message>
        <source>Quy định áp dụng...</source>
        <translation>Rules applied...</translation>
    </message>
    <message>
        <source>Phòng, ban giải quyết...</source>
        <translation>Deciding departments...</translation>
    </message>
    <message>
        <source>Xem danh sách; chỉ quản trị viên mới sửa được.</source>
        <translation>View the list; only an administrator can edit it.</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>quản trị viên</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>cán bộ</source>
        <translation>clerk</translation>
    </message>
    <message>
        <source>Cán bộ: {name} ({username}, {role})</source>
        <translation>Clerk: {name} ({username}, {role})</translation>
    </message>
    <message>
        <source>Dữ liệu: {where}</source>
        <extracomment>What ``complete`` imports: at start-up, imported beforehand off the window&apos;s thread. Not the intake form&apos;s modules: the window opens on the list and builds the form when it is first opened (``WindowTabs.intake``); their code (a megabyte in memory) loads then, in some 50 ms, instead of at every start of a window that may only list. The whole window is built (``complete``): every menu works. The reads of what an admin dialog shows, before it opens (``AdminDialogs``). The reads of the office&apos;s name for the title. The codes whose page is being read to be shown. The ticket the intakes are for, while it is served at this counter. The clerk who took over this counter, once one has. Until ``complete``: the first screen&apos;s list, the at-risk list worked out for it, and whether the clerk asked for that list already.</extracomment>
        <translation>Data: {where}</translation>
    </message>
    <message>
        <source>chưa thiết lập cơ quan</source>
        <translation>office not set up</translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}.</source>
        <translation>Dossier {code} saved.</translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ {code}, nhận từ số {ticket}.</source>
        <translation>Dossier {code} saved, received from number {ticket}.</translation>
    </message>
    <message>
        <source>Quầy của máy này</source>
        <extracomment>How often the window checks that the ticket an intake is for is still being served.</extracomment>
        <translation>This PC&apos;s counter</translation>
    </message>
    <message>
        <source>Máy tính này đặt ở quầy số (1 đến 99), hoặc “Không phải quầy”:</source>
        <translation>This PC is at counter number (1 to 99), or “Not a counter”:</translation>
    </message>
    <message>
        <source>Không phải quầy</source>
        <translation>Not a counter</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Không lưu được cài đặt của máy: {error}</source>
        <translation>Could not save the PC&apos;s settings: {error}</translation>
    </message>
    <message>
        <source>Hàng đợi tại quầy {n}</source>
        <translation>Queue at counter {n}</translation>
    </message>
    <message>
        <source>Từ số {code}</source>
        <translation>From number {code}</translation>
    </message>
    <message>
        <source>Gắn hồ sơ với số thứ tự</source>
        <translation>Link dossier to queue number</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <source>Mã vừa quét không phải mã hồ sơ hay mã QR căn cước.</source>
        <translation>The code just scanned is neither a dossier code nor an ID card QR code.</translation>
    </message>
    <message>
        <source>Đã điền người nộp từ thẻ căn cước.</source>
        <translation>Applicant filled in from the ID card.</translation>
    </message>
    <message>
        <source>In lại phiếu</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>Hãy chọn một hồ sơ trong danh sách trước.</source>
        <translation>Select a dossier in the list first.</translation>
    </message>
    <message>
        <source>Mã hồ sơ (ví dụ H36.41-260310-0001):</source>
        <translation>Dossier code (for example H36.41-260310-0001):</translation>
    </message>
    <message>
        <source>In lại</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>desk {version}
Bàn tiếp nhận hồ sơ của Bộ phận Một cửa: tiếp nhận, hẹn trả kết quả, in phiếu.

Tệp dữ liệu: {database}
Thư mục nhật ký: {logs}</source>
        <translation>desk {version}
The intake desk of the one-stop shop: receiving dossiers, appointment dates, receipts.

Data file: {database}
Log folder: {logs}</translation>
    </message>
    <message>
        <source>Giới thiệu desk</source>
        <translation>About desk</translation>
    </message>
</context>
<context>
    <name>MessageChannel</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Zalo</source>
        <translation>Zalo</translation>
    </message>
</context>
<context>
    <name>MessageStatus</name>
    <message>
        <source>Chờ gửi</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Đang gửi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Gửi không được</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Không gửi: rút đồng ý</source>
        <translation>Not sent: consent withdrawn</translation>
    </message>
</context>
<context>
    <name>MessageTemplates</name>
    <message>
        <source>Tệp lời văn {file}, mục &apos;{key}&apos;: không có trường {{{field}}}. Các trường dùng được: {fields}.</source>
        <extracomment>The section of the test message (``desk notify test``).</extracomment>
        <translation>Wording file {file}, entry &apos;{key}&apos;: there is no field {{{field}}}. Fields you may use: {fields}.</translation>
    </message>
    <message>
        <source>Tệp lời văn {file}, mục &apos;{key}&apos;: dấu ngoặc {{ }} viết sai ({error}).</source>
        <translation>Wording file {file}, entry &apos;{key}&apos;: the braces {{ }} are wrong ({error}).</translation>
    </message>
</context>
<context>
    <name>MessageTools</name>
    <message>
        <source>Tin nhắn cho người nộp cần xem lại...</source>
        <extracomment>The read of the list before it first opens.</extracomment>
        <translation>Messages to applicants to look at...</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát và quản trị viên xem được mục này.</source>
        <translation>Only supervisors and admins can see this.</translation>
    </message>
    <message>
        <source>{count} tin nhắn cho người nộp gửi không được: xem Quản trị › Tin nhắn cho người nộp cần xem lại.</source>
        <translation>{count} message(s) to applicants not sent: see Admin › Messages to applicants to look at.</translation>
    </message>
</context>
<context>
    <name>MissingDossiers</name>
    <message>
        <source>Không đọc được tệp dữ liệu cũ {path}: {error} Hãy chọn đúng tệp *.truoc-khoi-phuc-*.sqlite3 mà lần khôi phục đã giữ lại.</source>
        <translation>Cannot read the previous data file {path}: {error} Choose the *.truoc-khoi-phuc-*.sqlite3 file the restore kept.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu cũ không có hồ sơ {codes}. Hãy xem lại mã (lệnh không ghi mã sẽ liệt kê các hồ sơ có thể lấy lại).</source>
        <translation>The previous data file has no dossier {codes}. Check the codes (the command without codes lists the dossiers that can be brought back).</translation>
    </message>
    <message>
        <source>Hồ sơ {dossier} thuộc thủ tục {procedure}, nhưng danh mục hiện tại không có thủ tục này. Hãy nhập lại thủ tục vào danh mục rồi lấy lại hồ sơ.</source>
        <extracomment>A table of numbers handed out, each row with the ``last`` one.</extracomment>
        <translation>Dossier {dossier} belongs to procedure {procedure}, which the current catalog does not have. Add the procedure to the catalog again, then bring the dossier back.</translation>
    </message>
</context>
<context>
    <name>NotifyMethod</name>
    <message>
        <source>Trao phiếu trực tiếp</source>
        <extracomment>The letters&apos; own series, numbered from 1 each year: &quot;Số: 12/PXL&quot;. Without a procedure limit to go by, the proposal gives this many working days more.</extracomment>
        <translation>Letter handed over in person</translation>
    </message>
    <message>
        <source>Gửi qua bưu chính</source>
        <translation>Sent by post</translation>
    </message>
    <message>
        <source>Tin nhắn SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Gọi điện thoại</source>
        <translation>Phone call</translation>
    </message>
</context>
<context>
    <name>NotifySettings</name>
    <message>
        <source>tắt</source>
        <extracomment>This PC&apos;s setting (``machine.json``): the modem&apos;s port.</extracomment>
        <translation>off</translation>
    </message>
    <message>
        <source>bật ({accents}); modem của máy này: {modem}</source>
        <translation>on ({accents}); this PC&apos;s modem: {modem}</translation>
    </message>
    <message>
        <source>không dấu</source>
        <translation>without accents</translation>
    </message>
    <message>
        <source>có dấu</source>
        <translation>with accents</translation>
    </message>
    <message>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <source>bật: {server}, gửi từ {sender}</source>
        <translation>on: {server}, sent from {sender}</translation>
    </message>
    <message>
        <source>bật: đã lưu mã truy cập ({length} ký tự), {url}</source>
        <translation>on: access token saved ({length} characters), {url}</translation>
    </message>
    <message>
        <source>Thư điện tử: {state}</source>
        <translation>E-mail: {state}</translation>
    </message>
    <message>
        <source>Địa chỉ gửi thư không hợp lệ (ví dụ: motcua@tanphu.gov.vn).</source>
        <translation>The sending address is not valid (for example: motcua@tanphu.gov.vn).</translation>
    </message>
    <message>
        <source>Mã truy cập Zalo không hợp lệ: một dòng, không có dấu cách.</source>
        <translation>The Zalo access token is not valid: one line, no spaces.</translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>Chưa nhập tên cơ quan (ví dụ: UBND xã Tân Phú).</source>
        <extracomment>The longest office name or parent body a form prints (their columns&apos; size). Office setting: the place name letters and reports are dated at (&quot;Tân Phú, ngày ...&quot;); by default taken from the office&apos;s name. What of the first start is in the database, in one statement: the office, an account, then each of ``SHIPPED_PARTS`` (also read without the ORM, by the window&apos;s first screen: ``desk.services.first_screen``). The office&apos;s name and its parent body, as the window&apos;s title and the login show them.</extracomment>
        <translation>Enter the agency&apos;s name (e.g. UBND xã Tân Phú, the People&apos;s Committee of Tân Phú commune).</translation>
    </message>
    <message>
        <source>Chưa nhập cơ quan cấp trên (ví dụ: UBND tỉnh Đồng Nai).</source>
        <translation>Enter the superior agency (e.g. UBND tỉnh Đồng Nai, the People&apos;s Committee of Đồng Nai province).</translation>
    </message>
    <message>
        <source>Chưa thiết lập thông tin cơ quan.</source>
        <translation>The office information has not been set up.</translation>
    </message>
    <message>
        <source>danh mục thủ tục hành chính</source>
        <extracomment>What a first start loads besides the office and its admin, as a message names it.</extracomment>
        <translation>the procedure catalog</translation>
    </message>
    <message>
        <source>lịch nghỉ lễ, Tết</source>
        <translation>the public holidays calendar</translation>
    </message>
    <message>
        <source>danh sách phòng, ban</source>
        <translation>the list of departments</translation>
    </message>
    <message>
        <source>Tên cơ quan</source>
        <translation>The office name</translation>
    </message>
    <message>
        <source>Cơ quan cấp trên</source>
        <translation>The parent body</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Thông tin cơ quan</source>
        <translation>Office details</translation>
    </message>
    <message>
        <source>Ví dụ: CHỦ TỊCH, KT. CHỦ TỊCH</source>
        <translation>For example: CHAIRMAN, or ON BEHALF OF THE CHAIRMAN (typed in Vietnamese, as letters print it)</translation>
    </message>
    <message>
        <source>Ví dụ: Trần Thị Bình</source>
        <translation>For example: Tran Thi Binh</translation>
    </message>
    <message>
        <source>Mã cơ quan đứng đầu mã hồ sơ. Đổi mã chỉ áp dụng cho hồ sơ tiếp nhận từ nay; mã của hồ sơ đã nhận giữ nguyên.</source>
        <translation>The agency code starts every dossier code. A new code applies only to dossiers received from now on; dossiers already received keep their codes.</translation>
    </message>
    <message>
        <source>Tên cơ quan:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>Cơ quan cấp trên:</source>
        <translation>Parent body:</translation>
    </message>
    <message>
        <source>Mã cơ quan:</source>
        <translation>Agency code:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Đường dây nóng:</source>
        <translation>Hotline:</translation>
    </message>
    <message>
        <source>Chức vụ người đứng đầu:</source>
        <translation>Title of the head of office:</translation>
    </message>
    <message>
        <source>Họ tên người đứng đầu:</source>
        <translation>Name of the head of office:</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa thông tin cơ quan.</source>
        <translation>Only an administrator may edit the office details.</translation>
    </message>
</context>
<context>
    <name>OfficeHours</name>
    <message>
        <source>Giờ “{clock}” trong “{whole}” không hợp lệ. Hãy viết giờ dạng 07:30, ví dụ: {example}.</source>
        <translation>Time “{clock}” in “{whole}” is not valid. Write times as 07:30, e.g. {example}.</translation>
    </message>
    <message>
        <source>Giờ “{clock}” trong “{whole}” không có thật (giờ từ 00 đến 23, phút từ 00 đến 59).</source>
        <translation>Time “{clock}” in “{whole}” does not exist (hours 00 to 23, minutes 00 to 59).</translation>
    </message>
    <message>
        <source>Giờ làm việc phải có ít nhất một buổi, ví dụ: {example}.</source>
        <translation>Office hours need at least one session, e.g. {example}.</translation>
    </message>
    <message>
        <source>Giờ làm việc chỉ ghi giờ và phút, không ghi giây: {time}.</source>
        <translation>Office hours take hours and minutes only, no seconds: {time}.</translation>
    </message>
    <message>
        <source>Buổi làm việc {start}-{end} phải kết thúc sau giờ bắt đầu.</source>
        <translation>Session {start}-{end} must end after it starts.</translation>
    </message>
    <message>
        <source>Buổi {session} chồng lên hoặc đứng trước buổi {previous}. Hãy ghi các buổi theo thứ tự trong ngày và không chồng nhau.</source>
        <translation>Session {session} overlaps or comes before session {previous}. List the sessions in the order of the day, without overlaps.</translation>
    </message>
    <message>
        <source>Chưa nhập giờ làm việc. Ví dụ: {example}.</source>
        <translation>Office hours are not entered. Example: {example}.</translation>
    </message>
    <message>
        <source>Giờ làm việc “{whole}” có một buổi để trống. Ví dụ: {example}.</source>
        <translation>Office hours “{whole}” have an empty session. Example: {example}.</translation>
    </message>
    <message>
        <source>Buổi “{session}” phải có dạng giờ bắt đầu-giờ kết thúc, ví dụ: {example}.</source>
        <translation>Session “{session}” must be written as start-end, e.g. {example}.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Thông tin cơ quan</source>
        <translation>Office information</translation>
    </message>
    <message>
        <source>Tên cơ quan và mã cơ quan được in trên mọi phiếu tiếp nhận và mã hồ sơ.</source>
        <translation>The office&apos;s name and agency code are printed on every receipt and in every dossier code.</translation>
    </message>
    <message>
        <source>Ví dụ: UBND xã Tân Phú</source>
        <translation>Example: UBND xã Tân Phú (the commune People&apos;s Committee)</translation>
    </message>
    <message>
        <source>Ví dụ: UBND tỉnh Đồng Nai</source>
        <translation>Example: UBND tỉnh Đồng Nai (the provincial People&apos;s Committee)</translation>
    </message>
    <message>
        <source>Ví dụ: H36.41</source>
        <translation>Example: H36.41</translation>
    </message>
    <message>
        <source>Ví dụ: Số 1 đường Hùng Vương, xã Tân Phú</source>
        <translation>Example: Số 1 đường Hùng Vương, xã Tân Phú</translation>
    </message>
    <message>
        <source>Ví dụ: 0251 3822 123</source>
        <translation>Example: 0251 3822 123</translation>
    </message>
    <message>
        <source>Tên cơ quan:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>Cơ quan cấp trên:</source>
        <translation>Parent agency:</translation>
    </message>
    <message>
        <source>Mã cơ quan:</source>
        <translation>Agency code:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Đường dây nóng:</source>
        <translation>Hotline:</translation>
    </message>
    <message>
        <source>[mã cơ quan]</source>
        <translation>[agency code]</translation>
    </message>
    <message>
        <source>Mã hồ sơ sẽ có dạng: {code}</source>
        <translation>Dossier codes will look like: {code}</translation>
    </message>
</context>
<context>
    <name>OfficeRules</name>
    <message>
        <source>Chỉ quản trị viên mới được đổi quy định này.</source>
        <translation>Only an admin may change this rule.</translation>
    </message>
    <message>
        <source>Cách tính “{value}” không hợp lệ.</source>
        <translation>Counting “{value}” is not valid.</translation>
    </message>
</context>
<context>
    <name>OfficeTools</name>
    <message>
        <source>&amp;Báo cáo</source>
        <extracomment>The read of the backup dialog&apos;s folder and copies, before it opens. The newest rating already told of (``None`` until read: the first check reads it). The supervisor&apos;s checks for unhappy citizens, read off the window&apos;s thread.</extracomment>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Kết quả giải quyết, thống kê...</source>
        <translation>Processing results, statistics...</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát và quản trị viên xem được báo cáo.</source>
        <translation>Only managers, supervisors and administrators can see reports.</translation>
    </message>
    <message>
        <source>Sao lưu, khôi phục...</source>
        <translation>Backup, restore...</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới dùng được mục này.</source>
        <translation>Only an administrator can use this item.</translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tôi...</source>
        <translation>Change my password...</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Chưa sao lưu được hôm nay: {m}</source>
        <translation>No backup made today yet: {m}</translation>
    </message>
    <message>
        <source>Đã sao lưu dữ liệu hôm nay vào {p}</source>
        <translation>Today&apos;s data backed up to {p}</translation>
    </message>
    <message>
        <source>Người dân không hài lòng</source>
        <translation>Citizen not satisfied</translation>
    </message>
    <message>
        <source>Đã biết</source>
        <translation>Noted</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Không có hồ sơ {code}.</source>
        <extracomment>A message still waiting after this long is listed for the supervisor too (no PC with its sender is running, or the modem&apos;s PC is off). The messages a withdrawn consent stops: not sent yet, or given up (a retry would send it).</extracomment>
        <translation>There is no dossier {code}.</translation>
    </message>
    <message>
        <source>Người nộp đã rút lại đồng ý nhận tin qua kênh này.</source>
        <translation>The applicant withdrew their consent to messages through this channel.</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có địa chỉ thư điện tử của người nộp: chưa đăng ký nhận tin qua thư điện tử được. Hãy bổ sung địa chỉ ở thông tin người nộp trước.</source>
        <translation>The dossier has no e-mail address for the applicant, so messages by e-mail cannot be agreed to. Add the address to the applicant&apos;s details first.</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có số điện thoại của người nộp: chưa đăng ký nhận tin qua SMS hoặc Zalo được. Hãy bổ sung số điện thoại ở thông tin người nộp trước.</source>
        <translation>The dossier has no phone number for the applicant, so messages by SMS or Zalo cannot be agreed to. Add the phone number to the applicant&apos;s details first.</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân của hồ sơ đã được xóa.</source>
        <translation>The dossier&apos;s personal data was erased.</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát hoặc quản trị viên mới được gửi lại tin nhắn.</source>
        <translation>Only a supervisor or an admin may send a message again.</translation>
    </message>
    <message>
        <source>Không có tin nhắn số {id}.</source>
        <translation>There is no message number {id}.</translation>
    </message>
    <message>
        <source>Tin nhắn số {id} không ở trạng thái gửi không được.</source>
        <translation>Message number {id} is not one that was given up.</translation>
    </message>
    <message>
        <source>Người nộp đã rút lại đồng ý nhận tin qua kênh này: không gửi lại tin nhắn số {id}.</source>
        <translation>The applicant withdrew their consent to this channel: message {id} is not sent again.</translation>
    </message>
    <message>
        <source>Tin nhắn số {id} không có nội dung (tệp lời văn bị lỗi khi ghi nhận bước): không gửi lại được.</source>
        <translation>Message number {id} has no text (the wording file was broken when the step was recorded): it cannot be sent again.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Tin nhắn cho người nộp cần xem lại</source>
        <extracomment>The reads of the list: a later read makes an earlier one late (not shown).</extracomment>
        <translation>Messages to applicants to look at</translation>
    </message>
    <message>
        <source>Tin đã thôi gửi (hết số lần thử, hoặc không thể gửi) và tin chờ quá 2 giờ. Hãy gọi điện cho người nộp, hoặc sửa nguyên nhân rồi bấm “Gửi lại”.</source>
        <translation>Messages given up (no tries left, or they cannot be sent) and messages waiting over 2 hours. Call the applicant, or fix the cause and press “Send again”.</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Gửi tới</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Báo tin</source>
        <translation>Tells</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Số lần</source>
        <translation>Tries</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Không có tin nào cần xem lại: mọi tin khác đã gửi được hoặc đang chờ gửi.</source>
        <extracomment>Said when nothing needs a look, instead of an empty table.</extracomment>
        <translation>No message needs a look: every other one was sent or is waiting to be sent.</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tin nhắn tới {to} sẽ được gửi lại trong lượt gửi tới.</source>
        <translation>The message to {to} will be sent again in the next pass.</translation>
    </message>
</context>
<context>
    <name>OutboxSender</name>
    <message>
        <source>Không gửi được tin nhắn: xem nhật ký của chương trình.</source>
        <translation>Could not send the messages: see the program&apos;s log.</translation>
    </message>
</context>
<context>
    <name>PageEditor</name>
    <message>
        <source>Ảnh quét hoặc PDF ({patterns})</source>
        <extracomment>``save(pages, valid_until, progress)`` keeps the pages (runs on a pool thread).</extracomment>
        <translation>Scanned images or PDFs ({patterns})</translation>
    </message>
    <message>
        <source>Thêm tệp ảnh/PDF...</source>
        <translation>Add image/PDF files...</translation>
    </message>
    <message>
        <source>Xoay trái (Ctrl+L)</source>
        <translation>Turn left (Ctrl+L)</translation>
    </message>
    <message>
        <source>Xoay phải (Ctrl+R)</source>
        <translation>Turn right (Ctrl+R)</translation>
    </message>
    <message>
        <source>Bỏ trang (Delete)</source>
        <translation>Remove page (Delete)</translation>
    </message>
    <message>
        <source>Thư mục máy quét...</source>
        <translation>Scanner folder...</translation>
    </message>
    <message>
        <source>Quản trị chọn thư mục máy quét lưu ảnh vào, cho máy này.</source>
        <translation>The admin chooses the folder this PC&apos;s scanner saves into.</translation>
    </message>
    <message>
        <source>Thư mục máy quét lưu ảnh vào</source>
        <translation>The folder the scanner saves into</translation>
    </message>
    <message>
        <source>Giấy tờ có giá trị đến ngày:</source>
        <translation>The paper is valid until:</translation>
    </message>
    <message>
        <source>Lưu bản số hóa</source>
        <translation>Save the digitised copy</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source> Trang quét vào thư mục {folder} được thêm tự động.</source>
        <translation> Pages scanned into {folder} are added by themselves.</translation>
    </message>
    <message>
        <source>{count} trang. Kéo thả để đổi thứ tự; thả tệp vào đây để thêm.{where}</source>
        <translation>{count} page(s). Drag to reorder; drop files here to add them.{where}</translation>
    </message>
    <message>
        <source>Đã thêm {count} trang từ máy quét.</source>
        <translation>Added {count} pages from the scanner.</translation>
    </message>
    <message>
        <source>Chọn trang quét</source>
        <translation>Choose scanned pages</translation>
    </message>
    <message>
        <source>Chưa có trang nào để lưu.</source>
        <translation>There are no pages to save yet.</translation>
    </message>
    <message>
        <source>Đang tạo tệp PDF...</source>
        <translation>Making the PDF...</translation>
    </message>
    <message>
        <source>Đang tạo tệp PDF: {done}/{total} trang</source>
        <translation>Making the PDF: {done}/{total} pages</translation>
    </message>
</context>
<context>
    <name>PaperChecklist</name>
    <message>
        <source>Giấy tờ (đánh dấu bằng phím cách)</source>
        <translation>Paper (tick with the space bar)</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Bản số hóa</source>
        <translation>Digitised</translation>
    </message>
    <message>
        <source>Giấy tờ đã nhận</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <source> (tùy trường hợp)</source>
        <translation> (depending on the case)</translation>
    </message>
</context>
<context>
    <name>PaperForm</name>
    <message>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Bản sao</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Xuất trình</source>
        <translation>Shown only</translation>
    </message>
</context>
<context>
    <name>PapersTable</name>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Paper name</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Tùy trường hợp</source>
        <translation>Depending on the case</translation>
    </message>
    <message>
        <source>Giấy tờ ở dòng {0} chưa có tên: hãy nhập tên hoặc xóa dòng đó.</source>
        <translation>The paper in row {0} has no name: type a name or delete the row.</translation>
    </message>
    <message>
        <source>Tên giấy tờ ở dòng {0} không được chứa dấu “|”.</source>
        <translation>The paper name in row {0} must not contain “|”.</translation>
    </message>
</context>
<context>
    <name>ParserWords</name>
    <message>
        <source>cách dùng: </source>
        <extracomment>argparse&apos;s own words that a user reads, in the desk&apos;s language: its headings, and its messages about what was typed (a value it cannot read, an option missing). It writes them in English, through ``gettext``; the English catalogue gives its own words back. Its messages about a parser built wrong, a programming error no user sees, are left as they are.</extracomment>
        <translation>usage: </translation>
    </message>
    <message>
        <source>tham số theo vị trí</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>tùy chọn</source>
        <translation>options</translation>
    </message>
    <message>
        <source>in hướng dẫn này rồi thoát</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>%(prog)s: lỗi: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>tham số %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>không có lựa chọn %(value)r (hãy chọn một trong: %(choices)s)</source>
        <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <source>giá trị %(value)r không đọc được (cần kiểu %(type)s)</source>
        <translation>invalid %(type)s value: %(value)r</translation>
    </message>
    <message>
        <source>thiếu tham số bắt buộc: %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <source>cần một trong các tham số %s</source>
        <translation>one of the arguments %s is required</translation>
    </message>
    <message>
        <source>không hiểu các tham số: %s</source>
        <translation>unrecognized arguments: %s</translation>
    </message>
    <message>
        <source>cần một giá trị ngay sau tùy chọn này</source>
        <translation>expected one argument</translation>
    </message>
    <message>
        <source>chỉ nhận nhiều nhất một giá trị</source>
        <translation>expected at most one argument</translation>
    </message>
    <message>
        <source>cần ít nhất một giá trị</source>
        <translation>expected at least one argument</translation>
    </message>
    <message>
        <source>không dùng được cùng tham số %s</source>
        <translation>not allowed with argument %s</translation>
    </message>
    <message>
        <source>tùy chọn này không nhận giá trị %r</source>
        <translation>ignored explicit argument %r</translation>
    </message>
    <message>
        <source>tùy chọn %(option)s chưa rõ: có thể là %(matches)s</source>
        <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
    <message>
        <source>không mở được tệp &apos;%(filename)s&apos;: %(error)s</source>
        <translation>can&apos;t open &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Đặt lại mật khẩu cho {username}</source>
        <extracomment>The new password is being saved (off the window&apos;s thread).</extracomment>
        <translation>Reset the password of {username}</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Mật khẩu tạm thời:</source>
        <translation>Temporary password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu mới:</source>
        <translation>Repeat the new password:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Người dùng sẽ phải đổi mật khẩu tạm thời này ở lần đăng nhập tới.</source>
        <translation>The user will have to change this temporary password at the next login.</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu mới không giống nhau.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>Mật khẩu phải có ít nhất 8 ký tự.</source>
        <translation>The password must have at least 8 characters.</translation>
    </message>
    <message>
        <source>Mật khẩu phải có cả chữ và số.</source>
        <translation>The password must contain both letters and digits.</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>Kỳ báo cáo không hợp lệ: ngày cuối ({last}) đứng trước ngày đầu ({first}). Hãy chọn lại hai ngày.</source>
        <extracomment>The trend shows at least this many months, ending with the period&apos;s last month. ...and at most this many (a long custom period shows its last months).</extracomment>
        <translation>Invalid report period: the last day ({last}) is before the first day ({first}). Choose the two dates again.</translation>
    </message>
    <message>
        <source>Quý phải là 1, 2, 3 hoặc 4.</source>
        <translation>The quarter must be 1, 2, 3 or 4.</translation>
    </message>
    <message>
        <source>từ ngày {first} đến ngày {last}</source>
        <translation>from {first} to {last}</translation>
    </message>
    <message>
        <source>Từ ngày {first} đến ngày {last}</source>
        <translation>From {first} to {last}</translation>
    </message>
    <message>
        <source>Tháng {month}/{year}</source>
        <translation>Month {month}/{year}</translation>
    </message>
    <message>
        <source>Quý {quarter}/{year}</source>
        <translation>Quarter {quarter}/{year}</translation>
    </message>
    <message>
        <source>Năm {year}</source>
        <translation>Year {year}</translation>
    </message>
    <message>
        <source>Hãy chọn ngày đầu và ngày cuối của kỳ báo cáo.</source>
        <translation>Choose the first and last day of the report period.</translation>
    </message>
</context>
<context>
    <name>PeriodChoice</name>
    <message>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Tháng trước</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Quý trước</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Tùy chọn</source>
        <translation>Custom</translation>
    </message>
</context>
<context>
    <name>PersonalData</name>
    <message>
        <source>Chỉ quản trị viên mới được đổi thời hạn lưu giữ dữ liệu cá nhân.</source>
        <extracomment>Five years, the longest complaint and review period a refused dossier may face. Only a closed dossier that produced no result may lose its applicant&apos;s data. Columns that hold the applicant&apos;s personal data, and what replaces each one.</extracomment>
        <translation>Only an administrator may change the personal data retention period.</translation>
    </message>
    <message>
        <source>Thời hạn lưu giữ phải là số ngày lớn hơn 0.</source>
        <translation>The retention period must be a number of days greater than 0.</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát hoặc quản trị viên mới được xuất dữ liệu cá nhân của công dân.</source>
        <translation>Only a supervisor or an administrator may export a citizen&apos;s personal data.</translation>
    </message>
    <message>
        <source>Hãy nhập số định danh cá nhân (CCCD) cần xuất dữ liệu.</source>
        <translation>Enter the personal ID number (CCCD) whose data to export.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào của số định danh {id_number}.</source>
        <translation>There is no dossier for ID number {id_number}.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {error}. Hãy chọn thư mục khác còn chỗ trống và được phép ghi.</source>
        <translation>Cannot write the file {path}: {error}. Choose another folder that has free space and is writable.</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát mới được xóa dữ liệu cá nhân trong hồ sơ.</source>
        <translation>Only a supervisor may erase the personal data in a dossier.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ mã &apos;{code}&apos;. Kiểm tra lại mã hồ sơ.</source>
        <translation>No dossier with code &apos;{code}&apos;. Check the dossier code.</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân trong hồ sơ {code} đã được xóa trước đây.</source>
        <translation>The personal data in dossier {code} was already erased.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không bị từ chối hoặc dừng giải quyết: dữ liệu cá nhân trong hồ sơ này phải được lưu giữ, không được xóa.</source>
        <translation>Dossier {code} was not refused or stopped: its personal data must be kept and may not be erased.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa hết thời hạn lưu giữ {days} ngày kể từ khi kết thúc: chỉ được xóa dữ liệu cá nhân sau ngày {date}.</source>
        <translation>Dossier {code} is still within the retention period of {days} days after closing: its personal data may be erased only after {date}.</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <source>Ví dụ: win32:EPSON TM-T82</source>
        <extracomment>The image of the last test print that went out (``None`` when it did not).</extracomment>
        <translation>For example: win32:EPSON TM-T82</translation>
    </message>
    <message>
        <source>Khổ 80 mm (máy in 203 dpi: Epson TM-T82, Xprinter...)</source>
        <extracomment>The papers of the sample receipt (printed, so Vietnamese like every receipt).</extracomment>
        <translation>80 mm paper (203 dpi printer: Epson TM-T82, Xprinter...)</translation>
    </message>
    <message>
        <source>Khổ 80 mm, máy in 180 dpi (Epson TM-T88)</source>
        <translation>80 mm paper, 180 dpi printer (Epson TM-T88)</translation>
    </message>
    <message>
        <source>Khổ 58 mm</source>
        <translation>58 mm paper</translation>
    </message>
    <message>
        <source>{name} (mặc định, Windows báo đang ngoại tuyến)</source>
        <translation>{name} (default, Windows reports it offline)</translation>
    </message>
    <message>
        <source>{name} (mặc định)</source>
        <translation>{name} (default)</translation>
    </message>
    <message>
        <source>{name} (Windows báo đang ngoại tuyến)</source>
        <translation>{name} (Windows reports it offline)</translation>
    </message>
    <message>
        <source>Tìm lại</source>
        <translation>Search again</translation>
    </message>
    <message>
        <source>Đọc lại danh sách máy in (sau khi vừa cài máy in)</source>
        <translation>Read the list of printers again (after installing a printer)</translation>
    </message>
    <message>
        <source>— Chọn máy in —</source>
        <translation>— Choose a printer —</translation>
    </message>
    <message>
        <source>Chỉ chọn theo tên được trên Windows: hãy nhập địa chỉ máy in bên dưới</source>
        <translation>Choosing by name works only on Windows: type the printer address below</translation>
    </message>
    <message>
        <source>Không tìm thấy máy in nào đã cài trên máy này</source>
        <translation>No printer is installed on this computer</translation>
    </message>
    <message>
        <source>Máy in phiếu của máy này</source>
        <translation>This PC&apos;s receipt printer</translation>
    </message>
    <message>
        <source>Máy in phiếu chung của cơ quan</source>
        <translation>Office-wide receipt printer</translation>
    </message>
    <message>
        <source>In trang thử</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>In phiếu mẫu</source>
        <translation>Print sample receipt</translation>
    </message>
    <message>
        <source>Bấm “In trang thử” để kiểm tra máy in (dấu tiếng Việt, khổ giấy, mã QR), hoặc “In phiếu mẫu” để in một giấy tiếp nhận mẫu. Hình đã in hiện tại đây.</source>
        <translation>Press “Print test page” to check the printer (Vietnamese diacritics, paper width, QR code), or “Print sample receipt” to print a sample receipt. What was printed is shown here.</translation>
    </message>
    <message>
        <source>Dùng máy in chung</source>
        <extracomment>This PC back to the office&apos;s printer (shown when it has one of its own).</extracomment>
        <translation>Use the office printer</translation>
    </message>
    <message>
        <source>Bỏ máy in riêng của máy này, in bằng máy in chung.</source>
        <translation>Forget this PC&apos;s own printer and print on the office printer.</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được đổi máy in chung.</source>
        <translation>Only an administrator may change the office printer.</translation>
    </message>
    <message>
        <source>Máy in chung: dùng cho mọi máy tính chưa chọn máy in riêng (mỗi cán bộ chọn máy in của máy mình ở Hồ sơ &gt; Máy in phiếu của máy này).</source>
        <translation>The office printer: used by every PC that has not chosen a printer of its own (each clerk chooses the printer of their PC under Dossiers &gt; This PC&apos;s receipt printer).</translation>
    </message>
    <message>
        <source>Máy tính {pc}: máy in chọn ở đây chỉ dùng cho máy này và được ghi vào nhật ký. Máy chưa chọn máy in riêng thì in bằng máy in chung ({office}).</source>
        <translation>Computer {pc}: the printer chosen here is used by this PC only, and the change is written in the audit trail. A PC without a printer of its own prints on the office printer ({office}).</translation>
    </message>
    <message>
        <source>Chọn máy in đã cài ở trên để điền địa chỉ, hoặc tự nhập theo một trong các dạng:
• win32:EPSON TM-T82 — máy in đã cài trong Windows, theo tên (thường dùng)
• tcp://192.168.1.50:9100 — máy in mạng LAN (cổng 9100 nếu không ghi)
• usb://04b8:0e15 — máy in USB theo mã hãng:mã máy (cần trình điều khiển WinUSB)
• serial:COM3?baudrate=9600 — máy in cổng COM
• file:D:\phieu.bin — ghi lệnh in ra tệp (để kiểm tra)
• none — không in phiếu nhiệt</source>
        <translation>Choose an installed printer above to fill in its address, or type it in one of these forms:
• win32:EPSON TM-T82 — a printer installed in Windows, by name (the usual choice)
• tcp://192.168.1.50:9100 — a LAN network printer (port 9100 if omitted)
• usb://04b8:0e15 — a USB printer by vendor id:product id (needs the WinUSB driver)
• serial:COM3?baudrate=9600 — a printer on a COM port
• file:D:\phieu.bin — write the print commands to a file (for checking)
• none — print no thermal receipt</translation>
    </message>
    <message>
        <source>Máy in đã cài trên máy này:</source>
        <translation>Printers installed on this computer:</translation>
    </message>
    <message>
        <source>Địa chỉ máy in:</source>
        <translation>Printer address:</translation>
    </message>
    <message>
        <source>Khổ giấy:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Đã gửi trang in thử tới {target}. Hãy xem máy in có ra giấy, đủ dấu tiếng Việt, đủ hai vạch ở hai đầu thước và mã QR quét được không.</source>
        <translation>Test page sent to {target}. Check that the paper came out, every Vietnamese diacritic is there, both bars at the ends of the ruler printed and the QR code scans.</translation>
    </message>
    <message>
        <source>Đang chọn “none”: không gửi tới máy in nào. Trang in thử ở dưới.</source>
        <translation>“none” is selected: nothing is sent to a printer. The test page is below.</translation>
    </message>
    <message>
        <source>Đã gửi phiếu in thử tới {target}. Hãy xem máy in có ra phiếu và chữ có dấu in đúng không.</source>
        <translation>Sample receipt sent to {target}. Check that the receipt came out and the Vietnamese letters printed correctly.</translation>
    </message>
    <message>
        <source>Đang chọn “none”: không gửi tới máy in nào. Phiếu mẫu ở dưới.</source>
        <translation>“none” is selected: nothing is sent to a printer. The sample receipt is below.</translation>
    </message>
    <message>
        <source>Đang gửi tới máy in...</source>
        <translation>Sending to the printer...</translation>
    </message>
    <message>
        <source>Windows báo máy in “{name}” đang ngoại tuyến: lệnh in nằm chờ trong hàng đợi in. Hãy cắm cáp, bật máy in (hoặc bỏ chọn “Use Printer Offline”) rồi in lại.</source>
        <translation>Windows reports the printer “{name}” as offline: the job is waiting in the print queue. Plug in the cable, switch the printer on (or untick “Use Printer Offline”), then print again.</translation>
    </message>
    <message>
        <source>Không lưu được cài đặt của máy: {error}</source>
        <translation>Cannot save this PC&apos;s settings: {error}</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>Máy in {printer} báo hết giấy: phiếu chưa in (hoặc in dở). Lắp cuộn giấy mới rồi in lại.</source>
        <translation>The printer {printer} reports it is out of paper: the receipt is not printed (or only in part). Load a new roll, then print again.</translation>
    </message>
    <message>
        <source>Máy in {printer} báo nắp đang mở: phiếu chưa in. Đóng nắp máy in rồi in lại.</source>
        <translation>The printer {printer} reports its cover is open: the receipt is not printed. Close the cover, then print again.</translation>
    </message>
    <message>
        <source>Máy in {printer} đang báo lỗi (đèn lỗi, dao cắt giấy bị kẹt...): phiếu chưa in. Xem đèn báo lỗi, tắt rồi bật lại máy in, rồi in lại.</source>
        <translation>The printer {printer} reports an error (error light, a jammed cutter...): the receipt is not printed. Check the error light, switch the printer off and on, then print again.</translation>
    </message>
    <message>
        <source>Máy in {printer} ngắt kết nối trước khi xác nhận đã nhận hết lệnh in: coi như phiếu CHƯA in. Kiểm tra máy in (giấy, nắp, đèn báo lỗi, cáp) rồi in lại.</source>
        <translation>The printer {printer} dropped the connection before confirming it received the whole job: take the receipt as NOT printed. Check the printer (paper, cover, error light, cable), then print again.</translation>
    </message>
</context>
<context>
    <name>PrinterUri</name>
    <message>
        <source>Hồ sơ &gt; Máy in phiếu của máy này</source>
        <extracomment>Where the printer is set up; messages show it with ``translated``.</extracomment>
        <translation>Dossiers &gt; This PC&apos;s receipt printer</translation>
    </message>
    <message>
        <source>win32:TÊN MÁY IN, tcp://192.168.1.50:9100, usb://04b8:0e15, serial:COM3?baudrate=9600, file:ĐƯỜNG DẪN TỆP, none (không in)</source>
        <translation>win32:PRINTER NAME, tcp://192.168.1.50:9100, usb://04b8:0e15, serial:COM3?baudrate=9600, file:FILE PATH, none (no printing)</translation>
    </message>
    <message>
        <source>máy in Windows “{name}”</source>
        <translation>Windows printer “{name}”</translation>
    </message>
    <message>
        <source>máy in mạng {host}:{port}</source>
        <translation>network printer {host}:{port}</translation>
    </message>
    <message>
        <source>máy in USB {id}</source>
        <translation>USB printer {id}</translation>
    </message>
    <message>
        <source>máy in cổng {device} ({baudrate} baud)</source>
        <translation>serial printer {device} ({baudrate} baud)</translation>
    </message>
    <message>
        <source>tệp {path}</source>
        <translation>file {path}</translation>
    </message>
    <message>
        <source>không in</source>
        <translation>no printing</translation>
    </message>
    <message>
        <source>Địa chỉ máy in “{uri}” không đúng ({reason}). Nhập lại trong {settings} theo một trong các dạng: {forms}.</source>
        <translation>The printer address “{uri}” is not valid ({reason}). Enter it again in {settings} in one of these forms: {forms}.</translation>
    </message>
    <message>
        <source>Địa chỉ máy in “{uri}” không đúng. Nhập lại trong {settings} theo một trong các dạng: {forms}.</source>
        <translation>The printer address “{uri}” is not valid. Enter it again in {settings} in one of these forms: {forms}.</translation>
    </message>
    <message>
        <source>chưa nhập</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>thiếu tên máy in</source>
        <translation>printer name missing</translation>
    </message>
    <message>
        <source>thiếu “//” sau “tcp:”</source>
        <translation>“//” missing after “tcp:”</translation>
    </message>
    <message>
        <source>cổng phải là số từ 1 đến 65535</source>
        <translation>the port must be a number from 1 to 65535</translation>
    </message>
    <message>
        <source>thiếu địa chỉ IP hoặc tên máy in</source>
        <translation>IP address or printer host name missing</translation>
    </message>
    <message>
        <source>chỉ ghi địa chỉ và cổng</source>
        <translation>write only the address and the port</translation>
    </message>
    <message>
        <source>{what} phải là số hệ 16, ví dụ 04b8</source>
        <translation>{what} must be a hexadecimal number, e.g. 04b8</translation>
    </message>
    <message>
        <source>cần mã VID:PID, ví dụ usb://04b8:0e15</source>
        <translation>VID:PID needed, e.g. usb://04b8:0e15</translation>
    </message>
    <message>
        <source>thiếu tên cổng, ví dụ COM3</source>
        <translation>port name missing, e.g. COM3</translation>
    </message>
    <message>
        <source>tốc độ baud phải là số, ví dụ 9600</source>
        <translation>the baud rate must be a number, e.g. 9600</translation>
    </message>
    <message>
        <source>thiếu đường dẫn tệp</source>
        <translation>file path missing</translation>
    </message>
    <message>
        <source>không hiểu tham số {names}</source>
        <translation>unknown parameter {names}</translation>
    </message>
    <message>
        <source>confirm chỉ nhận 1 (máy in xác nhận) hoặc 0 (không)</source>
        <translation>confirm takes only 1 (the printer confirms) or 0 (it does not)</translation>
    </message>
</context>
<context>
    <name>Printers</name>
    <message>
        <source>Không tìm thấy máy in có địa chỉ “{host}”: kiểm tra địa chỉ IP hoặc tên máy in trong {settings}.</source>
        <extracomment>Seconds to wait for the printer&apos;s answer to the status requests, counted from when the whole job is handed to the connection: a printer reads the job&apos;s last bytes (and the requests) only as its buffer empties, while it prints.</extracomment>
        <translation>No printer found at the address “{host}”: check the IP address or printer host name in {settings}.</translation>
    </message>
    <message>
        <source>Máy in {printer} không trả lời sau {seconds} giây: kiểm tra máy in đã bật, cáp mạng, địa chỉ IP trong {settings}.</source>
        <translation>The printer {printer} did not answer within {seconds} seconds: check that the printer is on, the network cable, and the IP address in {settings}.</translation>
    </message>
    <message>
        <source>Không kết nối được máy in {printer}: kiểm tra máy in đã bật, cáp mạng, địa chỉ IP trong {settings}.</source>
        <translation>Cannot connect to the printer {printer}: check that the printer is on, the network cable, and the IP address in {settings}.</translation>
    </message>
    <message>
        <source>Máy in {printer} ngừng nhận dữ liệu (quá {seconds} giây): kiểm tra giấy, nắp máy in và đèn báo lỗi, rồi in lại.</source>
        <translation>The printer {printer} stopped taking data (over {seconds} seconds): check the paper, the printer cover and the error light, then print again.</translation>
    </message>
    <message>
        <source>Mất kết nối với máy in {printer} khi đang in: kiểm tra cáp mạng và máy in, rồi in lại.</source>
        <translation>Lost the connection to the printer {printer} while printing: check the network cable and the printer, then print again.</translation>
    </message>
    <message>
        <source>Không ghi được vào tệp “{path}”: kiểm tra thư mục có tồn tại và được phép ghi (với cổng máy in: máy in đã cắm và bật), hoặc chọn đường dẫn khác trong {settings}.</source>
        <translation>Cannot write to the file “{path}”: check that the folder exists and is writable (for a printer port: that the printer is plugged in and on), or choose another path in {settings}.</translation>
    </message>
    <message>
        <source>Không dùng được máy in USB {id}: máy tính thiếu thư viện USB (pyusb, libusb). Trên Windows nên cài máy in bằng trình điều khiển của hãng và chọn “win32:TÊN MÁY IN” trong {settings}.</source>
        <translation>Cannot use the USB printer {id}: this computer lacks the USB libraries (pyusb, libusb). On Windows, install the printer with the maker&apos;s driver and choose “win32:PRINTER NAME” in {settings}.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy in USB {id}: kiểm tra cáp USB, máy in đã bật, mã VID:PID trong {settings} (trên Windows máy in cần trình điều khiển WinUSB; nếu đã cài trình điều khiển của hãng, hãy chọn “win32:TÊN MÁY IN”).</source>
        <translation>USB printer {id} not found: check the USB cable, that the printer is on, and the VID:PID in {settings} (on Windows the printer needs the WinUSB driver; if the maker&apos;s driver is installed, choose “win32:PRINTER NAME”).</translation>
    </message>
    <message>
        <source>Gửi dữ liệu tới máy in USB {id} bị lỗi: kiểm tra giấy, nắp máy in, cáp USB rồi in lại.</source>
        <translation>Sending data to the USB printer {id} failed: check the paper, the printer cover and the USB cable, then print again.</translation>
    </message>
    <message>
        <source>Không dùng được máy in cổng {port}: máy tính thiếu thư viện pyserial. Cài lại ứng dụng, hoặc chọn kiểu kết nối khác trong {settings}.</source>
        <translation>Cannot use the serial printer on {port}: this computer lacks the pyserial library. Reinstall the application, or choose another connection type in {settings}.</translation>
    </message>
    <message>
        <source>Không mở được cổng {port}: kiểm tra cáp, tên cổng và tốc độ baud trong {settings}, và tắt chương trình khác đang dùng cổng này.</source>
        <translation>Cannot open the port {port}: check the cable, the port name and the baud rate in {settings}, and close any other program using this port.</translation>
    </message>
    <message>
        <source>Gửi dữ liệu qua cổng {port} bị lỗi: kiểm tra cáp, giấy và máy in rồi in lại.</source>
        <translation>Sending data through the port {port} failed: check the cable, the paper and the printer, then print again.</translation>
    </message>
    <message>
        <source>Không in được qua máy in Windows “{name}”: kiểu “win32:” chỉ dùng được trên Windows có thư viện pywin32. Trên Windows hãy cài lại ứng dụng; trên máy khác hãy chọn tcp://, usb://, serial: hoặc file: trong {settings}.</source>
        <translation>Cannot print through the Windows printer “{name}”: the “win32:” type works only on Windows with the pywin32 library. On Windows, reinstall the application; on another system, choose tcp://, usb://, serial: or file: in {settings}.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy in “{name}” trong Windows: kiểm tra máy in đã cài trong Thiết bị và Máy in (Devices and Printers) và tên ghi trong {settings} đúng từng chữ.</source>
        <translation>The printer “{name}” was not found in Windows: check that the printer is installed in Devices and Printers and that the name in {settings} matches it exactly.</translation>
    </message>
    <message>
        <source>Windows không nhận lệnh in cho máy in “{name}”: kiểm tra hàng đợi in, máy in đã bật và còn giấy, rồi in lại.</source>
        <translation>Windows did not accept the print job for the printer “{name}”: check the print queue, that the printer is on and has paper, then print again.</translation>
    </message>
</context>
<context>
    <name>PriorityReason</name>
    <message>
        <source>Người cao tuổi</source>
        <translation>Elderly person</translation>
    </message>
    <message>
        <source>Người khuyết tật</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Phụ nữ mang thai</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <source>Người có con nhỏ</source>
        <translation>Person with a small child</translation>
    </message>
    <message>
        <source>Thương binh, người có công</source>
        <translation>War invalid or person with merit to the revolution</translation>
    </message>
</context>
<context>
    <name>ProcedureEditor</name>
    <message>
        <source>Thêm giấy tờ</source>
        <translation>Add paper</translation>
    </message>
    <message>
        <source>Xóa giấy tờ</source>
        <translation>Delete paper</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Mã trên Cổng dịch vụ công, ví dụ: 1.001193</source>
        <translation>Code on the National Public Service Portal, for example: 1.001193</translation>
    </message>
    <message>
        <source>Nhận sau giờ chốt thì tính từ ngày làm việc sau:</source>
        <translation>Received after the cut-off time counts from the next working day:</translation>
    </message>
    <message>
        <source>Ví dụ: Miễn lệ phí</source>
        <translation>For example: No charge</translation>
    </message>
    <message>
        <source>Đang áp dụng (hiện khi tiếp nhận hồ sơ)</source>
        <translation>In force (offered at intake)</translation>
    </message>
    <message>
        <source>như tại quầy</source>
        <translation>as at the counter</translation>
    </message>
    <message>
        <source>Mã thủ tục:</source>
        <translation>Procedure code:</translation>
    </message>
    <message>
        <source>Tên thủ tục:</source>
        <translation>Procedure name:</translation>
    </message>
    <message>
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Cấp thực hiện:</source>
        <translation>Level of government:</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết:</source>
        <translation>Time limit:</translation>
    </message>
    <message>
        <source>Thời hạn khác theo kênh:</source>
        <translation>Other time limits by channel:</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Bưu chính</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Phí, lệ phí:</source>
        <translation>Fees and charges:</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ (đúng danh mục đã công bố):</source>
        <translation>Papers required (exactly as published):</translation>
    </message>
    <message>
        <source>Mã của thủ tục đã có không sửa được; muốn đổi mã, hãy thêm thủ tục mới.</source>
        <translation>The code of an existing procedure cannot be changed; to use another code, add a new procedure.</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <source>Chỉ tiếp nhận trực tuyến (Chỉ thị 24/CT-TTg)</source>
        <translation>Accepted online only (Directive 24/CT-TTg)</translation>
    </message>
    <message>
        <source>Khi tiếp nhận tại quầy, màn hình nhắc cán bộ hướng dẫn người dân nộp trên Cổng Dịch vụ công quốc gia và cho in phiếu hướng dẫn.</source>
        <translation>At the counter, the intake screen reminds the clerk to guide the citizen to the National Public Service Portal and offers to print a guide.</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>Tìm thủ tục: gõ không dấu cũng được</source>
        <extracomment>The catalog has been read once (until then the list says it is being read).</extracomment>
        <translation>Find a procedure: typing without accents works too</translation>
    </message>
    <message>
        <source>Tìm thủ tục</source>
        <translation>Find a procedure</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Không đọc được danh mục thủ tục: {error}. Gõ vào ô tìm để thử lại.</source>
        <translation>Could not read the procedure catalog: {error}. Type in the search box to try again.</translation>
    </message>
    <message>
        <source>Đang đọc danh mục thủ tục...</source>
        <translation>Reading the procedure catalog...</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục phù hợp.</source>
        <translation>No matching procedure found.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Chưa chọn thủ tục: gõ vài chữ rồi bấm Enter.&lt;/i&gt;</source>
        <translation>&lt;i&gt;No procedure chosen: type a few letters, then press Enter.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>không ghi</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>&lt;b&gt;Đã chọn: {code} – {name}&lt;/b&gt;&lt;br&gt;Lĩnh vực: {field} · Thời hạn: {limit} · Phí, lệ phí: {fee}</source>
        <translation>&lt;b&gt;Chosen: {code} – {name}&lt;/b&gt;&lt;br&gt;Field: {field} · Time limit: {limit} · Fees and charges: {fee}</translation>
    </message>
</context>
<context>
    <name>ProceduresDialog</name>
    <message>
        <source>Danh mục thủ tục hành chính</source>
        <translation>Administrative procedure catalog</translation>
    </message>
    <message>
        <source>Tìm thủ tục: gõ không dấu cũng được (ví dụ: dang ky ket hon)</source>
        <extracomment>How many procedures the last export wrote (None while one runs or after a failure).</extracomment>
        <translation>Find a procedure: typing without accents works too (for example: dang ky ket hon)</translation>
    </message>
    <message>
        <source>Hiện cả thủ tục ngừng áp dụng</source>
        <translation>Show procedures no longer in force too</translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Thêm thủ tục mới</source>
        <translation>New procedure</translation>
    </message>
    <message>
        <source>Lưu thủ tục</source>
        <translation>Save procedure</translation>
    </message>
    <message>
        <source>Nhập từ tệp CSV/Excel...</source>
        <translation>Import from CSV/Excel file...</translation>
    </message>
    <message>
        <source>Xuất ra tệp CSV/Excel...</source>
        <translation>Export to CSV/Excel file...</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa danh mục thủ tục.</source>
        <extracomment>The procedure saved last, once saved. The searches typed: each is read off the window&apos;s thread, the newest one shown.</extracomment>
        <translation>Only an administrator may edit the procedure catalog.</translation>
    </message>
    <message>
        <source>{0} thủ tục</source>
        <translation>{0} procedures</translation>
    </message>
    <message>
        <source>Chưa lưu thủ tục</source>
        <translation>Procedure not saved</translation>
    </message>
    <message>
        <source>Thủ tục đang sửa có thay đổi chưa được lưu. Bỏ các thay đổi đó?</source>
        <translation>The procedure being edited has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>Bỏ thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Tiếp tục sửa</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>Mã thủ tục {0} đã có trong danh mục: hãy chọn thủ tục đó trong danh sách để sửa.</source>
        <translation>Procedure code {0} is already in the catalog: select that procedure in the list to edit it.</translation>
    </message>
    <message>
        <source>Đã lưu thủ tục {0}.</source>
        <translation>Procedure {0} saved.</translation>
    </message>
    <message>
        <source>Chưa lưu được: hãy sửa các mục ghi màu đỏ.</source>
        <translation>Not saved: correct the items marked in red.</translation>
    </message>
    <message>
        <source>Danh mục thủ tục (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>Procedure catalog (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Chọn tệp danh mục thủ tục</source>
        <translation>Choose a procedure catalog file</translation>
    </message>
    <message>
        <source>Lưu danh mục thủ tục</source>
        <translation>Save the procedure catalog</translation>
    </message>
    <message>
        <source>Không đọc được tệp {0}: {1}. Hãy kiểm tra tệp rồi thử lại.</source>
        <translation>Could not read the file {0}: {1}. Check the file and try again.</translation>
    </message>
    <message>
        <source>Đã nhập tệp {0}: thêm {1}, cập nhật {2}, {3} dòng lỗi.</source>
        <translation>Imported {0}: {1} added, {2} updated, {3} rows with errors.</translation>
    </message>
    <message>
        <source>Đang nhập danh mục thủ tục...</source>
        <translation>Importing the procedure catalog...</translation>
    </message>
    <message>
        <source>Không ghi được tệp {0}: {1}. Hãy chọn thư mục khác hoặc đóng tệp đang mở trong Excel rồi thử lại.</source>
        <translation>Could not write the file {0}: {1}. Choose another folder, or close the file if it is open in Excel, and try again.</translation>
    </message>
    <message>
        <source>Đã xuất {0} thủ tục ra tệp {1}.</source>
        <translation>Exported {0} procedures to {1}.</translation>
    </message>
    <message>
        <source>Đang xuất danh mục thủ tục...</source>
        <translation>Exporting the procedure catalog...</translation>
    </message>
</context>
<context>
    <name>PublicCatalog</name>
    <message>
        <source>Thủ tục mã &apos;{code}&apos; không còn áp dụng.</source>
        <translation>The procedure with code &apos;{code}&apos; is no longer in force.</translation>
    </message>
    <message>
        <source>Không ghi được danh mục dạng &apos;{format}&apos;: chọn pdf hoặc xlsx.</source>
        <translation>Cannot write the catalog as &apos;{format}&apos;: choose pdf or xlsx.</translation>
    </message>
    <message>
        <source>Tệp {name} phải có đuôi .{format} cho định dạng {format}.</source>
        <translation>The file {name} must end in .{format} for the {format} format.</translation>
    </message>
</context>
<context>
    <name>PublicStatus</name>
    <message>
        <source>Không tìm thấy hồ sơ khớp với mã hồ sơ và 4 số cuối giấy tờ đã nhập. Xin kiểm tra lại mã trên phiếu hẹn, hoặc quét mã QR trên phiếu.</source>
        <extracomment>Statuses whose date the kiosk shows (the clock runs, or the result waits).</extracomment>
        <translation>No dossier matches the dossier code and the last 4 ID digits entered. Please check the code on your receipt, or scan the QR code on it.</translation>
    </message>
    <message>
        <source>Xin nhập đúng 4 chữ số cuối của số CCCD (hoặc mã số thuế) ghi trên phiếu hẹn.</source>
        <translation>Please enter exactly the last 4 digits of the ID card number (or tax code) shown on your receipt.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ mã {code}. Xin hỏi cán bộ tại Bộ phận Một cửa.</source>
        <translation>Dossier {code} was not found. Please ask a clerk at the one-stop shop.</translation>
    </message>
    <message>
        <source>Xin nhập mã hồ sơ ghi trên phiếu hẹn.</source>
        <translation>Please enter the dossier code shown on your receipt.</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>Số lượt ưu tiên liên tiếp phải từ 0 đến 20.</source>
        <translation>Priority calls in a row must be from 0 to 20.</translation>
    </message>
    <message>
        <source>Số lần gọi trước khi đánh dấu vắng mặt phải từ 1 đến 10.</source>
        <translation>The number of calls before marking absent must be from 1 to 10.</translation>
    </message>
    <message>
        <source>Ký hiệu nhóm phải là một chữ cái từ A đến Z (không dấu).</source>
        <translation>The group letter must be one letter from A to Z (without accents).</translation>
    </message>
    <message>
        <source>“{code}” không phải là số thứ tự (ví dụ A012).</source>
        <translation>“{code}” is not a ticket number (e.g. A012).</translation>
    </message>
    <message>
        <source>Quầy {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>Không thể {action}: số này đang ở trạng thái “{state}”.</source>
        <translation>Cannot {action}: this ticket is “{state}”.</translation>
    </message>
    <message>
        <source>Công dân đang được phục vụ tại quầy: không đánh dấu vắng mặt được. Bấm “Hoàn thành” khi xong.</source>
        <translation>The citizen is being served at the counter: cannot mark absent. Press “Finish” when done.</translation>
    </message>
    <message>
        <source>đánh dấu vắng mặt</source>
        <translation>mark absent</translation>
    </message>
    <message>
        <source>Số này mới được gọi {calls} lần: hãy bấm “Gọi lại” (cần gọi ít nhất {needed} lần) trước khi đánh dấu vắng mặt.</source>
        <translation>This ticket has been called only {calls} time(s): press “Recall” (at least {needed} calls are needed) before marking it absent.</translation>
    </message>
    <message>
        <source>gọi lại</source>
        <extracomment>What a counter does to the ticket it holds, as the refusals name it.</extracomment>
        <translation>recall</translation>
    </message>
    <message>
        <source>hoàn thành</source>
        <translation>finish</translation>
    </message>
    <message>
        <source>tiếp nhận</source>
        <translation>start serving</translation>
    </message>
    <message>
        <source>chuyển nhóm</source>
        <translation>transfer to another group</translation>
    </message>
    <message>
        <source>Nhóm dịch vụ này hiện không nhận số. Xin chọn nhóm khác.</source>
        <translation>This service group is not taking tickets now. Please choose another group.</translation>
    </message>
    <message>
        <source>Quầy số {number} chưa được khai báo hoặc đã ngừng: kiểm tra Quản trị &gt; Hàng đợi.</source>
        <translation>Counter {number} is not set up or has been closed: check Administration &gt; Queue.</translation>
    </message>
    <message>
        <source>Không tìm thấy số thứ tự này.</source>
        <translation>This ticket was not found.</translation>
    </message>
    <message>
        <source>Số {ticket} đang ở quầy khác: quầy {counter} không {action} được.</source>
        <translation>Ticket {ticket} is at another counter: counter {counter} cannot {action}.</translation>
    </message>
    <message>
        <source>Nhóm được chọn không còn nhận số: hãy chọn nhóm khác.</source>
        <translation>The chosen group no longer takes tickets: choose another group.</translation>
    </message>
    <message>
        <source>Số này đã ở nhóm được chọn: hãy chọn nhóm khác.</source>
        <translation>This ticket is already in the chosen group: choose another group.</translation>
    </message>
    <message>
        <source>Không tìm thấy số thứ tự để gắn với hồ sơ.</source>
        <translation>The ticket to link with the dossier was not found.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ {code}.</source>
        <translation>Dossier {code} was not found.</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Hàng đợi và lấy số</source>
        <translation>Queue and ticket kiosk</translation>
    </message>
    <message>
        <source>Nhóm dịch vụ</source>
        <translation>Service groups</translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được sửa cài đặt hàng đợi.</source>
        <extracomment>The group or counter saved last, once saved.</extracomment>
        <translation>Only an administrator may change the queue settings.</translation>
    </message>
    <message>
        <source>Ký hiệu</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Tên nhóm</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Ví dụ: Hộ tịch</source>
        <translation>For example: Civil status</translation>
    </message>
    <message>
        <source>Nhận số ở máy lấy số</source>
        <translation>Issues numbers at the kiosk</translation>
    </message>
    <message>
        <source>Thêm nhóm mới</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Lưu nhóm</source>
        <translation>Save group</translation>
    </message>
    <message>
        <source>Ký hiệu:</source>
        <translation>Letter:</translation>
    </message>
    <message>
        <source>Tên nhóm:</source>
        <translation>Group name:</translation>
    </message>
    <message>
        <source>Lĩnh vực thủ tục:</source>
        <translation>Procedure fields:</translation>
    </message>
    <message>
        <source>Đã lưu nhóm {0} · {1}.</source>
        <translation>Group {0} · {1} saved.</translation>
    </message>
    <message>
        <source>Số quầy</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nhóm phục vụ</source>
        <translation>Groups served</translation>
    </message>
    <message>
        <source>Để trống: “Quầy” và số quầy</source>
        <translation>Leave empty for “Counter” and the counter number</translation>
    </message>
    <message>
        <source>Thêm quầy mới</source>
        <translation>New counter</translation>
    </message>
    <message>
        <source>Lưu quầy</source>
        <translation>Save counter</translation>
    </message>
    <message>
        <source>Số quầy:</source>
        <translation>Counter number:</translation>
    </message>
    <message>
        <source>Tên quầy:</source>
        <translation>Counter name:</translation>
    </message>
    <message>
        <source>Gọi số của nhóm:</source>
        <translation>Calls numbers of the groups:</translation>
    </message>
    <message>
        <source>Đã lưu {0}.</source>
        <translation>{0} saved.</translation>
    </message>
    <message>
        <source>0: số ưu tiên không được gọi trước, mọi số theo thứ tự lấy số.</source>
        <translation>0: priority numbers are not called first; every number is called in the order taken.</translation>
    </message>
    <message>
        <source>Đọc số gọi trên loa của màn hình chờ</source>
        <translation>Announce called numbers on the waiting-room display&apos;s speaker</translation>
    </message>
    <message>
        <source>none, tcp://192.168.1.60:9100, win32:TÊN MÁY IN</source>
        <translation>none, tcp://192.168.1.60:9100, win32:PRINTER NAME</translation>
    </message>
    <message>
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Số ưu tiên được gọi liên tiếp, tối đa:</source>
        <translation>Most priority numbers called in a row:</translation>
    </message>
    <message>
        <source>Gọi bao nhiêu lần mới được đánh dấu vắng mặt:</source>
        <translation>Calls before a number may be marked absent:</translation>
    </message>
    <message>
        <source>Dòng thông báo chạy trên màn hình chờ:</source>
        <translation>Notices scrolling on the waiting-room display:</translation>
    </message>
    <message>
        <source>Máy in phiếu của máy lấy số:</source>
        <translation>Kiosk ticket printer:</translation>
    </message>
    <message>
        <source>Khổ giấy phiếu:</source>
        <translation>Ticket paper width:</translation>
    </message>
    <message>
        <source>Đã lưu cài đặt hàng đợi.</source>
        <translation>Queue settings saved.</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>QueueSetup</name>
    <message>
        <source>Kính mời quý khách lấy số thứ tự và chờ đến lượt. Người cao tuổi, người khuyết tật, phụ nữ mang thai, người có con nhỏ, thương binh và người có công được ưu tiên: xin chọn “Ưu tiên” khi lấy số. Vui lòng chuẩn bị sẵn giấy tờ tùy thân khi đến quầy.</source>
        <translation>Please take a ticket and wait for your turn. Elderly people, people with disabilities, pregnant women, people with small children, war invalids and people with meritorious services have priority: please choose “Priority” when taking a ticket. Please have your ID papers ready when you come to the counter.</translation>
    </message>
    <message>
        <source>Hãy nhập tên nhóm, ví dụ “Hộ tịch”.</source>
        <translation>Enter the group name, e.g. “Civil status”.</translation>
    </message>
    <message>
        <source>Tên nhóm dài quá 120 ký tự.</source>
        <translation>The group name is longer than 120 characters.</translation>
    </message>
    <message>
        <source>Ký hiệu “{letter}” đã dùng cho nhóm khác.</source>
        <translation>The letter “{letter}” is already used by another group.</translation>
    </message>
    <message>
        <source>Chưa có quầy số {number}: thêm quầy trong Quản trị &gt; Hàng đợi, hoặc chọn số quầy khác.</source>
        <translation>There is no counter {number}: add it in Administration &gt; Queue, or choose another counter number.</translation>
    </message>
    <message>
        <source>Số quầy phải từ 1 đến 99.</source>
        <translation>The counter number must be from 1 to 99.</translation>
    </message>
    <message>
        <source>Tên quầy dài quá 60 ký tự.</source>
        <translation>The counter name is longer than 60 characters.</translation>
    </message>
    <message>
        <source>Hãy chọn ít nhất một nhóm dịch vụ cho quầy.</source>
        <translation>Choose at least one service group for the counter.</translation>
    </message>
    <message>
        <source>Đã có quầy số {number}.</source>
        <translation>Counter {number} already exists.</translation>
    </message>
    <message>
        <source>Một nhóm đã chọn không còn nữa: hãy chọn lại.</source>
        <translation>One of the chosen groups no longer exists: choose again.</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Xin chọn một mức độ hài lòng.</source>
        <translation>Please choose a satisfaction level.</translation>
    </message>
    <message>
        <source>Nội dung đánh giá &apos;{reason}&apos; không có trong danh sách.</source>
        <translation>Rating topic &apos;{reason}&apos; is not in the list.</translation>
    </message>
    <message>
        <source>Góp ý dài quá {limit} ký tự: xin viết ngắn lại.</source>
        <translation>The comment is longer than {limit} characters: please shorten it.</translation>
    </message>
</context>
<context>
    <name>RatingLevel</name>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Bình thường</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Not satisfied</translation>
    </message>
</context>
<context>
    <name>RatingReason</name>
    <message>
        <source>Thái độ phục vụ</source>
        <extracomment>The levels the index counts as satisfied.</extracomment>
        <translation>Staff attitude</translation>
    </message>
    <message>
        <source>Thời gian chờ</source>
        <translation>Waiting time</translation>
    </message>
    <message>
        <source>Thời gian giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Hướng dẫn, giải thích</source>
        <translation>Guidance and explanations</translation>
    </message>
    <message>
        <source>Thủ tục, giấy tờ</source>
        <translation>Procedures and papers</translation>
    </message>
    <message>
        <source>Cơ sở vật chất</source>
        <translation>Facilities</translation>
    </message>
</context>
<context>
    <name>RatingTab</name>
    <message>
        <source>Chia theo:</source>
        <extracomment>``read(kind, work, then, label)``: ``work()`` off the window&apos;s thread, then ``then(result)`` if no newer ``kind`` was asked meanwhile (``DashboardWindow._read``).</extracomment>
        <translation>Break down by:</translation>
    </message>
    <message>
        <source>Đang đếm đánh giá của người dân {title}...</source>
        <translation>Counting the citizens&apos; ratings of {title}...</translation>
    </message>
    <message>
        <source>Toàn cơ quan</source>
        <translation>Whole office</translation>
    </message>
    <message>
        <source>Chưa có lượt đánh giá nào của người dân trong kỳ {range}.</source>
        <translation>No citizen ratings in the period {range}.</translation>
    </message>
    <message>
        <source>{n} lượt đánh giá trong kỳ; tỷ lệ hài lòng (rất hài lòng + hài lòng) {share}. Mức độ hài lòng theo Quyết định 766/QĐ-TTg.</source>
        <translation>{n} ratings in the period; satisfaction rate (very satisfied + satisfied) {share}. Satisfaction levels per Decision 766/QD-TTg.</translation>
    </message>
</context>
<context>
    <name>RatingTables</name>
    <message>
        <source>Số lượt đánh giá</source>
        <extracomment>How many of the most cited reasons a row names.</extracomment>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Tỷ lệ hài lòng</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>(Rất hài lòng + hài lòng) / số lượt đánh giá</source>
        <translation>(Very satisfied + satisfied) / number of ratings</translation>
    </message>
    <message>
        <source>Nội dung được nêu nhiều nhất</source>
        <translation>Most cited aspects</translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <source>Đánh giá mức độ hài lòng</source>
        <extracomment>The mouth: how far its middle sits below (+) or above (-) its ends, as a share of the face. Requests rated or skipped here (their saving may still be on its way).</extracomment>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <source>QUẦY {0}</source>
        <extracomment>Its reads of the database, which may fail for a while (a server restarting).</extracomment>
        <translation>COUNTER {0}</translation>
    </message>
    <message>
        <source>XIN KÍNH CHÀO QUÝ KHÁCH</source>
        <translation>WELCOME</translation>
    </message>
    <message>
        <source>Sau khi được phục vụ, xin quý khách vui lòng cho biết mức độ hài lòng trên màn hình này. Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.</source>
        <translation>After you have been served, please tell us on this screen how satisfied you are. Your opinion helps us serve you better.</translation>
    </message>
    <message>
        <source>QUÝ KHÁCH CÓ HÀI LÒNG VỚI SỰ PHỤC VỤ CỦA CHÚNG TÔI KHÔNG?</source>
        <translation>ARE YOU SATISFIED WITH OUR SERVICE?</translation>
    </message>
    <message>
        <source>Bỏ qua</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Góp ý thêm (không bắt buộc)</source>
        <translation>Further comments (optional)</translation>
    </message>
    <message>
        <source>Gửi đánh giá</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <source>‹ Chọn lại mức độ</source>
        <translation>‹ Choose the level again</translation>
    </message>
    <message>
        <source>CẢM ƠN QUÝ KHÁCH!</source>
        <translation>THANK YOU!</translation>
    </message>
    <message>
        <source>Cán bộ phục vụ: {0}</source>
        <translation>Served by: {0}</translation>
    </message>
    <message>
        <source>Quầy {0}</source>
        <translation>Counter {0}</translation>
    </message>
    <message>
        <source>Quý khách chọn: {0}</source>
        <translation>You chose: {0}</translation>
    </message>
    <message>
        <source>Quý khách hài lòng nhất về điều gì? (không bắt buộc)</source>
        <translation>What satisfied you most? (optional)</translation>
    </message>
    <message>
        <source>Điều gì chưa làm quý khách hài lòng? (không bắt buộc)</source>
        <translation>What did not satisfy you? (optional)</translation>
    </message>
    <message>
        <source>Ý kiến của quý khách đã được ghi nhận để phục vụ tốt hơn.</source>
        <translation>Your opinion has been recorded and will help us serve you better.</translation>
    </message>
</context>
<context>
    <name>Ratings</name>
    <message>
        <source>Cán bộ</source>
        <extracomment>The change counter the rating windows poll. A request nobody answered within this time is not shown any more.</extracomment>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Quầy {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>Không tìm thấy số thứ tự để mời đánh giá.</source>
        <translation>The ticket was not found, so no rating can be requested.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ {code} để mời đánh giá.</source>
        <translation>Dossier {code} was not found, so no rating can be requested.</translation>
    </message>
    <message>
        <source>Chưa có quầy số {number}: kiểm tra Quản trị &gt; Hàng đợi.</source>
        <translation>There is no counter {number}: check Administration &gt; Queue.</translation>
    </message>
    <message>
        <source>Không tìm thấy lời mời đánh giá này.</source>
        <translation>This rating request was not found.</translation>
    </message>
    <message>
        <source>Lượt đánh giá này đã kết thúc. Xin cảm ơn quý khách.</source>
        <translation>This rating has already ended. Thank you.</translation>
    </message>
    <message>
        <source>Ngày cuối của kỳ báo cáo phải sau ngày đầu.</source>
        <translation>The last day of the report period must be after the first day.</translation>
    </message>
    <message>
        <source>Không có cách nhóm &apos;{by}&apos;: chọn clerk, counter hoặc procedure.</source>
        <translation>No grouping &apos;{by}&apos;: choose clerk, counter or procedure.</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Phiếu tiếp nhận hồ sơ {code}</source>
        <extracomment>The receipt printer the status speaks of: the one of the last print.</extracomment>
        <translation>Receipt of dossier {code}</translation>
    </message>
    <message>
        <source>In lại</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đang in phiếu của hồ sơ {code}...</source>
        <translation>Printing the receipt of {code}...</translation>
    </message>
    <message>
        <source>Đang chờ máy in nhận phiếu...</source>
        <translation>Waiting for the printer to take the receipt...</translation>
    </message>
    <message>
        <source>Lỗi của chương trình: xem nhật ký của chương trình.</source>
        <translation>A program error: see the program&apos;s log.</translation>
    </message>
    <message>
        <source>Không in được phiếu. {error}
Hồ sơ {code} đã được lưu: sửa máy in rồi bấm “In lại”.</source>
        <translation>The receipt was not printed. {error}
Dossier {code} has been saved: fix the printer, then click “Print again”.</translation>
    </message>
    <message>
        <source>Chưa chọn máy in (Hồ sơ &gt; Máy in phiếu của máy này): phiếu của hồ sơ {code} chỉ hiển thị trên màn hình, chưa in ra giấy.</source>
        <translation>No printer chosen (Dossiers &gt; This PC&apos;s receipt printer): the receipt of {code} is only shown on screen, not printed on paper.</translation>
    </message>
    <message>
        <source>Đã gửi phiếu của hồ sơ {code} tới máy in.</source>
        <translation>The receipt of dossier {code} was sent to the printer.</translation>
    </message>
    <message>
        <source>Đã in phiếu của hồ sơ {code}: máy in đã xác nhận.</source>
        <translation>The receipt of dossier {code} is printed: the printer confirmed it.</translation>
    </message>
    <message>
        <source>Giấy in sắp hết: hãy chuẩn bị cuộn giấy mới.</source>
        <translation>The paper is running out: have a new roll ready.</translation>
    </message>
    <message>
        <source>Đã gửi phiếu của hồ sơ {code} tới {printer} nhưng máy in không trả lời để xác nhận: hãy xem phiếu đã ra chưa; nếu chưa, kiểm tra máy in rồi bấm “In lại”.</source>
        <translation>The receipt of dossier {code} was sent to {printer}, but the printer did not answer to confirm it: check whether the receipt came out; if not, check the printer and press “In lại” (print again).</translation>
    </message>
    <message>
        <source>Đã gửi phiếu của hồ sơ {code} tới hàng đợi in của Windows ({printer}). Hàng đợi không cho biết máy in đã in hay chưa: hãy xem phiếu đã ra chưa, nếu chưa thì bấm “In lại”.</source>
        <translation>The receipt of dossier {code} was sent to the Windows print queue ({printer}). The queue does not tell whether the printer printed it: check whether the receipt came out; if not, press “In lại” (print again).</translation>
    </message>
    <message>
        <source>Đã gửi phiếu của hồ sơ {code} tới {printer}. Kiểu kết nối này không cho máy in báo lại: hãy xem phiếu đã ra chưa, nếu chưa thì bấm “In lại”.</source>
        <translation>The receipt of dossier {code} was sent to {printer}. This kind of connection lets the printer send no answer: check whether the receipt came out; if not, press “In lại” (print again).</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <source>Chỉ quản trị viên mới được đổi máy in chung của cơ quan. Máy in của máy này: Hồ sơ &gt; Máy in phiếu của máy này.</source>
        <extracomment>This PC&apos;s receipt printer in its machine settings: ``{&quot;uri&quot;: ..., &quot;paper&quot;: ...}``.</extracomment>
        <translation>Only an administrator may change the office printer. This PC&apos;s printer: Dossiers &gt; This PC&apos;s receipt printer.</translation>
    </message>
</context>
<context>
    <name>ReceiptRender</name>
    <message>
        <source>Khổ giấy “{paper}” không đúng: chọn một trong {accepted} trong {settings}.</source>
        <translation>The paper size “{paper}” is not valid: choose one of {accepted} in {settings}.</translation>
    </message>
</context>
<context>
    <name>ReportDossiersDialog</name>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào.</source>
        <translation>No dossiers.</translation>
    </message>
    <message>
        <source>Hiển thị {shown} hồ sơ đầu tiên trên tổng số {total} hồ sơ.</source>
        <translation>Showing the first {shown} of {total} dossiers.</translation>
    </message>
    <message>
        <source>{total} hồ sơ. Bấm đúp vào một hồ sơ để mở.</source>
        <translation>{total} dossiers. Double-click a dossier to open it.</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Bấm vào một số để xem danh sách hồ sơ</source>
        <extracomment>The item data role that holds the row&apos;s object. Headings wrap at about this many characters, so the columns of counts stay narrow.</extracomment>
        <translation>Click a number to list the dossiers</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>Đang giải quyết, trong hạn</source>
        <translation>Pending, within time</translation>
    </message>
    <message>
        <source>Đang giải quyết, quá hạn</source>
        <translation>Pending, overdue</translation>
    </message>
    <message>
        <source>Cán bộ phụ trách</source>
        <translation>Clerk in charge</translation>
    </message>
    <message>
        <source>Hồ sơ đã giải quyết</source>
        <translation>Dossiers decided</translation>
    </message>
    <message>
        <source>Điểm thời gian (0-2)</source>
        <translation>Time score (0-2)</translation>
    </message>
    <message>
        <source>Trước hạn 2 điểm, đúng hạn 1 điểm, quá hạn 0 điểm</source>
        <translation>Early 2 points, on time 1 point, late 0 points</translation>
    </message>
    <message>
        <source>Điểm số lần đi lại (0-2)</source>
        <translation>Return visits score (0-2)</translation>
    </message>
    <message>
        <source>Không phải bổ sung 2 điểm, bổ sung 1 lần 1 điểm, trên 1 lần 0 điểm</source>
        <translation>No supplement 2 points, one supplement 1 point, more than one 0 points</translation>
    </message>
    <message>
        <source>{n} giờ</source>
        <translation>{n} hours</translation>
    </message>
    <message>
        <source>{n} ngày</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn theo quy định</source>
        <translation>Prescribed time limit</translation>
    </message>
    <message>
        <source>Số hồ sơ đã giải quyết</source>
        <translation>Dossiers decided</translation>
    </message>
    <message>
        <source>Thời gian được phép (trung vị)</source>
        <translation>Time allowed (median)</translation>
    </message>
    <message>
        <source>Thời gian làm việc từ lúc tiếp nhận đến ngày hẹn trả</source>
        <translation>Working time from intake to the appointment date</translation>
    </message>
    <message>
        <source>Thời gian thực tế (trung vị)</source>
        <translation>Actual time (median)</translation>
    </message>
    <message>
        <source>9/10 hồ sơ xong trong</source>
        <translation>9 in 10 dossiers done within</translation>
    </message>
    <message>
        <source>Phân vị 90 của thời gian làm việc thực tế</source>
        <translation>90th percentile of the actual working time</translation>
    </message>
    <message>
        <source>Tỷ lệ thời gian sử dụng</source>
        <translation>Share of time used</translation>
    </message>
    <message>
        <source>Thời gian 9/10 hồ sơ xong chia cho thời gian được phép</source>
        <translation>Time within which 9 in 10 dossiers are done, divided by the time allowed</translation>
    </message>
    <message>
        <source>Có thể đề xuất rút ngắn còn</source>
        <translation>Could be shortened to</translation>
    </message>
    <message>
        <source>Cán bộ, nhóm dịch vụ</source>
        <translation>Clerk, service group</translation>
    </message>
    <message>
        <source>Số lượt gọi</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Đã phục vụ</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Vắng mặt khi gọi</source>
        <translation>Absent when called</translation>
    </message>
    <message>
        <source>Chưa được gọi</source>
        <translation>Not called</translation>
    </message>
    <message>
        <source>Chờ trung bình (phút)</source>
        <translation>Average wait (minutes)</translation>
    </message>
    <message>
        <source>Chờ lâu nhất (phút)</source>
        <translation>Longest wait (minutes)</translation>
    </message>
    <message>
        <source>Phục vụ trung bình (phút)</source>
        <translation>Average service (minutes)</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Có kết quả</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Toàn cơ quan</source>
        <translation>Whole office</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>bàn tiếp nhận</source>
        <translation>counter desk</translation>
    </message>
    <message>
        <source>máy lấy số</source>
        <translation>ticket kiosk</translation>
    </message>
    <message>
        <source>màn hình gọi số</source>
        <translation>calling display</translation>
    </message>
    <message>
        <source>màn hình đánh giá</source>
        <translation>rating screen</translation>
    </message>
    <message>
        <source>Chưa khôi phục: tệp dữ liệu đang được mở trên {programs}. Khôi phục lúc này sẽ làm các máy đó cấp lại những mã hồ sơ đã cấp. Không có gì bị thay đổi. Hãy đóng desk trên các máy đó rồi khôi phục lại.</source>
        <translation>Not restored: the data file is open on {programs}. Restoring now would make those PCs hand out dossier codes already handed out. Nothing was changed. Close desk on those PCs, then restore again.</translation>
    </message>
    <message>
        <source>Chưa khôi phục: dữ liệu vừa thay đổi trong lúc chuẩn bị khôi phục, nghĩa là vẫn có máy đang làm việc trên tệp này. Không có gì bị thay đổi. Hãy đóng desk trên các máy khác rồi khôi phục lại.</source>
        <translation>Not restored: the data changed while the restore was being prepared, so a PC is still working on this file. Nothing was changed. Close desk on the other PCs, then restore again.</translation>
    </message>
    <message>
        <source>Ổ đĩa đã đầy nên chưa khôi phục được. Tệp dữ liệu hiện tại không thay đổi và không có tệp dở dang nào được để lại: hãy giải phóng dung lượng ổ đĩa chứa {folder} rồi khôi phục lại.</source>
        <translation>The disk is full, so nothing was restored. The current data file is unchanged and no half-written file was left behind: free some space on the disk holding {folder}, then restore again.</translation>
    </message>
    <message>
        <source>Không khôi phục được ({error}). Tệp dữ liệu hiện tại không thay đổi: hãy kiểm tra quyền ghi vào thư mục {folder} rồi khôi phục lại.</source>
        <translation>Could not restore ({error}). The current data file is unchanged: check that the folder {folder} may be written to, then restore again.</translation>
    </message>
    <message>
        <source> Đang kết nối tới cơ sở dữ liệu này: {programs}.</source>
        <translation> Connected to this database now: {programs}.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {server} nằm trên máy chủ PostgreSQL: việc khôi phục do quản trị viên làm trên máy chủ (pg_restore), sau khi đã đóng desk trên mọi máy.{still}</source>
        <translation>The database {server} is on a PostgreSQL server: the administrator restores it on the server (pg_restore), once desk is closed on every PC.{still}</translation>
    </message>
</context>
<context>
    <name>ResultClass</name>
    <message>
        <source>Trước hạn</source>
        <extracomment>The clock runs for these: they are the ones the urgency bands sort. Not finished yet (the worklist&apos;s &quot;all open&quot; view).</extracomment>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
</context>
<context>
    <name>ResultDelivery</name>
    <message>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop shop</translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính</source>
        <translation>By post</translation>
    </message>
</context>
<context>
    <name>ReuseState</name>
    <message>
        <source>Dùng được</source>
        <extracomment>The most pages one paper may have: a thick land file is some dozens of pages. The largest PDF one paper may be (bytes): within what both databases store in a value. A personal identification number (CCCD / số định danh cá nhân) has 12 digits. A dossier in one of these ended with a result: its digitised papers have legal value for the person&apos;s other procedures (Decree 118/2025 art. 22(1)).</extracomment>
        <translation>Usable</translation>
    </message>
    <message>
        <source>Đã hết hiệu lực</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có kết quả</source>
        <translation>Dossier has no result yet</translation>
    </message>
    <message>
        <source>Hồ sơ đã có kết quả: giấy tờ đã số hóa được dùng lại, không yêu cầu nộp lại (Nghị định 118/2025/NĐ-CP điều 22 khoản 1, điều 5 khoản 1 điểm i).</source>
        <extracomment>Why a held scan may not stand for a paper, as the tooltip says it.</extracomment>
        <translation>Usable</translation>
    </message>
    <message>
        <source>Giấy tờ đã hết thời hạn hiệu lực: người nộp cần nộp bản còn hiệu lực.</source>
        <translation>The paper&apos;s validity has ended: the applicant must hand in a valid one.</translation>
    </message>
    <message>
        <source>Giấy tờ số hóa được dùng lại khi hồ sơ có kết quả giải quyết (Nghị định 118/2025/NĐ-CP điều 22 khoản 1); hồ sơ này chưa có kết quả hoặc đã bị từ chối, dừng.</source>
        <translation>Digitised papers are reused once their dossier has a result (Decree 118/2025/NĐ-CP art. 22(1)); this dossier has none yet, or was refused or stopped.</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Đã quá hạn từ {due}, chưa có kết quả.</source>
        <extracomment>Fewer decided dossiers than this say too little to estimate from. How far back decided dossiers are looked at. the sessions in microseconds after midnight, for arithmetic without datetimes</extracomment>
        <translation>Overdue since {due}, no result yet.</translation>
    </message>
    <message>
        <source>Chỉ còn {left} đến hạn ({due}), chưa có kết quả.</source>
        <translation>Only {left} left until due ({due}), no result yet.</translation>
    </message>
    <message>
        <source>Hồ sơ đã được hẹn lại một lần: không thể hẹn lại nữa.</source>
        <translation>The dossier has already been rescheduled once: it cannot be rescheduled again.</translation>
    </message>
    <message>
        <source>Thủ tục này thường cần khoảng {need} (trung vị của {samples} hồ sơ đã giải quyết trong 12 tháng qua), nhưng hồ sơ chỉ còn {left} đến hạn ({due}).</source>
        <translation>This procedure usually takes about {need} (median of {samples} dossiers decided in the last 12 months), but the dossier has only {left} left until due ({due}).</translation>
    </message>
    <message>
        <source>{department} thường cần khoảng {need} cho thủ tục này (trung vị của {samples} hồ sơ đã giải quyết trong 12 tháng qua), nhưng hồ sơ chỉ còn {left} đến hạn ({due}).</source>
        <translation>{department} usually takes about {need} for this procedure (median of {samples} dossiers decided in the last 12 months), but the dossier has only {left} left until due ({due}).</translation>
    </message>
    <message>
        <source>1 ngày làm việc</source>
        <translation>1 working day</translation>
    </message>
    <message>
        <source>{days} ngày làm việc</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <source>{hours} giờ {minutes} phút làm việc</source>
        <translation>{hours} h {minutes} min of working time</translation>
    </message>
    <message>
        <source>{hours} giờ làm việc</source>
        <translation>{hours} h of working time</translation>
    </message>
    <message>
        <source>{minutes} phút làm việc</source>
        <translation>{minutes} min of working time</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Intake clerk</translation>
    </message>
    <message>
        <source>Lãnh đạo, giám sát</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Chỉ lãnh đạo, giám sát mới được giao lại hồ sơ cho cán bộ khác.</source>
        <translation>Only a supervisor may reassign a dossier to another clerk.</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát mới được sửa thông tin hồ sơ đã tiếp nhận.</source>
        <translation>Only a supervisor may edit the data of a received dossier.</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo, giám sát mới được xem báo cáo, thống kê của cơ quan.</source>
        <translation>Only a supervisor may view the office&apos;s reports and statistics.</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được thay đổi tài khoản, danh mục, lịch và cài đặt.</source>
        <translation>Only an administrator may change accounts, the catalog, the calendar and settings.</translation>
    </message>
    <message>
        <source>Tài khoản này không có quyền làm việc này.</source>
        <translation>This account is not allowed to do this.</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Quy định áp dụng</source>
        <translation>Rules applied</translation>
    </message>
    <message>
        <source>Các quy định desk áp dụng khi tiếp nhận, hẹn trả và lập phiếu, kèm văn bản gốc. Quy định có văn bản chưa đối chiếu được là cài đặt của cơ quan: giữ mặc định hoặc chọn theo hướng dẫn của cấp trên.</source>
        <translation>The rules the desk applies to intake, appointments and forms, with their legal source. A rule whose text could not be checked is an office setting: keep the default or choose as your superiors instruct.</translation>
    </message>
    <message>
        <source>Quy định</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Đã đối chiếu</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Lưu cài đặt</source>
        <translation>Save setting</translation>
    </message>
    <message>
        <source>Cài đặt của cơ quan (văn bản chưa quy định rõ)</source>
        <translation>Office settings (where the texts are not clear)</translation>
    </message>
    <message>
        <source>Hồ sơ đã xin lỗi, hẹn lại được tính:</source>
        <translation>A rescheduled dossier is counted:</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được đổi cài đặt.</source>
        <translation>Only an admin may change settings.</translation>
    </message>
    <message>
        <source>Đã lưu: {choice}.</source>
        <translation>Saved: {choice}.</translation>
    </message>
</context>
<context>
    <name>ScanAttach</name>
    <message>
        <source>Quá nhiều trang ({count}): một giấy tờ được tối đa {limit} trang.</source>
        <translation>Too many pages ({count}): a paper may have at most {limit} pages.</translation>
    </message>
    <message>
        <source>Chưa có trang nào để lưu.</source>
        <translation>There are no pages to save yet.</translation>
    </message>
</context>
<context>
    <name>ScanBox</name>
    <message>
        <source>Quét/nhập mã hồ sơ (F2):</source>
        <translation>Scan/type dossier code (F2):</translation>
    </message>
    <message>
        <source>Ví dụ: H36.41-260310-0001</source>
        <translation>Example: H36.41-260310-0001</translation>
    </message>
    <message>
        <source>Bấm F2 ở bất kỳ màn hình nào rồi quét mã QR trên phiếu hẹn, hoặc gõ mã hồ sơ và bấm Enter.</source>
        <translation>Press F2 on any screen, then scan the QR code on the receipt, or type the dossier code and press Enter.</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ScanFiles</name>
    <message>
        <source>Không đọc được tệp {name}: {error}.</source>
        <extracomment>Pillow refuses images over ~179 megapixels as a &quot;decompression bomb&quot;; a 600 dpi A3 colour scan is 70 megapixels, so this limit only stops broken or hostile files.</extracomment>
        <translation>Cannot read the file {name}: {error}.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải ảnh quét (JPEG, PNG, TIFF...) hay tệp PDF đọc được{detail}. Hãy quét lại hoặc chọn tệp khác.</source>
        <translation>The file {name} is not a readable scanned image (JPEG, PNG, TIFF...) or PDF{detail}. Scan again or choose another file.</translation>
    </message>
    <message>
        <source>Tệp {name} có mật khẩu: hãy dùng bản PDF không đặt mật khẩu.</source>
        <translation>The file {name} has a password: use a PDF without one.</translation>
    </message>
</context>
<context>
    <name>ScanIntegrity</name>
    <message>
        <source>Tệp {name} có bản số hóa không còn đúng với mã băm SHA-256 đã ghi (hồ sơ, giấy tờ số: {scans}): bản sao lưu đã bị hỏng. Hãy chọn một bản sao lưu khác.</source>
        <translation>The file {name} holds digitised papers that no longer match their recorded SHA-256 (dossier, paper no.: {scans}): the backup is damaged. Choose another backup.</translation>
    </message>
    <message>
        <source>Bản số hóa của hồ sơ {code} trong tệp dữ liệu cũ không còn đúng với mã băm đã ghi: không lấy lại được hồ sơ này.</source>
        <translation>A digitised paper of dossier {code} in the old data file no longer matches its recorded hash: this dossier cannot be brought back.</translation>
    </message>
</context>
<context>
    <name>ScanJobs</name>
    <message>
        <source>Không xử lý được bản số hóa: xem nhật ký của chương trình.</source>
        <translation>The digitised copy could not be processed: see the program&apos;s log.</translation>
    </message>
</context>
<context>
    <name>ScanReuse</name>
    <message>
        <source>“{paper}” không có trong danh mục của thủ tục</source>
        <translation>“{paper}” is not in the procedure&apos;s list</translation>
    </message>
    <message>
        <source>“{paper}” vừa được đánh dấu đã nhận vừa dùng bản số hóa</source>
        <translation>“{paper}” is both ticked as handed in and taken from a digitised copy</translation>
    </message>
    <message>
        <source>bản số hóa dùng cho “{paper}” không phải của người nộp này</source>
        <translation>the digitised copy for “{paper}” is not this applicant&apos;s</translation>
    </message>
    <message>
        <source>bản số hóa dùng cho “{paper}”: {reason}</source>
        <translation>the digitised copy for “{paper}”: {reason}</translation>
    </message>
    <message>
        <source>Không dùng lại được bản số hóa: {problems}.</source>
        <translation>The digitised copies cannot be reused: {problems}.</translation>
    </message>
</context>
<context>
    <name>Scans</name>
    <message>
        <source>Không tìm thấy hồ sơ mã &apos;{code}&apos;. Kiểm tra lại mã hồ sơ.</source>
        <extracomment>Stored as the result&apos;s name when the clerk gives none (data, not screen text).</extracomment>
        <translation>No dossier with the code &apos;{code}&apos;. Check the dossier code.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không có giấy tờ số {number}: phiếu hẹn của hồ sơ ghi {count} giấy tờ, đánh số từ 1.</source>
        <translation>Dossier {code} has no paper number {number}: its receipt lists {count} papers, numbered from 1.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không có giấy tờ “{name}”.</source>
        <translation>Dossier {code} has no paper “{name}”.</translation>
    </message>
    <message>
        <source>Bản số hóa quá lớn ({pages} trang, {megabytes} MB): một giấy tờ được tối đa {max_pages} trang và {max_megabytes} MB. Hãy quét ở độ phân giải 300 dpi, ảnh đen trắng hoặc xám cho giấy tờ không có màu.</source>
        <translation>The digitised copy is too large ({pages} pages, {megabytes} MB): a paper may have at most {max_pages} pages and {max_megabytes} MB. Scan at 300 dpi, in black and white or grey for papers without colour.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa có kết quả: chỉ số hóa kết quả sau khi đã ghi nhận “Có kết quả”.</source>
        <translation>Dossier {code} has no result yet: digitise the result only after recording “Result ready”.</translation>
    </message>
    <message>
        <source>Giấy tờ số {number} của hồ sơ {code} chưa có bản số hóa.</source>
        <translation>Paper number {number} of dossier {code} has no digitised copy.</translation>
    </message>
    <message>
        <source>Bản số hóa giấy tờ số {number} của hồ sơ {code} không còn đúng với mã băm đã ghi (dữ liệu bị hỏng): hãy khôi phục từ bản sao lưu hoặc quét lại giấy tờ.</source>
        <translation>The digitised copy of paper {number} of dossier {code} no longer matches its recorded hash (the data is damaged): restore it from a backup or scan the paper again.</translation>
    </message>
</context>
<context>
    <name>Scope</name>
    <message>
        <source>toàn cơ quan</source>
        <translation>whole office</translation>
    </message>
    <message>
        <source>của tôi</source>
        <translation>mine</translation>
    </message>
    <message>
        <source>Toàn cơ quan</source>
        <translation>Whole office</translation>
    </message>
    <message>
        <source>Hồ sơ của tôi</source>
        <translation>My dossiers</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Thiết lập lần đầu</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Hoàn tất thiết lập</source>
        <translation>Set-up completed</translation>
    </message>
    <message>
        <source>Lần thiết lập trước chưa xong (có thể máy bị tắt giữa chừng). desk đã bổ sung: {parts}. Quản trị viên hãy kiểm tra lại trong mục Quản trị.</source>
        <translation>The previous set-up did not finish (the computer may have been switched off half-way). desk has added: {parts}. The administrator should check them under Administration.</translation>
    </message>
</context>
<context>
    <name>SmsModem</name>
    <message>
        <source>Cổng modem phải có dạng serial:COM5 hoặc serial:/dev/ttyUSB2?baudrate=115200.</source>
        <translation>The modem&apos;s port must be written serial:COM5 or serial:/dev/ttyUSB2?baudrate=115200.</translation>
    </message>
    <message>
        <source>Không mở được modem ở cổng {device}: {error}</source>
        <translation>Cannot open the modem on port {device}: {error}</translation>
    </message>
    <message>
        <source>Không ghi được ra modem: {error}</source>
        <translation>Cannot write to the modem: {error}</translation>
    </message>
    <message>
        <source>Không đọc được từ modem: {error}</source>
        <translation>Cannot read from the modem: {error}</translation>
    </message>
    <message>
        <source>Modem báo lỗi: {answer}</source>
        <translation>The modem reports an error: {answer}</translation>
    </message>
    <message>
        <source>Modem không trả lời lệnh {command} sau {seconds:.0f} giây.</source>
        <translation>The modem did not answer {command} within {seconds:.0f} seconds.</translation>
    </message>
    <message>
        <source>Không gửi được SMS tới số {phone}: {error}</source>
        <translation>Cannot send an SMS to {phone}: {error}</translation>
    </message>
    <message>
        <source>{error} (đã gửi {done}/{total} phần)</source>
        <translation>{error} ({done}/{total} parts sent)</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>Bộ phận Một cửa (chưa chuyển xử lý)</source>
        <extracomment>The department of a dossier not transferred yet: it is still at the one-stop desk. A row label: the statistics form prints it as it is, a screen shows ``translated()``.</extracomment>
        <translation>One-stop shop (not transferred yet)</translation>
    </message>
</context>
<context>
    <name>StepDialogs</name>
    <message>
        <source>Ghi nhận có kết quả</source>
        <translation>Record result ready</translation>
    </message>
    <message>
        <source>Hẹn trả: {due}. Ghi nhận lúc này, kết quả được tính là: {label}.</source>
        <translation>Appointment: {due}. Recorded now, the result counts as: {label}.</translation>
    </message>
    <message>
        <source>Ví dụ: số giấy chứng nhận đã cấp</source>
        <translation>Example: number of the certificate issued</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Return result</translation>
    </message>
    <message>
        <source>Tại quầy</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính</source>
        <translation>By postal service</translation>
    </message>
    <message>
        <source>Ví dụ: EL123456789VN</source>
        <translation>Example: EL123456789VN</translation>
    </message>
    <message>
        <source>Hình thức trả:</source>
        <translation>Return method:</translation>
    </message>
    <message>
        <source>Người nhận kết quả:</source>
        <translation>Collected by:</translation>
    </message>
    <message>
        <source>Mã vận đơn bưu điện:</source>
        <translation>Postal tracking number:</translation>
    </message>
    <message>
        <source>{time} ngày {date}</source>
        <translation>{time} on {date}</translation>
    </message>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>{step} — hồ sơ {code}</source>
        <extracomment>What the dialog shows, as read: the dossier and what the step offers.</extracomment>
        <translation>{step} — dossier {code}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt; — {name}&lt;br&gt;{procedure}</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; — {name}&lt;br&gt;{procedure}</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang ghi nhận...</source>
        <extracomment>&quot;Đang ghi nhận...&quot; while the step waits on the database.</extracomment>
        <translation>Recording...</translation>
    </message>
    <message>
        <source>Chuyển</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>— Chọn phòng, ban, cơ quan —</source>
        <translation>— Choose a department or agency —</translation>
    </message>
    <message>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Chuyển đến:</source>
        <translation>Transfer to:</translation>
    </message>
    <message>
        <source>Hãy chọn nơi nhận hồ sơ.</source>
        <translation>Choose where the dossier goes.</translation>
    </message>
    <message>
        <source>Gửi yêu cầu và in phiếu</source>
        <translation>Send request and print form</translation>
    </message>
    <message>
        <source>Ghi đầy đủ MỘT LẦN mọi giấy tờ, nội dung cần bổ sung (Nghị định 118/2025/NĐ-CP, điều 16 khoản 3): sau đó không được yêu cầu thêm. Chỉ được yêu cầu giấy tờ có trong danh mục của thủ tục.</source>
        <translation>List every missing paper and item ONCE, in full (Decree 118/2025, art. 16(3)): nothing more may be requested afterwards. Only papers in the procedure&apos;s list may be requested.</translation>
    </message>
    <message>
        <source> — đã nhận</source>
        <translation> — received</translation>
    </message>
    <message>
        <source>Ví dụ: tờ khai thiếu chữ ký người yêu cầu; bản sao chưa chứng thực</source>
        <translation>Example: the declaration lacks the applicant&apos;s signature; the copy is not certified</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung:</source>
        <translation>Papers to supplement:</translation>
    </message>
    <message>
        <source>Lý do, nội dung cần hoàn thiện:</source>
        <translation>Reason, what must be completed:</translation>
    </message>
    <message>
        <source>Người cần liên hệ:</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <source>Nhận bổ sung và in phiếu hẹn mới</source>
        <translation>Receive supplement and print new receipt</translation>
    </message>
    <message>
        <source>Đã yêu cầu bổ sung: {what}</source>
        <translation>Supplement requested: {what}</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết được tính lại từ đầu (Nghị định 118/2025/NĐ-CP, điều 19 khoản 5). Hẹn trả cũ: {old}. Hẹn trả mới: {new}. Một phiếu hẹn mới sẽ được in.</source>
        <translation>The time limit starts again from the beginning (Decree 118/2025, art. 19(5)). Old appointment: {old}. New appointment: {new}. A new receipt will be printed.</translation>
    </message>
    <message>
        <source>Từ chối và in phiếu</source>
        <translation>Refuse and print notice</translation>
    </message>
    <message>
        <source>Hồ sơ sẽ kết thúc. Phiếu từ chối (mẫu 03) ghi rõ lý do được in ra.</source>
        <translation>The dossier will end. A refusal notice (form 03) stating the reasons will be printed.</translation>
    </message>
    <message>
        <source>Ví dụ: yêu cầu không thuộc thẩm quyền giải quyết của UBND xã</source>
        <translation>Example: the request is outside the commune People&apos;s Committee&apos;s competence</translation>
    </message>
    <message>
        <source>Lý do từ chối:</source>
        <translation>Reason for refusal:</translation>
    </message>
    <message>
        <source>Dừng và in thông báo</source>
        <translation>Stop and print the notice</translation>
    </message>
    <message>
        <source>Chỉ dừng khi người nộp có văn bản đề nghị, trước khi có quyết định giải quyết. Hồ sơ sẽ kết thúc. Thông báo dừng giải quyết hồ sơ (mẫu 05) ghi lý do này được in ra.</source>
        <translation>Stop only on the applicant&apos;s written request, before the decision is made. The dossier will end. The notice of stopping the dossier (form 05), with this reason, is printed.</translation>
    </message>
    <message>
        <source>Ví dụ: người nộp có đơn xin rút hồ sơ ngày ...</source>
        <translation>Example: the applicant asked in writing to withdraw the dossier on ...</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Giao lại</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <source>— Chọn cán bộ —</source>
        <translation>— Choose a clerk —</translation>
    </message>
    <message>
        <source>Ví dụ: cán bộ phụ trách nghỉ phép</source>
        <translation>Example: the clerk in charge is on leave</translation>
    </message>
    <message>
        <source>Giao cho:</source>
        <translation>Assign to:</translation>
    </message>
    <message>
        <source>Hãy chọn cán bộ nhận hồ sơ.</source>
        <translation>Choose the clerk who takes the dossier.</translation>
    </message>
    <message>
        <source>Họ và tên người nộp:</source>
        <translation>Applicant&apos;s full name:</translation>
    </message>
    <message>
        <source>Số CCCD / mã số thuế:</source>
        <translation>Citizen ID / tax code:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Nộp thay cho (ủy quyền):</source>
        <translation>On behalf of (authorised):</translation>
    </message>
    <message>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Mã số thuế / mã doanh nghiệp:</source>
        <translation>Tax code / enterprise code:</translation>
    </message>
    <message>
        <source>Ví dụ: ghi sai số CCCD khi tiếp nhận</source>
        <translation>Example: wrong citizen ID number typed at intake</translation>
    </message>
    <message>
        <source>Lý do sửa:</source>
        <translation>Reason for the change:</translation>
    </message>
    <message>
        <source>Chưa có thông tin nào được sửa.</source>
        <translation>Nothing has been changed.</translation>
    </message>
</context>
<context>
    <name>StepKind</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <source>Chuyển xử lý</source>
        <translation>Transferred for processing</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung hồ sơ</source>
        <translation>Supplement request</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Từ chối giải quyết</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Có kết quả giải quyết</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Dừng giải quyết theo đề nghị</source>
        <translation>Stopped at the applicant&apos;s request</translation>
    </message>
    <message>
        <source>Sửa thông tin hồ sơ</source>
        <translation>Dossier data edited</translation>
    </message>
    <message>
        <source>Giao lại cán bộ phụ trách</source>
        <translation>Reassigned to another clerk</translation>
    </message>
    <message>
        <source>Xin lỗi và hẹn lại</source>
        <translation>Apology and new appointment date</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Chỉ được yêu cầu bổ sung giấy tờ có trong danh mục của thủ tục: {papers}</source>
        <translation>Only papers listed for the procedure may be requested in a supplement request: {papers}</translation>
    </message>
    <message>
        <source>Hãy ghi rõ lý do từ chối giải quyết hồ sơ.</source>
        <translation>Write the reasons for refusing the dossier.</translation>
    </message>
    <message>
        <source>Trả qua bưu chính: hãy nhập mã vận đơn bưu điện.</source>
        <translation>Returned by post: enter the postal tracking number.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do người nộp đề nghị dừng giải quyết.</source>
        <translation>Write why the applicant asked to stop processing.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do giao lại hồ sơ.</source>
        <translation>Write the reason for reassigning the dossier.</translation>
    </message>
    <message>
        <source>Không có tài khoản &apos;{username}&apos; đang hoạt động.</source>
        <translation>There is no active account &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do sửa thông tin hồ sơ.</source>
        <translation>Write the reason for correcting the dossier&apos;s information.</translation>
    </message>
    <message>
        <source>Họ và tên người nộp không được để trống.</source>
        <translation>The applicant&apos;s full name must not be empty.</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <source>Đang chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Đã gọi</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Đang phục vụ</source>
        <translation>Being served</translation>
    </message>
    <message>
        <source>Đã xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation>Absent</translation>
    </message>
</context>
<context>
    <name>TimeLimit</name>
    <message>
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <source>Trong ngày (nhận sau {cutoff} trả ngày làm việc tiếp theo)</source>
        <translation>Same day (received after {cutoff}: returned the next working day)</translation>
    </message>
    <message>
        <source>01 ngày làm việc</source>
        <translation>1 working day</translation>
    </message>
    <message>
        <source>{amount} ngày làm việc</source>
        <translation>{amount} working days</translation>
    </message>
    <message>
        <source>01 giờ làm việc</source>
        <translation>1 working hour</translation>
    </message>
    <message>
        <source>{amount} giờ làm việc</source>
        <translation>{amount} working hours</translation>
    </message>
    <message>
        <source>01 ngày</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>{amount} ngày</source>
        <translation>{amount} days</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>T{month}/{year}</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <source>Biểu đồ kết quả giải quyết theo tháng</source>
        <extracomment>Whether months were given yet (before, the dashboard is still counting them).</extracomment>
        <translation>Chart of decisions by month</translation>
    </message>
    <message>
        <source>Đang tính số liệu...</source>
        <translation>Counting the figures...</translation>
    </message>
    <message>
        <source>Chưa có số liệu trong các tháng này.</source>
        <translation>No figures for these months yet.</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn (trục phải)</source>
        <translation>On-time rate (right axis)</translation>
    </message>
    <message>
        <source>Tiếp nhận: {n}</source>
        <translation>Received: {n}</translation>
    </message>
    <message>
        <source>Đã giải quyết: {n}</source>
        <translation>Decided: {n}</translation>
    </message>
    <message>
        <source>Trước hạn {a}, đúng hạn {b}, quá hạn {c}</source>
        <translation>Early {a}, on time {b}, late {c}</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn: {r}</source>
        <translation>On-time rate: {r}</translation>
    </message>
</context>
<context>
    <name>UserSwitch</name>
    <message>
        <source>Đổi người dùng</source>
        <extracomment>The question about unsaved input, while it is asked. The login dialog, while it is open.</extracomment>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Có phần đang nhập chưa lưu (tiếp nhận hồ sơ hoặc một bước của hồ sơ). Đổi người dùng sẽ bỏ phần đó. Vẫn đổi người dùng?</source>
        <translation>Something typed is not saved yet (an intake, or a step of a dossier). Switching user gives it up. Switch user all the same?</translation>
    </message>
    <message>
        <source>Bỏ phần chưa lưu và đổi</source>
        <translation>Give it up and switch</translation>
    </message>
    <message>
        <source>Không, ở lại</source>
        <translation>No, stay</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Họ và tên</source>
        <extracomment>The longest text each free-text field may hold, in characters. Each is printed on a legal form (form 01, the receipt, of Circular 03/2025/TT-VPCP, Annex I, on A4 and A5 and on 58/80 mm thermal paper; forms 02-05 for the reasons) and kept in a column of that size, so the limits keep every form on its page: - ``name``, ``principal``, ``collected_by`` 150: one to two lines of form 01. Personal names are rarely over 40 characters; an organisation&apos;s full registered name (a branch repeats its enterprise&apos;s) rarely over 120. - ``address``, ``delivery_address`` 300: three lines of form 01; a full address (house number, lane, street, hamlet, commune, province) stays well under. - ``email`` 120: the column holds 120 (the mail standard allows 254, no address in use comes near); ``phone`` 20: the column, and a number typed with spaces and +84 is 15 at most. - ``note`` 500: one paragraph; a step&apos;s ``note`` 500 as well. - ``reason`` 1000: the reasons printed on forms 02-05 (about twelve lines of A4), so the form keeps its signatures on its one page; ``contact`` 200; ``tracking_number`` 60 (postal tracking codes are 13 characters). Fields where the clerk may start a new line (the multi-line boxes of the steps). How each field is named in its message (&quot;Họ và tên dài ...&quot;).</extracomment>
        <translation>The full name</translation>
    </message>
    <message>
        <source>Tên tổ chức</source>
        <translation>The organisation&apos;s name</translation>
    </message>
    <message>
        <source>Người ủy quyền</source>
        <translation>The principal</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>The person collecting the result</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>The address</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả</source>
        <translation>The delivery address</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>The e-mail address</translation>
    </message>
    <message>
        <source>Số điện thoại</source>
        <translation>The phone number</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>The note</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>The reason</translation>
    </message>
    <message>
        <source>Người cần liên hệ</source>
        <translation>The contact person</translation>
    </message>
    <message>
        <source>Mã vận đơn</source>
        <translation>The tracking number</translation>
    </message>
    <message>
        <source>{field} phải viết trên một dòng: hãy xóa dấu xuống dòng hoặc dấu tab.</source>
        <translation>{field} must be on one line: remove the line break or the tab.</translation>
    </message>
    <message>
        <source>{field} có ký tự điều khiển không in được ({codes}), thường do dán từ chương trình khác: hãy xóa ô này rồi gõ lại.</source>
        <translation>{field} holds a control character that cannot be printed ({codes}), usually pasted from another program: clear the field and type it again.</translation>
    </message>
    <message>
        <source>{field} dài {count} ký tự, quá mức {limit} ký tự để in vừa trên giấy tờ: hãy viết gọn lại.</source>
        <translation>{field} is {count} characters long, more than the {limit} that fit on the printed forms: shorten it.</translation>
    </message>
    <message>
        <source>Chưa nhập số CCCD/định danh cá nhân.</source>
        <translation>The CCCD / personal ID number is not entered.</translation>
    </message>
    <message>
        <source>Số CCCD chỉ gồm chữ số (12 chữ số), không có chữ hay dấu cách.</source>
        <translation>A CCCD number has digits only (12 digits), no letters or spaces.</translation>
    </message>
    <message>
        <source>Số CCCD phải có đúng 12 chữ số (đang có {count}).</source>
        <translation>A CCCD number must have exactly 12 digits (it has {count}).</translation>
    </message>
    <message>
        <source>Chưa nhập mã số thuế/mã số doanh nghiệp của tổ chức.</source>
        <translation>The organisation&apos;s tax code / enterprise code is not entered.</translation>
    </message>
    <message>
        <source>Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (ví dụ 0101234567-001).</source>
        <translation>A tax code has 10 digits, or 13 digits for a dependent unit (e.g. 0101234567-001).</translation>
    </message>
    <message>
        <source>Chưa nhập số điện thoại.</source>
        <translation>The phone number is not entered.</translation>
    </message>
    <message>
        <source>Số điện thoại không hợp lệ: số di động có 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 (hoặc +84 và 9 chữ số).</source>
        <translation>Invalid phone number: a mobile number has 10 digits starting with 03, 05, 07, 08, 09 (or +84 and 9 digits).</translation>
    </message>
    <message>
        <source>Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).</source>
        <translation>Invalid email address (e.g. name@example.vn).</translation>
    </message>
    <message>
        <source>Ngày sinh không được sau ngày hôm nay.</source>
        <translation>The date of birth cannot be after today.</translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục hành chính.</source>
        <translation>No administrative procedure is chosen.</translation>
    </message>
    <message>
        <source>Thủ tục đã chọn không còn trong danh mục; hãy chọn lại.</source>
        <translation>The chosen procedure is no longer in the catalog; choose again.</translation>
    </message>
    <message>
        <source>Chưa nhập họ và tên người nộp.</source>
        <translation>The applicant&apos;s full name is not entered.</translation>
    </message>
    <message>
        <source>Chưa nhập tên tổ chức.</source>
        <translation>The organisation&apos;s name is not entered.</translation>
    </message>
    <message>
        <source>Chưa đánh dấu giấy tờ nào đã nhận: hãy đánh dấu ít nhất một giấy tờ.</source>
        <translation>No paper is ticked as received: tick at least one paper.</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu chính: hãy nhập địa chỉ nhận kết quả.</source>
        <translation>Result returned by post: enter the delivery address.</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ phải từ 1 trở lên.</source>
        <translation>The number of dossier sets must be 1 or more.</translation>
    </message>
    <message>
        <source>Ô tên đang chứa mã hồ sơ hoặc dữ liệu mã QR, không phải tên: hãy xóa và nhập tên người nộp.</source>
        <translation>The name field holds a dossier code or QR data, not a name: clear it and type the applicant&apos;s name.</translation>
    </message>
</context>
<context>
    <name>VnDates</name>
    <message>
        <source>{hour} giờ {minute} phút</source>
        <translation>{hour}:{minute}</translation>
    </message>
    <message>
        <source>ngày {date}</source>
        <translation>{date}</translation>
    </message>
    <message>
        <source>{hour} giờ {minute} phút, ngày {date}</source>
        <translation>{hour}:{minute}, {date}</translation>
    </message>
    <message>
        <source>{weekday}, ngày {date}</source>
        <translation>{weekday}, {date}</translation>
    </message>
</context>
<context>
    <name>Weekday</name>
    <message>
        <source>Thứ Hai</source>
        <extracomment>Marked labels: the value is the printed Vietnamese name; ``translated()`` shows it.</extracomment>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Chờ người nộp bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <source>Có kết quả, chờ trả</source>
        <translation>Result ready, awaiting return</translation>
    </message>
    <message>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Tất cả hồ sơ chưa xong</source>
        <translation>All unfinished dossiers</translation>
    </message>
</context>
<context>
    <name>WorklistTableModel</name>
    <message>
        <source>Thời hạn</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang ở</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>Cán bộ phụ trách</source>
        <translation>Clerk in charge</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source> · Đã hẹn lại</source>
        <translation> · Rescheduled</translation>
    </message>
    <message>
        <source>Quá hạn từ {time}</source>
        <translation>Overdue since {time}</translation>
    </message>
    <message>
        <source>Quá hạn {n} ngày làm việc</source>
        <translation>Overdue by {n} working days</translation>
    </message>
    <message>
        <source>Hôm nay, trước {time}</source>
        <translation>Today, before {time}</translation>
    </message>
    <message>
        <source>Ngày làm việc tới</source>
        <translation>Next working day</translation>
    </message>
    <message>
        <source>Còn {n} ngày làm việc</source>
        <extracomment>Texts never shown: they only set how wide a column is.</extracomment>
        <translation>{n} working days left</translation>
    </message>
    <message>
        <source>Đã xin lỗi và hẹn lại một lần, hẹn ban đầu {when}: không thể hẹn lại nữa.</source>
        <extracomment>the rows asked for are in the model: the list read from its top (``False``), or more of it at its end (``True``) a read failed: what to tell the clerk (the rows shown stay) Reads of the list from its top, and of more of it: only the newest is shown.</extracomment>
        <translation>Already apologised and rescheduled once, first appointment {when}: it cannot be rescheduled again.</translation>
    </message>
    <message>
        <source>Nhận lúc {when}</source>
        <translation>Received at {when}</translation>
    </message>
    <message>
        <source>Hẹn lại theo phiếu xin lỗi; hẹn ban đầu {when}</source>
        <translation>Rescheduled by apology letter; first appointment {when}</translation>
    </message>
    <message>
        <source>Điện thoại: {phone}</source>
        <translation>Phone: {phone}</translation>
    </message>
    <message>
        <source>Đã bổ sung {n} lần</source>
        <translation>Supplemented {n} time(s)</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Hồ sơ có nguy cơ trễ hạn: cần lập phiếu xin lỗi và hẹn lại kịp thời.</source>
        <translation>Dossiers at risk of being late: an apology letter with a new date must be made in time.</translation>
    </message>
    <message>
        <source>Tìm theo tên người nộp, mã hồ sơ, số CCCD, số điện thoại (gõ không dấu cũng được)</source>
        <extracomment>Bands move as time passes even when nobody changes anything. The tab after the views: dossiers at risk of being late (not a filter of the list). the counts of the bands and the view tabs are on screen The change counter the list was last read at (``None``: not yet known, and the first poll reads the list again). Whose dossiers the bands, the tabs and the at-risk list count: a clerk&apos;s own, a supervisor&apos;s the whole office (``desk.domain.scope``); the screen says which. What a read of the list from its top keeps when its rows come: the dossier selected and the scroll position (a refresh), or ``None`` (the top of a new list). Its reads of the change counter, which may wait or fail (a server away). The counts&apos; reads: a later count makes an earlier one late (not shown). Why the list last asked for could not be read (``None``: it could).</extracomment>
        <translation>Search by applicant name, dossier code, citizen ID number, phone number (accents optional)</translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <source>In lại phiếu</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Tất cả lĩnh vực</source>
        <extracomment>Texts never shown: they only set how wide a filter box is (in characters). The choices&apos; read ended (shown, or kept as they were when it failed). The reads of the choices: a later read makes an earlier one late (not shown).</extracomment>
        <translation>All fields</translation>
    </message>
    <message>
        <source>Tất cả thủ tục</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <source>Mọi hình thức nộp</source>
        <translation>All submission channels</translation>
    </message>
    <message>
        <source>Tất cả phòng, ban</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Tất cả cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <source>Danh sách chỉ gồm hồ sơ anh/chị phụ trách. Hồ sơ khác: quét hoặc nhập mã ở ô “Quét/nhập mã hồ sơ” (F2).</source>
        <translation>The list holds only the dossiers you are in charge of. For other dossiers, scan or type the code in the “Scan/type dossier code” box (F2).</translation>
    </message>
    <message>
        <source>Tất cả trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Các con số tính trên toàn cơ quan, như báo cáo, thống kê.</source>
        <translation>The figures count the whole office, as the reports do.</translation>
    </message>
    <message>
        <source>Các con số chỉ tính hồ sơ anh/chị phụ trách; báo cáo, thống kê của cả cơ quan ở trình đơn Báo cáo.</source>
        <translation>The figures count only the dossiers you are in charge of; the whole office&apos;s figures are in the Reports menu.</translation>
    </message>
    <message>
        <source>Cần xin lỗi - {scope}</source>
        <translation>Apology needed - {scope}</translation>
    </message>
    <message>
        <source>{n} hồ sơ cần xin lỗi</source>
        <translation>{n} dossier(s) needing an apology</translation>
    </message>
    <message>
        <source>Đang đọc danh sách hồ sơ...</source>
        <translation>Reading the list of dossiers...</translation>
    </message>
    <message>
        <source>Có hồ sơ vừa thay đổi: bấm “Làm mới” để xem.</source>
        <translation>Some dossiers have just changed: click “Refresh” to see them.</translation>
    </message>
    <message>
        <source>{band}: {n} hồ sơ ({scope}). Bấm để chỉ xem những hồ sơ này, bấm lần nữa để bỏ chọn.</source>
        <translation>{band}: {n} dossiers ({scope}). Click to show only these dossiers, click again to show all.</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc, mới nhất ở trên.</source>
        <translation>Finished dossiers, newest first.</translation>
    </message>
    <message>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
</context>
<context>
    <name>ZaloSender</name>
    <message>
        <source>Chưa có mã mẫu ZNS cho bước này: ghi mã mẫu Zalo đã duyệt vào zalo_template_id trong tệp lời văn messages.toml.</source>
        <translation>No ZNS template id for this step: write the approved Zalo template id in zalo_template_id of the wording file messages.toml.</translation>
    </message>
    <message>
        <source>Zalo trả lời HTTP {status}: {reason}</source>
        <translation>Zalo answered HTTP {status}: {reason}</translation>
    </message>
    <message>
        <source>Không kết nối được Zalo: {error}</source>
        <translation>Cannot reach Zalo: {error}</translation>
    </message>
    <message>
        <source>Zalo trả lời không đọc được.</source>
        <translation>Zalo&apos;s answer cannot be read.</translation>
    </message>
    <message>
        <source>Zalo báo lỗi {error}: {message}</source>
        <translation>Zalo reports error {error}: {message}</translation>
    </message>
</context>
</TS>
