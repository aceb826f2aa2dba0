"""End-to-end tests of the workbook: export the seed, read the .xlsx back as its users' tools do.

Run by CTest with RACI (the binary) and RACI_ROOT (the repository) in the environment:
    RACI=build/raci RACI_ROOT=. /usr/bin/python3 -m unittest -v test_workbook

openpyxl (Debian's python3-openpyxl) checks what a spreadsheet sees: sheets, letters,
drop-downs, conditional formats, panes, filter, print set-up. A golden test compares the XML
parts with tests/data/golden/xlsx/, as libxlsxwriter's own functional tests do, with the
volatile parts masked (the creation date, the tool's version). The goldens are stored with one
XML tag per line so their diffs can be reviewed. When a change to the workbook is intended,
regenerate them and review the diff:
    RACI=build/raci RACI_ROOT=. RACI_UPDATE_GOLDEN=1 /usr/bin/python3 -m unittest test_workbook
(run from tests/e2e; it rewrites tests/data/golden/xlsx/*.xml and skips the comparison).

When LibreOffice is installed (Debian's libreoffice-calc-nogui), the workbook is also converted
to PDF headless; the test is skipped otherwise.
"""
import csv
import difflib
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import zipfile

import openpyxl

from catalogue import write_catalogue

RACI = os.path.abspath(os.environ.get("RACI", "../../build/raci"))
ROOT = os.path.abspath(os.environ.get("RACI_ROOT", "../.."))
GOLDEN = os.path.join(ROOT, "tests", "data", "golden", "xlsx")
SEED = "matrices/lead-roles.md"
SHEETS = ["RACI", "Overlaps", "Findings", "Roles", "About"]
# Every value a role cell may hold: the 15 non-empty sets of R, A, C, I, written canonically.
CANONICAL = sorted(
    "/".join(letter for letter in "ARCI" if bits & {"R": 1, "A": 2, "C": 4, "I": 8}[letter])
    for bits in range(1, 16))
# Okabe-Ito fills by strongest letter (A, then R, then C, then I).
FILLS = {"A": "FF0072B2", "R": "FFE69F00", "C": "FF009E73", "I": "FFF0E442"}
# The parts compared with the goldens, by their golden file's name.
PARTS = {
    "sheet1.xml": "xl/worksheets/sheet1.xml",
    "sheet2.xml": "xl/worksheets/sheet2.xml",
    "sheet3.xml": "xl/worksheets/sheet3.xml",
    "sheet4.xml": "xl/worksheets/sheet4.xml",
    "sheet5.xml": "xl/worksheets/sheet5.xml",
    "sharedStrings.xml": "xl/sharedStrings.xml",
    "styles.xml": "xl/styles.xml",
    "workbook.xml": "xl/workbook.xml",
    "chart1.xml": "xl/charts/chart1.xml",
    "core.xml": "docProps/core.xml",
}


