"""One dossier's page: its steps, history, scans, messages and the Circular 03/2025 forms."""
