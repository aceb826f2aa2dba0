#include "reading/policy_loader.h"

#include <map>

#include <fmt/format.h>

#include "embedded_data.h"
#include "reading/utf8.h"
#include "reading/yaml_support.h"

namespace raci {

Policy read_policy(const yaml::Node& node, const std::string& file) {
  yaml::expect(node, yaml::Kind::kMap, "a policy", file);
  Policy policy;
  yaml::for_each_key(node, {"themes"}, file, [&](std::string_view, const yaml::Node& themes) {
    yaml::expect(themes, yaml::Kind::kSequence, "themes", file);
    std::map<std::string, int> names;  // name -> line
    for (yaml::Node item : themes) {
      yaml::expect(item, yaml::Kind::kMap, "a theme", file);
      PolicyTheme theme;
      yaml::for_each_key(item, {"name", "terms", "accountable", "consulted", "informed"}, file,
                         [&](std::string_view key, const yaml::Node& value) {
                           if (key == "name") {
                             yaml::expect(value, yaml::Kind::kScalar, "a theme name", file);
                             theme.name = utf8::normalize_space(value.scalar());
                             SourceLocation where = yaml::location(file, value.mark());
                             if (theme.name.empty()) throw InputError(where, "empty theme name");
                             auto [first, fresh] = names.emplace(theme.name, where.line);
                             if (!fresh) {
                               throw InputError(
                                   where, fmt::format("duplicate theme \"{}\" (first at line {})", theme.name,
                                                      first->second));
                             }
                           } else if (key == "terms") {
                             theme.terms = yaml::text_list(value, "terms", file);
                           } else if (key == "accountable") {
                             theme.accountable = yaml::text_list(value, "accountable", file);
                           } else if (key == "consulted") {
                             theme.consulted = yaml::text_list(value, "consulted", file);
                           } else {
                             theme.informed = yaml::text_list(value, "informed", file);
                           }
                         });
      if (theme.name.empty())
        throw InputError(yaml::location(file, item.mark()), "theme is missing \"name\"");
      if (theme.terms.empty()) {
        throw InputError(yaml::location(file, item.mark()),
                         fmt::format("theme \"{}\" has no terms", theme.name));
      }
      policy.themes.push_back(std::move(theme));
    }
  });
  return policy;
}

Policy load_policy_file(std::string_view text, const std::string& file) {
  yaml::Document document = yaml::parse(text, file);
  if (document.root().is_null()) throw InputError({file, 1, 1}, "empty policy: expected \"themes:\"");
  return read_policy(document.root(), file);
}

Policy embedded_policy() { return load_policy_file(embedded::policy(), "policy.yaml (built in)"); }

}  // namespace raci
