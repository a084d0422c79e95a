"""followup: get through the silence after a job interview."""

__version__ = "0.1.0"
