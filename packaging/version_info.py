"""The Windows version resource of desk.exe, made from the package version.

Explorer's "Details" tab and the installer read it. PyInstaller takes it as a
version file (the text form of its ``VSVersionInfo``) and writes it into the
executables when it builds on Windows; elsewhere it has nothing to write into.
The text is made here rather than with PyInstaller's classes, which import
pywin32 and so load only on Windows.
"""

from __future__ import annotations

import re
from pathlib import Path

PRODUCT = "desk"
DESCRIPTION = "Bộ phận Một cửa: tiếp nhận và trả kết quả hồ sơ"
COMPANY = "desk"
#: Vietnamese (0x042A) in Unicode (1200), the language the program speaks first.
LANGUAGE, CODEPAGE = 0x042A, 1200


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` or ``"1.2.3rc1"`` -> ``(1, 2, 3, 1)``: Windows wants four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    numbers += [0] * (4 - len(numbers))
    return tuple(numbers[:4])  # type: ignore[return-value]


def version_text(version: str, exe_name: str) -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('{LANGUAGE:04X}{CODEPAGE:04X}', [
          {structs}])]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE}, {CODEPAGE}])])
  ]
)
"""


def write_version_file(version: str, exe_name: str, folder: Path) -> str:
    """Write the version file of ``exe_name`` into ``folder``; its path for ``EXE(version=...)``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{exe_name}-version.txt"
    path.write_text(version_text(version, exe_name), encoding="utf-8")
    return str(path)
