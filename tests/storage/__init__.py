"""Tests of the data file: atomic saves, locking, bad files, faults, kills."""
