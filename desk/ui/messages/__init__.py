"""Messages to applicants: the outbox and its sender."""
