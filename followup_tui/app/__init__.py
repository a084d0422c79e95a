"""The terminal app: screens, widgets and the live board behind them.

Importing this package imports nothing heavy; Textual is loaded by ``app.app`` and below.
"""
