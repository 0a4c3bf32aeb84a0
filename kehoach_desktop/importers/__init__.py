"""Import: a plan from .docx, .xlsx or pasted text, read into a PlanDraft."""
