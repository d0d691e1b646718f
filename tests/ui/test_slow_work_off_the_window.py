"""Printing, PDFs, exports and copies never run on the window's thread.

Every call in ``desk/ui`` to a service that waits on a printer, writes a document
or copies the database sits in the work handed to ``desk.ui.widgets.background``:
a lambda or a function defined inside the method that starts it, or a module-level
function such work calls. A method of a window calling one directly would freeze
the window while the printer answers; this test names it.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desk" / "ui"

#: Services that wait on a device, a file or the whole database.
SLOW = {
    "print_receipt",
    "print_ticket",
    "print_checklist",
    "print_test_page",
    "apology_pdf",
    "receipt_pdf",
    "refusal_pdf",
    "stop_notice_pdf",
    "control_slip_pdf",
    "supplement_request_pdf",
    "statistics_form_pdf",
    "tracking_book_pdf",
    "write_booklet_pdf",
    "export_catalog",
    "import_catalog",
    "backup_now",
    "automatic_backup",
    "write_form",
    "write_export",
}


def _called_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def direct_slow_calls(source: str, filename: str = "<test>") -> list[str]:
    """``file:line name`` for each slow call made in a method's own body."""
    found: list[str] = []
    tree = ast.parse(source)

    def visit_body(node: ast.AST, qualname: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef)):
                continue  # work handed elsewhere: a lambda, an inner function
            if isinstance(child, ast.Call) and _called_name(child) in SLOW:
                found.append(f"{filename}:{child.lineno} {qualname} calls {_called_name(child)}")
            visit_body(child, qualname)

    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for method in cls.body:
            if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit_body(method, f"{cls.name}.{method.name}")
    return found


def test_no_window_method_prints_or_writes_on_its_own_thread():
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += direct_slow_calls(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    assert found == []


def test_the_check_sees_a_method_that_prints_directly():
    source = """
class Page:
    def print_again(self):
        receipts.print_receipt(self.db, self.code)

    def print_in_background(self):
        background.run_in_background(self, lambda: receipts.print_receipt(db, code), ...)

    def write_in_background(self):
        def work():
            return form_documents.apology_pdf(db, code, path)
        background.run(self, work, self.done)
"""
    assert direct_slow_calls(source) == ["<test>:4 Page.print_again calls print_receipt"]
