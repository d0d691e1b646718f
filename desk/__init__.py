"""desk: the counter desk of a Vietnamese one-stop shop (Bộ phận Một cửa)."""

__version__ = "0.1.0"
