"""The supervisor's dashboard: on-time figures, reports, ratings and trends."""
