#include "analysis/checks.h"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "model/letters.h"
#include "model/matrix.h"

namespace raci {
namespace {

// A model with the roles EM, TL, PM and QA (declared on lines 1 to 4 of m.yaml) and
// `duties` duties d0, d1, ... listed by EM, declared on lines 10, 11, ...
Model model_with(std::size_t duties) {
  Model model;
  model.source_file = "m.yaml";
  const char* ids[] = {"EM", "TL", "PM", "QA"};
  for (int r = 0; r < 4; ++r)
    model.roles.push_back({ids[r], std::string(ids[r]) + " role", {"m.yaml", r + 1, 5}});
  for (std::size_t d = 0; d < duties; ++d) {
    Duty duty;
    duty.id = "d" + std::to_string(d);
    duty.text = "Duty number " + std::to_string(d);
    duty.source = {"m.yaml", 10 + static_cast<int>(d), 7};
    model.duties.push_back(duty);
  }
  return model;
}

// The row of duty `d` with one letter set per role (EM, TL, PM, QA), all from `origin`.
MatrixRow row_of(const Model& model, std::size_t d, std::vector<std::string> letters,
                 CellOrigin origin = CellOrigin::kPolicy) {
  MatrixRow row{model.duties[d].id, "", model.duties[d].text, d, {}, {}, {}, {}};
  for (std::size_t r = 0; r < letters.size(); ++r) {
    if (!letters[r].empty()) row.cell_at(r) = {*Letters::parse(letters[r]), origin};
  }
  return row;
}

// A matrix of `model`'s roles whose rows are `rows`.
Matrix matrix_of(const Model& model, std::vector<MatrixRow> rows) {
  return Matrix{model.roles, std::move(rows)};
}

// "severity code location: message" per finding, in order.
std::vector<std::string> describe(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(
        fmt::format("{} {} {}: {}", severity_name(f.severity), f.code, f.location.to_string(), f.message));
  }
  return out;
}

// The findings of one code only.
std::vector<std::string> findings_of(const std::vector<Finding>& findings, std::string_view code) {
  std::vector<Finding> some;
  for (const Finding& f : findings) {
    if (f.code == code) some.push_back(f);
  }
  return describe(some);
}

// Four roles, each A/R on one of four rows: nobody is overloaded, everyone answers for something.
Matrix clean_matrix(const Model& model) {
  return matrix_of(model, {row_of(model, 0, {"A/R", "C", "", ""}), row_of(model, 1, {"I", "A/R", "", ""}),
                           row_of(model, 2, {"", "", "A/R", "C"}), row_of(model, 3, {"", "", "I", "A/R"})});
}

TEST(Checks, FindsNothingInACleanMatrix) {
  Model model = model_with(4);
  EXPECT_EQ(describe(check_matrix(model, clean_matrix(model), Thresholds{})), std::vector<std::string>{});
}

TEST(Checks, FindsNothingInAnEmptyMatrix) {
  Model model = model_with(0);
  EXPECT_EQ(describe(check_matrix(model, matrix_of(model, {}), Thresholds{})), std::vector<std::string>{});
}

TEST(Checks, ReportsARowWithoutAccountable) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows.push_back(row_of(model, 4, {"R", "C", "", ""}));
  EXPECT_EQ(
      describe(check_matrix(model, matrix, Thresholds{})),
      std::vector<std::string>{
          "error no-accountable m.yaml:14:7: duty d4 has no Accountable (A): decide who answers for it"});
}

TEST(Checks, ReportsARowWithTwoAccountables) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows.push_back(row_of(model, 4, {"A/R", "", "", "A"}));
  EXPECT_EQ(
      describe(check_matrix(model, matrix, Thresholds{})),
      std::vector<std::string>{"error multiple-accountable m.yaml:14:7: duty d4 has 2 Accountables (EM, QA): "
                               "exactly one must answer for it"});
}

TEST(Checks, ReportsARowWithoutResponsible) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows.push_back(row_of(model, 4, {"A", "C", "I", ""}));
  EXPECT_EQ(describe(check_matrix(model, matrix, Thresholds{})),
            std::vector<std::string>{
                "warning no-responsible m.yaml:14:7: duty d4 has no Responsible (R): nobody does the work"});
}

TEST(Checks, ReportsARowWithoutAccountableOrResponsibleTwice) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows.push_back(row_of(model, 4, {"", "", "", ""}));
  std::vector<Finding> findings = check_matrix(model, matrix, Thresholds{});
  EXPECT_EQ(findings_of(findings, "no-accountable").size(), 1u);
  EXPECT_EQ(findings_of(findings, "no-responsible").size(), 1u);
}

