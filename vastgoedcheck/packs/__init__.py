"""Checklist packs on disk: reading, validating and the registry of available packs."""
