"""The printers installed on this computer, for the admin to pick one by name.

On a counter PC the receipt printer is installed through its Windows driver and
the desk prints to it RAW through the spooler (``win32:NAME``, see
``printer_uri``), so the names Windows knows are exactly what the printer
setting needs. They are read with ``EnumPrinters`` at level 4 (local printers
and connections to shared ones): that level is read from the registry without
asking each print server, so a shared printer whose server is switched off does
not freeze the settings dialog.

Elsewhere the CUPS queues are listed (``lpstat -e``, default ``lpstat -d``) so
the list is not empty on a Linux or macOS desk, but no printer URI sends to a
CUPS queue: ``uri_for`` gives ``None`` for them and the admin writes a
``tcp://``, ``usb://``, ``serial:`` or ``file:`` URI instead. Choosing an
installed printer by name is therefore a Windows feature.

Listing never raises: a spooler that is stopped or a tool that is missing gives
an empty list and a line in the log, and the admin can still type the URI.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desk.printing.printer_uri import PrinterKind

log = logging.getLogger(__name__)

WINDOWS = "win32"
CUPS = "cups"
#: ``PRINTER_ATTRIBUTE_WORK_OFFLINE``: Windows marks a printer so when its USB
#: cable is pulled or it is switched to "Use Printer Offline".
WORK_OFFLINE = 0x400
#: ``lpstat`` answers a local CUPS at once; a remote CUPS server that does not
#: answer must not keep the dialog waiting longer than this.
LPSTAT_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class SystemPrinter:
    """One printer installed on this computer."""

    name: str
    is_default: bool = False
    system: str = WINDOWS  # WINDOWS or CUPS: who knows the printer by this name
    offline: bool = False  # Windows says the printer is offline (unplugged, switched off)


def uri_for(printer: SystemPrinter) -> str | None:
    """The printer setting that prints to ``printer``; ``None`` if no URI can.

    A Windows printer is ``win32:NAME``, the name exactly as Windows writes it
    (``parse_printer_uri`` reads it back unchanged). A CUPS queue has no URI form
    in the desk's printer settings.
    """
    if printer.system == WINDOWS:
        return f"{PrinterKind.WIN32.value}:{printer.name}"
    return None


def list_system_printers() -> list[SystemPrinter]:
    """The printers of this computer, the default one first; ``[]`` if none can be read."""
    try:
        if sys.platform == "win32":
            found = _windows_printers()
        else:
            found = _cups_printers()
    except Exception:  # noqa: BLE001 (a broken spooler must not break the dialog)
        log.exception("cannot list the printers of this computer")
        return []
    return sorted(found, key=lambda p: (not p.is_default, p.name.casefold()))


# --- Windows -------------------------------------------------------------------------


def _windows_printers() -> list[SystemPrinter]:
    """``EnumPrinters`` level 4 and ``GetDefaultPrinter`` (pywin32; runs on Windows only)."""
    import win32print

    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    entries = win32print.EnumPrinters(flags, None, 4)
    try:
        default = win32print.GetDefaultPrinter()
    except Exception:  # noqa: BLE001 (pywintypes.error: this user has no default printer)
        default = ""
    return windows_printers_from(entries, default)


def windows_printers_from(
    entries: Iterable[Mapping[str, Any]], default: str = ""
) -> list[SystemPrinter]:
    """Printers from ``EnumPrinters`` level-4 entries (dicts with ``pPrinterName`` and
    ``Attributes``); the default is matched without regard to case, as Windows does."""
    printers = []
    for entry in entries:
        name = str(entry.get("pPrinterName") or "")
        if not name:
            continue
        attributes = int(entry.get("Attributes") or 0)
        printers.append(
            SystemPrinter(
                name,
                is_default=bool(default) and name.casefold() == default.casefold(),
                system=WINDOWS,
                offline=bool(attributes & WORK_OFFLINE),
            )
        )
    return printers


# --- CUPS ----------------------------------------------------------------------------


def _cups_printers() -> list[SystemPrinter]:
    """``lpstat -e`` (queue names) and ``lpstat -d`` (the default), when CUPS is installed."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return []
    names = _lpstat(lpstat, "-e")
    if names is None:
        return []
    default_text = _lpstat(lpstat, "-d") or ""
    return cups_printers_from(names, default_text)


def _lpstat(lpstat: str, option: str) -> str | None:
    """What ``lpstat OPTION`` prints, in English whatever the locale; ``None`` if it fails."""
    environment = dict(os.environ, LC_ALL="C", LANG="C")
    try:
        result = subprocess.run(
            [lpstat, option],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=LPSTAT_TIMEOUT_SECONDS,
            env=environment,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lpstat %s failed: %s", option, exc)
        return None
    if result.returncode != 0:
        # "lpstat: No destinations added." and a CUPS that is not running both end here.
        log.info("lpstat %s: exit %s: %s", option, result.returncode, result.stderr.strip())
        return None
    return result.stdout


def cups_printers_from(names_text: str, default_text: str) -> list[SystemPrinter]:
    """Printers from the output of ``lpstat -e`` (one name a line) and ``lpstat -d``
    ("system default destination: NAME", or "no system default destination")."""
    _, found, default = default_text.strip().partition("destination: ")
    default = default.strip() if found else ""
    names = [line.strip() for line in names_text.splitlines() if line.strip()]
    return [SystemPrinter(name, name == default, CUPS) for name in dict.fromkeys(names)]
