"""Qt pieces every window shares: translation, message boxes, field errors, screen fitting, background work."""