def run(*args, env=None):
    """Runs raci from the repository; returns (exit status, stdout, stderr)."""
    full_env = dict(os.environ, NO_COLOR="1")
    full_env.pop("SOURCE_DATE_EPOCH", None)
    full_env.update(env or {})
    proc = subprocess.run([RACI, *args], cwd=ROOT, capture_output=True, text=True, env=full_env, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def strongest(value):
    return next(letter for letter in "ARCI" if letter in value)


def masked_part(data, version):
    """An XML part with its volatile bits masked, one tag per line."""
    text = data.decode("utf-8")
    text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", r"\1DATE\3", text)
    text = text.replace(f"raci {version}", "raci VERSION")
    return text.replace("><", ">\n<")


class WorkbookTest(unittest.TestCase):
    """Exports the seed once, as xlsx and csv, for every test of the class."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="raci-wb-")
        status, _, err = run("export", SEED, "-o", cls.tmp, "--format", "xlsx,csv")
        assert status == 0, err
        cls.xlsx = os.path.join(cls.tmp, "lead-roles.xlsx")
        cls.book = openpyxl.load_workbook(cls.xlsx)
        cls.values = openpyxl.load_workbook(cls.xlsx, data_only=True)
        cls.matrix = read_csv(os.path.join(cls.tmp, "lead-roles.matrix.csv"))
        cls.overlaps = read_csv(os.path.join(cls.tmp, "lead-roles.overlaps.csv"))
        cls.findings = read_csv(os.path.join(cls.tmp, "lead-roles.findings.csv"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def rows(self, sheet):
        return [list(row) for row in self.book[sheet].iter_rows(values_only=True)]


class Sheets(WorkbookTest):
    def test_sheets_come_in_order(self):
        self.assertEqual(self.book.sheetnames, SHEETS)

    def test_document_properties(self):
        properties = self.book.properties
        self.assertEqual(properties.title, "Lead Roles & Responsibilities")
        self.assertTrue(properties.subject.startswith("RACI matrix of 2 roles"), properties.subject)
        self.assertIn("RACI", properties.keywords)
        self.assertEqual(properties.created.isoformat(), "2026-01-01T00:00:00")

    def test_matrix_holds_the_letters_of_the_matrix_csv(self):
        rows = self.rows("RACI")
        # id, area, duty and the role columns; the extra columns differ, each written for its reader.
        width = 3 + len(self.rows("Roles")) - 1
        self.assertEqual(rows[0][:width], self.matrix[0][:width])
        self.assertEqual(len(rows), len(self.matrix))
        for sheet_row, csv_row in zip(rows[1:], self.matrix[1:]):
            self.assertEqual([cell or "" for cell in sheet_row[:width]], csv_row[:width])

    def test_matrix_has_the_extra_columns(self):
        header = self.rows("RACI")[0]
        self.assertEqual(header[-4:], ["related rows", "letters from", "policy theme", "source line"])
        # Role ids hold no space; every extra header does.
        self.assertTrue(all(" " in name for name in header[5:]), header)
        self.assertIn("EM wording", header)
        self.assertIn("TL wording", header)

    def test_every_text_cell_is_a_string(self):
        for sheet in ("RACI", "Overlaps", "Findings", "About"):
            for row in self.book[sheet].iter_rows():
                for cell in row:
                    self.assertIn(cell.data_type, ("s", "n"), f"{sheet}!{cell.coordinate}")

    def test_overlaps_follow_the_overlaps_csv_and_link_to_their_rows(self):
        rows = self.rows("Overlaps")
        self.assertEqual(rows[0], ["#", "kind", "score", "role A", "duty A", "at A", "role B", "duty B", "at B",
                                   "shared terms", "resolution"])
        self.assertEqual(len(rows), len(self.overlaps))
        raci = self.book["RACI"]
        sheet = self.book["Overlaps"]
        for i, (row, line) in enumerate(zip(rows[1:], self.overlaps[1:]), start=2):
            record = dict(zip(self.overlaps[0], line))
            self.assertEqual(row[1], record["kind"])
            self.assertEqual(f"{row[2]:.3f}", record["score"])
            self.assertEqual((row[3], row[4], row[6], row[7]),
                             (record["role_a"], record["duty_a"], record["role_b"], record["duty_b"]))
            for column, duty in (("F", row[4]), ("I", row[7])):
                link = sheet[f"{column}{i}"].hyperlink
                self.assertIsNotNone(link, f"{column}{i}")
                match = re.fullmatch(r"'RACI'!C(\d+)", link.location)
                self.assertIsNotNone(match, link.location)
                self.assertEqual(sheet[f"{column}{i}"].value, f"row {match.group(1)}")
                # The row holds the duty, as its text or as a role's wording of a merged row.
                target = [cell.value for cell in raci[int(match.group(1))]]
                self.assertIn(duty, target)

    def test_findings_follow_the_findings_csv_and_link_to_their_rows(self):
        rows = self.rows("Findings")
        self.assertEqual(rows[0], ["severity", "code", "location", "message", "at"])
        self.assertEqual([row[:4] for row in rows[1:]], self.findings[1:])
        sheet = self.book["Findings"]
        linked = [sheet[f"E{i}"].hyperlink for i in range(2, len(rows) + 1)]
        self.assertTrue(any(link is not None for link in linked))
        for link in linked:
            if link is not None:
                self.assertRegex(link.location, r"^'RACI'!C\d+$")

    def test_roles_count_letters_with_formulas_over_the_matrix(self):
        rows = self.rows("Roles")
        self.assertEqual(rows[0], ["role", "name", "R", "A", "C", "I", "rows", "share of rows"])
        self.assertEqual(rows[1][2], "=COUNTIF('RACI'!$D$2:$D$39,\"*R*\")")
        cached = [list(row) for row in self.values["Roles"].iter_rows(values_only=True)]
        roles = self.matrix[0][3:5]
        for r, role in enumerate(roles, start=1):
            column = [line[3 + r - 1] for line in self.matrix[1:]]
            self.assertEqual(cached[r][0], role)
            self.assertEqual(cached[r][2:6], [sum(letter in cell for cell in column) for letter in "RACI"])
            involved = sum(cell != "" for cell in column)
            self.assertEqual(cached[r][6], involved)
            self.assertAlmostEqual(cached[r][7], involved / len(column))

    def test_roles_has_a_stacked_bar_chart(self):
        with zipfile.ZipFile(self.xlsx) as z:
            self.assertIn("xl/charts/chart1.xml", z.namelist())
            chart = z.read("xl/charts/chart1.xml").decode()
        self.assertIn('<c:barDir val="bar"/>', chart)
        self.assertIn('<c:grouping val="stacked"/>', chart)
        self.assertEqual(chart.count("<c:ser>"), 4)

    def test_about_explains_letters_colours_source_version_and_policy(self):
        text = "\n".join(str(cell) for row in self.rows("About") for cell in row if cell is not None)
        for word in ("Responsible", "Accountable", "Consulted", "Informed", "blue", "orange", "bluish green",
                     "yellow", SEED, "Thresholds", "Policy"):
            self.assertIn(word, text)
        _, version, _ = run("--version")
        self.assertIn(version.strip(), text)


class MatrixSheet(WorkbookTest):
    def setUp(self):
        self.sheet = self.book["RACI"]
        self.last = len(self.matrix)
        self.range = f"D2:E{self.last}"

    def test_role_cells_have_a_drop_down_of_every_canonical_value(self):
        validations = self.sheet.data_validations.dataValidation
        self.assertEqual(len(validations), 1)
        validation = validations[0]
        self.assertEqual(validation.type, "list")
        self.assertEqual(str(validation.sqref), self.range)
        self.assertTrue(validation.allow_blank)
        self.assertFalse(validation.showDropDown)  # the attribute hides the arrow when true
        self.assertEqual(sorted(validation.formula1.strip('"').split(",")), CANONICAL)

    def test_letters_are_coloured_by_one_rule_per_canonical_value(self):
        formats = list(self.sheet.conditional_formatting)
        self.assertEqual(len(formats), 1)
        self.assertEqual(str(formats[0].sqref), self.range)
        rules = {}
        for rule in formats[0].rules:
            self.assertEqual((rule.type, rule.operator), ("cellIs", "equal"))
            rules[rule.formula[0].strip('"')] = rule.dxf.fill.bgColor.rgb
        self.assertEqual(sorted(rules), CANONICAL)
        for value, fill in rules.items():
            self.assertEqual(fill, FILLS[strongest(value)], value)

    def test_header_row_and_id_to_duty_columns_are_frozen(self):
        self.assertEqual(self.sheet.freeze_panes, "D2")

    def test_autofilter_covers_the_table(self):
        self.assertRegex(self.sheet.auto_filter.ref, rf"^A1:[A-Z]+{self.last}$")

    def test_print_set_up(self):
        setup = self.sheet.page_setup
        self.assertEqual(setup.orientation, "landscape")
        self.assertTrue(self.sheet.sheet_properties.pageSetUpPr.fitToPage)
        self.assertIn(setup.fitToWidth, (None, 1))  # 1 is the default, so not written
        self.assertEqual(setup.fitToHeight, 0)
        self.assertEqual(self.sheet.print_title_rows, "$1:$1")
        self.assertIn("Lead Roles && Responsibilities", self.sheet.oddHeader.left.text)  # & doubled
        self.assertIn("&P", self.sheet.oddFooter.center.text)
        self.assertIn("&N", self.sheet.oddFooter.center.text)

    def test_duty_text_wraps(self):
        self.assertTrue(self.sheet["C2"].alignment.wrap_text)

    def test_columns_are_sized_to_their_content(self):
        widths = {column: self.sheet.column_dimensions[column].width for column in "ABCDE"}
        self.assertGreater(widths["C"], widths["A"])
        self.assertLess(widths["D"], 10)
        self.assertLessEqual(widths["C"], 61)  # 60, as libxlsxwriter rounds it to whole pixels


class Determinism(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="raci-wb-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def export(self, name, env=None):
        out = os.path.join(self.tmp, name)
        status, _, err = run("export", SEED, "-o", out, "--format", "xlsx", env=env)
        self.assertEqual(status, 0, err)
        return os.path.join(out, "lead-roles.xlsx")

    def test_two_exports_are_byte_identical(self):
        first = self.export("a")
        time.sleep(1.1)  # past a second boundary, so a wall-clock time would show
        second = self.export("b")
        self.assertEqual(read_bytes(first), read_bytes(second))

    def test_zip_entries_carry_a_fixed_date(self):
        with zipfile.ZipFile(self.export("a")) as z:
            self.assertEqual({info.date_time for info in z.infolist()}, {(1980, 1, 1, 0, 0, 0)})

    def test_source_date_epoch_sets_the_creation_time(self):
        path = self.export("a", env={"SOURCE_DATE_EPOCH": "1700000000"})
        self.assertEqual(openpyxl.load_workbook(path).properties.created.isoformat(), "2023-11-14T22:13:20")

    def test_xml_parts_match_the_goldens(self):
        _, version, _ = run("--version")
        version = version.split()[-1]
        path = self.export("a")
        update = os.environ.get("RACI_UPDATE_GOLDEN") == "1"
        with zipfile.ZipFile(path) as z:
            for golden, part in PARTS.items():
                actual = masked_part(z.read(part), version)
                golden_path = os.path.join(GOLDEN, golden)
                if update:
                    os.makedirs(GOLDEN, exist_ok=True)
                    with open(golden_path, "w", encoding="utf-8", newline="") as f:
                        f.write(actual)
                    continue
                with open(golden_path, encoding="utf-8", newline="") as f:
                    expected = f.read()
                if actual != expected:
                    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), golden_path, part,
                                                lineterm="")
                    self.fail("\n".join(list(diff)[:60]))


class HostileText(unittest.TestCase):
    """Text that must stay text, and text longer than a cell holds."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="raci-wb-")
        self.long = "Review " + "x" * 40000
        with open(os.path.join(self.tmp, "hostile.yaml"), "w", encoding="utf-8") as f:
            f.write("title: Hostile\nroles:\n  - id: EM\n    name: Engineering Manager\n    duties:\n"
                    "      - \"=1+1 is not computed\"\n      - \"+cmd stays text\"\n      - \"@SUM(A1) stays text\"\n"
                    "      - \"-2 stays text\"\n"
                    f"      - {self.long}\n")
        status, _, err = run("export", os.path.join(self.tmp, "hostile.yaml"), "-o", self.tmp, "--format", "xlsx")
        self.assertEqual(status, 0, err)
        self.book = openpyxl.load_workbook(os.path.join(self.tmp, "hostile.xlsx"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_formula_like_duties_stay_text(self):
        sheet = self.book["RACI"]
        duties = {sheet[f"C{r}"].value: sheet[f"C{r}"].data_type for r in range(2, 6)}
        self.assertEqual(duties, {"=1+1 is not computed": "s", "+cmd stays text": "s",
                                  "@SUM(A1) stays text": "s", "-2 stays text": "s"})

    def test_text_over_excels_limit_is_cut_with_a_finding(self):
        cell = self.book["RACI"]["C6"].value
        self.assertEqual(len(cell), 32767)
        self.assertEqual(cell, self.long[:32766] + "\u2026")
        findings = [row for row in self.book["Findings"].iter_rows(values_only=True) if row[1] == "text-truncated"]
        self.assertEqual(len(findings), 1)
        self.assertEqual(findings[0][0], "warning")
        self.assertIn(f"has {len(self.long)} characters", findings[0][3])


@unittest.skipUnless(shutil.which("soffice"), "LibreOffice (libreoffice-calc-nogui) is not installed")
class LargeCatalogue(unittest.TestCase):
    """A catalogue past the constant-memory row count, with more overlaps than the sheet holds
    (made by catalogue.py, so it runs with or without ../shared/bench)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="raci-wb-")
        catalogue = os.path.join(cls.tmp, "big.yaml")
        write_catalogue(catalogue, 30, 100, ROOT)
        status, _, err = run("export", catalogue, "-o", cls.tmp, "--max-overlaps-per-duty", "0")
        assert status == 0, err
        cls.xlsx = os.path.join(cls.tmp, "big.xlsx")
        cls.book = openpyxl.load_workbook(cls.xlsx)
        cls.matrix = read_csv(os.path.join(cls.tmp, "big.matrix.csv"))
        cls.overlaps = read_csv(os.path.join(cls.tmp, "big.overlaps.csv"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_is_written_in_constant_memory_mode(self):
        # Text is stored in the cells: no table of shared strings.
        with zipfile.ZipFile(self.xlsx) as z:
            self.assertNotIn("xl/sharedStrings.xml", z.namelist())
            self.assertIn('t="inlineStr"', z.read("xl/worksheets/sheet1.xml").decode())

    def test_is_compressed_fast_into_a_file_zip_readers_and_libreoffice_read(self):
        # Compressed at zlib's fastest level, in pieces on several threads (fast_deflate.h):
        # every part inflates to the bytes its CRC-32 names, and LibreOffice reads the matrix.
        with zipfile.ZipFile(self.xlsx) as z:
            self.assertIsNone(z.testzip())
        profile = "file://" + os.path.join(self.tmp, "profile")
        proc = subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv", "--outdir",
             os.path.join(self.tmp, "lo"), self.xlsx],
            capture_output=True, text=True, timeout=300)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        rows = read_csv(os.path.join(self.tmp, "lo", "big.csv"))
        self.assertEqual(len(rows), len(self.matrix))
        roles = len(self.matrix[0]) - 3 - 5
        self.assertEqual([row[:3 + roles] for row in rows], [row[:3 + roles] for row in self.matrix])

    def test_overlaps_sheet_holds_the_strongest_and_a_finding_says_so(self):
        self.assertGreater(len(self.overlaps) - 1, 10000)
        rows = list(self.book["Overlaps"].iter_rows(values_only=True))
        self.assertEqual(len(rows), 10001)
        self.assertEqual([f"{r[2]:.3f}" for r in rows[1:]], [r[1] for r in self.overlaps[1:10001]])
        findings = [r for r in self.book["Findings"].iter_rows(values_only=True) if r[1] == "overlaps-not-in-workbook"]
        self.assertEqual(len(findings), 1)
        self.assertIn(f"strongest 10000 of the {len(self.overlaps) - 1} overlaps", findings[0][3])

    def test_matrix_keeps_its_letters_drop_downs_and_colours(self):
        sheet = self.book["RACI"]
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(len(rows), len(self.matrix))
        roles = len(self.matrix[0]) - 3 - 5
        for got, want in zip(rows[1:], self.matrix[1:]):
            self.assertEqual([v or "" for v in got[3:3 + roles]], want[3:3 + roles])
        last_role = openpyxl.utils.get_column_letter(3 + roles)
        expected = f"D2:{last_role}{len(self.matrix)}"
        validations = sheet.data_validations.dataValidation
        self.assertEqual([str(v.sqref) for v in validations], [expected])
        formats = list(sheet.conditional_formatting)
        self.assertEqual([str(f.sqref) for f in formats], [expected])
        self.assertEqual(len(formats[0].rules), len(CANONICAL))
        self.assertEqual(sheet.freeze_panes, "D2")


class LibreOffice(unittest.TestCase):
    def test_converts_to_pdf_without_complaint(self):
        tmp = tempfile.mkdtemp(prefix="raci-wb-")
        try:
            status, _, err = run("export", SEED, "-o", tmp, "--format", "xlsx")
            self.assertEqual(status, 0, err)
            # A profile of its own, so a running LibreOffice does not take the job.
            profile = "file://" + os.path.join(tmp, "profile")
            proc = subprocess.run(
                ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                 os.path.join(tmp, "lead-roles.xlsx")],
                capture_output=True, text=True, timeout=180)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            complaints = [line for line in proc.stderr.splitlines() if "error" in line.lower()]
            self.assertEqual(complaints, [])
            pdf = read_bytes(os.path.join(tmp, "lead-roles.pdf"))
            self.assertTrue(pdf.startswith(b"%PDF"))
            # At least a page per sheet.
            self.assertGreaterEqual(len(re.findall(rb"/Type\s*/Page[^s]", pdf)), len(SHEETS))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
