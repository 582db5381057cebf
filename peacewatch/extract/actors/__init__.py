"""The actors component (being built)."""
