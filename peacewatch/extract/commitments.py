"""Commitments within one document (being built)."""
