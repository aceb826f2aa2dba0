"""End-to-end tests: run the built `raci` binary as a user would and read what it wrote.

Run by CTest with RACI (the binary) and RACI_ROOT (the repository) in the environment:
    RACI=build/raci RACI_ROOT=. /usr/bin/python3 -m unittest -v test_cli
"""
import csv
import io
import os
import shutil
import subprocess
import tempfile
import unittest

RACI = os.path.abspath(os.environ.get("RACI", "../../build/raci"))
ROOT = os.path.abspath(os.environ.get("RACI_ROOT", "../.."))
DATA = os.path.join(ROOT, "tests", "data")
GOLDEN = os.path.join(DATA, "golden")


def run(*args, cwd=ROOT, env=None):
    """Runs raci with args from `cwd`; returns (exit status, stdout, stderr)."""
    full_env = dict(os.environ, NO_COLOR="1")
    full_env.update(env or {})
    proc = subprocess.run([RACI, *args], cwd=cwd, capture_output=True, text=True, env=full_env, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="raci-e2e-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


class CommandLine(TempDirTest):
    def test_help_lists_every_command(self):
        status, out, _ = run("--help")
        self.assertEqual(status, 0)
        for command in ("analyze", "export", "check", "convert"):
            self.assertIn(f"  {command} ", out)

    def test_each_command_has_help(self):
        for command in ("analyze", "export", "check", "convert"):
            status, out, _ = run(command, "--help")
            self.assertEqual(status, 0, command)
            self.assertTrue(out.startswith(f"usage: raci {command} "), out)
            self.assertIn("example: raci " + command, out)

    def test_version(self):
        status, out, _ = run("--version")
        self.assertEqual(status, 0)
        self.assertRegex(out, r"^raci \d+\.\d+\.\d+\n$")

    def test_unknown_command_suggests_the_closest(self):
        status, out, err = run("exprot", "matrices")
        self.assertEqual(status, 2)
        self.assertEqual(out, "")
        self.assertTrue(err.startswith('raci: error: unknown command "exprot"; did you mean "export"?\n'), err)

    def test_unknown_option_is_a_usage_error(self):
        status, _, err = run("export", "--colour", "matrices")
        self.assertEqual(status, 2)
        self.assertTrue(err.startswith("raci: error: unrecognised option '--colour'"), err)
        self.assertIn("raci export --help", err)

    def test_no_arguments_prints_usage_and_fails(self):
        status, _, err = run()
        self.assertEqual(status, 2)
        self.assertIn("usage: raci <command>", err)

    def test_missing_input_is_a_usage_error(self):
        status, _, err = run("check")
        self.assertEqual(status, 2)
        self.assertTrue(err.startswith("raci: error: no input given"), err)


class ExportSeed(TempDirTest):
    def test_bundled_matrices_export_the_seed_matrix(self):
        status, _, err = run("export", "matrices", "-o", self.tmp)
        self.assertEqual(status, 0, err)
        findings = read_csv(os.path.join(self.tmp, "lead-roles.findings.csv"))
        self.assertIn(["info", "page-replaced-by-yaml", "matrices/lead-roles.md"], [f[:3] for f in findings])
        rows = read_csv(os.path.join(self.tmp, "lead-roles.matrix.csv"))
        header = rows[0]
        self.assertEqual(header[:5], ["id", "area", "duty", "EM", "TL"])
        col = {name: i for i, name in enumerate(header)}
        # 43 duties: one per row, plus those merged into a row as duplicates.
        ids = [r[0] for r in rows[1:]] + [i for r in rows[1:] for i in r[col["merged_ids"]].split()]
        self.assertEqual(len(ids), 43)
        self.assertEqual(len(set(ids)), 43, "ids are unique")
        self.assertEqual(sum(1 for i in ids if i.startswith("em-")), 30)
        self.assertEqual(sum(1 for i in ids if i.startswith("tl-")), 13)
        areas = {r[1] for r in rows[1:] if r[1]}
        self.assertEqual(areas, {"Hiring (Squad Formation)", "People Management", "Team Management"})
        text = "\n".join(r[2] + "\n" + r[col["merged_wording"]] for r in rows[1:])
        self.assertNotIn("&#x20;", text)
        self.assertNotIn("â€", text)
        self.assertIn("team’s", text)
        self.assertIn("(OfficeVibe reviews)", text)
        self.assertIn("Guide team to work towards company OKRs", [r[2] for r in rows])
        self.assertIn("Seek and promote processes improvement", [r[2] for r in rows])

    def test_format_names_ignore_case_and_spaces(self):
        status, _, err = run("export", "matrices/lead-roles.md", "-o", self.tmp, "--format", "CSV, Xlsx")
        self.assertEqual(status, 0, err)
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "lead-roles.xlsx")))
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "lead-roles.matrix.csv")))
        status, _, err = run("export", "matrices/lead-roles.md", "-o", self.tmp, "--format", "pdf")
        self.assertEqual(status, 2)
        self.assertIn('unknown format "pdf" in --format: expected xlsx, csv or both', err)

    def test_summary_counts_in_words(self):
        with open(os.path.join(self.tmp, "one.yaml"), "w", encoding="utf-8") as f:
            f.write("roles:\n  - id: EM\n    name: Engineering Manager\n    duties:\n      - Hire engineers\n")
        status, _, err = run("export", os.path.join(self.tmp, "one.yaml"), "-o", os.path.join(self.tmp, "out"))
        self.assertEqual(status, 0, err)
        self.assertIn(": 1 row, 1 role, 0 duplicate, 0 related, ", err)
        self.assertRegex(err, r", (1 finding|\d+ findings) -> ")
        self.assertNotIn("1 findings", err)

    def test_every_row_of_the_seed_has_exactly_one_accountable(self):
        self.assertEqual(run("export", "matrices/lead-roles.md", "-o", self.tmp, "--format", "csv")[0], 0)
        rows = read_csv(os.path.join(self.tmp, "lead-roles.matrix.csv"))
        for row in rows[1:]:
            self.assertEqual(sum(1 for cell in row[3:5] if "A" in cell.split("/")), 1, row)
            self.assertTrue(any("R" in cell.split("/") for cell in row[3:5]), row)

    def test_the_named_overlaps_of_the_seed_are_duplicates(self):
        self.assertEqual(run("export", "matrices/lead-roles.md", "-o", self.tmp, "--format", "csv")[0], 0)
        rows = read_csv(os.path.join(self.tmp, "lead-roles.overlaps.csv"))
        self.assertEqual(rows[0][:6], ["kind", "score", "role_a", "duty_a", "role_b", "duty_b"])
        kinds = {(r[3].split()[0], r[5].split()[0]): r[0] for r in rows[1:]}
        self.assertEqual(kinds[("Facilitate", "Conduct")], "duplicate")
        self.assertEqual(kinds[("Expedite", "Lead")], "duplicate")
        scores = [float(r[1]) for r in rows[1:]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for r in rows[1:]:
            self.assertRegex(r[1], r"^[01]\.\d{3}$")
            self.assertIn(r[0], ("duplicate", "related"))

    def test_page_export_matches_golden_files(self):
        status, _, err = run("export", "matrices/lead-roles.md", "-o", self.tmp, "--format", "csv")
        self.assertEqual(status, 0, err)
        for name in ("lead-roles.matrix.csv", "lead-roles.cells.csv", "lead-roles.overlaps.csv",
                     "lead-roles.findings.csv"):
            self.assertEqual(read_bytes(os.path.join(self.tmp, name)), read_bytes(os.path.join(GOLDEN, name)), name)

    def test_cells_csv_holds_the_matrix_cells_in_long_form(self):
        self.assertEqual(run("export", "matrices/lead-roles.md", "-o", self.tmp, "--format", "csv")[0], 0)
        matrix = read_csv(os.path.join(self.tmp, "lead-roles.matrix.csv"))
        cells = read_csv(os.path.join(self.tmp, "lead-roles.cells.csv"))
        self.assertEqual(cells[0], ["id", "role", "letters", "from"])
        roles = matrix[0][3:5]
        wide = [(row[0], role, letters) for row in matrix[1:] for role, letters in zip(roles, row[3:5]) if letters]
        self.assertEqual([tuple(c[:3]) for c in cells[1:]], wide)
        origins = {c[3].split(":")[0] for c in cells[1:]}
        self.assertLessEqual(origins, {"explicit", "listing-role", "policy", "decision", "overlap"})

    def test_quiet_export_prints_nothing(self):
        status, out, err = run("export", "matrices/lead-roles.md", "-o", self.tmp, "--quiet")
        self.assertEqual((status, out, err), (0, "", ""))
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "lead-roles.cells.csv")))

    def test_page_and_converted_yaml_give_identical_matrix(self):
        page_dir, yaml_dir = os.path.join(self.tmp, "page"), os.path.join(self.tmp, "yaml")
        self.assertEqual(run("export", "matrices/lead-roles.md", "-o", page_dir)[0], 0)
        self.assertEqual(run("export", "matrices/lead-roles.yaml", "-o", yaml_dir)[0], 0)
        self.assertEqual(read_bytes(os.path.join(page_dir, "lead-roles.matrix.csv")),
                         read_bytes(os.path.join(yaml_dir, "lead-roles.matrix.csv")))

    def test_export_is_deterministic(self):
        first, second = os.path.join(self.tmp, "1"), os.path.join(self.tmp, "2")
        self.assertEqual(run("export", "matrices/lead-roles.md", "-o", first)[0], 0)
        self.assertEqual(run("export", "matrices/lead-roles.md", "-o", second)[0], 0)
        self.assertEqual(sorted(os.listdir(first)), sorted(os.listdir(second)))
        for name in os.listdir(first):
            self.assertEqual(read_bytes(os.path.join(first, name)), read_bytes(os.path.join(second, name)), name)

    def test_recorded_decisions_replace_the_policy(self):
        status, _, err = run("export", "tests/data/check/lead-roles-decided.yaml", "-o", self.tmp, "--format", "csv")
        self.assertEqual(status, 0, err)
        rows = read_csv(os.path.join(self.tmp, "lead-roles-decided.matrix.csv"))
        col = {name: i for i, name in enumerate(rows[0])}
        by_id = {r[0]: r for r in rows[1:]}
        merged = by_id["em-facilitate-cross-squads-communication"]
        self.assertEqual((merged[col["EM"]], merged[col["TL"]]), ("A", "R"))
        self.assertEqual(merged[col["letters_from"]], "EM A decision; TL R decision")
        self.assertEqual(merged[col["merged_ids"]], "tl-conduct-cross-squads-communication")
        # Decided separate: two rows, cross-referenced.
        self.assertIn("tl-provide-feedback-around-individual-s", by_id)
        self.assertEqual(by_id["em-provide-clear-feedback-around-individual"][col["related"]],
                         "tl-provide-feedback-around-individual-s")
        findings = read_csv(os.path.join(self.tmp, "lead-roles-decided.findings.csv"))
        undecided = [r[3] for r in findings if r[1] == "duplicate-needs-decision"]
        self.assertEqual(len(undecided), 3)
        self.assertFalse(any("cross-squads" in m or "feedback" in m for m in undecided), undecided)

    def test_findings_csv_reads_back_with_the_csv_module(self):
        self.assertEqual(run("export", "matrices/lead-roles.md", "-o", self.tmp)[0], 0)
        rows = read_csv(os.path.join(self.tmp, "lead-roles.findings.csv"))
        self.assertEqual(rows[0], ["severity", "code", "location", "message"])
        found = [(r[1], r[2]) for r in rows[1:]]
        self.assertIn(("split-run-together", "matrices/lead-roles.md:38"), found)
        self.assertIn(("repaired-mojibake", "matrices/lead-roles.md:45"), found)

    def test_no_temporary_files_are_left_behind(self):
        self.assertEqual(run("export", "matrices", "-o", self.tmp)[0], 0)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["lead-roles.cells.csv", "lead-roles.findings.csv",
                                                        "lead-roles.matrix.csv",
                                                        "lead-roles.overlaps.csv", "lead-roles.xlsx"])

    def test_two_inputs_with_one_stem_are_refused(self):
        status, _, err = run("export", "matrices/lead-roles.md", "matrices/lead-roles.yaml", "-o", self.tmp)
        self.assertEqual(status, 2)
        self.assertIn("would both write", err)
        self.assertEqual(os.listdir(self.tmp), [])


