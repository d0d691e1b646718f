"""Printed A4/A5 documents made with reportlab: the forms of Circular 01/2018
(receipt, supplement request, refusal, apology, control slip, tracking book)
and the reports. Every string is drawn with a bundled font that covers
Vietnamese, never with the built-in PDF fonts."""
