"""Dump an XLSX workbook as JSON with openpyxl, an independent reader.

Usage: /usr/bin/python3 xlsx_dump.py WORKBOOK.xlsx > dump.json

For every sheet, in order: its cell values (dates as ISO text rounded to the
second), the Excel tables, the frozen cell, the hyperlinks, the number
format and data type of every cell of the first data row, column widths and
the number of charts; and its size (rows, columns) as read in full and as
openpyxl's read-only mode, which trusts the sheet's declared dimension,
reads it.
"""
import datetime
import json
import sys

import openpyxl


def value(v):
    if isinstance(v, str):
        # OOXML writes a literal "_x0041_" as "_x005F_x0041_"; openpyxl
        # decodes that in shared strings but not in inline strings.
        return v.replace("_x005F_", "_")
    if isinstance(v, datetime.datetime):
        v = (v + datetime.timedelta(microseconds=500000)).replace(microsecond=0)
        return v.isoformat()
    if isinstance(v, datetime.date):
        return datetime.datetime(v.year, v.month, v.day).isoformat()
    if isinstance(v, datetime.time):
        return v.isoformat()
    return v


def main(path):
    ro = openpyxl.load_workbook(path, read_only=True)
    declared = {ws.title: [ws.max_row, ws.max_column] for ws in ro.worksheets}
    ro.close()
    wb = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in wb.worksheets:
        rows = [[value(c) for c in row] for row in ws.iter_rows(values_only=True)]
        second = []
        if ws.max_row >= 2:
            for c in ws[2]:
                second.append({"format": c.number_format, "type": c.data_type})
        widths = {}
        for key, dim in sorted(ws.column_dimensions.items()):
            if dim.width:
                widths[key] = dim.width
        types = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    types.setdefault(c.data_type, 0)
                    types[c.data_type] += 1
        out["sheets"].append({
            "name": ws.title,
            "rows": rows,
            "tables": {name: getattr(t, "ref", t) for name, t in sorted(ws.tables.items())},
            "freeze": ws.freeze_panes,
            "links": sorted([c.coordinate, c.hyperlink.target] for row in ws.iter_rows() for c in row if c.hyperlink is not None),
            "row2": second,
            "widths": widths,
            "types": types,
            "charts": len(ws._charts),
            "size": [ws.max_row, ws.max_column],
            "read_only_size": declared[ws.title],
        })
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