class Analyze(unittest.TestCase):
    def test_prints_matrix_overlaps_findings_and_summary(self):
        status, out, err = run("analyze", "matrices/lead-roles.md", "--width", "120")
        self.assertEqual(status, 0, err)
        self.assertIn("Lead Roles & Responsibilities (matrices/lead-roles.md)", out)
        self.assertIn("Overlaps: ", out)
        self.assertIn("shared: cross-squads communication", out)
        self.assertIn("Findings: ", out)
        self.assertRegex(out.splitlines()[-1], r"^matrices/lead-roles.md: \d+ rows, 2 roles, \d+ duplicate, \d+ related")
        self.assertNotIn("\033[", out, "no colour when piped")
        table_and_overlaps = out[:out.index("Findings: ")].splitlines()
        self.assertTrue(all(len(line) <= 120 for line in table_and_overlaps), "fits the width")

    def test_a_width_too_narrow_is_refused(self):
        status, out, err = run("analyze", "matrices/lead-roles.md", "--width", "12")
        self.assertEqual(status, 2)
        self.assertIn("--width must be at least 40 columns, not 12", err)
        self.assertEqual(out, "")

    def test_colour_only_on_a_terminal(self):
        import pty
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(ROOT)
            env = dict(os.environ)
            env.pop("NO_COLOR", None)
            os.execve(RACI, [RACI, "analyze", "matrices/lead-roles.md"], env)
        chunks = []
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.waitpid(pid, 0)
        self.assertIn(b"\033[", b"".join(chunks))


