"""The one error of reading typed dates, times and lengths."""


class DateError(ValueError):
    """Text that can't be read as a date or time without guessing; ``str()`` says why."""
