"""The check exchange format (v1): one check as a JSON document, read and written."""
