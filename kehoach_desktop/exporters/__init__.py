"""Export: JSON (the plan as data) and, later, Excel."""
