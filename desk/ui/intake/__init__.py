"""Taking in a dossier: procedure, papers, applicant, scans, the receipt and its preview."""
