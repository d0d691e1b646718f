"""Scanned papers: the scanner folder, page editing, scanning off the window thread."""