class Convert(TempDirTest):
    def test_converting_the_seed_gives_the_committed_yaml(self):
        status, out, err = run("convert", "matrices/lead-roles.md")
        self.assertEqual(status, 0, err)
        self.assertEqual(out.encode("utf-8"), read_bytes(os.path.join(GOLDEN, "lead-roles.yaml")))
        self.assertEqual(read_bytes(os.path.join(ROOT, "matrices", "lead-roles.yaml")),
                         read_bytes(os.path.join(GOLDEN, "lead-roles.yaml")))
        self.assertIn("lead-roles.md:38: warning:", err)

    def test_convert_writes_a_file_that_reads_back(self):
        target = os.path.join(self.tmp, "roles.yaml")
        status, out, _ = run("convert", "matrices/lead-roles.md", "-o", target, "--quiet")
        self.assertEqual((status, out), (0, ""))
        status, _, err = run("check", target)
        self.assertEqual(status, 0, err)

    def test_convert_refuses_to_write_over_its_input(self):
        page = os.path.join(self.tmp, "page.md")
        shutil.copy(os.path.join(ROOT, "matrices", "lead-roles.md"), page)
        before = read_bytes(page)
        status, _, err = run("convert", page, "-o", page)
        self.assertEqual(status, 2)
        self.assertIn("refusing to write over the input", err)
        self.assertEqual(read_bytes(page), before)


