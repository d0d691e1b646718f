"""Use cases: each takes a ``Database`` (and a clock where time matters) and
returns domain objects or raises a ``DeskError``."""
