"""The follow-up rules: pure Python, no Textual, no TinyDB, no wall clock."""