class Check(unittest.TestCase):
    def test_seed_reports_the_split_and_the_repair(self):
        status, out, err = run("check", "matrices/lead-roles.md")
        self.assertEqual(status, 0, err)
        lines = [line for line in out.splitlines() if "lead-roles.md:38:" in line or "lead-roles.md:45:" in line]
        self.assertEqual(len(lines), 2, out)
        self.assertTrue(lines[0].startswith("matrices/lead-roles.md:38: warning: split 2 items run together"))
        self.assertTrue(lines[0].endswith("[split-run-together]"))
        self.assertEqual(lines[1], 'matrices/lead-roles.md:45: warning: repaired text decoded as Windows-1252: '
                                   '"teamâ€™s" -> "team’s" [repaired-mojibake]')

    def test_fail_on_warning_exits_one(self):
        status, _, _ = run("check", "matrices/lead-roles.md", "--fail-on", "warning")
        self.assertEqual(status, 1)

    def test_exit_status_follows_the_accountables(self):
        for name, expected, code in (("two-accountable.yaml", 1, "[multiple-accountable]"),
                                     ("no-accountable.yaml", 1, "[no-accountable]"),
                                     ("clean.yaml", 0, None)):
            with self.subTest(matrix=name):
                status, out, err = run("check", f"tests/data/check/{name}")
                self.assertEqual(status, expected, out + err)
                if code:
                    self.assertIn(f"tests/data/check/{name}:6: error: ", out)
                    self.assertIn(code, out)
                else:
                    self.assertEqual(out, "")

    def test_invalid_fail_on_is_a_usage_error(self):
        status, _, err = run("check", "matrices/lead-roles.md", "--fail-on", "loud")
        self.assertEqual(status, 2)
        self.assertIn('invalid --fail-on "loud"', err)


