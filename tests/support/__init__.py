"""The test kit: each helper the tests (and the scripts) share, written once.

- :mod:`.board`: the pinned "now", New York settings, the standard and demo boards;
- :mod:`.clock`: the test clocks;
- :mod:`.factory`: the app on a data file of its own (``make_app`` and its fixtures);
- :mod:`.store`: a data file read back as another window would;
- :mod:`.desktop`: the quiet desktop every test runs on;
- :mod:`.terminal`: a program on a real pseudo-terminal (the hostile tests, the benchmark);
- :mod:`.scenes`: the screens the snapshot tests check and the README pictures show.
"""
