"""Tests of the terminal app (Pilot, snapshots) and its pure helpers."""
