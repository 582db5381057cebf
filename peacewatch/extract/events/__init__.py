"""The events component (being built)."""
