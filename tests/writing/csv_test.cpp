#include "writing/csv.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/matrix.h"
#include "reading/yaml_loader.h"
#include "writing/cells_csv.h"
#include "writing/findings_csv.h"
#include "writing/matrix_csv.h"

namespace raci {
namespace {

std::string csv_row(const std::vector<std::string>& fields) {
  CsvWriter csv;
  csv.row(fields);
  return csv.text();
}

TEST(Csv, WritesPlainFieldsUnquotedWithCrlf) {
  EXPECT_EQ(csv_row({"id", "area", "duty"}), "id,area,duty\r\n");
  EXPECT_EQ(csv_row({"Hire engineers", "A/R", "team’s café"}), "Hire engineers,A/R,team’s café\r\n");
}

TEST(Csv, WritesEmptyFields) {
  EXPECT_EQ(csv_row({"", "a", ""}), ",a,\r\n");
  EXPECT_EQ(csv_row({""}), "\r\n");
  EXPECT_EQ(csv_row({}), "\r\n");
}

TEST(Csv, QuotesAFieldWithAComma) { EXPECT_EQ(csv_row({"a,b", "c"}), "\"a,b\",c\r\n"); }

TEST(Csv, QuotesAFieldWithAQuoteAndDoublesIt) {
  EXPECT_EQ(csv_row({"say \"no\""}), "\"say \"\"no\"\"\"\r\n");
  EXPECT_EQ(csv_row({"\""}), "\"\"\"\"\r\n");
}

TEST(Csv, QuotesAFieldWithALineBreak) {
  EXPECT_EQ(csv_row({"one\ntwo"}), "\"one\ntwo\"\r\n");
  EXPECT_EQ(csv_row({"one\r\ntwo"}), "\"one\r\ntwo\"\r\n");
  EXPECT_EQ(csv_row({"one\rtwo"}), "\"one\rtwo\"\r\n");
}

// Long fields are scanned sixteen bytes at a time: a byte that needs quotes anywhere, in the
// first block, a later one or the tail, is found, and every quote is doubled.
TEST(Csv, QuotesALongFieldWhereverTheByteThatNeedsItIs) {
  for (char special : {',', '"', '\r', '\n'}) {
    for (std::size_t size : {15u, 16u, 17u, 31u, 32u, 33u, 100u}) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string field(size, 'x');
        field[at] = special;
        std::string quoted = field;
        if (special == '"') quoted.insert(at, 1, '"');
        if (special == '\r' && at == 0) quoted.insert(0, 1, '\'');  // a formula start, neutralized
        EXPECT_EQ(csv_row({field}), "\"" + quoted + "\"\r\n") << "size " << size << " at " << at;
      }
      EXPECT_EQ(csv_row({std::string(size, 'x')}), std::string(size, 'x') + "\r\n");
    }
  }
  EXPECT_EQ(csv_row({std::string(40, '"')}), "\"" + std::string(80, '"') + "\"\r\n");
}

TEST(Csv, LeavesOtherPunctuationUnquoted) {
  EXPECT_EQ(csv_row({"a;b", "it's", "x y", "#1", "a=b", "a-b", "'quoted'"}),
            "a;b,it's,x y,#1,a=b,a-b,'quoted'\r\n");
}

TEST(Csv, EndsEveryRecordWithCrlf) {
  CsvWriter csv;
  csv.row({"a", "b"});
  csv.row({"c", "d"});
  EXPECT_EQ(csv.text(), "a,b\r\nc,d\r\n");
}

TEST(Csv, NeutralizesFormulaStarts) {
  EXPECT_EQ(neutralize_formula("=SUM(A1:A2)"), "'=SUM(A1:A2)");
  EXPECT_EQ(neutralize_formula("+1"), "'+1");
  EXPECT_EQ(neutralize_formula("-1"), "'-1");
  EXPECT_EQ(neutralize_formula("@cmd"), "'@cmd");
  EXPECT_EQ(neutralize_formula("\tx"), "'\tx");
  EXPECT_EQ(neutralize_formula("\rx"), "'\rx");
}

TEST(Csv, LeavesPlainCellsUntouched) {
  for (std::string_view cell :
       {"", "A/R", "Hire engineers", " =not a formula", "a=b", "'x", "1", "é=", "#"}) {
    EXPECT_EQ(neutralize_formula(cell), cell);
  }
}

TEST(Csv, NeutralizesBeforeQuoting) {
  EXPECT_EQ(csv_row({"=1,2", "+\"x\"", "-a", "@b"}), "\"'=1,2\",\"'+\"\"x\"\"\",'-a,'@b\r\n");
  EXPECT_EQ(csv_row({"\rcmd"}), "\"'\rcmd\"\r\n");
  EXPECT_EQ(csv_row({"\tcmd"}), "'\tcmd\r\n");
}

