"""Báo cáo kết quả thực hiện Kế hoạch: the year-end report, computed from the plan and the data.

``model`` is the report source (YAML), ``seam`` the one adapter to the plan pipeline, ``columns``
the data table's catalogue, ``read_*`` the readers of YAML/CSV/XLSX tables, ``table`` their
validation, ``numbers`` the Vietnamese number rules, ``compute`` the totals, rates and target
rows, ``load`` the whole read of one report, ``skeleton`` what ``vanban report init`` writes.
"""
