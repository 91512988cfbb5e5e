"""Write the XLSX benchmark's Hits rows with openpyxl in write-only mode.

Usage: /usr/bin/python3 xlsx_bench_openpyxl.py ROWS.tsv OUT.xlsx

ROWS.tsv is written by `go test -run TestXLSXBenchRows` with
FRAMEDIFF_XLSX_ROWS set: a header line, then one hit a line. The sheet gets
the same columns, widths, frozen header, table and cell types as framediff's
Hits sheet; the match is a bold cell (openpyxl 3.0 writes no rich text).
Prints the seconds spent and the peak RSS.
"""
import resource
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

WIDTHS = [18, 12, 11, 14, 14, 16, 48, 16, 48, 9, 16, 12, 10, 9]


def main(rows_path, out_path):
    start = time.monotonic()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hits")
    for i, w in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    n = 0
    with open(rows_path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        ws.append(header)
        for line in f:
            v = line.rstrip("\n").split("\t")
            left = WriteOnlyCell(ws, value=v[6] or None)
            left.alignment = right
            match = WriteOnlyCell(ws, value=v[7] or None)
            match.font = bold
            ws.append([
                v[0] or None, v[1] or None, v[2] or None, v[3] or None, v[4] or None, v[5] or None,
                left, match, v[8] or None, v[9] or None, v[10] or None,
                v[11] == "TRUE", v[12] == "TRUE", int(v[13]),
            ])
            n += 1
    table = Table(displayName="Hits", ref="A1:%s%d" % (get_column_letter(len(header)), n + 1))
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    wb.save(out_path)
    secs = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("openpyxl %s: %d rows in %.1f s, peak RSS %.0f MB" % (
        __import__("openpyxl").__version__, n, secs, rss))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
