"""The quotes component (being built)."""
