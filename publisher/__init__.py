"""publisher: watch announcement sources, detect scheduled events, publish calendars and alerts."""

__version__ = "0.1.0"
