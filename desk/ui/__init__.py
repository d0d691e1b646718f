"""The Qt front end: windows, dialogs and Qt models. The only package that imports PySide6.

Views lay out widgets and turn ``DeskError``s from the services into messages
next to the field at fault or in a dialog; every rule lives below, in
``desk.services`` and ``desk.domain``.
"""

import PySide6.QtCore  # noqa: F401  (first: PySide6's import hook, then the line below)

from desk.ui.module_sources import keep_no_sources

keep_no_sources()
