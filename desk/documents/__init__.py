"""Printed A4/A5 documents made with reportlab: the seven forms of Circular
03/2025/TT-VPCP, Annex I (receipt, supplement request, refusal, apology, stop
notice, control slip, tracking book) and the reports. Every string is drawn with
a bundled font that covers Vietnamese, never with the built-in PDF fonts."""
