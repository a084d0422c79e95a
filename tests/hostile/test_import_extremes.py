"""An interchange file with instants at the very ends of the calendar.

The codec takes any instant Python can read; the app then shows it in the user's zone,
and in a zone ahead of UTC 9999-12-31T23:00Z is past the last day Python has. Such a
file should be refused with the record and field named, like any malformed one.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.codec import CodecError, document_to_interviews
from followup_tui.core.dates import describe_datetime


@pytest.mark.parametrize(
    "start", ["9999-12-31T23:00:00+00:00", "0001-01-01T00:30:00+00:00"], ids=["end", "start"]
)
def test_an_instant_the_app_cannot_show_is_refused(start: str) -> None:
    doc = {
        "format": "followup",
        "version": 1,
        "interviews": [{"company": "Acme", "role": "Analyst", "start": start}],
    }
    try:
        (interview,) = document_to_interviews(doc)
    except CodecError as exc:
        assert "start" in str(exc)
        return
    for zone in ("Asia/Tokyo", "America/Los_Angeles"):  # ahead of and behind UTC
        describe_datetime(interview.start, ZoneInfo(zone))
