#include "reading/policy_loader.h"

#include <map>

#include <fmt/format.h>

#include "embedded_data.h"
#include "reading/utf8.h"
#include "reading/yaml_support.h"

namespace raci {

Policy read_policy(const YAML::Node& node, const std::string& file) {
  yaml::expect(node, YAML::NodeType::Map, "a policy", file);
  Policy policy;
  yaml::for_each_key(node, {"themes"}, file, [&](const std::string&, const YAML::Node& themes) {
    yaml::expect(themes, YAML::NodeType::Sequence, "themes", file);
    std::map<std::string, int> names;  // name -> line
    for (const YAML::Node& item : themes) {
      yaml::expect(item, YAML::NodeType::Map, "a theme", file);
      PolicyTheme theme;
      yaml::for_each_key(item, {"name", "terms", "accountable", "consulted", "informed"}, file,
                         [&](const std::string& key, const YAML::Node& value) {
                           if (key == "name") {
                             yaml::expect(value, YAML::NodeType::Scalar, "a theme name", file);
                             theme.name = utf8::normalize_space(value.Scalar());
                             SourceLocation where = yaml::location(file, value.Mark());
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
        throw InputError(yaml::location(file, item.Mark()), "theme is missing \"name\"");
      if (theme.terms.empty()) {
        throw InputError(yaml::location(file, item.Mark()),
                         fmt::format("theme \"{}\" has no terms", theme.name));
      }
      policy.themes.push_back(std::move(theme));
    }
  });
  return policy;
}

Policy load_policy_file(std::string_view text, const std::string& file) {
  YAML::Node node = yaml::parse(text, file);
  if (!node.IsDefined() || node.IsNull())
    throw InputError({file, 1, 1}, "empty policy: expected \"themes:\"");
  return read_policy(node, file);
}

Policy embedded_policy() { return load_policy_file(embedded::policy(), "policy.yaml (built in)"); }

}  // namespace raci
