"""Documents that reach decision-makers and reports the person reads: Markdown, HTML, PDF."""
