"""The core of vastgoedcheck: checklists, checks and risk assessment, in plain Python."""
