#!/usr/bin/python3
"""Counts the planted pairs of gen_catalog.py found in an overlaps CSV.

usage: planted_found.py PLANTED.tsv OVERLAPS.csv
Prints "FOUND TOTAL"; exit status 0 when every planted pair is there, 1 otherwise.
A pair matches in either order, by role id and duty text.
"""
import csv, sys

def main():
    planted = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            role_a, duty_a, role_b, duty_b = line.rstrip("\n").split("\t")
            planted.append(((role_a, duty_a), (role_b, duty_b)))
    found = set()
    with open(sys.argv[2], encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        ra, da, rb, db = (header.index(name) for name in ("role_a", "duty_a", "role_b", "duty_b"))
        for row in reader:
            a, b = (row[ra], row[da]), (row[rb], row[db])
            found.add((a, b))
            found.add((b, a))
    hits = sum(1 for pair in planted if pair in found)
    print(hits, len(planted))
    return 0 if hits == len(planted) else 1

if __name__ == "__main__":
    sys.exit(main())
