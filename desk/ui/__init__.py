"""The Qt front end: windows, dialogs and Qt models. The only package that imports PySide6.

Views lay out widgets and turn ``DeskError``s from the services into messages
next to the field at fault or in a dialog; every rule lives below, in
``desk.services`` and ``desk.domain``.
"""