TEST(Csv, WritesTheMatrix) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    areas:\n"
      "      - name: Hiring, Squad Formation\n"
      "        duties:\n"
      "          - Hire \"great\" engineers\n"
      "          - text: Plan the hiring\n"
      "            id: em-plan\n"
      "            raci: {TL: c/A, EM: r}\n"
      "  - id: TL\n"
      "    name: Technical Leader\n"
      "    duties:\n"
      "      - \"-1 tech debt, =SUM\"\n"
      "  - id: PM\n"
      "    name: Product Manager\n",
      "m.yaml");
  EXPECT_EQ(
      write_matrix_csv(model, build_matrix(model)),
      "id,area,duty,EM,TL,PM,theme,letters_from,merged_ids,merged_wording,related\r\n"
      "em-hire-great-engineers,\"Hiring, Squad Formation\",\"Hire \"\"great\"\" engineers\",A/R,,,,"
      "EM A/R listing-role,,,\r\n"
      "em-plan,\"Hiring, Squad Formation\",Plan the hiring,R,A/C,,,EM R explicit; TL A/C explicit,,,\r\n"
      "tl-1-tech-debt-sum,,\"'-1 tech debt, =SUM\",,A/R,,,TL A/R listing-role,,,\r\n");
}

TEST(Csv, WritesTheMatrixCellsInLongForm) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties:\n"
      "      - text: Plan the hiring\n"
      "        id: em-plan\n"
      "        raci: {TL: c/A, EM: r, PM: '-'}\n"
      "      - =Hire\n"
      "  - id: TL\n"
      "    name: Technical Leader\n"
      "  - id: PM\n"
      "    name: Product Manager\n",
      "m.yaml");
  Matrix matrix = build_matrix(model);
  matrix.rows[1].theme = "hiring";
  matrix.rows[1].cell_at(2) = {Letters(Letters::kI), CellOrigin::kPolicy};
  // PM's explicit empty cell holds no letters: not a line.
  EXPECT_EQ(write_cells_csv(matrix),
            "id,role,letters,from\r\n"
            "em-plan,EM,R,explicit\r\n"
            "em-plan,TL,A/C,explicit\r\n"
            "em-hire,EM,A/R,listing-role\r\n"
            "em-hire,PM,I,policy:hiring\r\n");
}

TEST(Csv, HandsALargeMatrixOverInPiecesThatMakeTheWhole) {
  Matrix matrix;
  for (int r = 0; r < 1000; ++r) {
    Role role;
    role.id = "R" + std::to_string(r);
    matrix.roles.push_back(role);
  }
  for (int i = 0; i < 3000; ++i) {
    MatrixRow row;
    row.id = "d" + std::to_string(i);
    row.text = "Duty, number " + std::to_string(i);
    row.cell_at(static_cast<std::size_t>(i % 1000)) = {Letters(Letters::kA | Letters::kR),
                                                       CellOrigin::kListingRole};
    matrix.rows.push_back(row);
  }
  Model model;
  std::vector<std::string> pieces;
  write_matrix_csv(model, matrix, [&](std::string_view piece) { pieces.emplace_back(piece); });
  EXPECT_GT(pieces.size(), 1u);
  std::string whole;
  for (const std::string& piece : pieces) {
    EXPECT_LE(piece.size(), 2u << 20);
    whole += piece;
  }
  EXPECT_EQ(whole, write_matrix_csv(model, matrix));
  // A row: id, area, duty, a thousand role cells, five extras.
  std::string first_row = whole.substr(whole.find("\r\n") + 2);
  first_row = first_row.substr(0, first_row.find("\r\n"));
  EXPECT_EQ(std::count(first_row.begin(), first_row.end(), ','), 1 + 2 + 1000 + 5);
  EXPECT_TRUE(first_row.starts_with("d0,,\"Duty, number 0\",A/R,,"));
}

TEST(Csv, WritesTheHeaderOfAMatrixWithoutRows) {
  Matrix matrix;
  Role em;
  em.id = "EM";
  matrix.roles.push_back(em);
  EXPECT_EQ(write_matrix_csv(Model{}, matrix),
            "id,area,duty,EM,theme,letters_from,merged_ids,merged_wording,related\r\n");
}

TEST(Csv, WritesTheFindings) {
  std::vector<Finding> findings = {
      {Severity::kError, "no-accountable", {"m.yaml", 12, 5}, "duty \"Plan\" has no A, nobody answers"},
      {Severity::kWarning, "role-without-duties", {"m.yaml", 0, 0}, "=role TL lists no duty"},
      {Severity::kInfo, "split-run-together", {"roles.md", 3, 0}, "split\ninto two"},
      {Severity::kInfo, "no-location", {"", 0, 0}, "plain"},
  };
  EXPECT_EQ(write_findings_csv(findings),
            "severity,code,location,message\r\n"
            "error,no-accountable,m.yaml:12,\"duty \"\"Plan\"\" has no A, nobody answers\"\r\n"
            "warning,role-without-duties,m.yaml,'=role TL lists no duty\r\n"
            "info,split-run-together,roles.md:3,\"split\ninto two\"\r\n"
            "info,no-location,,plain\r\n");
}

TEST(Csv, WritesTheHeaderWhenThereAreNoFindings) {
  EXPECT_EQ(write_findings_csv({}), "severity,code,location,message\r\n");
}

}  // namespace
}  // namespace raci
