"""Helpers shared by the test modules: reading pages and admin forms as a browser does, counting queries."""