class BadInput(TempDirTest):
    """Each bad input: `raci: error: FILE:LINE:COL: message`, exit 2, no output file."""

    CASES = [
        ("missing.yaml", "raci: error: tests/data/bad/missing.yaml: no such file"),
        ("invalid-syntax.yaml", "raci: error: tests/data/bad/invalid-syntax.yaml:5:1: invalid YAML: "
                                "end of sequence flow not found"),
        ("unknown-key.yaml", 'raci: error: tests/data/bad/unknown-key.yaml:5:5: unknown key "colour" '
                             "(expected one of: id, name, areas, duties)"),
        ("duplicate-role-id.yaml", 'raci: error: tests/data/bad/duplicate-role-id.yaml:4:9: duplicate role id "EM" '
                                   "(first at line 2)"),
        ("invalid-letter.yaml", 'raci: error: tests/data/bad/invalid-letter.yaml:6:20: invalid letters "A/X" for '
                                "role EM: expected a combination of R, A, C and I"),
        ("empty-duty.yaml", "raci: error: tests/data/bad/empty-duty.yaml:6:9: empty duty: expected its text"),
        ("no-roles.md", 'raci: error: tests/data/bad/no-roles.md:1: no roles found: expected one heading per role, '
                        'such as "## Engineering Manager"'),
        ("no-duties.md", "raci: error: tests/data/bad/no-duties.md:1:1: no duties found: expected list items "
                         "under the role headings"),
    ]

    def test_each_bad_input_fails_cleanly_for_every_command(self):
        for name, message in self.CASES:
            path = f"tests/data/bad/{name}"
            for args in (["export", path, "-o", self.tmp], ["check", path],
                         ["convert", path, "-o", os.path.join(self.tmp, "out.yaml")]):
                with self.subTest(input=name, command=args[0]):
                    status, out, err = run(*args)
                    self.assertEqual(status, 2)
                    self.assertEqual(err.splitlines()[0], message)
                    self.assertEqual(os.listdir(self.tmp), [])

    def test_one_bad_input_among_good_ones_writes_nothing(self):
        status, _, err = run("export", "matrices/lead-roles.md", "tests/data/bad/empty-duty.yaml", "-o", self.tmp)
        self.assertEqual(status, 2)
        self.assertEqual(os.listdir(self.tmp), [])

    def test_unsupported_extension(self):
        status, _, err = run("check", "README.md.txt")
        self.assertEqual(status, 2)
        self.assertIn('unsupported input type ".txt"', err)

    def test_directory_named_as_output_file_is_an_error(self):
        status, _, err = run("convert", "matrices/lead-roles.md", "-o", self.tmp)
        self.assertEqual(status, 2)
        self.assertTrue(err.startswith("raci: error: "), err)


if __name__ == "__main__":
    unittest.main()
