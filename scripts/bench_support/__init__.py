"""The benchmark's helpers: data sets, a watched pseudo-terminal, the measures, the table."""
