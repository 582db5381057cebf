"""The timex component (being built)."""
