"""Hostile tests: random and malicious input, crashes, signals and a second window."""
