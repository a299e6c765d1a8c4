"""Persistent archive of analysed Documents."""