TEST(Checks, ReportsMoreResponsiblesThanTheThreshold) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows.push_back(row_of(model, 4, {"A/R", "R", "R", "R"}));
  Thresholds thresholds;
  thresholds.overloaded_share = 1;
  EXPECT_EQ(describe(check_matrix(model, matrix, thresholds)),
            std::vector<std::string>{"warning too-many-responsible m.yaml:14:7: duty d4 has 4 Responsibles "
                                     "(EM, TL, PM, QA), more than 3"});
}

TEST(Checks, AcceptsAsManyResponsiblesAsTheThreshold) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows.push_back(row_of(model, 4, {"A/R", "R", "R", "C"}));
  Thresholds thresholds;
  thresholds.overloaded_share = 1;
  EXPECT_EQ(describe(check_matrix(model, matrix, thresholds)), std::vector<std::string>{});
}

TEST(Checks, TakesTheResponsibleThresholdFromTheSettings) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows.push_back(row_of(model, 4, {"A/R", "R", "C", ""}));
  Thresholds thresholds;
  thresholds.max_responsible = 1;
  EXPECT_EQ(
      findings_of(check_matrix(model, matrix, thresholds), "too-many-responsible"),
      std::vector<std::string>{
          "warning too-many-responsible m.yaml:14:7: duty d4 has 2 Responsibles (EM, TL), more than 1"});
}

TEST(Checks, ReportsARoleAccountableOrResponsibleOnMoreThanTheShareOfRows) {
  // EM carries 4 of 5 rows (A on two, R on two); TL carries 3 of 5, exactly the share.
  Model model = model_with(5);
  Matrix matrix =
      matrix_of(model, {row_of(model, 0, {"A/R", "", "", ""}), row_of(model, 1, {"A", "R", "", ""}),
                        row_of(model, 2, {"R", "A", "", ""}), row_of(model, 3, {"R", "C", "A", ""}),
                        row_of(model, 4, {"C", "R", "", "A"})});
  EXPECT_EQ(
      findings_of(check_matrix(model, matrix, Thresholds{}), "overloaded-role"),
      std::vector<std::string>{"warning overloaded-role m.yaml:1:5: role EM is Accountable or Responsible on "
                               "4 of 5 duties (80%, more than 60%)"});
}

TEST(Checks, DoesNotReportARoleExactlyAtTheShare) {
  Model model = model_with(5);
  Matrix matrix =
      matrix_of(model, {row_of(model, 0, {"A/R", "", "", ""}), row_of(model, 1, {"A", "R", "", ""}),
                        row_of(model, 2, {"R", "A", "", ""}), row_of(model, 3, {"C", "C", "A/R", ""}),
                        row_of(model, 4, {"C", "", "", "A/R"})});
  EXPECT_EQ(findings_of(check_matrix(model, matrix, Thresholds{}), "overloaded-role"),
            std::vector<std::string>{});
}

TEST(Checks, TakesTheOverloadedShareFromTheSettings) {
  Model model = model_with(4);
  Thresholds thresholds;
  thresholds.overloaded_share = 0.2;
  EXPECT_EQ(
      findings_of(check_matrix(model, clean_matrix(model), thresholds), "overloaded-role"),
      (std::vector<std::string>{
          "warning overloaded-role m.yaml:1:5: role EM is Accountable or Responsible on 1 of 4 duties (25%, "
          "more than 20%)",
          "warning overloaded-role m.yaml:2:5: role TL is Accountable or Responsible on 1 of 4 duties (25%, "
          "more than 20%)",
          "warning overloaded-role m.yaml:3:5: role PM is Accountable or Responsible on 1 of 4 duties (25%, "
          "more than 20%)",
          "warning overloaded-role m.yaml:4:5: role QA is Accountable or Responsible on 1 of 4 duties (25%, "
          "more than 20%)"}));
}

TEST(Checks, ReportsARoleAccountableForNothing) {
  Model model = model_with(4);
  model.duties[3].role = 3;  // QA lists d3, is Responsible for it, Accountable for none
  Matrix matrix =
      matrix_of(model, {row_of(model, 0, {"A/R", "C", "", ""}), row_of(model, 1, {"I", "A/R", "", ""}),
                        row_of(model, 2, {"", "", "A/R", "R"}), row_of(model, 3, {"", "A", "I", "R"})});
  EXPECT_EQ(describe(check_matrix(model, matrix, Thresholds{})),
            std::vector<std::string>{
                "info role-without-accountability m.yaml:4:5: role QA is Accountable for no duty"});
}

