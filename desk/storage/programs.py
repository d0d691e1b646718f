"""The long-running programs that keep a database open (``desk.storage.presence``)."""

DESK, KIOSK, DISPLAY, RATING = "desk", "kiosk", "display", "rating"
PROGRAMS = (DESK, KIOSK, DISPLAY, RATING)
