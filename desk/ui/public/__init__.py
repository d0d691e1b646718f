"""Screens the public sees: the kiosk, the waiting-room display, the rating tablet."""