TEST(Checks, LeavesARoleWithoutDutiesToItsReadingFinding) {
  Model model = model_with(4);  // every duty is EM's: QA lists none, and is Accountable for none
  Matrix matrix =
      matrix_of(model, {row_of(model, 0, {"A/R", "C", "", ""}), row_of(model, 1, {"I", "A/R", "", ""}),
                        row_of(model, 2, {"", "", "A/R", ""}), row_of(model, 3, {"", "", "A/R", ""})});
  for (const std::string& finding : describe(check_matrix(model, matrix, Thresholds{}))) {
    EXPECT_EQ(finding.find("role-without-accountability"), std::string::npos) << finding;
  }
}

TEST(Checks, AsksToConfirmAMergedDuplicateAccountableByPolicy) {
  Model model = model_with(5);
  model.duties[4].role = 1;
  Matrix matrix = clean_matrix(model);
  matrix.rows[0] = row_of(model, 0, {"A/R", "R", "", ""});
  matrix.rows[0].cell_at(1).origin = CellOrigin::kListingRole;
  matrix.rows[0].merged = {4};
  EXPECT_EQ(
      describe(check_matrix(model, matrix, Thresholds{})),
      std::vector<std::string>{"warning duplicate-needs-decision m.yaml:10:7: duties d0 and d4 are the same "
                               "duty; EM is Accountable by policy: confirm it and record the decision"});
}

TEST(Checks, AsksToConfirmAMergedDuplicateAccountableByTheListingRole) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows[0] = row_of(model, 0, {"R", "A/R", "", ""}, CellOrigin::kListingRole);
  matrix.rows[0].merged = {4};
  EXPECT_EQ(
      findings_of(check_matrix(model, matrix, Thresholds{}), "duplicate-needs-decision"),
      std::vector<std::string>{"warning duplicate-needs-decision m.yaml:10:7: duties d0 and d4 are the same "
                               "duty; TL is Accountable as the listing role: confirm it and record the decision"});
}

TEST(Checks, NamesEveryDutyOfAMergedRow) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows[0] = row_of(model, 0, {"A/R", "R", "R", ""}, CellOrigin::kListingRole);
  matrix.rows[0].merged = {3, 4};
  EXPECT_EQ(
      findings_of(check_matrix(model, matrix, Thresholds{}), "duplicate-needs-decision"),
      std::vector<std::string>{"warning duplicate-needs-decision m.yaml:10:7: duties d0, d3 and d4 are the "
                               "same duty; EM is Accountable as the listing role: confirm it and record the decision"});
}

TEST(Checks, AcceptsAMergedDuplicateDecidedByTheWorkshop) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows[0] = row_of(model, 0, {"A/R", "R", "", ""}, CellOrigin::kDecision);
  matrix.rows[0].merged = {4};
  EXPECT_EQ(describe(check_matrix(model, matrix, Thresholds{})), std::vector<std::string>{});
}

TEST(Checks, AcceptsAMergedDuplicateWithExplicitLetters) {
  Model model = model_with(5);
  Matrix matrix = clean_matrix(model);
  matrix.rows[0] = row_of(model, 0, {"A/R", "R", "", ""}, CellOrigin::kExplicit);
  matrix.rows[0].merged = {4};
  EXPECT_EQ(describe(check_matrix(model, matrix, Thresholds{})), std::vector<std::string>{});
}

TEST(Checks, DoesNotAskToConfirmARowThatWasNotMerged) {
  Model model = model_with(4);
  Matrix matrix = clean_matrix(model);
  matrix.rows[0] = row_of(model, 0, {"A/R", "C", "", ""}, CellOrigin::kPolicy);
  EXPECT_EQ(describe(check_matrix(model, matrix, Thresholds{})), std::vector<std::string>{});
}

TEST(Checks, SortsFindingsByLocation) {
  Model model = model_with(5);
  Matrix matrix =
      matrix_of(model, {row_of(model, 4, {"A", "", "", ""}), row_of(model, 0, {"A/R", "A", "", ""}),
                        row_of(model, 1, {"", "A/R", "", ""}), row_of(model, 2, {"", "", "A/R", ""}),
                        row_of(model, 3, {"", "", "", "A/R"})});
  std::vector<std::string> codes;
  for (const Finding& f : check_matrix(model, matrix, Thresholds{})) codes.push_back(f.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"multiple-accountable", "no-responsible"}));
}

}  // namespace
}  // namespace raci
