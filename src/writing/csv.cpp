#include "writing/csv.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace raci {

namespace {

// A first character a spreadsheet may read as the start of a formula (OWASP's list).
bool starts_like_formula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

// The bytes that make a field need quotes.
constexpr bool needs_quotes(char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }

// Where the first byte that makes `field` need quotes is; its size when there is none.
// Sixteen bytes at a time where the processor can: every field of every CSV file is scanned.
std::size_t first_needing_quotes(std::string_view field) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  for (; i + 16 <= field.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(field.data() + i));
    const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, quote)),
                                      _mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, lf)));
    if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0) {
      return i + static_cast<std::size_t>(std::countr_zero(mask));
    }
  }
#endif
  while (i < field.size() && !needs_quotes(field[i])) ++i;
  return i;
}

}  // namespace

std::string neutralize_formula(std::string_view cell) {
  return starts_like_formula(cell) ? "'" + std::string(cell) : std::string(cell);
}

void append_csv_field(std::string& out, std::string_view field) {
  const bool formula = starts_like_formula(field);
  // Most fields need no quotes: one scan, one copy.
  const std::size_t special = first_needing_quotes(field);
  if (special == field.size()) {
    if (formula) out += '\'';
    out.append(field.data(), field.size());
    return;
  }
  out += '"';
  if (formula) out += '\'';
  // Copied a run at a time up to each quote, which is doubled.
  for (std::size_t from = 0; from < field.size();) {
    std::size_t quote = field.find('"', from);
    if (quote == std::string_view::npos) quote = field.size();
    out.append(field.data() + from, quote - from);
    if (quote < field.size()) out += "\"\"";
    from = quote + 1;
  }
  out += '"';
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) text_ += ',';
    first = false;
    append_csv_field(text_, field);
  }
  text_ += "\r\n";
}

}  // namespace raci
