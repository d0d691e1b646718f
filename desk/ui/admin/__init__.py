"""Administration dialogs, each ``XxxDialog(db, clerk)`` for the logged-in admin.

- ``clerks_dialog.ClerksDialog``: the clerks' accounts, and adding one.
- ``procedures_dialog.ProceduresDialog``: the procedure catalog (search, edit,
  import and export CSV/XLSX); ``procedure_editor`` edits one procedure.
- ``calendar_dialog.CalendarDialog``: office hours, days off and make-up days.
- ``printer_dialog.PrinterSettingsDialog``: the receipt printer, paper, test print.
- ``office_dialog.OfficeDialog``: the office's name, code and head of agency.

The modules are imported where they are used, so opening one dialog does not
load the others.
"""
