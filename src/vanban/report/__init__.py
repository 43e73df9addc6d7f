"""Báo cáo kết quả thực hiện Kế hoạch: the year-end report, computed from the plan and the data.

``model`` is the report source (YAML); ``seam`` the one adapter to the rest of vanban (the plan's
model and loader, the registry, shared value types); ``columns`` the data table's catalogue (a
``ColumnSet``: the hòa giải set by default) and ``declared`` the columns a report declares itself
(``data.columns``), checked;
``read_xlsx``/``read_csv``/``read_yaml`` the readers of the table and ``table`` its validation;
``checks`` the report against its plan and period; ``issued`` the plan a report is on, named by
its own number or through the Quyết định that issues it; ``numbers`` the Vietnamese number rules and
the one rounding; ``compute`` the totals, rates, target rows and sentences; ``load`` the whole
read of one report; ``compose`` the report as the plain data of a Báo cáo and its appendix;
``skeleton`` what ``vanban report init`` writes; ``summary`` what ``vanban report validate``
prints. The report's entry in the table of document types is ``vanban.doctypes.report``.
"""
