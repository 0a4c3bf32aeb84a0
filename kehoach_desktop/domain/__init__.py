"""The domain: plans, areas, sections, tasks, units, deadlines, periods.

Pure Python: nothing here imports Qt or touches SQL.
"""
