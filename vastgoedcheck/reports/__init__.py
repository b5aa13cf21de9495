"""PDF reports of a check for its user's dossier and for each authority, and blank checklists."""
