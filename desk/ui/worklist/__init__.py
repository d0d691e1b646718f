"""The main window: the worklist of pending dossiers by urgency, the at-risk list, the queue panel and the tools around them."""
