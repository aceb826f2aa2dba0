#include "model/matrix.h"

#include <gtest/gtest.h>

#include "model/model.h"

namespace raci {
namespace {

const Letters kAR(Letters::kA | Letters::kR);

Role role(std::string id, std::string name) {
  Role role;
  role.id = std::move(id);
  role.name = std::move(name);
  return role;
}

ExplicitCell explicit_cell(std::string role_id, Letters letters) {
  ExplicitCell cell;
  cell.role_id = std::move(role_id);
  cell.letters = letters;
  return cell;
}

// Three roles; EM lists two duties (one in an area), TL one with explicit letters.
Model three_roles() {
  Model model;
  model.roles = {role("EM", "Engineering Manager"), role("TL", "Technical Leader"),
                 role("PM", "Product Manager")};
  Duty hire;
  hire.id = "em-hire";
  hire.text = "Hire engineers";
  hire.role = 0;
  hire.area = "Hiring";
  Duty plan;
  plan.id = "em-plan";
  plan.text = "Plan vacations";
  plan.role = 0;
  Duty review;
  review.id = "tl-review";
  review.text = "Review code";
  review.role = 1;
  review.raci = {explicit_cell("PM", Letters(Letters::kI)), explicit_cell("EM", Letters(Letters::kA))};
  model.duties = {hire, plan, review};
  return model;
}

TEST(Matrix, HasEveryRoleAndADutyPerRowInModelOrder) {
  Matrix matrix = build_matrix(three_roles());
  ASSERT_EQ(matrix.roles.size(), 3u);
  EXPECT_EQ(matrix.roles[0].id, "EM");
  EXPECT_EQ(matrix.roles[1].id, "TL");
  EXPECT_EQ(matrix.roles[2].id, "PM");
  ASSERT_EQ(matrix.rows.size(), 3u);
  EXPECT_EQ(matrix.rows[0].id, "em-hire");
  EXPECT_EQ(matrix.rows[0].area, "Hiring");
  EXPECT_EQ(matrix.rows[0].text, "Hire engineers");
  EXPECT_EQ(matrix.rows[0].duty, 0u);
  EXPECT_EQ(matrix.rows[1].id, "em-plan");
  EXPECT_EQ(matrix.rows[1].area, "");
  EXPECT_EQ(matrix.rows[1].duty, 1u);
  EXPECT_EQ(matrix.rows[2].id, "tl-review");
  EXPECT_EQ(matrix.rows[2].duty, 2u);
  // Sparse: only the cells set are stored.
  EXPECT_EQ(matrix.rows[0].cells.size(), 1u);
  EXPECT_EQ(matrix.rows[2].cells.size(), 2u);
}

TEST(Matrix, GivesTheListingRoleAccountableAndResponsible) {
  Matrix matrix = build_matrix(three_roles());
  const MatrixRow& hire = matrix.rows[0];
  EXPECT_EQ(hire.cell(0).letters, kAR);
  EXPECT_EQ(hire.cell(0).origin, CellOrigin::kListingRole);
  EXPECT_EQ(cell_origin_name(hire.cell(0).origin), "listing-role");
}

TEST(Matrix, LeavesTheOtherCellsEmpty) {
  Matrix matrix = build_matrix(three_roles());
  for (std::size_t r : {0u, 1u}) {
    for (std::size_t c : {1u, 2u}) {
      SCOPED_TRACE(testing::Message() << "row " << r << " cell " << c);
      EXPECT_TRUE(matrix.rows[r].cell(c).letters.empty());
      EXPECT_EQ(matrix.rows[r].cell(c).origin, CellOrigin::kNone);
    }
  }
  EXPECT_EQ(cell_origin_name(CellOrigin::kNone), "");
}

TEST(Matrix, LetsExplicitLettersWin) {
  Matrix matrix = build_matrix(three_roles());
  const MatrixRow& review = matrix.rows[2];
  EXPECT_EQ(review.cell(0).letters, Letters(Letters::kA));
  EXPECT_EQ(review.cell(0).origin, CellOrigin::kExplicit);
  EXPECT_EQ(cell_origin_name(review.cell(0).origin), "explicit");
  EXPECT_EQ(review.cell(2).letters, Letters(Letters::kI));
  EXPECT_EQ(review.cell(2).origin, CellOrigin::kExplicit);
  // The listing role (TL) is not named in `raci`, so it holds nothing.
  EXPECT_TRUE(review.cell(1).letters.empty());
  EXPECT_EQ(review.cell(1).origin, CellOrigin::kNone);
}

TEST(Matrix, KeepsAnExplicitLetterForTheListingRole) {
  Model model = three_roles();
  model.duties[0].raci = {explicit_cell("EM", Letters(Letters::kR))};
  Matrix matrix = build_matrix(model);
  EXPECT_EQ(matrix.rows[0].cell(0).letters, Letters(Letters::kR));
  EXPECT_EQ(matrix.rows[0].cell(0).origin, CellOrigin::kExplicit);
}

TEST(Matrix, KeepsAnExplicitEmptyCell) {
  Model model = three_roles();
  model.duties[0].raci = {explicit_cell("EM", Letters()), explicit_cell("TL", kAR)};
  Matrix matrix = build_matrix(model);
  EXPECT_TRUE(matrix.rows[0].cell(0).letters.empty());
  EXPECT_EQ(matrix.rows[0].cell(0).origin, CellOrigin::kExplicit);
  EXPECT_EQ(matrix.rows[0].cell(1).letters, kAR);
}

TEST(MatrixRow, KeepsItsCellsInRoleOrderAndEachRoleOnce) {
  MatrixRow row;
  row.cell_at(7) = {Letters(Letters::kC), CellOrigin::kOverlap};
  row.cell_at(2) = {kAR, CellOrigin::kListingRole};
  row.cell_at(7).letters = Letters(Letters::kI);
  ASSERT_EQ(row.cells.size(), 2u);
  EXPECT_EQ(row.cells[0].role, 2u);
  EXPECT_EQ(row.cells[1].role, 7u);
  EXPECT_EQ(row.cell(7), (Cell{Letters(Letters::kI), CellOrigin::kOverlap}));
  EXPECT_EQ(row.cell(3), Cell{});
  EXPECT_EQ(row.cells.size(), 2u);  // reading does not add a cell
}

TEST(Matrix, IsEmptyForAModelWithoutDuties) {
  Model model;
  model.roles = {role("EM", "Engineering Manager")};
  Matrix matrix = build_matrix(model);
  EXPECT_EQ(matrix.roles.size(), 1u);
  EXPECT_TRUE(matrix.rows.empty());
}

TEST(Matrix, FindsRolesById) {
  Model model = three_roles();
  EXPECT_EQ(model.find_role("TL"), 1u);
  EXPECT_EQ(model.find_role("tl"), std::nullopt);
  EXPECT_EQ(model.find_role(""), std::nullopt);
}

TEST(Matrix, ListsTheAreasOfARoleInFirstAppearanceOrder) {
  Model model = three_roles();
  EXPECT_EQ(model.areas_of(0), (std::vector<std::string>{"Hiring", ""}));
  EXPECT_EQ(model.areas_of(1), (std::vector<std::string>{""}));
  EXPECT_TRUE(model.areas_of(2).empty());
}

}  // namespace
}  // namespace raci
