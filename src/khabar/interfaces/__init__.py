"""Thin adapters over the library: the command line, the HTTP API and the web page."""
